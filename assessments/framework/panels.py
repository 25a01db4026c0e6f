"""A region's latest assessment periods on the core's region page (``tenants.panels``).

Ministry staff see them for a region with a workspace; the snapshots are written by the
workspace's background refresh.
"""

from tenants.panels import REGION_DETAIL, register_panel


def latest_snapshots(request, page) -> dict | None:
    """The four latest periods of a region with a workspace (``domain``), for ministry staff only."""
    if not (request.user.is_ministry_staff and page.get("domain")):
        return None
    return {"snapshots": list(page["region"].snapshots.order_by("-year", "-stage")[:4])}


def register() -> None:
    register_panel(slot=REGION_DETAIL, template="framework/_region_snapshots.html", context=latest_snapshots, order=20)
