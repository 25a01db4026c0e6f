from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Tenant side: a region's assessment cycles, responses, evidence and history."""

    name = "assessments"
    verbose_name = _("Penilaian")

    def ready(self):
        from assessments import rules  # noqa: F401  (declares the assessment capabilities)
