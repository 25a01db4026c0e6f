"""A region's preparation for a showcase (tenant schema).

- ``ShowcaseEntry``: what the region features at one showcase (``showcase`` points at the
  public ``showcase.Showcase`` row, without a database constraint: deleting a showcase in
  the public schema must not reach into every workspace): the featured quick wins, whether
  the vision is shown, the logo, the presenter (by default the regional head), a short
  pitch, and its status draft → submitted (who, when).
- ``ShowcasePhoto``: a photo the region shows, with a caption.

Images are stored in the workspace's own storage (like the commitment scans) and served only
through the workspace; the submission task copies them to the public layer.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models import Program
from programs.models.fields import user_reference

PITCH_MAX_CHARS = 700
MAX_PHOTOS = 4


class ShowcaseEntry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Terkirim")

    showcase = models.ForeignKey(
        "showcase.Showcase", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    featured = models.ManyToManyField(Program, blank=True, related_name="+", verbose_name=_("quick win unggulan"))
    show_vision = models.BooleanField(_("tampilkan visi"), default=True)
    presenter_name = models.CharField(_("nama penyaji"), max_length=150, blank=True)
    presenter_title = models.CharField(_("jabatan penyaji"), max_length=150, blank=True)
    pitch = models.TextField(_("paparan singkat"), max_length=PITCH_MAX_CHARS, blank=True)
    logo = models.FileField(_("logo"), upload_to="showcase/", blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    submitted_by = user_reference(_("dikirim oleh"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), default=timezone.now)
    updated_by = user_reference(_("diperbarui oleh"), null=True, blank=True)

    class Meta:
        verbose_name = _("persiapan showcase")
        verbose_name_plural = _("persiapan showcase")
        constraints = [models.UniqueConstraint(fields=["showcase"], name="showcase_entry_one_per_showcase")]

    def __str__(self):
        return f"showcase {self.showcase_id}: {self.get_status_display()}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class ShowcasePhoto(models.Model):
    entry = models.ForeignKey(ShowcaseEntry, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("foto"), upload_to="showcase/")
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)
    content_type = models.CharField(max_length=20)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("foto showcase")
        verbose_name_plural = _("foto showcase")

    def __str__(self):
        return self.caption or self.image.name
