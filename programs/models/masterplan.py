"""The masterplan: its books, its status and revision, and the log of its workflow.

*Buku I* (analisis strategis, the strategic analysis) holds the regional profile, the
readiness of *struktur* (institutions, people), *infrastruktur* and *suprastruktur*
(regulation) per dimension, the SWOT per dimension, and the vision, mission and goals.
*Buku II* (the masterplan proper) holds the strategy and action plan per dimension and
sub-dimension, the programs and the roadmap.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from programs.models.fields import history, user_reference
from programs.models.reference import Dimension, SubDimension


class Masterplan(models.Model):
    """The region's one masterplan (a single row, seeded by a migration).

    Status: draft → submitted (by the region admin) → approved or returned (by the Dewan
    Smart City) → published. Outside draft the content is read-only; opening a new revision
    returns to draft with ``revision`` + 1.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        APPROVED = "approved", _("Disetujui")
        PUBLISHED = "published", _("Diterbitkan")

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveIntegerField(_("revisi"), default=1)
    regional_profile = models.TextField(_("profil daerah"), blank=True)
    vision = models.TextField(_("visi"), blank=True)
    mission = models.TextField(_("misi"), blank=True)
    goals = models.TextField(_("tujuan"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    history = history()

    class Meta:
        verbose_name = _("masterplan")
        verbose_name_plural = _("masterplan")

    def __str__(self):
        return f"Masterplan rev. {self.revision} ({self.get_status_display()})"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class MasterplanTransition(models.Model):
    """One step of the workflow: who moved the masterplan from which status to which, and why."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Ajukan")
        APPROVE = "approve", _("Setujui")
        RETURN = "return", _("Kembalikan")
        PUBLISH = "publish", _("Terbitkan")
        REOPEN = "reopen", _("Buka revisi baru")

    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    from_status = models.CharField(max_length=12, choices=Masterplan.Status.choices)
    to_status = models.CharField(max_length=12, choices=Masterplan.Status.choices)
    revision = models.PositiveIntegerField(_("revisi"))
    reason = models.TextField(_("alasan"), blank=True)
    # the checklist items still failing when the step was confirmed anyway: {"label", "gap"} each,
    # in Indonesian (the label is a message of the catalogue, the gap carries the region's data)
    failed_items = models.JSONField(_("butir daftar periksa yang belum terpenuhi"), default=list, blank=True)
    by = user_reference(_("oleh"), null=True)
    at = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"

    @property
    def failed_items_shown(self) -> list[str]:
        """The failing items in the reader's language: the gap as stored in Indonesian, or in
        another language the item's translated label (the gap's wording holds data)."""
        indonesian = (get_language() or settings.LANGUAGE_CODE).split("-")[0] == settings.LANGUAGE_CODE.split("-")[0]
        shown = []
        for item in self.failed_items:
            if isinstance(item, str):
                shown.append(item)
            else:
                shown.append((item.get("gap") or item["label"]) if indonesian else gettext(item["label"]))
        return shown


class Readiness(models.Model):
    """Readiness of one aspect (struktur, infrastruktur, suprastruktur) of one dimension."""

    class Aspect(models.TextChoices):
        STRUKTUR = "struktur", _("Struktur")
        INFRASTRUKTUR = "infrastruktur", _("Infrastruktur")
        SUPRASTRUKTUR = "suprastruktur", _("Suprastruktur")

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="readiness")
    aspect = models.CharField(_("aspek"), max_length=15, choices=Aspect.choices)
    level = models.PositiveSmallIntegerField(
        _("tingkat (1–5)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    description = models.TextField(_("uraian"), blank=True)
    history = history()

    class Meta:
        ordering = ["dimension__order", "id"]  # struktur, infrastruktur, suprastruktur (seeded in that order)
        verbose_name = _("kesiapan")
        verbose_name_plural = _("kesiapan")
        constraints = [models.UniqueConstraint(fields=["dimension", "aspect"], name="readiness_unique_aspect")]

    def __str__(self):
        return f"{self.dimension} – {self.get_aspect_display()}"

    @property
    def is_filled(self) -> bool:
        return self.level is not None and bool(self.description.strip())


class DimensionPlan(models.Model):
    """A dimension's SWOT (Buku I) and its strategy and action plan (Buku II)."""

    dimension = models.OneToOneField(Dimension, on_delete=models.CASCADE, related_name="plan")
    strengths = models.TextField(_("kekuatan"), blank=True)
    weaknesses = models.TextField(_("kelemahan"), blank=True)
    opportunities = models.TextField(_("peluang"), blank=True)
    threats = models.TextField(_("ancaman"), blank=True)
    strategy = models.TextField(_("strategi"), blank=True)
    action_plan = models.TextField(_("rencana aksi"), blank=True)
    history = history()

    class Meta:
        verbose_name = _("rencana dimensi")
        verbose_name_plural = _("rencana dimensi")

    def __str__(self):
        return str(self.dimension)

    @property
    def has_swot(self) -> bool:
        return all(v.strip() for v in (self.strengths, self.weaknesses, self.opportunities, self.threats))


class SubDimensionPlan(models.Model):
    """A sub-dimension's strategy and action plan (Buku II)."""

    sub_dimension = models.OneToOneField(SubDimension, on_delete=models.CASCADE, related_name="plan")
    strategy = models.TextField(_("strategi"), blank=True)
    action_plan = models.TextField(_("rencana aksi"), blank=True)
    history = history()

    class Meta:
        verbose_name = _("rencana subdimensi")
        verbose_name_plural = _("rencana subdimensi")

    def __str__(self):
        return str(self.sub_dimension)
