from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    """The day of the showcase: a run-of-show per stage with slot timers, the operator,
    presenter and public screens kept in step, and the planned-versus-actual report."""

    name = "showcase.live"
    label = "showcase_live"
    verbose_name = _("Jalannya acara showcase")
