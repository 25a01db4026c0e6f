"""A region's masterplan figures on the core's region page (``tenants.panels``) and the
overview in the national menu, for ministry staff."""

from django.utils.translation import gettext_lazy as _

from programs.national import rules
from programs.national.models import MasterplanFigures
from tenants.panels import NAV_NATIONAL, REGION_DETAIL, register_nav_link, register_panel


def masterplan_figures(request, page) -> dict | None:
    """Shown for a region with a workspace (``domain``) to ministry staff only."""
    if not (rules.can_view_national_masterplans(request.user) and page.get("domain")):
        return None
    return {"figures": MasterplanFigures.objects.filter(region=page["region"]).first()}


def register() -> None:
    register_panel(
        slot=REGION_DETAIL, template="national/_region_masterplan.html", context=masterplan_figures, order=10
    )
    register_nav_link(
        slot=NAV_NATIONAL,
        label=_("Masterplan"),
        url_name="masterplan-overview",
        order=40,
        visible=lambda request: rules.can_view_national_masterplans(request.user),
    )
