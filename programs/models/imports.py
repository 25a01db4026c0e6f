"""Large Excel imports of programs, run by a background job.

A file with more programs than one web request should save (``excel.IMPORT_INLINE_MAX``)
is imported by the tenant-aware task ``programs.tasks.import_program_file``: a
``ProgramImport`` row is the job (who, when, the stored upload, the outcome). The import
itself is one transaction (all or nothing), so its progress is kept in the cache while it
runs, where the page polling it can read it.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from programs.models.fields import user_reference


def import_outcome(created: int, updated: int) -> str:
    """ "Impor selesai: 3 program baru, 1 program diperbarui." in the active language."""
    return gettext("Impor selesai: %(created)s, %(updated)s.") % {
        "created": ngettext("%(n)s program baru", "%(n)s program baru", created) % {"n": created},
        "updated": ngettext("%(n)s program diperbarui", "%(n)s program diperbarui", updated) % {"n": updated},
    }


class ProgramImport(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Sedang diimpor")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Ditolak")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    upload_name = models.CharField(_("berkas unggahan"), max_length=200)
    file_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    total = models.PositiveIntegerField(_("jumlah program"), default=0)
    created = models.PositiveIntegerField(_("program baru"), default=0)
    updated = models.PositiveIntegerField(_("program diperbarui"), default=0)
    problems = models.JSONField(_("masalah"), default=list, blank=True)
    requested_by = user_reference(_("diminta oleh"), null=True)
    requested_at = models.DateTimeField(_("diminta"), default=timezone.now)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("impor program (Excel)")
        verbose_name_plural = _("impor program (Excel)")

    def __str__(self):
        return f"Impor program {self.requested_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def outcome(self) -> str:
        return import_outcome(self.created, self.updated)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
