"""What the national plan adds to the core's pages and menus."""

from django.utils.translation import gettext_lazy as _

from programs.scheduling import rules
from tenants.panels import NAV_NATIONAL, register_nav_link


def register() -> None:
    register_nav_link(
        slot=NAV_NATIONAL,
        label=_("Jadwal Bimtek"),
        url_name="schedule-plans",
        order=60,
        visible=lambda request: rules.can_view_scheduling(request.user),
    )
    register_nav_link(
        slot=NAV_NATIONAL,
        label=_("Bimtek saya"),
        url_name="schedule-mine",
        order=65,
        visible=lambda request: rules.is_facilitator(request.user) and not rules.can_view_scheduling(request.user),
    )
