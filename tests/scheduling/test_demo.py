"""The demo's plan: the 2018 cohort proposed by the solver, confirmed, then one hand edit that
leaves a conflict for a ministry admin to find; running the demo again changes nothing."""

from programs.scheduling import services
from programs.scheduling.demo import PLAN_NAME, seed_scheduling_demo
from programs.scheduling.models import Facilitator, Plan, Workshop


def test_the_demo_plan_is_confirmed_with_one_conflict_left_to_fix(world):
    admin = world.users["ministry_admin"]
    plan = seed_scheduling_demo(admin=admin)
    assert seed_scheduling_demo(admin=admin) is None  # idempotent
    assert Plan.objects.filter(name=PLAN_NAME).count() == 1
    versions = list(plan.versions.order_by("number"))
    assert [(v.kind, v.confirmed_at is not None) for v in versions] == [("proposal", True), ("edit", False)]
    assert versions[0].solver_status in ("optimal", "feasible")
    assert not plan.workshops.filter(starts__isnull=True).exists()
    assert not plan.workshops.exclude(status=Workshop.Status.CONFIRMED).exists()
    warnings = services.warnings(plan)
    assert warnings and {v.code for v in warnings} <= {"overlap", "travel"}
    assert Facilitator.objects.filter(kind=Facilitator.Kind.OFFICIAL).count() >= 2
