from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    """The November showcase of a cohort: the event, its stages (rooms), the presenting
    regions and the versioned agenda of their slots."""

    name = "showcase"
    label = "showcase"
    verbose_name = _("Showcase November")

    def ready(self):
        from showcase import rules  # noqa: F401
