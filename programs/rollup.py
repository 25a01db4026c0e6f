"""The masterplan's figures for the national region snapshot (run in a workspace schema)."""

from django.db.models import Count, Q

from programs import checklist, selectors
from programs.models import Program


def masterplan_snapshot() -> dict:
    """Completeness (0–100, the share of Bimtek checklist items done), program and quick-win
    counts, the total budget (``Decimal``), the masterplan's workflow status and revision."""
    counts = Program.objects.aggregate(
        program_count=Count("pk"), quick_win_count=Count("pk", filter=Q(is_quick_win=True))
    )
    plan = selectors.masterplan()
    return {
        "masterplan_status": plan.status,
        "masterplan_revision": plan.revision,
        "masterplan_completeness": checklist.completeness(),
        "program_count": counts["program_count"],
        "quick_win_count": counts["quick_win_count"],
        "budget_total": selectors.budget_total(),
    }
