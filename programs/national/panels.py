"""A region's masterplan figures on the core's region page (``tenants.panels``), for ministry staff."""

from programs.national.models import MasterplanFigures
from tenants.panels import REGION_DETAIL, register_panel


def masterplan_figures(request, page) -> dict | None:
    """Shown for a region with a workspace (``domain``) to ministry staff only."""
    if not (request.user.is_ministry_staff and page.get("domain")):
        return None
    return {"figures": MasterplanFigures.objects.filter(region=page["region"]).first()}


def register() -> None:
    register_panel(
        slot=REGION_DETAIL, template="national/_region_masterplan.html", context=masterplan_figures, order=10
    )
