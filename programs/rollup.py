"""The masterplan's figures for the national layer (run in a workspace schema by the refresh).

``masterplan_snapshot`` is the masterplan's provider of the national roll-up
(``assessments.rollup``): it records the region's current figures in ``programs.national``
(one ``MasterplanFigures`` row per region, assessed or not) and returns those the
assessment snapshots keep per period.
"""

from django.db import connection
from django.db.models import Count, Q

from programs import checklist, selectors
from programs.models import Program
from programs.national.services import record_masterplan_figures

# Kept nationally with the region's current figures only, not per assessment period.
CURRENT_ONLY = ("status", "revision")


def masterplan_figures() -> dict:
    """The workflow status and revision, the completeness (0–100, the share of Bimtek
    checklist items done), program and quick-win counts and the total budget (``Decimal``)."""
    counts = Program.objects.aggregate(
        program_count=Count("pk"), quick_win_count=Count("pk", filter=Q(is_quick_win=True))
    )
    plan = selectors.masterplan()
    return {
        "status": plan.status,
        "revision": plan.revision,
        "masterplan_completeness": checklist.completeness(),
        "program_count": counts["program_count"],
        "quick_win_count": counts["quick_win_count"],
        "budget_total": selectors.budget_total(),
    }


def masterplan_snapshot() -> dict:
    """The provider: records the region's current figures nationally and returns the ones
    of the assessment snapshot (completeness, program and quick-win counts, budget)."""
    figures = masterplan_figures()
    region = getattr(connection.tenant, "region", None)
    if region is not None:
        record_masterplan_figures(region=region, **figures)
    return {name: value for name, value in figures.items() if name not in CURRENT_ONLY}
