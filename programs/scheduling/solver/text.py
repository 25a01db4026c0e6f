"""How the scheduling code names things in sentences: workshops ("Bimtek III Kota X"), days and
date ranges in the active language (Indonesian first)."""

from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def stage_name(stage: int) -> str:
    return _("Bimtek %(stage)s") % {"stage": ROMAN.get(stage, str(stage))}


def job_label(job) -> str:
    return f"{stage_name(job.stage)} {job.region_name}"


def day(d: date) -> str:
    return date_format(d, "j M Y")


def span(start: date, days: int) -> str:
    """The days a workshop occupies: "3–4 Jun 2018"."""
    end = start + timedelta(days=days - 1)
    return date_range((start, end))


def date_range(rng: tuple[date, date], *, month: str = "M") -> str:
    """The days from start to end, month and year written once where shared: "3–4 Jun 2018",
    "30 Mei – 1 Jun 2018"; ``month="F"`` writes months in full ("3–4 Juni 2018"). The one
    formatter of date ranges (solver messages, timeline, Bimtek stages, version changes)."""
    start, end = rng
    if start == end:
        return date_format(start, f"j {month} Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, f'j {month} Y')}"
    if start.year == end.year:
        return f"{date_format(start, f'j {month}')} – {date_format(end, f'j {month} Y')}"
    return f"{date_format(start, f'j {month} Y')} – {date_format(end, f'j {month} Y')}"


def date_ranges(ranges) -> str:
    return ", ".join(date_range(r) for r in ranges)


def person_name(persons_by_id: dict, pid: int | None) -> str:
    person = persons_by_id.get(pid)
    if person is None:
        return _("fasilitator #%(id)s") % {"id": pid}
    return person.name
