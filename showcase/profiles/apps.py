"""Public schema: the showcase profile a region submitted, as the national layer reads it.

One ``Submission`` per showcase and region holds, as data, everything the agenda, the
decks and the public profile page show: written by the region's workspace task
(``showcase.regional.tasks``) through ``services.record_submission``, never read from a
workspace schema in a request.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "showcase.profiles"
    label = "showcase_profiles"
    verbose_name = _("Profil showcase daerah")

    def ready(self):
        from showcase.profiles import readiness

        readiness.register()
