"""The core's own links in the menus of the base page (``tenants.panels.register_nav_link``).

The core takes 10 (home), 40 (members) and 90 (the national layer) in the workspace menu,
10 (the registry), 20 (cohorts) and 90 (admin) in the national one; apps put theirs in
between from their ``AppConfig.ready`` (their ``panels.py``), ordered by ``order``.
"""

from django.utils.translation import gettext_lazy as _

from tenants.panels import NAV_NATIONAL, NAV_WORKSPACE, register_nav_link


def register() -> None:
    register_nav_link(slot=NAV_WORKSPACE, label=_("Beranda"), url_name="home", order=10)
    register_nav_link(slot=NAV_WORKSPACE, label=_("Anggota"), url_name="members", order=40)
    register_nav_link(slot=NAV_WORKSPACE, label=_("Nasional"), template="tenants/_nav_national_home.html", order=90)
    register_nav_link(slot=NAV_NATIONAL, label=_("Registri wilayah"), url_name="home", order=10)
    register_nav_link(slot=NAV_NATIONAL, label=_("Angkatan"), url_name="cohort-list", order=20)
    register_nav_link(
        slot=NAV_NATIONAL, label=_("Admin"), url_name="admin:index", order=90, visible=lambda r: r.user.is_staff
    )
