"""The iCal file of a showcase's published agenda (like ``programs.scheduling.feeds``): one
VEVENT per session (from its heading to its last slot) and one per timed slot (opening,
presentation, break, closing), located at the stage and the venue, in the event's own zone
with its VTIMEZONE. UIDs follow the slot's meaning (a region's presentation keeps its UID
across versions), so a calendar app sees a moved presentation as the same event, moved."""

from collections import Counter
from datetime import date
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from showcase import selectors
from showcase.models import AgendaVersion, Showcase, Slot

UID_DOMAIN = "smartcity100"


def _uid(showcase: Showcase, slot: Slot, seen: Counter) -> str:
    if slot.kind == Slot.Kind.PRESENTATION:
        key = f"presentation-{slot.region_id}"
    else:
        seen[(slot.kind, slot.stage_id)] += 1
        key = f"{slot.kind}-{slot.stage_id}-{seen[(slot.kind, slot.stage_id)]}"
    return f"showcase-{showcase.pk}-{key}@{UID_DOMAIN}"


def _sessions(slots: list[Slot]) -> list[tuple[Slot, Slot]]:
    """Each session heading with the last slot of its session (up to the next heading or closing)."""
    spans = []
    by_stage: dict[int, list[Slot]] = {}
    for slot in slots:
        by_stage.setdefault(slot.stage_id, []).append(slot)
    for seq in by_stage.values():
        for i, slot in enumerate(seq):
            if slot.kind != Slot.Kind.SESSION:
                continue
            last = slot
            for following in seq[i + 1 :]:
                if following.kind in (Slot.Kind.SESSION, Slot.Kind.CLOSING):
                    break
                last = following
            spans.append((slot, last))
    return spans


def calendar_of(showcase: Showcase, version: AgendaVersion) -> bytes:
    slots = selectors.slots_of(version)
    stamp = version.published_at or version.created_at
    zone = ZoneInfo(showcase.time_zone)
    seen: Counter = Counter()
    events = []
    for heading, last in _sessions(slots):
        if last.ends_at > heading.starts_at:
            events.append(
                Event.new(
                    uid=_uid(showcase, heading, seen),
                    summary=_("Sesi: %(title)s") % {"title": heading.title},
                    start=heading.starts_at.astimezone(zone),
                    end=last.ends_at.astimezone(zone),
                    location=f"{heading.stage.name}, {showcase.venue}",
                    stamp=stamp,
                    categories=["Showcase"],
                )
            )
    for slot in slots:
        if slot.kind == Slot.Kind.SESSION or not slot.minutes:
            continue
        title = slot.region.name if slot.region_id else (slot.title or slot.get_kind_display())
        description = ""
        if slot.kind == Slot.Kind.PRESENTATION:
            description = _("Paparan %(p)s menit, tanya jawab %(q)s menit.") % {
                "p": slot.minutes - slot.question_minutes,
                "q": slot.question_minutes,
            }
        events.append(
            Event.new(
                uid=_uid(showcase, slot, seen),
                summary=f"{title} · {showcase.name}",
                start=slot.starts_at.astimezone(zone),
                end=slot.ends_at.astimezone(zone),
                location=f"{slot.stage.name}, {showcase.venue}",
                description=description or None,
                stamp=stamp,
                categories=["Showcase"],
            )
        )
    calendar = Calendar.new(
        prodid="-//Smart City 100//Showcase//ID",
        uid=f"showcase-{showcase.pk}@{UID_DOMAIN}",
        name=showcase.name,
        subcomponents=events,
    )
    calendar.calscale = "GREGORIAN"
    # VTIMEZONE of the event's zone (Indonesia keeps no daylight saving).
    calendar.add_missing_timezones(
        first_date=date(showcase.starts_on.year, 1, 1), last_date=date(showcase.ends_on.year + 1, 1, 1)
    )
    return calendar.to_ical()
