"""Reads of the run-of-show: a stage's state as the machine's values, the screens' JSON and
the planned-versus-actual report's rows.

The screens poll about once a second, so their read is cheap: one query gives the stage's
current revision and agenda version, and the snapshot of that revision (slots, run state,
names) comes from the cache, keyed by it (a new revision is a new key: nothing to
invalidate, nothing stale). The countdown itself is not in the cache: each answer carries the
timer's fields and the server's clock, and the browser counts from them.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from showcase.live import machine
from showcase.live.models import SlotRun, StageRun
from showcase.models import AgendaVersion, Slot, Stage

CACHE_SECONDS = 6 * 3600


@dataclass(frozen=True)
class Info:
    """What the screens say of a slot besides its times."""

    title: str
    kind: str
    kind_label: str
    region: str


@dataclass(frozen=True)
class Snapshot:
    stage_id: int
    stage: str
    showcase: str
    slug: str
    time_zone: str
    published: bool
    run: machine.Run
    slots: list[machine.Slot]
    info: dict[int, Info]
    presenter_token: str


def published_version_of(showcase_id: int) -> AgendaVersion | None:
    return AgendaVersion.objects.filter(showcase_id=showcase_id, published_at__isnull=False).order_by("-number").first()


def _slot_rows(version_id: int, stage_id: int):
    return (
        Slot.objects.filter(version_id=version_id, stage_id=stage_id)
        .exclude(kind=Slot.Kind.SESSION)
        .select_related("region")
        .order_by("position")
    )


def planned_slots(version_id: int, stage_id: int) -> list[machine.Slot]:
    """The stage's timed slots of a version (session headings take no time)."""
    return [
        machine.Slot(id=s.pk, kind=s.kind, starts_at=s.starts_at, seconds=s.minutes * 60, label=s.title)
        for s in _slot_rows(version_id, stage_id)
    ]


def run_of(row: StageRun | None, slots: list[machine.Slot]) -> machine.Run:
    """The machine's state of a run row (idle without one) and its slots' actual times."""
    if row is None:
        return machine.Run()
    runs = SlotRun.objects.filter(slot_id__in=[s.id for s in slots])
    return machine.Run(
        status=row.status,
        current=row.current_slot_id,
        started_at=row.timer_started_at,
        elapsed_before=row.elapsed_before,
        extra_seconds=row.extra_seconds,
        message=row.message,
        message_at=row.message_at,
        revision=row.revision,
        starts={r.slot_id: r.started_at for r in runs if r.started_at},
        ends={r.slot_id: r.ended_at for r in runs if r.ended_at},
        cuts={r.slot_id: r.cut_seconds for r in runs if r.cut_seconds},
    )


def _key_query(**filters):
    run = StageRun.objects.filter(stage=OuterRef("pk"))
    published = AgendaVersion.objects.filter(showcase=OuterRef("showcase_id"), published_at__isnull=False)
    return (
        Stage.objects.filter(**filters)
        .annotate(
            revision=Subquery(run.values("revision")[:1]),
            run_version=Subquery(run.values("version_id")[:1]),
            published=Subquery(published.order_by("-number").values("pk")[:1]),
        )
        .values_list("pk", "revision", "run_version", "published")
        .first()
    )


def _build(stage_id: int, version_id: int | None, published: bool) -> Snapshot:
    stage = Stage.objects.select_related("showcase").get(pk=stage_id)
    row = StageRun.objects.filter(stage_id=stage_id).first()
    rows = list(_slot_rows(version_id, stage_id)) if version_id else []
    slots = [machine.Slot(s.pk, s.kind, s.starts_at, s.minutes * 60, s.title) for s in rows]
    info = {
        s.pk: Info(
            title=s.title or (s.region.name if s.region else s.get_kind_display()),
            kind=s.kind,
            kind_label=str(s.get_kind_display()),
            region=s.region.name if s.region else "",
        )
        for s in rows
    }
    return Snapshot(
        stage_id=stage_id,
        stage=stage.name,
        showcase=stage.showcase.name,
        slug=stage.showcase.slug,
        time_zone=stage.showcase.time_zone,
        published=published,
        run=run_of(row, slots),
        slots=slots,
        info=info,
        presenter_token=row.presenter_token if row else "",
    )


def snapshot(stage_id: int | None = None, *, slug: str | None = None, token: str | None = None) -> Snapshot | None:
    """The stage's snapshot at its current revision (one query when cached); ``slug``: only a
    stage of that showcase, ``token``: the stage of that presenter link. ``None`` if none."""
    filters = {}
    if stage_id is not None:
        filters["pk"] = stage_id
    if slug is not None:
        filters["showcase__slug"] = slug
    if token is not None:
        filters["run__presenter_token"] = token
    found = _key_query(**filters)
    if found is None:
        return None
    pk, revision, run_version, published = found
    version_id = run_version or published
    key = f"showcase-live:{pk}:{revision or 0}:{version_id}:{int(bool(published))}"
    cached = cache.get(key)
    if cached is None:
        cached = _build(pk, version_id, bool(published))
        cache.set(key, cached, CACHE_SECONDS)
    return cached


def _ms(moment: datetime | None) -> int | None:
    return int(moment.timestamp() * 1000) if moment else None


def _hm(moment: datetime, zone: ZoneInfo) -> str:
    return timezone.localtime(moment, zone).strftime("%H.%M")


def screen_state(snap: Snapshot, now: datetime, *, private: bool) -> dict:
    """The JSON of a screen (without the server's clock, which the view adds). ``private``:
    the operator's and presenter's screens, which also get the message."""
    run, slots, zone = snap.run, snap.slots, ZoneInfo(snap.time_zone)
    rows = machine.expected(run, slots, now)
    current = machine.current_slot(run, slots)
    following = machine.next_slot(run, slots)

    def slot_json(row: machine.Expected) -> dict:
        info = snap.info[row.slot.id]
        return {
            "id": row.slot.id,
            "title": info.title,
            "kind": info.kind,
            "kind_label": info.kind_label,
            "planned": _hm(row.slot.starts_at, zone),
            "expected": _hm(row.starts_at, zone),
            "ends": _hm(row.ends_at, zone),
            "late_minutes": int(max(0, row.delay) // 60),
            "minutes": round(row.seconds / 60),
            "state": row.state,
        }

    by_id = {row.slot.id: row for row in rows}
    state = {
        "revision": run.revision,
        "status": run.status,
        "status_label": str(StageRun.Status(run.status).label),
        "stage": snap.stage,
        "showcase": snap.showcase,
        "current": slot_json(by_id[current.id]) if current else None,
        "next": slot_json(by_id[following.id]) if following else None,
        "later": [slot_json(row) for row in rows if row.state == "later"],
        "delay_minutes": int(machine.delay(run, slots, now) // 60),
        "timer": None,
    }
    if current is not None:
        state["timer"] = {
            "running": run.status == machine.RUNNING,
            "started_at": _ms(run.started_at),
            "elapsed_before": int(run.elapsed_before * 1000),
            "length": machine.length(run, current) * 1000,
        }
    if private:
        state["message"] = run.message
        state["message_at"] = _ms(run.message_at)
        state["done"] = [slot_json(row) for row in rows if row.state == "done"]
    return state
