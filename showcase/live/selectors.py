"""Reads of the run-of-show: a stage's state as the machine's values, the screens' JSON and
the planned-versus-actual report's rows.

The screens poll twice a second, so their read is cheap: a pointer in the cache gives the
stage's current revision and agenda version (read from the database when missing; every write
drops it in its transaction and sets it from the database after the commit), and the snapshot
of that revision (slots, run state, names) is cached under a key made of them (a new revision
is a new key: nothing to invalidate). The countdown itself is not in the cache: each answer carries the
timer's fields and the server's clock, and the browser counts from them.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from platform import formats as local_formats
from showcase.live import machine
from showcase.live.models import SlotRun, StageRun
from showcase.models import AgendaVersion, Slot, Stage

CACHE_SECONDS = 6 * 3600
# How long a reader's pointer lives: writers refresh it on commit, so this only bounds how
# late a change made elsewhere (a new agenda published) reaches the screens.
POINTER_SECONDS = 10


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
    key: str


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


@dataclass(frozen=True)
class Pointer:
    """Where a stage's current state is cached: its key (revision, agenda version, whether
    published, which presenter link) and what the URL checks (the showcase's slug, the link)."""

    stage_id: int
    slug: str
    version_id: int | None
    published: bool
    link: str  # a digest of the presenter token
    key: str


def _digest(token: str | None) -> str:
    return hashlib.blake2b((token or "").encode(), digest_size=8).hexdigest()


def _pointer_from_db(stage_id: int) -> Pointer | None:
    run = StageRun.objects.filter(stage=OuterRef("pk"))
    published = AgendaVersion.objects.filter(showcase=OuterRef("showcase_id"), published_at__isnull=False)
    found = (
        Stage.objects.filter(pk=stage_id)
        .annotate(
            revision=Subquery(run.values("revision")[:1]),
            run_version=Subquery(run.values("version_id")[:1]),
            published=Subquery(published.order_by("-number").values("pk")[:1]),
            token=Subquery(run.values("presenter_token")[:1]),
        )
        .values_list("pk", "showcase__slug", "revision", "run_version", "published", "token")
        .first()
    )
    if found is None:
        return None
    pk, slug, revision, run_version, published, token = found
    version_id = run_version or published
    link = _digest(token)  # a new presenter link changes no revision, but the operator's screen shows it
    key = f"showcase-live:{pk}:{revision or 0}:{version_id}:{int(bool(published))}:{link}"
    return Pointer(pk, slug, version_id, bool(published), link, key)


def body_key(pointer: Pointer, *, private: bool, second: int, language: str) -> str:
    """Where a screen's JSON of one second is kept (shared by every poller of that second)."""
    return f"{pointer.key}:{'private' if private else 'public'}:{language}:{second}"


def cached_pointer(stage_id: int) -> Pointer | None:
    """The stage's pointer if it is cached (no query; ``None`` when it is not)."""
    return cache.get(_pointer_key(stage_id))


def _pointer_key(stage_id: int) -> str:
    return f"showcase-live-pointer:{stage_id}"


def _token_key(token: str) -> str:
    return f"showcase-live-token:{_digest(token)}"


def refresh_pointer(stage_id: int) -> None:
    """After a write has committed: the stage's pointer from the database into the cache (the
    writers' ``set`` wins over the readers' ``add``)."""
    found = _pointer_from_db(stage_id)
    if found is not None:
        cache.set(_pointer_key(stage_id), found, POINTER_SECONDS)


def forget_pointer(stage_id: int, *tokens: str) -> None:
    """Inside a write's transaction: readers go to the database until the commit refreshes it."""
    cache.delete_many([_pointer_key(stage_id), *(_token_key(t) for t in tokens if t)])


def locate(stage_id: int | None = None, *, slug: str | None = None, token: str | None = None) -> Pointer | None:
    """The stage's pointer (two cache reads, no query while cached); ``slug``: only a stage of
    that showcase; ``token``: the stage of that presenter link, while it is the current one."""
    if token is not None:
        stage_id = cache.get(_token_key(token))
        if stage_id is None:
            stage_id = StageRun.objects.filter(presenter_token=token).values_list("stage_id", flat=True).first()
            if stage_id is None:
                return None
            cache.add(_token_key(token), stage_id, POINTER_SECONDS)
    found = cache.get(_pointer_key(stage_id))
    if found is None:
        found = _pointer_from_db(stage_id)
        if found is None:
            return None
        cache.add(_pointer_key(stage_id), found, POINTER_SECONDS)  # never over a writer's newer one
    if slug is not None and found.slug != slug:
        return None
    if token is not None and found.link != _digest(token):
        return None
    return found


def _build(pointer: Pointer) -> Snapshot:
    stage_id, version_id = pointer.stage_id, pointer.version_id
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
        published=pointer.published,
        run=run_of(row, slots),
        slots=slots,
        info=info,
        presenter_token=row.presenter_token if row else "",
        key=pointer.key,
    )


def snapshot_at(pointer: Pointer) -> Snapshot:
    cached = cache.get(pointer.key)
    if cached is None:
        cached = _build(pointer)
        cache.set(pointer.key, cached, CACHE_SECONDS)
    return cached


def snapshot(stage_id: int | None = None, *, slug: str | None = None, token: str | None = None) -> Snapshot | None:
    """The stage's snapshot at its current revision (see ``locate``); ``None`` if none."""
    found = locate(stage_id, slug=slug, token=token)
    return snapshot_at(found) if found is not None else None


def _ms(moment: datetime | None) -> int | None:
    return int(moment.timestamp() * 1000) if moment else None


def _hm(moment: datetime, zone: ZoneInfo) -> str:
    return local_formats.time_of_day(timezone.localtime(moment, zone))


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
