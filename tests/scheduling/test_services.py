"""The national plan's services: access windows follow confirmation, re-plan and removal;
versions and their differences; confirmation e-mails carry each person's own changes; one
solver job per plan; a facilitator on workshops cannot be deleted."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from programs.scheduling import notify, services
from programs.scheduling.models import AccessWindow, PlanVersion, SolveJob, Workshop
from tenants.models import Membership
from tests.scheduling import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    admin = world.users["ministry_admin"]
    ani = factories.facilitator("ani@ugm.ac.id", full_name="Ani")
    budi = factories.facilitator("budi@ui.ac.id", province="31", full_name="Budi")
    plan = factories.plan(access_days_before=7, access_days_after=10)
    w = {(x.region_id, x.stage): x for x in plan.workshops.all()}
    factories.place(w["35.74", 1], date(2018, 7, 2), ani)
    factories.place(w["35.74", 2], date(2018, 8, 6), ani)
    factories.place(w["35.75", 1], date(2018, 7, 9), budi)
    return admin, plan, ani, budi, w


def _membership(facilitator, world):
    return Membership.objects.filter(user=facilitator.user, workspace=world.probolinggo).first()


def test_confirming_opens_the_access_window_and_the_membership(setup, world, django_capture_on_commit_callbacks):
    admin, plan, ani, budi, w = setup
    version = services.record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=admin)
    with django_capture_on_commit_callbacks(execute=False):
        counts = services.confirm_version(user=admin, version=version)
    assert counts["confirmed"] == 3 and counts["opened"] == 2
    window = AccessWindow.objects.get(facilitator=ani, region_id="35.74", closed_at__isnull=True)
    assert (window.starts, window.ends) == (date(2018, 6, 25), date(2018, 8, 17))  # 7 days before, 10 after
    membership = _membership(ani, world)
    assert membership.role == "facilitator"
    assert (membership.valid_from, membership.valid_until) == (window.starts, window.ends)
    assert not Membership.objects.filter(user=budi.user, workspace=world.probolinggo).exists()
    assert Membership.objects.get(user=budi.user, workspace=world.pasuruan).valid_from == date(2018, 7, 2)


def test_replanning_moves_the_window_and_keeps_the_old_one_as_history(setup, world):
    admin, plan, ani, budi, w = setup
    for key in [("35.74", 1), ("35.74", 2)]:
        services.edit_workshop(user=admin, workshop=w[key], status=Workshop.Status.CONFIRMED)
    first = AccessWindow.objects.get(facilitator=ani, region_id="35.74", closed_at__isnull=True)
    services.edit_workshop(user=admin, workshop=w["35.74", 2], starts=date(2018, 9, 3))
    windows = AccessWindow.objects.filter(facilitator=ani, region_id="35.74").order_by("created_at", "pk")
    # each confirmation and the move opened a window; none was overwritten
    assert [(x.ends, x.closed_at is None) for x in windows] == [
        (date(2018, 7, 13), False),
        (first.ends, False),
        (date(2018, 9, 4) + timedelta(days=10), True),
    ]
    assert first.ends == date(2018, 8, 17)
    assert _membership(ani, world).valid_until == date(2018, 9, 14)


def test_removing_the_facilitator_ends_access_but_not_the_history(setup, world):
    admin, plan, ani, budi, w = setup
    for key in [("35.74", 1), ("35.74", 2)]:
        services.edit_workshop(user=admin, workshop=w[key], status=Workshop.Status.CONFIRMED)
    assert _membership(ani, world) is not None
    for key in [("35.74", 1), ("35.74", 2)]:
        services.edit_workshop(user=admin, workshop=w[key], lead=budi)
    assert _membership(ani, world) is None
    history = AccessWindow.objects.filter(facilitator=ani, region_id="35.74")
    assert history.count() == 3 and not history.filter(closed_at__isnull=True).exists()
    assert all(w.close_reason for w in history)
    assert _membership(budi, world).valid_from == date(2018, 6, 25)


def test_a_facilitator_serves_the_same_region_in_two_years(setup, world):
    """Windows of two plans are both kept; the membership spans the open ones."""
    admin, plan, ani, budi, w = setup
    services.edit_workshop(user=admin, workshop=w["35.74", 1], status=Workshop.Status.CONFIRMED)
    later = factories.plan(year=2019, window=(date(2019, 6, 1), date(2019, 10, 31)))
    later_w = later.workshops.get(region_id="35.74", stage=1)
    factories.place(later_w, date(2019, 7, 1), ani)
    services.edit_workshop(user=admin, workshop=later_w, status=Workshop.Status.CONFIRMED)
    assert AccessWindow.objects.filter(facilitator=ani, region_id="35.74", closed_at__isnull=True).count() == 2
    membership = _membership(ani, world)
    assert membership.valid_from == date(2018, 6, 25)
    assert membership.valid_until == date(2019, 8, 1)  # 30 days after: the default


def test_a_region_role_is_never_overwritten_by_the_plan(setup, world):
    admin, plan, ani, budi, w = setup
    Membership.objects.create(user=ani.user, workspace=world.probolinggo, role=Membership.Role.VIEWER)
    services.edit_workshop(user=admin, workshop=w["35.74", 1], status=Workshop.Status.CONFIRMED)
    assert _membership(ani, world).role == "viewer"


def test_hand_edits_of_one_session_are_one_version_and_diffs_list_them(setup):
    admin, plan, ani, budi, w = setup
    base = services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=admin)
    services.edit_workshop(user=admin, workshop=w["35.74", 1], starts=date(2018, 7, 4))
    services.edit_workshop(user=admin, workshop=w["35.75", 1], lead=ani, venue="Aula Bappeda")
    assert plan.versions.count() == 2
    edit = plan.versions.get(number=2)
    changes = services.diff(base.snapshot, edit.snapshot)
    assert [(c.region, c.stage, c.fields) for c in changes] == [
        ("35.74", 1, ("dates",)),
        ("35.75", 1, ("lead", "venue")),
    ]
    text = changes[1].describe({ani.pk: "Ani", budi.pk: "Budi"})
    assert "Budi → Ani" in text and "Aula Bappeda" in text
    assert "2–3 Jul 2018 → 4–5 Jul 2018" in changes[0].describe({})


def test_confirmation_emails_carry_only_each_persons_own_changes(setup, world):
    admin, plan, ani, budi, w = setup
    first = services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=admin)
    services.confirm_version(user=admin, version=first)
    services.edit_workshop(user=admin, workshop=w["35.74", 2], starts=date(2018, 8, 20))
    second = plan.versions.order_by("-number").first()
    services.confirm_version(user=admin, version=second)
    mail.outbox.clear()
    sent = notify.send_confirmation_emails(second)
    recipients = {m.to[0]: m.body for m in mail.outbox}
    assert sent == 2 and set(recipients) == {"ani@ugm.ac.id", "admin_probolinggo@example.id"}
    assert "Bimtek II Kota Probolinggo" in recipients["ani@ugm.ac.id"]
    assert "Pasuruan" not in recipients["ani@ugm.ac.id"]


def test_only_the_latest_version_is_confirmed_once(setup):
    admin, plan, ani, budi, w = setup
    old = services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=admin)
    services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=admin)
    with pytest.raises(ValidationError, match="terbaru"):
        services.confirm_version(user=admin, version=old)
    infeasible = services.record_version(
        plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=admin, solver_status="infeasible"
    )
    with pytest.raises(ValidationError):
        services.confirm_version(user=admin, version=infeasible)


def test_two_presses_of_propose_get_one_job(setup, world, django_capture_on_commit_callbacks):
    admin, plan, *_ = setup
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = services.start_solve(user=admin, plan=plan)
        second = services.start_solve(user=admin, plan=plan, replan=True)
    assert first.pk == second.pk and SolveJob.objects.filter(plan=plan).count() == 1
    assert len(callbacks) == 1
    with pytest.raises(PermissionDenied):
        services.start_solve(user=world.users["ministry_analyst"], plan=plan)


def test_a_facilitator_on_workshops_cannot_be_deleted(setup):
    admin, plan, ani, budi, w = setup
    with pytest.raises(ValidationError) as refused:
        services.delete_facilitator(user=admin, facilitator=ani)
    assert "Bimtek I Kota Probolinggo (02-07-2018)" in str(refused.value)
    assert "Bimtek II Kota Probolinggo" in str(refused.value)


def test_locked_workshops_change_only_to_unlock_and_statuses_follow_their_order(setup):
    admin, plan, ani, budi, w = setup
    workshop = w["35.74", 1]
    services.edit_workshop(user=admin, workshop=workshop, status=Workshop.Status.CONFIRMED)
    services.edit_workshop(user=admin, workshop=workshop, status=Workshop.Status.LOCKED)
    with pytest.raises(ValidationError, match="dikunci"):
        services.edit_workshop(user=admin, workshop=workshop, starts=date(2018, 7, 16))
    with pytest.raises(ValidationError):
        services.edit_workshop(user=admin, workshop=w["35.74", 3], status=Workshop.Status.CONFIRMED)  # no date
    with pytest.raises(ValidationError):
        services.edit_workshop(user=admin, workshop=w["35.74", 3], status=Workshop.Status.LOCKED)


def test_bad_plan_windows_and_wrong_people_are_refused_in_words(setup, world):
    admin, plan, ani, budi, w = setup
    cohort = plan.cohort
    with pytest.raises(ValidationError) as bad:
        services.open_plan(
            user=admin, cohort=cohort, name="x", window_start=date(2018, 10, 1), window_end=date(2018, 6, 1)
        )
    assert "window_end" in bad.value.message_dict
    official = factories.facilitator("pejabat@kemen.go.id", kind="official")
    with pytest.raises(ValidationError) as not_leader:
        services.edit_workshop(user=admin, workshop=w["35.74", 4], lead=official)
    assert "lead" in not_leader.value.message_dict
    with pytest.raises(ValidationError) as not_official:
        services.edit_workshop(user=admin, workshop=w["35.74", 4], ministry_rep=budi)
    assert "ministry_rep" in not_official.value.message_dict


def test_confirmation_and_a_solver_run_advance_the_workshops_revision(setup):
    """Calendar feeds number an event's revisions by ``updated_at``; bulk writes must move it."""
    from programs.scheduling.models import SolveJob

    admin, plan, ani, budi, w = setup
    before = {x.pk: x.updated_at for x in plan.workshops.all()}
    services.confirm_version(user=admin, version=services.record_version(plan=plan, kind="proposal", user=admin))
    confirmed = plan.workshops.filter(status=Workshop.Status.CONFIRMED)
    assert confirmed.count() == 3 and all(x.updated_at > before[x.pk] for x in confirmed)
    before = {x.pk: x.updated_at for x in plan.workshops.all()}
    job = SolveJob.objects.create(plan=plan, requested_by=admin)
    services.run_solve(job.pk)
    placed = plan.workshops.filter(status=Workshop.Status.PROPOSED, starts__isnull=False)
    assert placed.exists() and all(x.updated_at > before[x.pk] for x in placed)
