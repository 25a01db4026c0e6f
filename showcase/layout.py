"""The agenda builder's layout: plain Python, no model, no database.

``lay_out(settings, presenters, ...)`` turns the showcase's settings and its presenting regions
into planned slots on its stages: an opening on the first stage, sessions (each with a heading
slot) grouped by island, by province, by the dimension of the region's featured quick win, in
cohort order or in a drawn order, a break every N presentations, and a closing on the first
stage once every stage is done. Sessions are spread over the stages (each to the stage that is
least busy so far); a slot that would pass the day's end moves to the start of the next day of
the event. ``reflow(settings, sequences)`` recomputes the times of slots in a given order after a
hand edit, by the same clock. ``past_day_end`` is the one test of a slot running too late.

Times are naive datetimes in the event's own time zone; the service makes them aware.
"""

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from programs.scheduling.solver.travel import ISLAND_GROUPS

OPENING, SESSION, PRESENTATION, BREAK, CLOSING = "opening", "session", "presentation", "break", "closing"
ISLAND, PROVINCE, DIMENSION, COHORT, DRAWN = "island", "province", "dimension", "cohort", "drawn"


@dataclass(frozen=True)
class Settings:
    starts_on: date
    ends_on: date
    day_starts: time
    day_ends: time
    presentation_minutes: int = 7
    question_minutes: int = 3
    opening_minutes: int = 30
    closing_minutes: int = 30
    break_minutes: int = 15
    break_every: int = 6  # 0: no breaks
    grouping: str = ISLAND
    draw_seed: int = 0
    stages: int = 1

    @property
    def slot_minutes(self) -> int:
        return self.presentation_minutes + self.question_minutes


@dataclass(frozen=True)
class Presenter:
    code: str  # "35.74"
    name: str
    province: str  # "35"
    province_name: str = ""
    position: int = 0  # cohort order


@dataclass(frozen=True)
class Planned:
    """One slot: ``stage`` is the stage's index (0: the main stage), ``position`` its order there."""

    stage: int
    position: int
    kind: str
    starts: datetime
    minutes: int
    question_minutes: int = 0
    title: str = ""
    region: str | None = None

    @property
    def ends(self) -> datetime:
        return self.starts + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Labels:
    """The words the layout writes into titles (the service passes them translated)."""

    opening: str = "Pembukaan"
    closing: str = "Penutupan"
    rest: str = "Rehat"
    session: str = "Sesi %(n)s"
    no_dimension: str = "Belum ada dimensi"
    other_island: str = "Lainnya"


# --- grouping ---------------------------------------------------------------------------------


def drawn_order(presenters: Iterable[Presenter], seed: int) -> list[Presenter]:
    """The presenters in the order drawn with ``seed``: the same seed always draws the same order."""
    ordered = sorted(presenters, key=lambda p: p.code)
    random.Random(seed).shuffle(ordered)
    return ordered


def _cohort_order(presenters: Iterable[Presenter]) -> list[Presenter]:
    return sorted(presenters, key=lambda p: (p.position, p.name, p.code))


def _island_of(province: str) -> str | None:
    for island, provinces in ISLAND_GROUPS.items():
        if province in provinces:
            return island
    return None


