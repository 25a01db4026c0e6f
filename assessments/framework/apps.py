from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    """Public side: framework versions and the national roll-up (region snapshots)."""

    name = "assessments.framework"
    label = "framework"
    verbose_name = _("Kerangka penilaian")

    def ready(self):
        from assessments.framework import panels

        panels.register()
