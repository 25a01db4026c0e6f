from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    """Public side of the Bimtek: the national plan of a cohort's workshops.

    Facilitators (the registry), their unavailability, travel days between provinces,
    national holidays, plans with their workshops and versions, the solver's jobs, access
    windows and calendar feeds. The workspace's Bimtek stages (``programs.BimtekStage``)
    read their dates and notes from the workshop of their region and stage: one source of
    truth, kept here.
    """

    name = "programs.scheduling"
    label = "scheduling"
    verbose_name = _("Penjadwalan Bimtek")

    def ready(self):
        from programs.scheduling import panels, rules  # noqa: F401
        from programs.scheduling.models import RegionWish
        from tenants.backup import register_public_rows

        panels.register()
        register_public_rows("scheduling.region_wishes", RegionWish, "region", with_copies=False)
