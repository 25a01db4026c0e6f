"""The solver runs as a Celery job on a real worker: a proposal with no hard violation, then a
re-plan after a facilitator falls ill that keeps confirmed workshops and reports what moved;
an impossible plan is explained in words and leaves the workshops as they were."""

import time
from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from platform.accounts.models import User
from programs.scheduling import services
from programs.scheduling.models import AccessWindow, Facilitator, Plan, SolveJob, Unavailability, Workshop
from programs.scheduling.solver.checker import check
from tenants.models import Cohort, Membership, Region
from tests.scheduling import factories

pytestmark = pytest.mark.worker
REGIONS = ["35.74", "35.75", "51.71"]


@pytest.fixture
def committed_plan(committed_db):
    cohort = Cohort.objects.get(year=2018)
    extra = Region.objects.filter(code="51.71", cohort__isnull=True)
    extra_codes = list(extra.values_list("code", flat=True))
    extra.update(cohort=cohort)
    people = [
        factories.facilitator("w.ani@ugm.ac.id", province="34", full_name="Ani"),
        factories.facilitator("w.budi@its.ac.id", province="35", full_name="Budi"),
        factories.facilitator("w.made@unud.ac.id", province="51", full_name="Made"),
    ]
    admin = User.objects.get(email="ministry_admin@example.id")
    plan = services.open_plan(
        user=admin,
        cohort=cohort,
        name="Uji pekerja",
        window_start=date(2018, 6, 4),
        window_end=date(2018, 10, 31),
        time_limit_seconds=5,
    )
    plan.workshops.exclude(region_id__in=REGIONS).delete()
    yield admin, plan, people
    connection.set_schema_to_public()
    users = [p.user_id for p in people]
    Membership.objects.filter(user_id__in=users).delete()
    AccessWindow.objects.filter(facilitator__in=people).delete()
    plan.delete()
    Facilitator.objects.filter(pk__in=[p.pk for p in people]).delete()
    User.objects.filter(pk__in=users).delete()
    Region.objects.filter(code__in=extra_codes).update(cohort=None)


def _wait(job: SolveJob) -> SolveJob:
    deadline = timezone.now() + timedelta(seconds=90)
    while timezone.now() < deadline:
        job.refresh_from_db()
        if job.status in (SolveJob.Status.DONE, SolveJob.Status.FAILED):
            return job
        time.sleep(0.3)
    raise AssertionError(f"job still {job.status} at {job.percent}%")


def test_propose_confirm_and_replan_on_the_worker(worker, committed_plan):
    admin, plan, people = committed_plan
    ani, budi, made = people
    job = _wait(services.start_solve(user=admin, plan=plan))
    assert job.status == "done", job.message
    version = job.version
    assert version.solver_status in ("optimal", "feasible") and version.stats["workload"]
    instance, workshops = services.instance_from_plan(plan)
    placements = services.solving.current_placements(workshops)
    assert len(placements) == 12 and check(instance, placements) == []
    assert all(version.reasons[str(w.pk)] for w in workshops)

    services.confirm_version(user=admin, version=version)
    # Budi falls ill for the whole window: his proposed workshops are re-planned, confirmed dates stay
    busy = list(Workshop.objects.filter(plan=plan, lead=budi))
    assert busy
    kept_dates = {w.pk: w.starts for w in Workshop.objects.filter(plan=plan)}
    Unavailability.objects.create(facilitator=budi, starts=plan.window_start, ends=plan.window_end, reason="Sakit")
    # confirmed dates are kept, so someone must be free on them: a spare expert joins the registry
    people.append(factories.facilitator("w.citra@ui.ac.id", province="31", full_name="Citra"))
    replan = _wait(services.start_solve(user=admin, plan=plan, replan=True))
    assert replan.status == "done", replan.message
    assert not Workshop.objects.filter(plan=plan, lead=budi).exists(), (
        replan.version.solver_status,
        replan.version.moved,
        replan.version.conflicts,
        replan.message,
    )
    after = {w.pk: w.starts for w in Workshop.objects.filter(plan=plan)}
    assert after == kept_dates  # confirmed workshops keep their dates; only the leads changed
    assert replan.version.moved == len(busy) and replan.version.kind == "replan"
    assert not AccessWindow.objects.filter(facilitator=budi, closed_at__isnull=True, plan=plan).exists()


def test_an_impossible_plan_is_explained_and_changes_nothing(worker, committed_plan):
    admin, plan, people = committed_plan
    services.update_plan(user=admin, plan=plan, window_end=date(2018, 6, 30))  # four stages 21 days apart: no room
    job = _wait(services.start_solve(user=admin, plan=plan))
    assert job.status == "done"
    assert job.version.solver_status == "infeasible" and job.version.conflicts
    assert any("21" in sentence for sentence in job.version.conflicts)
    assert not Workshop.objects.filter(plan=plan, starts__isnull=False).exists()
    assert Plan.objects.get(pk=plan.pk).versions.count() == 1
