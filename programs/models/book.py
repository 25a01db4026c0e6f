"""The masterplan book: one PDF of Buku I and Buku II, made by a background job.

A ``MasterplanBook`` row is the job and, once done, its file: who asked, when, how far the
job is (for the progress bar the page polls), and the PDF in the workspace's storage
(under the schema's own directory, served only through the authorised download view).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from platform.progress import step_text
from programs.models.fields import user_reference

# The steps that count something, with their plural forms (written out for the catalogue).
COUNTED_STEPS = {
    "Menata halaman (%(n)s program)": lambda n: ngettext(
        "Menata halaman (%(n)s program)", "Menata halaman (%(n)s program)", n
    ),
}


class MasterplanBook(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Sedang dibuat")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    step = models.CharField(_("langkah"), max_length=200, blank=True)
    step_params = models.JSONField(_("parameter langkah"), default=dict, blank=True)
    requested_by = user_reference(_("diminta oleh"), null=True)
    requested_at = models.DateTimeField(_("diminta"), default=timezone.now)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    masterplan_revision = models.PositiveIntegerField(_("revisi masterplan"), null=True, blank=True)
    masterplan_status = models.CharField(_("status masterplan"), max_length=12, blank=True)
    file = models.FileField(_("berkas"), upload_to="books/", blank=True)
    size = models.PositiveIntegerField(_("ukuran (bita)"), default=0)
    pages = models.PositiveIntegerField(_("halaman"), default=0)
    error = models.TextField(_("galat"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("buku masterplan (PDF)")
        verbose_name_plural = _("buku masterplan (PDF)")

    def __str__(self):
        return f"Buku masterplan {self.requested_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def step_text(self) -> str:
        """The step in the active language (``platform.progress.step_text``)."""
        return step_text(self.step, self.step_params, COUNTED_STEPS)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
