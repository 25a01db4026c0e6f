"""The masterplan's part of the workspace home (``tenants.panels``): the next Bimtek stage
beside the region's card, the four stages and the Bimtek checklist below it."""

from tenants.panels import WORKSPACE_HOME, WORKSPACE_HOME_FACTS, register_panel


def bimtek_year(request, page) -> dict:
    """The stages and the next one, read once per request for every panel that shows them."""
    if not hasattr(request, "_bimtek_year"):
        from programs import selectors

        stages = list(selectors.bimtek_stages())
        request._bimtek_year = {"stages": stages, "next_stage": selectors.next_bimtek_stage(stages)}
    return request._bimtek_year


def checklist(request, page) -> dict:
    return {}  # the template asks for the checklist itself ({% bimtek_checklist %})


def register() -> None:
    register_panel(slot=WORKSPACE_HOME_FACTS, template="programs/_home_next_stage.html", context=bimtek_year)
    register_panel(slot=WORKSPACE_HOME, template="programs/_home_stages.html", context=bimtek_year, order=10)
    register_panel(slot=WORKSPACE_HOME, template="programs/_home_checklist.html", context=checklist, order=20)
