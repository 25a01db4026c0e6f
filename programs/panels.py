"""The masterplan's part of the core's pages (``tenants.panels``): on the workspace home the
next Bimtek stage beside the region's card, the four stages and the Bimtek checklist below
it (a new workspace's first steps until they are done); in the workspace menu the
masterplan, the programs and the notifications."""

from django.utils.translation import gettext_lazy as _

from tenants.panels import (
    NATIONAL_HEAD,
    NAV_WORKSPACE,
    WORKSPACE_HEAD,
    WORKSPACE_HOME,
    WORKSPACE_HOME_FACTS,
    register_nav_link,
    register_panel,
)


def bimtek_year(request, page) -> dict:
    """The stages and the next one, read once per request for every panel that shows them."""
    if not hasattr(request, "_bimtek_year"):
        from programs import selectors

        stages = selectors.bimtek_stages_with_workshops(region_id=request.tenant.region_id)
        request._bimtek_year = {
            "stages": stages,
            "next_stage": selectors.next_bimtek_stage(stages),
            "overdue_stages": selectors.overdue_bimtek_stages(stages),
            "year_done": all(s.is_done for s in stages),
        }
    return request._bimtek_year


def home_checklist(request, page) -> dict:
    """For those who set the workspace up (region and ministry admins) its first steps until
    they are all done, then the Bimtek checklist; members who follow the work (a facilitator,
    the Dewan) see the checklist's gaps from the start."""
    from programs import checklist

    access = page.get("access")
    if not (access and access.can_edit_workspace):
        return {"first_steps": None}
    steps = checklist.first_steps()
    return {"first_steps": steps if not all(s.done for s in steps) else None}


def no_context(request, page) -> dict:
    return {}  # the template asks for what it shows itself (e.g. {% bimtek_checklist %})


def register() -> None:
    register_panel(slot=WORKSPACE_HEAD, template="programs/_head.html", context=no_context)
    # the national masterplan overview draws the same status badges
    register_panel(slot=NATIONAL_HEAD, template="programs/_head.html", context=no_context)
    register_panel(slot=WORKSPACE_HOME_FACTS, template="programs/_home_next_stage.html", context=bimtek_year)
    register_panel(slot=WORKSPACE_HOME, template="programs/_home_stages.html", context=bimtek_year, order=10)
    register_panel(slot=WORKSPACE_HOME, template="programs/_home_checklist.html", context=home_checklist, order=20)
    register_nav_link(slot=NAV_WORKSPACE, label=_("Masterplan"), url_name="masterplan", order=20)
    register_nav_link(slot=NAV_WORKSPACE, label=_("Program"), url_name="program-list", order=30)
    register_nav_link(slot=NAV_WORKSPACE, label=_("Notifikasi"), template="programs/_nav_notifications.html", order=50)
