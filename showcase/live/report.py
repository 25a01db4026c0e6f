"""After the event: planned against actual times, per slot and per session, for every stage
of a showcase (the version each stage ran, else the published one).

A slot's overrun is its actual length less its planned length; a session (the presentations
under one session heading, up to the next heading, break or closing) overran by its actual
span less its planned span, and ended late by its actual end less its planned end. Slots
that never ran have no actual times and count for nothing.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from showcase.live.models import SlotRun, StageRun
from showcase.live.selectors import published_version_of
from showcase.models import Showcase, Slot, Stage


def _minutes(delta: timedelta | None) -> float | None:
    return round(delta.total_seconds() / 60, 1) if delta is not None else None


@dataclass
class SlotLine:
    slot: Slot
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None

    @property
    def label(self) -> str:
        return self.slot.title or (self.slot.region.name if self.slot.region else "")

    @property
    def start_late(self) -> float | None:
        return _minutes(self.actual_start - self.planned_start) if self.actual_start else None

    @property
    def overrun(self) -> float | None:
        if self.actual_start is None or self.actual_end is None:
            return None
        return _minutes((self.actual_end - self.actual_start) - (self.planned_end - self.planned_start))


@dataclass
class SessionLine:
    title: str
    slots: list[SlotLine] = field(default_factory=list)

    @property
    def planned_start(self) -> datetime:
        return self.slots[0].planned_start

    @property
    def planned_end(self) -> datetime:
        return self.slots[-1].planned_end

    @property
    def actual_start(self) -> datetime | None:
        return self.slots[0].actual_start

    @property
    def actual_end(self) -> datetime | None:
        ends = [s.actual_end for s in self.slots if s.actual_end]
        return max(ends) if ends else None

    @property
    def overrun(self) -> float | None:
        if self.actual_start is None or self.actual_end is None:
            return None
        return _minutes((self.actual_end - self.actual_start) - (self.planned_end - self.planned_start))

    @property
    def end_late(self) -> float | None:
        return _minutes(self.actual_end - self.planned_end) if self.actual_end else None


@dataclass
class StageReport:
    stage: Stage
    slots: list[SlotLine]
    sessions: list[SessionLine]


def report_of(showcase: Showcase) -> list[StageReport]:
    """Every stage's slots and sessions, planned against actual (a fixed number of queries)."""
    stages = list(showcase.stages.order_by("position", "pk"))
    runs = {r.stage_id: r.version_id for r in StageRun.objects.filter(stage__in=stages)}
    published = published_version_of(showcase.pk)
    versions = {stage.pk: runs.get(stage.pk) or (published.pk if published else None) for stage in stages}
    wanted = [(stage_pk, version) for stage_pk, version in versions.items() if version]
    slots = list(
        Slot.objects.filter(version_id__in={v for _, v in wanted}, stage_id__in={s for s, _ in wanted})
        .select_related("region")
        .order_by("position")
    )
    actual = {r.slot_id: r for r in SlotRun.objects.filter(slot__in=slots)}
    result = []
    for stage in stages:
        lines: list[SlotLine] = []
        sessions: list[SessionLine] = []
        session: SessionLine | None = None
        for slot in slots:
            if slot.stage_id != stage.pk or slot.version_id != versions[stage.pk]:
                continue
            if slot.kind == Slot.Kind.SESSION:
                session = SessionLine(slot.title or _("Sesi"))
                sessions.append(session)
                continue
            run = actual.get(slot.pk)
            line = SlotLine(slot, slot.starts_at, slot.ends_at, run and run.started_at, run and run.ended_at)
            lines.append(line)
            if slot.kind == Slot.Kind.PRESENTATION and session is not None:
                session.slots.append(line)
            elif slot.kind != Slot.Kind.PRESENTATION:
                session = None
        result.append(StageReport(stage, lines, [s for s in sessions if s.slots]))
    return result


def csv_rows(showcase: Showcase, reports: list[StageReport], zone) -> tuple[list[str], list[list]]:
    """The report as one table: a row per slot with its session (the CSV download)."""
    from django.utils import timezone

    def hm(moment):
        return timezone.localtime(moment, zone).strftime("%Y-%m-%d %H:%M") if moment else ""

    header = [
        _("Panggung"),
        _("Sesi"),
        _("Slot"),
        _("Jenis"),
        _("Mulai rencana"),
        _("Selesai rencana"),
        _("Mulai sebenarnya"),
        _("Selesai sebenarnya"),
        _("Terlambat mulai (menit)"),
        _("Lebih waktu (menit)"),
    ]
    rows = []
    for report in reports:
        session_of = {id(line): s.title for s in report.sessions for line in s.slots}
        for line in report.slots:
            slot = line.slot
            rows.append(
                [
                    report.stage.name,
                    session_of.get(id(line), ""),
                    line.label,
                    str(slot.get_kind_display()),
                    hm(line.planned_start),
                    hm(line.planned_end),
                    hm(line.actual_start),
                    hm(line.actual_end),
                    line.start_late,
                    line.overrun,
                ]
            )
    return header, rows
