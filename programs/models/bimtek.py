"""The four Bimtek stages of the region's year."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class BimtekStage(models.Model):
    """One of the four *Bimtek* (bimbingan teknis, technical guidance) stages of the year.

    I: readiness and strategic analysis; II: gap analysis and draft programs; III: the
    masterplan (Buku II) and quick wins; IV: finalisation and the commitment sheets.
    """

    number = models.PositiveSmallIntegerField(
        _("tahap"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    title = models.CharField(_("judul"), max_length=200)
    planned_date = models.DateField(_("tanggal rencana"), null=True, blank=True)
    completed_on = models.DateField(_("tanggal selesai"), null=True, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    reminded_on = models.DateField(_("pengingat dikirim"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("tahap Bimtek")
        verbose_name_plural = _("tahap Bimtek")

    def __str__(self):
        return f"Bimtek {self.roman}"

    @property
    def roman(self) -> str:
        return ["I", "II", "III", "IV"][self.number - 1]

    @property
    def is_done(self) -> bool:
        return self.completed_on is not None
