"""The core's own links in the menus of the base page (``tenants.panels.register_nav_link``);
apps add theirs in their ``AppConfig.ready``, placed by ``order``:

workspace menu   10 Beranda · 20 Masterplan · 30 Program · 40 Anggota · 50 Notifikasi ·
                 60 Penilaian · 90 Nasional
national menu    10 Registri wilayah · 20 Angkatan · 30 Peringkat · 40 Masterplan ·
                 50 Kerangka · 90 Admin
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
