"""The run-of-show of one stage as plain values: the state machine of the day and the
expected times it implies. No Django here (an import contract keeps it so): the services
build these dataclasses from the rows, call one function under the row's lock and write the
result back, and the property tests run it alone.

A stage runs its timed slots (every slot but the session headings) one after another. Its
``Run`` holds the status (idle, running, paused, finished), the current slot, when the
current timer last started on the server's clock and the seconds it ran before a pause, the
"+1 min" seconds added to the current slot, the message to the presenter, the actual start
and end of every slot so far, and the seconds cut from later slots (a break that absorbs a
delay, presentations shortened to catch up).

Expected times: a slot starts at its planned time or when the one before it is expected to
end, whichever is later; the current slot is expected to end when its remaining time runs out
(at once while it overruns). Between contiguous slots this is "planned + current delay"; a
gap in the agenda (the night between two days) absorbs a delay.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

IDLE, RUNNING, PAUSED, FINISHED = "idle", "running", "paused", "finished"
STATUSES = (IDLE, RUNNING, PAUSED, FINISHED)
BREAK, PRESENTATION = "break", "presentation"
MINUTE = 60
SHORTEST_PRESENTATION = 3 * MINUTE  # shortening never takes a presentation below this


class Refused(Exception):
    """An action the state does not allow; ``code`` names why (the services word it)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Slot:
    """A timed slot as planned: its id, kind, planned start (aware) and length in seconds."""

    id: int
    kind: str
    starts_at: datetime
    seconds: int
    label: str = ""


@dataclass(frozen=True)
class Run:
    status: str = IDLE
    current: int | None = None
    started_at: datetime | None = None  # when the current timer last (re)started
    elapsed_before: float = 0.0  # seconds the current slot ran before the last pause
    extra_seconds: int = 0  # "+1 min" on the current slot
    message: str = ""
    message_at: datetime | None = None
    revision: int = 0
    starts: dict[int, datetime] = field(default_factory=dict)  # actual starts by slot id
    ends: dict[int, datetime] = field(default_factory=dict)  # actual ends by slot id
    cuts: dict[int, int] = field(default_factory=dict)  # seconds taken from a later slot


@dataclass(frozen=True)
class Expected:
    slot: Slot
    starts_at: datetime
    seconds: int  # its length as it now stands (cuts and "+1 min" counted)
    state: str  # "done", "current" or "later"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(seconds=self.seconds)

    @property
    def delay(self) -> float:
        return (self.starts_at - self.slot.starts_at).total_seconds()


# --- reading a state --------------------------------------------------------------------------


def _index(slots: list[Slot], slot_id: int | None) -> int | None:
    for i, slot in enumerate(slots):
        if slot.id == slot_id:
            return i
    return None


def current_slot(run: Run, slots: list[Slot]) -> Slot | None:
    i = _index(slots, run.current)
    return slots[i] if i is not None else None


def next_slot(run: Run, slots: list[Slot]) -> Slot | None:
    """The slot after the current one (the first one before the start, none once finished)."""
    if run.status == FINISHED:
        return None
    i = _index(slots, run.current)
    j = 0 if i is None else i + 1
    return slots[j] if j < len(slots) else None


def length(run: Run, slot: Slot) -> int:
    """A slot's length as it stands: planned, less its cut, plus "+1 min" while current."""
    extra = run.extra_seconds if slot.id == run.current else 0
    return max(0, slot.seconds - run.cuts.get(slot.id, 0)) + extra


def elapsed(run: Run, now: datetime) -> float:
    """Seconds the current slot has run (pauses not counted)."""
    if run.status == RUNNING and run.started_at is not None:
        return run.elapsed_before + max(0.0, (now - run.started_at).total_seconds())
    return run.elapsed_before if run.status == PAUSED else 0.0


def remaining(run: Run, slots: list[Slot], now: datetime) -> float | None:
    """Seconds left of the current slot; negative while it overruns; ``None`` without one."""
    slot = current_slot(run, slots)
    if slot is None:
        return None
    return length(run, slot) - elapsed(run, now)


def overrun(run: Run, slots: list[Slot], now: datetime) -> float:
    """Seconds the current slot has run past its end (0 while on time)."""
    left = remaining(run, slots, now)
    return max(0.0, -left) if left is not None else 0.0


def expected(run: Run, slots: list[Slot], now: datetime) -> list[Expected]:
    """Every slot with its actual (done, current) or expected (later) start and length."""
    rows: list[Expected] = []
    i = _index(slots, run.current)
    done_until = len(slots) if run.status == FINISHED else (i if i is not None else 0)
    cursor: datetime | None = None  # when the slot before is expected to end
    for n, slot in enumerate(slots):
        if n < done_until:
            start = run.starts.get(slot.id, slot.starts_at)
            end = run.ends.get(slot.id, start + timedelta(seconds=length(run, slot)))
            rows.append(Expected(slot, start, int((end - start).total_seconds()), "done"))
            cursor = end
        elif n == i and run.status in (RUNNING, PAUSED):
            start = run.starts.get(slot.id, now)
            left = max(0.0, length(run, slot) - elapsed(run, now))
            cursor = now + timedelta(seconds=left)
            rows.append(Expected(slot, start, int((cursor - start).total_seconds()), "current"))
        else:
            floor = now if (run.status == IDLE and n == 0) else slot.starts_at
            start = max(slot.starts_at, floor, cursor) if cursor is not None else max(slot.starts_at, floor)
            seconds = length(run, slot)
            rows.append(Expected(slot, start, seconds, "later"))
            cursor = start + timedelta(seconds=seconds)
    return rows


