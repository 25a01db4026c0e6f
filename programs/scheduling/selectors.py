"""Reads of the national plan for pages and the API (a fixed number of queries each)."""

from django.db.models import Count, Prefetch, Q, QuerySet

from programs.scheduling.models import Facilitator, Plan, PlanVersion, SolveJob, Workshop


def plans() -> QuerySet[Plan]:
    return Plan.objects.select_related("cohort").annotate(
        workshop_count=Count("workshops", filter=~Q(workshops__status=Workshop.Status.CANCELLED)),
        confirmed_count=Count(
            "workshops", filter=Q(workshops__status__in=[Workshop.Status.CONFIRMED, Workshop.Status.LOCKED])
        ),
    )


def plan_workshops(plan: Plan, *, include_cancelled: bool = True) -> QuerySet[Workshop]:
    rows = (
        Workshop.objects.filter(plan=plan)
        .select_related("region__province", "lead__user", "ministry_rep__user")
        .prefetch_related(Prefetch("co_facilitators", queryset=Facilitator.objects.select_related("user")))
        .order_by("region_id", "stage")
    )
    return rows if include_cancelled else rows.exclude(status=Workshop.Status.CANCELLED)


def facilitators() -> QuerySet[Facilitator]:
    return Facilitator.objects.select_related("user", "home_province")


def workshops_of_facilitator(facilitator: Facilitator) -> QuerySet[Workshop]:
    """Every workshop (not cancelled, any plan) a facilitator leads, assists or represents."""
    return (
        Workshop.objects.filter(Q(lead=facilitator) | Q(ministry_rep=facilitator) | Q(co_facilitators=facilitator))
        .exclude(status=Workshop.Status.CANCELLED)
        .select_related("region__province", "plan", "lead__user", "ministry_rep__user")
        .prefetch_related(Prefetch("co_facilitators", queryset=Facilitator.objects.select_related("user")))
        .distinct()
        .order_by("starts", "region_id", "stage")
    )


def workshops_of_region(region_id: str) -> QuerySet[Workshop]:
    """The region's workshops of every plan, newest plan first (not cancelled)."""
    return (
        Workshop.objects.filter(region_id=region_id)
        .exclude(status=Workshop.Status.CANCELLED)
        .select_related("plan", "lead__user", "ministry_rep__user", "region__province")
        .prefetch_related(Prefetch("co_facilitators", queryset=Facilitator.objects.select_related("user")))
        .order_by("-plan__window_start", "stage")
    )


def current_stage_workshops(region_id: str) -> dict[int, Workshop]:
    """Stage number -> the workshop that now holds that stage's dates for the region: of the
    newest plan that schedules it (one source of truth for the workspace's Bimtek stages)."""
    chosen: dict[int, Workshop] = {}
    for w in workshops_of_region(region_id).filter(starts__isnull=False):
        chosen.setdefault(w.stage, w)
    return chosen


def versions(plan: Plan) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(plan=plan).select_related("created_by", "confirmed_by").defer("snapshot")


def active_job(plan: Plan) -> SolveJob | None:
    return SolveJob.objects.filter(plan=plan, status__in=SolveJob.ACTIVE).first()
