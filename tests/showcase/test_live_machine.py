"""The run-of-show state machine alone (no database): start, pause, overrun, +1 min, absorb,
shorten, next and finishing, restart from stored values, and properties over random days."""

import subprocess
import sys
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.live import machine as m

T0 = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)  # 08.00 WIB


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def day(kinds=("opening", "presentation", "presentation", "presentation", "break", "presentation", "closing")):
    """Contiguous slots from T0: opening 30 min, talks 10 min, the break 15 min, closing 30 min."""
    lengths = {"opening": 1800, "presentation": 600, "break": 900, "closing": 1800}
    slots, start = [], T0
    for i, kind in enumerate(kinds, start=1):
        slots.append(m.Slot(id=i, kind=kind, starts_at=start, seconds=lengths[kind]))
        start += timedelta(seconds=lengths[kind])
    return slots


def expected_of(run, slots, now) -> dict[int, m.Expected]:
    return {row.slot.id: row for row in m.expected(run, slots, now)}


def test_start_runs_the_first_slot_and_records_its_actual_start():
    slots = day()
    run = m.start(m.Run(), slots, at(5))
    assert (run.status, run.current, run.revision) == (m.RUNNING, 1, 1)
    assert run.starts == {1: at(5)}
    assert m.remaining(run, slots, at(65)) == 1800 - 60
    with pytest.raises(m.Refused, match="already_running"):
        m.start(run, slots, at(70))


def test_pause_freezes_the_countdown_and_start_resumes_it():
    slots = day()
    run = m.pause(m.start(m.Run(), slots, at(0)), at(100))
    assert run.status == m.PAUSED and run.elapsed_before == 100
    assert m.remaining(run, slots, at(1000)) == 1700  # nothing ran while paused
    run = m.start(run, slots, at(1000))
    assert run.status == m.RUNNING and m.remaining(run, slots, at(1050)) == 1650
    assert run.starts == {1: at(0)}  # resuming is not a new start
    with pytest.raises(m.Refused, match="not_running"):
        m.pause(m.pause(run, at(1060)), at(1061))


def test_an_overrun_counts_past_zero_and_moves_every_later_slot_by_the_delay():
    slots = day()
    run = m.start(m.Run(), slots, at(0))
    now = at(1800 + 90)
    assert m.remaining(run, slots, now) == -90 and m.overrun(run, slots, now) == 90
    rows = expected_of(run, slots, now)
    for slot in slots[1:]:
        assert rows[slot.id].starts_at == slot.starts_at + timedelta(seconds=90)
    assert m.delay(run, slots, now) == 90


def test_plus_one_minute_lengthens_the_current_slot_only():
    slots = day()
    run = m.add_time(m.start(m.Run(), slots, at(0)))
    assert m.remaining(run, slots, at(0)) == 1860
    assert expected_of(run, slots, at(0))[2].starts_at == slots[1].starts_at + timedelta(seconds=60)
    with pytest.raises(m.Refused):
        m.add_time(m.Run())


def test_next_ends_the_current_slot_and_starts_the_next_with_a_fresh_timer():
    slots = day()
    run = m.send_message(m.add_time(m.start(m.Run(), slots, at(0))), "Dua menit lagi", at(10))
    run = m.advance(run, slots, at(1900))
    assert (run.current, run.extra_seconds, run.message) == (2, 0, "")
    assert run.ends[1] == at(1900) and run.starts[2] == at(1900)
    assert m.remaining(run, slots, at(1900)) == 600
    # Started 100 s late: the talks after it are expected 100 s late.
    assert expected_of(run, slots, at(1900))[3].starts_at == slots[2].starts_at + timedelta(seconds=100)


def test_next_after_the_last_slot_finishes_the_day():
    slots = day(("opening", "closing"))
    run = m.advance(m.advance(m.start(m.Run(), slots, at(0)), slots, at(1800)), slots, at(3600))
    assert run.status == m.FINISHED and run.current is None and run.ends == {1: at(1800), 2: at(3600)}
    assert [r.state for r in m.expected(run, slots, at(4000))] == ["done", "done"]
    with pytest.raises(m.Refused, match="finished"):
        m.advance(run, slots, at(4000))


