"""The November showcase of a cohort (public schema).

- ``Showcase``: the event of one cohort: name, dates, venue, time zone, the agenda's layout
  settings and the regions' submission deadline.
- ``Stage``: a room of the event; slots run in parallel on different stages.
- ``PresentingRegion``: a region that presents (the cohort by default, editable).
- ``AgendaVersion``: a numbered snapshot of the agenda; one of them is published.
- ``Slot``: one block of the agenda on one stage: an opening, a session heading, a region's
  presentation, a break or the closing.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenants.models import Province


class Showcase(models.Model):
    class Grouping(models.TextChoices):
        ISLAND = "island", _("Per pulau")
        PROVINCE = "province", _("Per provinsi")
        DIMENSION = "dimension", _("Per dimensi quick win unggulan")
        COHORT = "cohort", _("Urutan angkatan")
        DRAWN = "drawn", _("Undian")

    cohort = models.ForeignKey(
        "tenants.Cohort", on_delete=models.PROTECT, related_name="showcases", verbose_name=_("angkatan")
    )
    name = models.CharField(_("nama"), max_length=200)
    slug = models.SlugField(
        _("alamat"), max_length=40, unique=True, help_text=_("Bagian alamat halaman publik, mis. 2026.")
    )
    venue = models.CharField(_("tempat"), max_length=200)
    time_zone = models.CharField(
        _("zona waktu"), max_length=20, choices=Province.Zone.choices, default=Province.Zone.WIB
    )
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    day_starts_at = models.TimeField(_("acara mulai pukul"), default="08:00")
    day_ends_at = models.TimeField(_("acara selesai pukul"), default="17:00")
    submission_deadline = models.DateTimeField(_("batas pengiriman daerah"))
    max_quick_wins = models.PositiveSmallIntegerField(
        _("maks. quick win ditampilkan"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    # The agenda builder's layout.
    presentation_minutes = models.PositiveSmallIntegerField(
        _("durasi paparan (menit)"), default=7, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    question_minutes = models.PositiveSmallIntegerField(
        _("durasi tanya jawab (menit)"), default=3, validators=[MaxValueValidator(60)]
    )
    opening_minutes = models.PositiveSmallIntegerField(
        _("pembukaan (menit)"), default=30, validators=[MaxValueValidator(240)]
    )
    closing_minutes = models.PositiveSmallIntegerField(
        _("penutupan (menit)"), default=30, validators=[MaxValueValidator(240)]
    )
    break_minutes = models.PositiveSmallIntegerField(
        _("durasi rehat (menit)"), default=15, validators=[MaxValueValidator(180)]
    )
    break_every = models.PositiveSmallIntegerField(
        _("rehat setiap … paparan"), default=6, validators=[MaxValueValidator(100)], help_text=_("0: tanpa rehat.")
    )
    grouping = models.CharField(
        _("pengelompokan sesi"), max_length=10, choices=Grouping.choices, default=Grouping.ISLAND
    )
    draw_seed = models.PositiveIntegerField(_("nomor undian"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("showcase")
        verbose_name_plural = _("showcase")
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="showcase_dates_in_order")]

    def __str__(self):
        return self.name

    @property
    def slot_minutes(self) -> int:
        return self.presentation_minutes + self.question_minutes


class Stage(models.Model):
    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(_("nama panggung"), max_length=100)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["showcase", "position", "pk"]
        verbose_name = _("panggung")
        verbose_name_plural = _("panggung")
        constraints = [models.UniqueConstraint(fields=["showcase", "name"], name="showcase_stage_name_unique")]

    def __str__(self):
        return self.name


class PresentingRegion(models.Model):
    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="presenters")
    region = models.ForeignKey("tenants.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("daerah"))
    position = models.PositiveSmallIntegerField(_("urutan angkatan"), default=0)

    class Meta:
        ordering = ["showcase", "position", "region__name"]
        verbose_name = _("daerah penyaji")
        verbose_name_plural = _("daerah penyaji")
        constraints = [models.UniqueConstraint(fields=["showcase", "region"], name="showcase_presenter_unique")]

    def __str__(self):
        return f"{self.showcase}: {self.region_id}"


class AgendaVersion(models.Model):
    """A numbered snapshot of the agenda. The latest is the one being edited; a published
    version is frozen, and an edit after publication starts the next version."""

    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versi"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["showcase", "-number"]
        verbose_name = _("versi agenda")
        verbose_name_plural = _("versi agenda")
        constraints = [models.UniqueConstraint(fields=["showcase", "number"], name="showcase_version_number_unique")]

    def __str__(self):
        return f"{self.showcase} v{self.number}"


class Slot(models.Model):
    class Kind(models.TextChoices):
        OPENING = "opening", _("Pembukaan")
        SESSION = "session", _("Sesi")
        PRESENTATION = "presentation", _("Paparan")
        BREAK = "break", _("Rehat")
        CLOSING = "closing", _("Penutupan")

    version = models.ForeignKey(AgendaVersion, on_delete=models.CASCADE, related_name="slots")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="slots", verbose_name=_("panggung"))
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200, blank=True)
    region = models.ForeignKey(
        "tenants.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("daerah")
    )
    starts_at = models.DateTimeField(_("mulai"))
    minutes = models.PositiveSmallIntegerField(_("durasi (menit)"), validators=[MaxValueValidator(600)])
    question_minutes = models.PositiveSmallIntegerField(_("tanya jawab (menit)"), default=0)
    position = models.PositiveIntegerField(_("urutan"))

    class Meta:
        ordering = ["version", "stage__position", "position"]
        verbose_name = _("slot")
        verbose_name_plural = _("slot")
        indexes = [models.Index(fields=["version", "stage", "position"], name="showcase_slot_order_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="presentation", region__isnull=False) | ~Q(kind="presentation"),
                name="showcase_presentation_has_region",
            ),
            models.UniqueConstraint(fields=["version", "stage", "position"], name="showcase_slot_position_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.title or self.region_id or ''}".strip()

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.minutes)
