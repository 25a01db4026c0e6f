"""The region snapshot refresh: from one workspace's schema to its public snapshot rows.

Runs in the workspace's schema (the tenant-aware task, or the rebuild command looping over
schemas outside any request). For each cycle it computes the index and writes the
snapshot row of that period: ``computed`` for a final cycle (ranked), ``provisional``
otherwise (never ranked, and never replacing a published result of the same period).
Figures of other apps come from the registered providers (``assessments.rollup``), which
run first, whether or not the region has been assessed. Ranks of every touched period are
then recomputed in one statement each.
"""

from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Q

from assessments.framework.models import PublishedResult, RegionSnapshot
from assessments.framework.selectors import spec_for
from assessments.framework.services import imported_snapshot, recompute_ranks
from assessments.models import AssessmentCycle
from assessments.rollup import snapshot_providers
from assessments.selectors import cycle_index


def _decimal(value) -> Decimal:
    return Decimal(str(value))  # via str: a float 62.5 stays 62.5, not its binary expansion


PROVIDED_FIELDS = {
    "masterplan_completeness": _decimal,
    "program_count": int,
    "quick_win_count": int,
    "budget_total": _decimal,
}


def provided_figures() -> dict:
    """What the registered providers report for the current workspace (unknown keys ignored)."""
    figures = {name: convert(0) for name, convert in PROVIDED_FIELDS.items()}
    for provider in snapshot_providers():
        for name, value in (provider() or {}).items():
            if name in PROVIDED_FIELDS and value is not None:
                figures[name] = PROVIDED_FIELDS[name](value)
    return figures


UPSERT_FIELDS = [
    "source", "overall", "components", "dimensions", "published_rank", "framework_version", "cycle_state",
    *PROVIDED_FIELDS, "refreshed_at",
]  # fmt: skip


@transaction.atomic
def refresh_region_snapshot(*, rerank: bool = True) -> dict:
    """Rewrite the snapshot rows of the current workspace's region; returns a summary.

    ``rerank=False`` leaves the ranks to the caller (the rebuild of every region ranks each
    period once at the end instead of once per region).
    """
    workspace = connection.tenant
    region = workspace.region
    if region is None:
        return {"schema": connection.schema_name, "periods": []}
    figures = provided_figures()
    published = {(r.year, r.stage): r for r in PublishedResult.objects.filter(region=region)}
    rows: dict[tuple[int, int], RegionSnapshot] = {}
    for cycle in AssessmentCycle.objects.select_related("framework_version").order_by("year", "stage"):
        is_final = cycle.state == AssessmentCycle.State.FINAL
        period = (cycle.year, cycle.stage)
        if not is_final and period in published:
            continue  # a cycle in progress never hides an official result
        result = cycle_index(cycle=cycle, spec=spec_for(cycle.framework_version))
        official = published.get(period)
        rows[period] = RegionSnapshot(
            region=region,
            year=cycle.year,
            stage=cycle.stage,
            source=RegionSnapshot.Source.COMPUTED if is_final else RegionSnapshot.Source.PROVISIONAL,
            overall=result.overall,
            components=result.component_values(),
            dimensions=result.dimension_values(),
            published_rank=official.rank if official else None,
            framework_version=cycle.framework_version,
            cycle_state=cycle.state,
            **figures,
        )
    for period, official in published.items():
        if period not in rows:
            rows[period] = imported_snapshot(official, **figures)
    # Rows of periods nothing writes any more are removed; one upsert writes the rest.
    existing = set(RegionSnapshot.objects.filter(region=region).values_list("year", "stage"))
    gone = existing - set(rows)
    if gone:
        stale = Q()
        for year, stage in gone:
            stale |= Q(year=year, stage=stage)
        RegionSnapshot.objects.filter(stale, region=region).delete()
    RegionSnapshot.objects.bulk_create(
        rows.values(),
        update_conflicts=True,
        unique_fields=["region", "year", "stage"],
        update_fields=UPSERT_FIELDS,
    )
    touched = set(rows) | gone
    if rerank:
        for year, stage in sorted(touched):
            recompute_ranks(year=year, stage=stage)
    return {"schema": connection.schema_name, "periods": [f"{y}-{s}" for y, s in sorted(touched)]}
