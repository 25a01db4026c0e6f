"""A number written with a decimal point on a page shown in Indonesian (issue 13, item 6).

Indonesian writes ``2,4 detik`` and ``10,00 %``; ``2.4`` or ``10.00`` is a number formatted by
hand in English. The journeys' harness searches the visible text of every page whose
``<html lang>`` is Indonesian with ``DECIMAL_POINT``. Left alone, on purpose:

- thousands grouping: ``1.250.000``, ``1.250`` (a dot followed by groups of three digits);
- dates and versions with more than one dot (``30.11.2026``, ``1.2.3``), dots glued to a word
  (``v1.2``, ``sc100.test``) and a day and month (``30.11``);
- a time of day after a date or a word that announces it (``2026, 14.30``, ``pukul 14.30``,
  ``14.30 WIB``);
- the dotted codes of the data (``35.74`` is Kota Probolinggo's BPS code), taken from the
  database and removed from the text before the search.
"""

import re

DAY_MONTH = r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])"
TIME = r"(?:[01]?\d|2[0-3])\.[0-5]\d"
DECIMAL_POINT = re.compile(
    r"(?<![\w.,])"  # not glued to a word, another dot or a comma
    r"(?<!\d{4}, )(?<!\d{4} )(?<!pukul )(?<!Pukul )(?<!jam )"  # not a time after a date or "pukul"
    r"(?!\d{1,3}(?:\.\d{3})+(?!\w|\.\d))"  # not Indonesian thousands grouping (1.250.000)
    rf"(?!{DAY_MONTH}(?!\w|\.\d))"  # not a day and month (30.11)
    rf"(?!{TIME}\s?(?:WIB|WITA|WIT)\b)"  # not a time with its zone (14.30 WIB)
    r"-?\d+\.\d+"
    r"(?!\w|[.,]\d)"  # the whole token: no further group (1.2.3), no English 1.5,000
)
CODES = (
    ("tenants", "Region", "code"),
    ("framework", "Component", "code"),
    ("framework", "Dimension", "code"),
    ("framework", "SubDimension", "code"),
    ("framework", "Indicator", "code"),
)


def decimal_points(text: str, codes: frozenset[str] = frozenset()) -> list[str]:
    """The numbers written with a decimal point in ``text`` (``codes`` are identifiers, skipped)."""
    for code in sorted(codes, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(code)}(?![\w.])", " ", text)
    return DECIMAL_POINT.findall(text)


def dotted_codes() -> frozenset[str]:
    """The dotted identifiers pages show: region codes and the framework's codes."""
    from django.apps import apps

    found = set()
    for label, model, name in CODES:
        try:
            cls = apps.get_model(label, model)
        except LookupError:
            continue
        found |= {c for c in cls.objects.values_list(name, flat=True) if c and "." in c}
    return frozenset(found)
