"""Tenant schema: a region's preparation for a showcase, in its workspace.

The region admin chooses what the region's deck and profile feature (quick wins up to the
showcase's maximum, the vision, photos, the logo), names the presenter and writes a short
pitch, previews the slides live and submits before the deadline. Submitting (and any change
after it) sends a task that builds the profile in this schema and writes the public row of
``showcase.profiles``.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionalConfig(AppConfig):
    name = "showcase.regional"
    label = "showcase_regional"
    verbose_name = _("Persiapan showcase daerah")

    def ready(self):
        from showcase.regional import panels, rules  # noqa: F401  (rules declares the capability)

        panels.register()
