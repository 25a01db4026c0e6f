"""Reads of the national masterplan overview: filtered, sorted and totalled by PostgreSQL."""

from django.db.models import Count, F, Q, QuerySet, Sum

from programs.national.models import MasterplanFigures
from tenants.models import Region

MASTERPLAN_SORTS = {
    "name": "name",
    "code": "code",
    "status": "masterplan_figures__status",
    "completeness": "masterplan_figures__masterplan_completeness",
    "programs": "masterplan_figures__program_count",
    "quick_wins": "masterplan_figures__quick_win_count",
    "budget": "masterplan_figures__budget_total",
    "refreshed": "masterplan_figures__refreshed_at",
}


def masterplan_overview(
    *,
    cohort_year: int | None = None,
    province: str = "",
    kind: str = "",
    status: str = "",
    sort: str = "completeness",
    descending: bool = True,
) -> QuerySet:
    """Every region with a workspace and its current masterplan figures (``None`` until the
    first refresh), filtered and sorted by PostgreSQL; regions without figures sort last."""
    given = {
        "cohort__year": cohort_year,
        "province_id": province,
        "kind": kind,
        "masterplan_figures__status": status,
    }
    regions = Region.objects.filter(
        workspace__isnull=False, workspace__is_template=False, **{lookup: v for lookup, v in given.items() if v}
    ).select_related("province", "cohort", "masterplan_figures")
    column = F(MASTERPLAN_SORTS.get(sort, MASTERPLAN_SORTS["completeness"]))
    return regions.order_by(column.desc(nulls_last=True) if descending else column.asc(nulls_last=True), "code")


def masterplan_totals(regions: QuerySet) -> dict:
    """Totals of a filtered overview in one query: regions, programs, quick wins, budget,
    and how many masterplans are in each status."""
    status_counts = {
        f"status_{value}": Count("pk", filter=Q(masterplan_figures__status=value))
        for value in MasterplanFigures.Status.values
    }
    totals = regions.order_by().aggregate(
        regions=Count("pk"),
        programs=Sum("masterplan_figures__program_count"),
        quick_wins=Sum("masterplan_figures__quick_win_count"),
        budget=Sum("masterplan_figures__budget_total"),
        **status_counts,
    )
    totals["statuses"] = [
        (value, label, totals.pop(f"status_{value}")) for value, label in MasterplanFigures.Status.choices
    ]
    return totals
