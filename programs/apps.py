"""Tenant schema: the region's masterplan workspace.

The Bimtek year (the four technical-guidance stages and their dates), the directory (OPDs,
Dewan Smart City, Tim Pelaksana), the masterplan (Buku I and II, programs, quick wins and
their risks) with its workflow, comments, history and the Bimtek checklist. Contributes
the masterplan figures to the national region snapshot (``programs.rollup``).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Masterplan")

    def ready(self):
        from assessments.rollup import register_snapshot_provider
        from programs import panels, rules  # noqa: F401  (rules declares the masterplan capabilities)
        from programs.rollup import masterplan_snapshot
        from tenants.signals import workspace_provisioned

        register_snapshot_provider(masterplan_snapshot)
        panels.register()
        workspace_provisioned.connect(_seed_new_workspace, dispatch_uid="programs.seed_workspace")


def _seed_new_workspace(sender, *, region, **kwargs):
    """A new workspace (inside its schema) gets the national dimensions and sub-dimensions, its
    masterplan row and the four Bimtek stages of its cohort's year."""
    from programs.services import seed_workspace

    seed_workspace(region=region)
