"""The run-of-show's services and reads on real PostgreSQL and Redis: actions recorded with
their actual times, stale revisions refused, the state surviving a restart of the web
process, two operators pressing "next" at once, and the planned-versus-actual report."""

import threading
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection

from showcase.live import machine, report, selectors, services
from showcase.live.models import SlotRun, StageRun
from showcase.models import Showcase, Slot
from tests.showcase.samples_live import published_day


def stage_of(showcase):
    return showcase.stages.get()


def timed(showcase) -> list[Slot]:
    return list(Slot.objects.filter(stage__showcase=showcase).exclude(kind="session").order_by("position"))


def test_start_and_next_record_the_actual_times(world):
    admin = world.users["ministry_admin"]
    showcase = published_day()
    stage = stage_of(showcase)
    first, second = timed(showcase)[:2]
    outcome = services.act(actor=admin, stage=stage, action="start", revision=0)
    assert outcome.applied and outcome.revision == 1
    outcome = services.act(actor=admin, stage=stage, action="next", revision=1)
    assert outcome.applied and outcome.revision == 2
    row = StageRun.objects.get(stage=stage)
    assert (row.status, row.current_slot_id, row.version.number) == ("running", second.pk, 1)
    first_run = SlotRun.objects.get(slot=first)
    assert first_run.started_at <= first_run.ended_at == SlotRun.objects.get(slot=second).started_at


def test_a_stale_revision_changes_nothing_and_says_why(world):
    admin = world.users["ministry_admin"]
    stage = stage_of(published_day())
    services.act(actor=admin, stage=stage, action="start", revision=0)
    outcome = services.act(actor=admin, stage=stage, action="next", revision=0)
    assert not outcome.applied and outcome.code == "stale" and "operator lain" in outcome.message
    assert StageRun.objects.get(stage=stage).revision == 1


def test_a_refused_action_changes_nothing(world):
    stage = stage_of(published_day())
    outcome = services.act(actor=world.users["ministry_admin"], stage=stage, action="pause", revision=0)
    assert not outcome.applied and outcome.code == "not_running"
    assert StageRun.objects.get(stage=stage).revision == 0


def test_an_unpublished_agenda_cannot_be_run(world):
    stage = stage_of(published_day(published=False))
    outcome = services.act(actor=world.users["ministry_admin"], stage=stage, action="start", revision=0)
    assert not outcome.applied and outcome.code == "no_agenda"


@pytest.mark.parametrize("who", ["ministry_analyst", "admin_probolinggo", "facilitator_current", None])
def test_only_ministry_admins_operate(world, who):
    stage = stage_of(published_day())
    actor = world.users[who] if who else None
    with pytest.raises(PermissionDenied):
        services.act(actor=actor, stage=stage, action="start", revision=0)
    with pytest.raises(PermissionDenied):
        services.reset_presenter_link(actor=actor, stage=stage)


def test_the_state_survives_a_restart_of_the_web_process(world):
    """The database is the truth: with the cache gone and the rows read afresh, the timer
    goes on from the server's clock where it was."""
    admin = world.users["ministry_admin"]
    stage = stage_of(published_day())
    services.act(actor=admin, stage=stage, action="start", revision=0)
    services.act(actor=admin, stage=stage, action="plus_minute", revision=1)
    row = StageRun.objects.get(stage=stage)
    StageRun.objects.filter(pk=row.pk).update(timer_started_at=row.timer_started_at - timedelta(seconds=100))
    SlotRun.objects.filter(slot_id=row.current_slot_id).update(started_at=row.timer_started_at - timedelta(seconds=100))
    cache.clear()  # a new process: nothing in memory, nothing cached

    snap = selectors.snapshot(stage.pk)
    assert snap.run.status == "running" and snap.run.revision == 2
    left = machine.remaining(snap.run, snap.slots, row.timer_started_at)
    assert left == pytest.approx(30 * 60 + 60 - 100, abs=1)


def test_the_screens_state_is_cached_by_revision(world, django_assert_num_queries):
    admin = world.users["ministry_admin"]
    stage = stage_of(published_day())
    services.act(actor=admin, stage=stage, action="start", revision=0)
    selectors.snapshot(stage.pk)
    with django_assert_num_queries(0):  # the pointer and the snapshot both from the cache
        snap = selectors.snapshot(stage.pk)
    assert snap.run.revision == 1
    services.act(actor=admin, stage=stage, action="next", revision=1)
    assert selectors.snapshot(stage.pk).run.revision == 2  # a new revision, a new key


def test_the_report_shows_which_session_overran_and_by_how_much(world):
    admin = world.users["ministry_admin"]
    showcase = published_day()
    stage = stage_of(showcase)
    for revision in range(6):  # opening, three talks, the break, the first talk of session 2
        services.act(actor=admin, stage=stage, action="start" if revision == 0 else "next", revision=revision)
    slots = timed(showcase)
    # Rewrite what happened: everything on time, but the session's third talk ran 4 minutes long.
    for slot in slots[:6]:
        ended = slot.ends_at + (timedelta(minutes=4) if slot.pk == slots[3].pk else timedelta())
        started = slot.starts_at + (timedelta(minutes=4) if slot.pk == slots[4].pk else timedelta())
        SlotRun.objects.filter(slot=slot).update(started_at=started, ended_at=ended if slot != slots[5] else None)
    reports = report.report_of(showcase)
    [stage_report] = reports
    first, second = stage_report.sessions
    assert (first.title, first.overrun, first.end_late) == ("Sesi 1: Jawa", 4.0, 4.0)
    assert second.overrun is None  # still running
    by_slot = {line.slot.pk: line for line in stage_report.slots}
    assert by_slot[slots[3].pk].overrun == 4.0 and by_slot[slots[4].pk].start_late == 4.0


def test_two_operators_pressing_next_at_once_move_one_slot(committed_db):
    """Two transactions with the same revision, started together: one moves, one is stale."""
    from platform.accounts.models import User

    admin = User.objects.get(email="ministry_admin@example.id")
    showcase = published_day(slug="live-bersamaan")
    try:
        stage = stage_of(showcase)
        services.act(actor=admin, stage=stage, action="start", revision=0)
        barrier = threading.Barrier(2)
        outcomes = []

        def press():
            try:
                barrier.wait()
                outcomes.append(services.act(actor=admin, stage=stage, action="next", revision=1))
            finally:
                connection.close()

        threads = [threading.Thread(target=press) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(o.applied for o in outcomes) == [False, True]
        assert [o.code for o in outcomes if not o.applied] == ["stale"]
        row = StageRun.objects.get(stage=stage)
        assert row.revision == 2 and row.current_slot_id == timed(showcase)[1].pk
    finally:
        Showcase.objects.filter(pk=showcase.pk).delete()
