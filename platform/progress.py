"""The step of a background job (a book, a deck) as its page shows it: the job stores the
untranslated message (``gettext_noop``) and its parameters, and the reader sees it in their
own language, whatever the language of the worker that wrote it."""

from collections.abc import Callable

from django.utils.formats import number_format
from django.utils.translation import gettext


def step_text(step: str, params: dict | None, counted: dict[str, Callable[[int], str]] | None = None) -> str:
    """``step`` in the active language with ``params``: a count ``n`` picks the plural form of
    a message in ``counted`` (message → its ``ngettext``), a fraction is written the language's
    way (``2,4`` / ``2.4``). A step stored as finished text (before steps were stored
    untranslated) is shown as it is."""
    params = params or {}
    values = {k: number_format(v, 1) if isinstance(v, float) else v for k, v in params.items()}
    plural, count = (counted or {}).get(step), params.get("n")
    text = plural(count) if plural and isinstance(count, int) else gettext(step)
    try:
        return text % values if values else text
    except (KeyError, TypeError, ValueError):
        return step
