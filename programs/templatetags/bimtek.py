"""Template filters of the Bimtek year: the dates of a workshop as one range, in the active
language ("3–4 Maret 2018", "30 Mei – 1 Juni 2018"; "3–4 March 2018" in English)."""

from datetime import date

from django import template
from django.utils.formats import date_format

register = template.Library()


def date_range(starts: date | None, ends: date | None = None) -> str:
    """The days from ``starts`` to ``ends`` with the month and year written once where shared."""
    if starts is None:
        return ""
    if ends is None or ends == starts:
        return date_format(starts, "j F Y")
    if (starts.year, starts.month) == (ends.year, ends.month):
        return f"{starts.day}–{date_format(ends, 'j F Y')}"
    if starts.year == ends.year:
        return f"{date_format(starts, 'j F')} – {date_format(ends, 'j F Y')}"
    return f"{date_format(starts, 'j F Y')} – {date_format(ends, 'j F Y')}"


@register.filter(name="date_range")
def date_range_filter(starts, ends=None) -> str:
    """``{{ workshop.starts|date_range:workshop.ends }}``."""
    return date_range(starts, ends or None)