def _chunks(items: list, n: int) -> list[list]:
    """``items`` cut into ``n`` contiguous, nearly equal parts (no empty part)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    parts, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        parts.append(items[start:end])
        start = end
    return parts


def group_presenters(
    presenters: Iterable[Presenter],
    grouping: str,
    *,
    dimensions: dict[str, str] | None = None,
    dimension_names: dict[str, str] | None = None,
    seed: int = 0,
    sessions: int = 1,
    labels: Labels = Labels(),
) -> list[tuple[str, list[Presenter]]]:
    """The sessions: ``(title, presenters)`` in order.

    - island: the island groups in their usual order (west to east), unknown provinces last;
    - province: by province code;
    - dimension: by ``dimension_names``' order (code -> name), from ``dimensions`` (region code ->
      dimension code); regions without a dimension form the last session;
    - cohort / drawn: one order cut into ``sessions`` consecutive sessions (one per stage).
    Within a group, regions keep cohort order."""
    presenters = _cohort_order(presenters)
    if grouping in (COHORT, DRAWN):
        order = drawn_order(presenters, seed) if grouping == DRAWN else presenters
        if not order:
            return []
        return [(labels.session % {"n": i + 1}, part) for i, part in enumerate(_chunks(order, sessions))]
    keyed: dict[object, list[Presenter]] = {}
    titles: dict[object, str] = {}
    if grouping == ISLAND:
        rank = {island: i for i, island in enumerate(ISLAND_GROUPS)}
        for p in presenters:
            island = _island_of(p.province)
            key = rank.get(island, len(rank))
            keyed.setdefault(key, []).append(p)
            titles[key] = island or labels.other_island
    elif grouping == PROVINCE:
        for p in presenters:
            keyed.setdefault(p.province, []).append(p)
            titles[p.province] = p.province_name or p.province
    elif grouping == DIMENSION:
        dimensions, names = dimensions or {}, dimension_names or {}
        rank = {code: i for i, code in enumerate(names)}
        for p in presenters:
            code = dimensions.get(p.code)
            key = (rank.get(code, len(rank)), code or "") if code else (len(rank) + 1, "")
            keyed.setdefault(key, []).append(p)
            titles[key] = names.get(code, code) if code else labels.no_dimension
    else:
        raise ValueError(f"unknown grouping {grouping!r}")
    return [(titles[key], keyed[key]) for key in sorted(keyed)]


# --- the clock ----------------------------------------------------------------------------------


class Clock:
    """Where a stage's next slot starts; a slot that would pass the day's end moves to the next
    day of the event (on the last day it stays, and runs late)."""

    def __init__(self, settings: Settings, start: datetime | None = None):
        self.settings = settings
        self.day = settings.starts_on
        self.cursor = start or self._day_start(self.day)
        self.new_day = False

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, self.settings.day_starts)

    def _day_end(self, day: date) -> datetime:
        return datetime.combine(day, self.settings.day_ends)

    def fits(self, minutes: int) -> bool:
        return self.cursor + timedelta(minutes=minutes) <= self._day_end(self.day)

    def place(self, minutes: int, *, keep_with: int = 0) -> datetime:
        """The start of a slot of ``minutes`` (``keep_with``: minutes of the slot that must follow
        it on the same day, for a session heading); the cursor moves past it."""
        self.new_day = False
        at_day_start = self.cursor == self._day_start(self.day)
        if not self.fits(minutes + keep_with) and not at_day_start and self.day < self.settings.ends_on:
            self.day += timedelta(days=1)
            self.cursor = self._day_start(self.day)
            self.new_day = True
        start = self.cursor
        self.cursor = start + timedelta(minutes=minutes)
        return start

    def wait_until(self, moment: datetime) -> None:
        if moment > self.cursor:
            self.cursor = moment
            self.day = moment.date()


def past_day_end(slot: Planned, settings: Settings) -> bool:
    """Whether ``slot`` ends after the day's end (or falls after the event's last day)."""
    day = slot.starts.date()
    return day > settings.ends_on or slot.ends > datetime.combine(day, settings.day_ends)


# --- laying out -------------------------------------------------------------------------------


def _least_busy(load: list[int]) -> int:
    return min(range(len(load)), key=lambda i: (load[i], i))


def _lay_out_stage(
    settings: Settings, stage: int, sessions: list[tuple[str, list[Presenter]]], clock: Clock, labels: Labels
) -> tuple[list[Planned], datetime]:
    """One stage's slots (the opening first on the main stage) and the time it is done."""
    slots: list[Planned] = []

    def add(kind, minutes, *, keep_with=0, **fields):
        starts = clock.place(minutes, keep_with=keep_with)
        slots.append(Planned(stage, len(slots), kind, starts, minutes, **fields))

    if stage == 0 and settings.opening_minutes:
        add(OPENING, settings.opening_minutes, title=labels.opening)
    since_break = 0
    for title, members in sessions:
        for index, presenter in enumerate(members):
            due = settings.break_every and since_break >= settings.break_every
            if due and settings.break_minutes and clock.fits(settings.break_minutes + settings.slot_minutes):
                add(BREAK, settings.break_minutes, title=labels.rest)
                since_break = 0
            if index == 0:
                add(SESSION, 0, keep_with=settings.slot_minutes, title=title)
                if clock.new_day:
                    since_break = 0
            add(
                PRESENTATION,
                settings.slot_minutes,
                question_minutes=settings.question_minutes,
                title=presenter.name,
                region=presenter.code,
            )
            since_break = 1 if clock.new_day else since_break + 1
    return slots, clock.cursor


