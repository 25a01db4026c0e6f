"""What the national plan adds to the core's menus: the plans and the registry for ministry
staff, "my workshops" and "my calendars" for facilitators, the region's schedule in a workspace."""

from django.utils.translation import gettext_lazy as _

from programs.scheduling import rules
from tenants.panels import NAV_NATIONAL, NAV_WORKSPACE, register_nav_link


def _staff(request) -> bool:
    return rules.can_view_scheduling(request.user)


def _facilitator(request) -> bool:
    """A facilitator who is not ministry staff (staff reach everything from the plans; asking
    only the others keeps the staff's pages at their query count)."""
    user = request.user
    return user.is_authenticated and not rules.can_view_scheduling(user) and rules.is_facilitator(user)


def register() -> None:
    register_nav_link(slot=NAV_NATIONAL, label=_("Jadwal Bimtek"), url_name="schedule-plans", order=60, visible=_staff)
    register_nav_link(
        slot=NAV_NATIONAL, label=_("Fasilitator"), url_name="schedule-facilitators", order=62, visible=_staff
    )
    register_nav_link(
        slot=NAV_NATIONAL, label=_("Bimtek saya"), url_name="schedule-mine", order=64, visible=_facilitator
    )
    register_nav_link(
        slot=NAV_WORKSPACE,
        label=_("Jadwal Bimtek"),
        url_name="schedule-region",
        order=35,
        visible=lambda request: bool(request.access and request.access.can_view_workshops),
    )
