"""The national figures of a region on the core's region page (``tenants.panels``).

Ministry staff see, for a region with a workspace, its masterplan figures and its latest
assessment periods, both written by the workspace's background refresh.
"""

from tenants.panels import REGION_DETAIL, register_panel


def _for_staff(request, page) -> bool:
    return bool(request.user.is_ministry_staff and page.get("domain"))


def masterplan_figures(request, page) -> dict | None:
    if not _for_staff(request, page):
        return None
    from assessments.framework.models import MasterplanFigures

    return {"figures": MasterplanFigures.objects.filter(region=page["region"]).first()}


def latest_snapshots(request, page) -> dict | None:
    if not _for_staff(request, page):
        return None
    return {"snapshots": list(page["region"].snapshots.order_by("-year", "-stage")[:4])}


def register() -> None:
    register_panel(
        slot=REGION_DETAIL, template="framework/_region_masterplan.html", context=masterplan_figures, order=10
    )
    register_panel(slot=REGION_DETAIL, template="framework/_region_snapshots.html", context=latest_snapshots, order=20)
