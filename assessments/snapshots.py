"""The region snapshot refresh: from one workspace's schema to its public snapshot rows.

Runs in the workspace's schema (the tenant-aware task, or the rebuild command looping over
schemas outside any request). For each cycle it computes the index and writes the
snapshot row of that period: ``computed`` for a final cycle (ranked), ``provisional``
otherwise (never ranked, and never replacing a published result of the same period).
Figures of other apps come from the registered providers (``assessments.rollup``). Ranks
of every touched period are then recomputed in one statement each.
"""

from decimal import Decimal

from django.db import connection, transaction

from assessments.framework.models import PublishedResult, RegionSnapshot
from assessments.framework.services import recompute_ranks
from assessments.models import AssessmentCycle
from assessments.rollup import snapshot_providers
from assessments.selectors import cycle_index

PROVIDED_FIELDS = {
    "masterplan_completeness": Decimal,
    "program_count": int,
    "quick_win_count": int,
    "budget_total": Decimal,
}


def provided_figures() -> dict:
    """What the registered providers report for the current workspace (unknown keys ignored)."""
    figures = {name: kind(0) for name, kind in PROVIDED_FIELDS.items()}
    for provider in snapshot_providers():
        for name, value in (provider() or {}).items():
            if name in PROVIDED_FIELDS and value is not None:
                figures[name] = PROVIDED_FIELDS[name](value)
    return figures


@transaction.atomic
def refresh_region_snapshot() -> dict:
    """Rewrite the snapshot rows of the current workspace's region; returns a summary."""
    workspace = connection.tenant
    region = workspace.region
    if region is None:
        return {"schema": connection.schema_name, "periods": []}
    figures = provided_figures()
    published = set(PublishedResult.objects.filter(region=region).values_list("year", "stage"))
    touched = set()
    written = set()
    for cycle in AssessmentCycle.objects.select_related("framework_version").order_by("year", "stage"):
        is_final = cycle.state == AssessmentCycle.State.FINAL
        period = (cycle.year, cycle.stage)
        if not is_final and period in published:
            continue
        result = cycle_index(cycle=cycle)
        RegionSnapshot.objects.update_or_create(
            region=region,
            year=cycle.year,
            stage=cycle.stage,
            defaults={
                "source": RegionSnapshot.Source.COMPUTED if is_final else RegionSnapshot.Source.PROVISIONAL,
                "overall": result.overall,
                "components": result.component_values(),
                "dimensions": result.dimension_values(),
                "framework_version": cycle.framework_version,
                **figures,
            },
        )
        touched.add(period)
        written.add(period)
    # Rows of periods no cycle writes any more (a cycle reopened over an imported result):
    # published results take their place again, anything else computed is removed.
    stale = RegionSnapshot.objects.filter(region=region).exclude(source=RegionSnapshot.Source.IMPORTED)
    for snap in stale:
        if (snap.year, snap.stage) not in written:
            touched.add((snap.year, snap.stage))
            snap.delete()
    for result in PublishedResult.objects.filter(region=region):
        period = (result.year, result.stage)
        if period in written:
            RegionSnapshot.objects.filter(region=region, year=result.year, stage=result.stage).update(
                published_rank=result.rank
            )
            continue
        RegionSnapshot.objects.update_or_create(
            region=region,
            year=result.year,
            stage=result.stage,
            defaults={
                "source": RegionSnapshot.Source.IMPORTED,
                "overall": result.overall,
                "components": result.components,
                "dimensions": result.dimensions,
                "published_rank": result.rank,
                "framework_version": None,
                **figures,
            },
        )
        touched.add(period)
    for year, stage in sorted(touched):
        recompute_ranks(year=year, stage=stage)
    return {"schema": connection.schema_name, "periods": [f"{y}-{s}" for y, s in sorted(touched)]}
