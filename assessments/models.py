"""A region's assessment cycles (tenant schema).

- ``AssessmentCycle``: one *monev* period of the region — a framework version, a year and a
  stage (Tahap I/II) — moving open → self-assessed → verified → final (locked).
- ``AssessmentResponse``: one indicator of a cycle: the region's self score with its
  *data dukung* (supporting evidence: text and links) and the assessor's verified score.
- ``Evidence``: an evidence file of a response, stored under the workspace's schema and
  served only through an authorised view.
- ``CycleEvent``: the audit trail of a cycle (every state change, with who and why).

Framework rows live in the public schema; references to them and to users carry no
cascade from the public side (a public delete never reaches into a workspace).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.framework.models import FrameworkVersion, Indicator, Stage


class AssessmentCycle(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Terbuka")
        SELF_ASSESSED = "self_assessed", _("Penilaian mandiri selesai")
        VERIFIED = "verified", _("Terverifikasi")
        FINAL = "final", _("Final")

    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.DO_NOTHING, related_name="+", verbose_name=_("versi kerangka")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    stage = models.PositiveSmallIntegerField(_("tahap"), choices=Stage.choices)
    state = models.CharField(_("status"), max_length=15, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    finalized_at = models.DateTimeField(_("difinalkan"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "-stage"]
        verbose_name = _("siklus penilaian")
        verbose_name_plural = _("siklus penilaian")
        constraints = [models.UniqueConstraint(fields=["year", "stage"], name="cycle_unique_period")]

    def __str__(self):
        return f"{self.year} {self.get_stage_display()}"

    @property
    def is_locked(self) -> bool:
        return self.state == self.State.FINAL


class AssessmentResponse(models.Model):
    cycle = models.ForeignKey(AssessmentCycle, on_delete=models.CASCADE, related_name="responses")
    indicator = models.ForeignKey(Indicator, on_delete=models.DO_NOTHING, related_name="+")
    self_score = models.DecimalField(_("skor mandiri"), max_digits=6, decimal_places=2, null=True, blank=True)
    evidence_text = models.TextField(_("data dukung"), blank=True)
    evidence_links = models.TextField(_("tautan data dukung"), blank=True, help_text=_("Satu tautan per baris."))
    verified_score = models.DecimalField(_("skor verifikasi"), max_digits=6, decimal_places=2, null=True, blank=True)
    assessor_notes = models.TextField(_("catatan asesor"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator__order", "indicator__code"]
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [models.UniqueConstraint(fields=["cycle", "indicator"], name="response_unique_indicator")]

    def __str__(self):
        return f"{self.cycle} · {self.indicator_id}"

    @property
    def links(self) -> list[str]:
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


def evidence_path(instance, filename):
    # The storage (TenantFileSystemStorage) already puts the file under the schema's folder.
    return f"evidence/{instance.response.cycle_id}/{instance.response_id}/{filename}"


class Evidence(models.Model):
    response = models.ForeignKey(AssessmentResponse, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("berkas"), upload_to=evidence_path, max_length=300)
    name = models.CharField(_("nama berkas"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("berkas data dukung")
        verbose_name_plural = _("berkas data dukung")

    def __str__(self):
        return self.name


class CycleEvent(models.Model):
    cycle = models.ForeignKey(AssessmentCycle, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=30)
    from_state = models.CharField(max_length=15, blank=True)
    to_state = models.CharField(max_length=15, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("riwayat siklus")
        verbose_name_plural = _("riwayat siklus")

    ACTION_LABELS = {
        "start": _("Siklus dibuka"),
        "submit": _("Penilaian mandiri dikirim"),
        "return": _("Dikembalikan ke daerah"),
        "verify": _("Hasil verifikasi ditetapkan"),
        "finalize": _("Difinalkan"),
        "reopen": _("Dibuka kembali"),
    }

    def __str__(self):
        return f"{self.cycle} {self.action}"

    @property
    def action_label(self) -> str:
        return self.ACTION_LABELS.get(self.action, self.action)
