from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    """The November showcase of a cohort: the event, its stages (rooms), the presenting
    regions and the versioned agenda of their slots, its builder and its public page."""

    name = "showcase"
    label = "showcase"
    verbose_name = _("Showcase November")

    def ready(self):
        from showcase import panels, rules  # noqa: F401

        panels.register()