def test_absorbing_the_delay_shrinks_the_next_break_and_puts_later_slots_back_on_time():
    slots = day()
    run = m.advance(m.start(m.Run(), slots, at(0)), slots, at(1800 + 300))  # 5 minutes late
    run, absorbed = m.absorb_into_break(run, slots, at(2100))
    assert absorbed == 300 and run.cuts == {5: 300}
    rows = expected_of(run, slots, at(2100))
    assert rows[5].starts_at == slots[4].starts_at + timedelta(seconds=300) and rows[5].seconds == 600
    assert rows[6].starts_at == slots[5].starts_at  # after the break: on time again


def test_a_break_never_shrinks_below_nothing():
    slots = day()
    run = m.advance(m.start(m.Run(), slots, at(0)), slots, at(1800 + 1200))  # 20 minutes late
    run, absorbed = m.absorb_into_break(run, slots, at(3000))
    assert absorbed == 900 and m.length(run, slots[4]) == 0
    with pytest.raises(m.Refused, match="no_delay"):
        m.absorb_into_break(m.start(m.Run(), slots, at(0)), slots, at(0))


def test_shortening_spreads_the_delay_evenly_over_the_next_presentations():
    slots = day()
    run = m.advance(m.start(m.Run(), slots, at(0)), slots, at(1800 + 360))  # 6 minutes late, talk 2 runs
    run, won = m.shorten_next(run, slots, at(2160), 2)
    assert won == 360 and run.cuts == {3: 180, 4: 180}
    assert expected_of(run, slots, at(2160))[5].starts_at == slots[4].starts_at


def test_shortening_stops_at_the_floor():
    slots = day()
    run = m.advance(m.start(m.Run(), slots, at(0)), slots, at(1800 + 3600))  # an hour late
    run, won = m.shorten_next(run, slots, at(5400), 3, floor=180)
    assert won == 3 * 420 and all(m.length(run, s) == 180 for s in slots[2:4])
    assert 6 in run.cuts and m.length(run, slots[5]) == 180


def test_the_stored_values_resume_the_same_state_after_a_restart():
    """What the database keeps is the whole state: rebuilt from its fields, the countdown
    goes on from the server's clock as if nothing had happened."""
    slots = day()
    run = m.add_time(m.start(m.Run(), slots, at(0)))
    restored = m.Run(**asdict(run))
    assert restored == run
    assert m.remaining(restored, slots, at(500)) == m.remaining(run, slots, at(500)) == 1360


def test_the_machine_runs_without_django():
    root = Path(__file__).resolve().parents[2]
    code = "import sys, showcase.live.machine; sys.exit(any(n.split('.')[0] == 'django' for n in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


# --- properties over random days --------------------------------------------------------------

ACTIONS = st.lists(
    st.tuples(st.sampled_from(["start", "pause", "next", "plus", "absorb", "shorten"]), st.integers(0, 1500)),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(ACTIONS)
def test_random_days_keep_the_rules(actions):
    slots = day()
    run, now = m.Run(), at(0)
    for action, wait in actions:
        now += timedelta(seconds=wait)
        before = run
        try:
            if action == "start":
                run = m.start(run, slots, now)
            elif action == "pause":
                run = m.pause(run, now)
            elif action == "next":
                run = m.advance(run, slots, now)
            elif action == "plus":
                run = m.add_time(run)
            elif action == "absorb":
                run, _ = m.absorb_into_break(run, slots, now)
            else:
                run, _ = m.shorten_next(run, slots, now, 2)
        except m.Refused:
            assert run == before
            continue
        assert run.revision == before.revision + 1
        assert m.elapsed(run, now) >= 0
        for slot in slots:  # cuts: a break not below 0, a talk not below the floor
            if slot.kind == "presentation":
                assert slot.seconds - run.cuts.get(slot.id, 0) >= m.SHORTEST_PRESENTATION
            assert run.cuts.get(slot.id, 0) <= slot.seconds
        starts = [run.starts[s.id] for s in slots if s.id in run.starts]
        assert starts == sorted(starts)
        rows = m.expected(run, slots, now)
        for row, following in zip(rows, rows[1:], strict=False):
            if following.state == "later":
                assert following.starts_at >= row.ends_at - timedelta(seconds=1)
                assert following.starts_at >= following.slot.starts_at
        if not run.cuts and run.status == m.RUNNING:
            delay = m.delay(run, slots, now)
            for row in rows:
                if row.state == "later":
                    assert abs((row.starts_at - row.slot.starts_at).total_seconds() - delay) < 1
