"""Template filters for scores kept as strings in snapshot JSON (``{"baseline": "3.17"}``)."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def score_of(values: dict, code: str) -> str:
    """The localised score under ``code`` (``3,17`` in Indonesian), or ``–``."""
    raw = (values or {}).get(code)
    try:
        return number_format(Decimal(str(raw)), decimal_pos=2) if raw not in (None, "") else "–"
    except InvalidOperation:
        return "–"
