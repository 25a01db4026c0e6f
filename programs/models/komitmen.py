"""*Lembar komitmen*: the commitment sheets signed at Bimtek IV.

The regional head (Bupati/Wali Kota) and the head of each OPD sign a sheet committing to
carry out the masterplan. A row records who signed (signatory, position, OPD), when, and
the signed scan (PDF, JPEG or PNG), kept in the workspace's own storage and served only
through the authorised download view.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models.directory import Opd
from programs.models.fields import history, user_reference


class LembarKomitmen(models.Model):
    class Kind(models.TextChoices):
        REGIONAL_HEAD = "kepala_daerah", _("Kepala daerah")
        OPD_HEAD = "kepala_opd", _("Kepala OPD")

    kind = models.CharField(_("penanda tangan sebagai"), max_length=15, choices=Kind.choices)
    opd = models.ForeignKey(
        Opd, on_delete=models.PROTECT, null=True, blank=True, related_name="lembar_komitmen", verbose_name=_("OPD")
    )
    signatory = models.CharField(_("nama penanda tangan"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=150)
    signed_on = models.DateField(_("tanggal tanda tangan"))
    scan = models.FileField(_("pindaian bertanda tangan"), upload_to="komitmen/", blank=True)
    scan_name = models.CharField(_("nama berkas"), max_length=200, blank=True)
    scan_type = models.CharField(_("jenis berkas"), max_length=50, blank=True)
    scan_size = models.PositiveIntegerField(_("ukuran (bita)"), default=0)
    uploaded_by = user_reference(_("diunggah oleh"), null=True)
    uploaded_at = models.DateTimeField(_("diunggah"), default=timezone.now)
    history = history()

    class Meta:
        ordering = ["kind", "opd__acronym", "id"]
        verbose_name = _("lembar komitmen")
        verbose_name_plural = _("lembar komitmen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="kepala_opd", opd__isnull=False)
                | models.Q(kind="kepala_daerah", opd__isnull=True),
                name="komitmen_opd_iff_opd_head",
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(kind="kepala_daerah"), name="komitmen_one_regional_head"
            ),
            models.UniqueConstraint(fields=["opd"], name="komitmen_one_per_opd"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.signatory}"

    @property
    def has_signed_scan(self) -> bool:
        return bool(self.scan)
