"""Reads inside a workspace: cycles, their responses and computed index, the history."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from assessments.framework.models import Component, PublishedResult
from assessments.framework.scoring import FrameworkSpec, IndexResult, compute_index
from assessments.framework.selectors import spec_for
from assessments.models import AssessmentCycle, AssessmentResponse, CycleEvent, Evidence


def cycles() -> QuerySet[AssessmentCycle]:
    return AssessmentCycle.objects.select_related("framework_version").order_by("-year", "-stage")


def cycles_with_responses() -> QuerySet[AssessmentCycle]:
    """Cycles with their responses, indicators and evidence files (three queries for one cycle)."""
    responses = AssessmentResponse.objects.select_related(
        "indicator__component", "indicator__subdimension__dimension"
    ).prefetch_related(Prefetch("files", queryset=Evidence.objects.order_by("uploaded_at")))
    return AssessmentCycle.objects.select_related("framework_version").prefetch_related(
        Prefetch("responses", queryset=responses)
    )


def responses() -> QuerySet[AssessmentResponse]:
    """Responses with their cycle, version and indicator (one query for one response)."""
    return AssessmentResponse.objects.select_related(
        "cycle__framework_version", "indicator__component", "indicator__subdimension__dimension"
    )


def uses_verified_scores(cycle: AssessmentCycle) -> bool:
    return cycle.state in (AssessmentCycle.State.VERIFIED, AssessmentCycle.State.FINAL)


def cycle_index(
    *, cycle: AssessmentCycle, verified: bool | None = None, spec: FrameworkSpec | None = None
) -> IndexResult:
    """The index of a cycle: verified scores once verified, self scores before."""
    verified = uses_verified_scores(cycle) if verified is None else verified
    field = "verified_score" if verified else "self_score"
    scores: dict[str, Decimal | None] = {
        code: value for code, value in cycle.responses.values_list("indicator__code", field)
    }
    return compute_index(spec or spec_for(cycle.framework_version), scores)


def cycle_events(*, cycle: AssessmentCycle) -> QuerySet[CycleEvent]:
    return cycle.events.select_related("actor").order_by("-at", "-id")


def published_history(*, region) -> QuerySet[PublishedResult]:
    return PublishedResult.objects.filter(region=region).order_by("year", "stage")


@dataclass(frozen=True)
class ComponentProgress:
    component: Component
    done: int
    total: int


def filled_field(cycle: AssessmentCycle) -> str:
    """The score a cycle's progress counts: the self score while open, then the verified one."""
    return "self_score" if cycle.state == AssessmentCycle.State.OPEN else "verified_score"


def component_progress(*, cycle: AssessmentCycle, field: str | None = None) -> list[ComponentProgress]:
    """Each component of the cycle's version with how many of its indicators have ``field``
    (by default ``filled_field``), in the version's order (two queries)."""
    field = field or filled_field(cycle)
    counts = {
        row["indicator__component"]: row
        for row in cycle.responses.values("indicator__component").annotate(
            total=Count("pk"), done=Count("pk", filter=Q(**{f"{field}__isnull": False}))
        )
    }
    return [
        ComponentProgress(c, counts.get(c.pk, {}).get("done", 0), counts.get(c.pk, {}).get("total", 0))
        for c in Component.objects.filter(version_id=cycle.framework_version_id).order_by("order", "code")
    ]


def component_responses(*, cycle: AssessmentCycle, component: Component) -> QuerySet[AssessmentResponse]:
    """The responses of one component of a cycle, with indicators and evidence files."""
    return (
        AssessmentResponse.objects.filter(cycle=cycle, indicator__component=component)
        .select_related("indicator__subdimension__dimension")
        .prefetch_related(Prefetch("files", queryset=Evidence.objects.order_by("uploaded_at")))
        .order_by("indicator__order", "indicator__code")
    )