def delay(run: Run, slots: list[Slot], now: datetime) -> float:
    """How late the next slot is expected to start (0 when on time or early)."""
    following = next_slot(run, slots)
    if following is None:
        return 0.0
    row = next(r for r in expected(run, slots, now) if r.slot.id == following.id)
    return max(0.0, row.delay)


# --- actions ----------------------------------------------------------------------------------


def _bump(run: Run, **changes) -> Run:
    return replace(run, revision=run.revision + 1, **changes)


def _begin(run: Run, slot: Slot, now: datetime, ends: dict[int, datetime]) -> Run:
    return _bump(
        run,
        status=RUNNING,
        current=slot.id,
        started_at=now,
        elapsed_before=0.0,
        extra_seconds=0,
        message="",
        message_at=None,
        starts={**run.starts, slot.id: now},
        ends=ends,
    )


def start(run: Run, slots: list[Slot], now: datetime) -> Run:
    """Idle: the first slot starts. Paused: the timer goes on (resume)."""
    if run.status == PAUSED:
        return _bump(run, status=RUNNING, started_at=now)
    if run.status != IDLE:
        raise Refused("already_running" if run.status == RUNNING else "finished")
    if not slots:
        raise Refused("no_slots")
    return _begin(run, slots[0], now, dict(run.ends))


def pause(run: Run, now: datetime) -> Run:
    if run.status != RUNNING:
        raise Refused("not_running")
    return _bump(run, status=PAUSED, elapsed_before=elapsed(run, now), started_at=None)


def advance(run: Run, slots: list[Slot], now: datetime) -> Run:
    """ "Next": the current slot ends now and the next one starts at once; after the last
    slot the stage is finished. Before the start it is the same as ``start``."""
    if run.status == IDLE:
        return start(run, slots, now)
    if run.status == FINISHED:
        raise Refused("finished")
    ends = {**run.ends, run.current: now} if run.current is not None else dict(run.ends)
    following = next_slot(run, slots)
    if following is None:
        return _bump(
            run, status=FINISHED, current=None, started_at=None, elapsed_before=0.0, extra_seconds=0, ends=ends
        )
    return _begin(run, following, now, ends)


def add_time(run: Run, seconds: int = MINUTE) -> Run:
    """ "+1 min": the current slot gets ``seconds`` more."""
    if run.status not in (RUNNING, PAUSED):
        raise Refused("not_running")
    return _bump(run, extra_seconds=run.extra_seconds + seconds)


def send_message(run: Run, text: str, now: datetime) -> Run:
    """The message on the presenter's screen (empty text clears it)."""
    text = text.strip()
    return _bump(run, message=text, message_at=now if text else None)


def _later(run: Run, slots: list[Slot]) -> list[Slot]:
    if run.status == FINISHED:
        return []
    i = _index(slots, run.current)
    return slots[(i + 1) if i is not None else 0 :]


def absorb_into_break(run: Run, slots: list[Slot], now: datetime) -> tuple[Run, int]:
    """The next break shrinks by the delay expected at its start (never below 0 minutes; a
    delay under a minute is left alone). Returns the new state and the seconds absorbed."""
    rows = {r.slot.id: r for r in expected(run, slots, now)}
    pause_slot = next((s for s in _later(run, slots) if s.kind == BREAK), None)
    if pause_slot is None:
        raise Refused("no_break")
    late = int(max(0.0, rows[pause_slot.id].delay))
    if late < MINUTE:  # less than a minute late is on time for an audience
        raise Refused("no_delay")
    cut = min(late, length(run, pause_slot))
    return _bump(run, cuts={**run.cuts, pause_slot.id: run.cuts.get(pause_slot.id, 0) + cut}), cut


def shorten_next(
    run: Run, slots: list[Slot], now: datetime, count: int, floor: int = SHORTEST_PRESENTATION
) -> tuple[Run, int]:
    """The next ``count`` presentations share the delay expected at the first of them, cut
    evenly, none below ``floor`` seconds. Returns the new state and the seconds won back."""
    if count < 1:
        raise Refused("bad_count")
    talks = [s for s in _later(run, slots) if s.kind == PRESENTATION][:count]
    if not talks:
        raise Refused("no_presentations")
    rows = {r.slot.id: r for r in expected(run, slots, now)}
    late = int(max(0.0, rows[talks[0].id].delay))
    if late < MINUTE:
        raise Refused("no_delay")
    cuts = dict(run.cuts)
    share, rest = divmod(late, len(talks))
    won = 0
    for n, talk in enumerate(talks):
        wanted = share + (1 if n < rest else 0)
        cut = max(0, min(wanted, length(run, talk) - floor))
        if cut:
            cuts[talk.id] = cuts.get(talk.id, 0) + cut
            won += cut
    if won <= 0:
        raise Refused("at_floor")
    return _bump(run, cuts=cuts), won
