"""Template filters of the Bimtek year: the dates of a workshop as one range, in the active
language ("3–4 Maret 2018", "30 Mei – 1 Juni 2018"; "3–4 March 2018" in English)."""

from datetime import date

from django import template

from programs.scheduling.solver import text

register = template.Library()


def date_range(starts: date | None, ends: date | None = None) -> str:
    """The days from ``starts`` to ``ends``, months in full (the scheduling formatter)."""
    if starts is None:
        return ""
    return text.date_range((starts, ends or starts), month="F")


@register.filter(name="date_range")
def date_range_filter(starts, ends=None) -> str:
    """``{{ workshop.starts|date_range:workshop.ends }}``."""
    return date_range(starts, ends or None)
