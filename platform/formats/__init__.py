"""Numbers, durations and times as the reader's language writes them (``2,4``,
``1.250.000``, ``14:30`` in Indonesian), for text built in Python: a message, a CSV cell, a
PDF. Templates localise by themselves (``{{ value }}``, ``floatformat``); Python's
``f"{x:.1f}"`` or ``round(x, 1)`` put into a message do not, so every such number goes through
here. The formats themselves are in ``id/formats.py`` and ``en/formats.py``
(``FORMAT_MODULE_PATH``)."""

from datetime import datetime, time
from decimal import Decimal, InvalidOperation

from django.utils import formats


def number(value, places: int | None = None) -> str:
    """``2.4`` → ``"2,4"``, ``1250000`` → ``"1.250.000"`` in Indonesian; ``places`` fixes the
    decimals (``number(10, 2)`` → ``"10,00"``)."""
    if value is None:
        return ""
    if places is not None:
        value = round(Decimal(str(value)), places)
    return formats.number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def number_text(value) -> str:
    """A number kept as text in stored data (``"2.73"`` in a profile's JSON) as the reader
    writes it (``"2,73"``); text that is not a plain number comes back unchanged."""
    if value is None or value == "":
        return ""
    try:
        parsed = Decimal(str(value))
    except InvalidOperation:
        return value
    return number(parsed) if parsed.is_finite() else value


def minutes(value, places: int = 1) -> str:
    """A duration in minutes, ``seconds`` given: ``90`` → ``"1,5"`` (the word stays with the message)."""
    return number(Decimal(str(value)) / 60, places)


def megabytes(size: int, places: int = 1) -> str:
    """A file size in bytes as megabytes: ``2621440`` → ``"2,5"``."""
    return number(Decimal(size) / 1024 / 1024, places)


def time_of_day(value: datetime | time) -> str:
    """``14:30``: the one time format (``TIME_FORMAT``); a datetime is shown as it is given
    (make it local first)."""
    return formats.time_format(value, "TIME_FORMAT")
