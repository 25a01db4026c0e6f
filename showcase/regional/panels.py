"""The showcase preparation's part of the core's pages: a link in the workspace menu and the
slides' stylesheet in the head of workspace pages."""

from django.utils.translation import gettext_lazy as _

from tenants.panels import NAV_WORKSPACE, WORKSPACE_HEAD, register_nav_link, register_panel


def no_context(request, page) -> dict:
    return {}


def register() -> None:
    register_panel(slot=WORKSPACE_HEAD, template="showcase_regional/_head.html", context=no_context)
    register_nav_link(slot=NAV_WORKSPACE, label=_("Showcase"), url_name="showcase-entries", order=60)
