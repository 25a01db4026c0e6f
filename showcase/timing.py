"""The bridge between the showcase's rows and the pure layout (``showcase.layout``): its
settings, the words it writes, and times between the database (aware) and the event's clock
(naive, in the event's own zone)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from showcase import layout
from showcase.models import Showcase, Slot


def settings_of(showcase: Showcase, stages: int | None = None) -> layout.Settings:
    return layout.Settings(
        starts_on=showcase.starts_on,
        ends_on=showcase.ends_on,
        day_starts=showcase.day_starts_at,
        day_ends=showcase.day_ends_at,
        presentation_minutes=showcase.presentation_minutes,
        question_minutes=showcase.question_minutes,
        opening_minutes=showcase.opening_minutes,
        closing_minutes=showcase.closing_minutes,
        break_minutes=showcase.break_minutes,
        break_every=showcase.break_every,
        grouping=showcase.grouping,
        draw_seed=showcase.draw_seed,
        stages=stages if stages is not None else showcase.stages.count(),
    )


def labels() -> layout.Labels:
    return layout.Labels(
        opening=_("Pembukaan"),
        closing=_("Penutupan"),
        rest=_("Rehat"),
        session=_("Sesi %(n)s"),
        no_dimension=_("Belum ada dimensi quick win"),
        other_island=_("Lainnya"),
    )


def local(moment: datetime, showcase: Showcase) -> datetime:
    """An aware moment as a naive time in the event's zone (the layout's clock)."""
    return timezone.localtime(moment, ZoneInfo(showcase.time_zone)).replace(tzinfo=None)


def aware(moment: datetime, showcase: Showcase) -> datetime:
    return moment.replace(tzinfo=ZoneInfo(showcase.time_zone))


def planned_of(slot: Slot, showcase: Showcase, stage_index: int) -> layout.Planned:
    return layout.Planned(
        stage=stage_index,
        position=slot.position,
        kind=slot.kind,
        starts=local(slot.starts_at, showcase),
        minutes=slot.minutes,
        question_minutes=slot.question_minutes,
        title=slot.title,
        region=slot.region_id,
    )
