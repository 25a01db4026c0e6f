"""A region's latest assessment periods on the core's region page (``tenants.panels``), and
the ranking and the frameworks in the national menu.

Ministry staff see them for a region with a workspace; the snapshots are written by the
workspace's background refresh.
"""

from django.utils.translation import gettext_lazy as _

from assessments.framework import rules
from tenants.panels import NAV_NATIONAL, REGION_DETAIL, register_nav_link, register_panel


def _for_staff(request) -> bool:
    return rules.can_view_national_assessments(request.user)


def latest_snapshots(request, page) -> dict | None:
    """The four latest periods of a region with a workspace (``domain``), for ministry staff only."""
    if not (_for_staff(request) and page.get("domain")):
        return None
    return {"snapshots": list(page["region"].snapshots.order_by("-year", "-stage")[:4])}


def register() -> None:
    register_panel(slot=REGION_DETAIL, template="framework/_region_snapshots.html", context=latest_snapshots, order=20)
    register_nav_link(
        slot=NAV_NATIONAL, label=_("Peringkat"), url_name="assessment-ranking", order=30, visible=_for_staff
    )
    register_nav_link(slot=NAV_NATIONAL, label=_("Kerangka"), url_name="framework-list", order=50, visible=_for_staff)
