from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecksConfig(AppConfig):
    """The decks of the showcase: the ministry template, one deck per region (PPTX and PDF)
    built from its public submission row, "all decks" (ZIP and one combined PDF), rebuilt
    when a region's submission changes; the agenda builder hears which region has no deck."""

    name = "showcase.decks"
    label = "showcase_decks"
    verbose_name = _("Deck showcase")

    def ready(self):
        from showcase.decks import readiness, services
        from showcase.profiles.signals import submission_changed

        readiness.register()
        submission_changed.connect(services.rebuild_on_submission_change, dispatch_uid="showcase_decks_rebuild")
