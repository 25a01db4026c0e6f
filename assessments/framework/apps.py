from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    """Public side: framework versions and the national roll-up (region snapshots)."""

    name = "assessments.framework"
    label = "framework"
    verbose_name = _("Kerangka penilaian")

    def ready(self):
        from assessments.framework import panels
        from assessments.framework.models import PublishedResult, RegionSnapshot
        from tenants.backup import register_public_rows

        panels.register()
        register_public_rows("framework.snapshots", RegionSnapshot, "region", with_copies=False)
        register_public_rows("framework.published_results", PublishedResult, "region", with_copies=False)