def lay_out(
    settings: Settings,
    presenters: Iterable[Presenter],
    *,
    dimensions: dict[str, str] | None = None,
    dimension_names: dict[str, str] | None = None,
    labels: Labels = Labels(),
) -> list[Planned]:
    """Every slot of a fresh agenda, stage by stage in order."""
    stages = max(1, settings.stages)
    sessions = group_presenters(
        presenters,
        settings.grouping,
        dimensions=dimensions,
        dimension_names=dimension_names,
        seed=settings.draw_seed,
        sessions=stages,
        labels=labels,
    )
    per_stage: list[list[tuple[str, list[Presenter]]]] = [[] for _ in range(stages)]
    load = [0] * stages
    for title, members in sessions:
        stage = _least_busy(load)
        per_stage[stage].append((title, members))
        load[stage] += len(members)
    first_day_start = datetime.combine(settings.starts_on, settings.day_starts)
    after_opening = first_day_start + timedelta(minutes=settings.opening_minutes)
    slots: list[Planned] = []
    ends: list[datetime] = []
    for stage in range(stages):
        start = first_day_start if stage == 0 else after_opening
        stage_slots, end = _lay_out_stage(settings, stage, per_stage[stage], Clock(settings, start), labels)
        slots.extend(stage_slots)
        ends.append(end)
    if settings.closing_minutes:
        main = [s for s in slots if s.stage == 0]
        clock = Clock(settings)
        clock.wait_until(max(ends))
        starts = clock.place(settings.closing_minutes)
        slots.append(Planned(0, len(main), CLOSING, starts, settings.closing_minutes, title=labels.closing))
    return slots


def reflow(settings: Settings, sequences: list[list[Planned]]) -> list[Planned]:
    """New times for slots kept in the given order, one list per stage (index = stage).

    The first stage starts at the day's start; the others after the first stage's opening (if
    it has one first); a closing waits until every other stage is done; a session heading keeps
    with the slot after it. Positions are renumbered 0, 1, 2… per stage."""
    first_day_start = datetime.combine(settings.starts_on, settings.day_starts)
    main = sequences[0] if sequences else []
    opening = main[0].minutes if main and main[0].kind == OPENING else 0
    order = [i for i, seq in enumerate(sequences) if not any(s.kind == CLOSING for s in seq)]
    order += [i for i in range(len(sequences)) if i not in order]
    placed: dict[int, list[Planned]] = {}
    ends: dict[int, datetime] = {}
    for index in order:
        clock = Clock(settings, first_day_start if index == 0 else first_day_start + timedelta(minutes=opening))
        out = []
        sequence = sequences[index]
        for i, slot in enumerate(sequence):
            if slot.kind == CLOSING and ends:
                clock.wait_until(max(ends.values()))
            keep_with = sequence[i + 1].minutes if slot.kind == SESSION and i + 1 < len(sequence) else 0
            starts = clock.place(slot.minutes, keep_with=keep_with)
            out.append(replace(slot, stage=index, position=i, starts=starts))
        placed[index] = out
        ends[index] = clock.cursor
    return [slot for index in range(len(sequences)) for slot in placed[index]]
