"""The masterplans of every region, as the national layer reads them (public schema).

- ``MasterplanFigures``: the current figures of one region's masterplan (status, revision,
  completeness of the Bimtek checklist, programs, quick wins, budget), one row per region.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from programs.models import Masterplan


class MasterplanFigures(models.Model):
    """The current masterplan figures of one region's workspace (one row per region).

    Written by the workspace's background refresh (``programs.rollup``, a provider of the
    national roll-up) on every change in the workspace, whether or not the region has been
    assessed yet, so the ministry follows every participating region's masterplan.
    """

    # The workflow codes of the workspace's masterplan; only the codes and labels are shared,
    # nothing reads a workspace's table from here.
    Status = Masterplan.Status

    region = models.OneToOneField(
        "tenants.Region", on_delete=models.CASCADE, primary_key=True, related_name="masterplan_figures"
    )
    status = models.CharField(_("status masterplan"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveIntegerField(_("revisi"), default=1)
    masterplan_completeness = models.DecimalField(
        _("kelengkapan masterplan (%)"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    program_count = models.PositiveIntegerField(_("jumlah program"), default=0)
    quick_win_count = models.PositiveIntegerField(_("jumlah quick win"), default=0)
    budget_total = models.DecimalField(_("total anggaran (Rp)"), max_digits=18, decimal_places=2, default=Decimal("0"))
    refreshed_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        # The table was created by ``assessments.framework`` before this app existed; the
        # model moved here without touching its rows.
        db_table = "framework_masterplanfigures"
        verbose_name = _("ringkasan masterplan")
        verbose_name_plural = _("ringkasan masterplan")
        indexes = [models.Index(fields=["status"], name="framework_m_status_27af5b_idx")]

    def __str__(self):
        return f"{self.region_id}: {self.status}, {self.program_count} program"
