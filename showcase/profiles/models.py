"""The submitted showcase profile of a region (public schema).

- ``Submission``: what one region submitted for one showcase, built from its workspace by a
  background task: the presenter, the pitch, the vision, the featured quick wins, the six
  dimensions at a glance, the roadmap, the budget by funding source, the assessment index
  and its trend (``data``, plain JSON), the logo and photos (copied to public storage),
  when the data was taken and what is ``missing``. ``revision`` grows on every change, so a
  deck knows when it is stale.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from showcase.profiles.storage import public_storage

# What a profile may lack, with the words the region's page, the profile and the decks use.
MISSING_LABELS = {
    "quick_wins": _("belum ada quick win yang ditampilkan"),
    "vision": _("visi belum ditampilkan"),
    "logo": _("belum ada logo"),
    "photos": _("belum ada foto"),
    "pitch": _("belum ada paparan singkat"),
    "presenter": _("penyaji belum ditentukan"),
    "index": _("belum ada indeks penilaian yang diterbitkan"),
}


class Submission(models.Model):
    showcase = models.ForeignKey("showcase.Showcase", on_delete=models.CASCADE, related_name="submissions")
    region = models.ForeignKey("tenants.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("daerah"))
    revision = models.PositiveIntegerField(_("revisi"), default=1)
    presenter_name = models.CharField(_("penyaji"), max_length=150, blank=True)
    presenter_title = models.CharField(_("jabatan penyaji"), max_length=150, blank=True)
    pitch = models.TextField(_("paparan singkat"), blank=True)
    vision = models.TextField(_("visi"), blank=True)
    data = models.JSONField(_("data profil"), default=dict, blank=True)
    missing = models.JSONField(_("yang belum ada"), default=list, blank=True)
    logo = models.FileField(_("logo"), storage=public_storage, upload_to="showcase/logos/", blank=True)
    photos = models.JSONField(_("foto"), default=list, blank=True)  # [{"name": stored path, "caption": …}]
    fingerprint = models.CharField(max_length=64, blank=True)  # of everything above, to see a change
    data_taken_at = models.DateTimeField(_("data diambil"))
    submitted_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), default=timezone.now)

    class Meta:
        ordering = ["showcase", "region_id"]
        verbose_name = _("kiriman showcase")
        verbose_name_plural = _("kiriman showcase")
        constraints = [models.UniqueConstraint(fields=["showcase", "region"], name="showcase_submission_unique_region")]

    def __str__(self):
        return f"{self.showcase} – {self.region_id} rev. {self.revision}"

    @property
    def missing_labels(self) -> list[str]:
        return [str(MISSING_LABELS.get(code, code)) for code in self.missing]
