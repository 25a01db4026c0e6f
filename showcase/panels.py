"""What the showcase adds to the core's menus: the showcases for ministry staff."""

from django.utils.translation import gettext_lazy as _

from showcase import rules
from tenants.panels import NAV_NATIONAL, register_nav_link


def register() -> None:
    register_nav_link(
        slot=NAV_NATIONAL,
        label=_("Showcase"),
        url_name="showcase-list",
        order=70,
        visible=lambda request: rules.can_view_showcase(request.user),
    )
