"""Writes of the national masterplan figures (public schema), by the workspaces' refresh."""

from decimal import Decimal

from programs.national.models import MasterplanFigures


def record_masterplan_figures(
    *,
    region,
    status: str,
    revision: int,
    masterplan_completeness: Decimal | int,
    program_count: int,
    quick_win_count: int,
    budget_total: Decimal,
) -> MasterplanFigures:
    """The region's current masterplan figures, as its workspace reports them (one row per region)."""
    figures, _created = MasterplanFigures.objects.update_or_create(
        region=region,
        defaults={
            "status": status,
            "revision": revision,
            "masterplan_completeness": masterplan_completeness,
            "program_count": program_count,
            "quick_win_count": quick_win_count,
            "budget_total": budget_total,
        },
    )
    return figures
