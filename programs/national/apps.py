from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalMasterplansConfig(AppConfig):
    """Public side of programs: each region's current masterplan figures (``MasterplanFigures``),
    written by its workspace's background refresh (``programs.rollup``) and read by ministry
    staff on the overview page, the region page and ``/api/v1/masterplans/``."""

    name = "programs.national"
    label = "masterplans"
    verbose_name = _("Masterplan daerah")

    def ready(self):
        from programs.national import panels
        from programs.national.models import MasterplanFigures
        from tenants.backup import register_public_rows

        panels.register()
        register_public_rows("masterplans.figures", MasterplanFigures, "region", with_copies=False)
