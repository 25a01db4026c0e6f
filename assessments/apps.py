from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Tenant side: a region's assessment cycles, responses, evidence and history."""

    name = "assessments"
    verbose_name = _("Penilaian")

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from assessments import rules  # noqa: F401  (declares the assessment capabilities)
        from tenants.panels import NAV_WORKSPACE, register_nav_link

        register_nav_link(slot=NAV_WORKSPACE, label=_("Penilaian"), url_name="assessment-home", order=60)
