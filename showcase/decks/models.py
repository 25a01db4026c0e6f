"""The showcase's decks (public schema).

- ``DeckTemplate``: the ministry's one deck template, as data: four colours, a logo, the
  order of the slides (which optional ones appear) and the font sizes. ``revision`` grows on
  every edit, so a deck built with an older template is seen as stale.
- ``DeckBuild``: a job that builds the deck of one region (``region``: a PPTX and a PDF) or
  of all presenting regions (``region`` empty: a ZIP of every deck and one combined PDF in
  agenda order). At most one job per showcase and scope is active (queued or running).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from platform.progress import step_text
from showcase.decks.storage import deck_storage

# The slide kinds, in their default order. The title and the closing slide are always shown.
SLIDE_KINDS = {
    "title": _("Judul"),
    "vision": _("Visi"),
    "dimensions": _("Enam dimensi sekilas"),
    "quick_wins": _("Quick win unggulan"),
    "roadmap": _("Roadmap"),
    "index": _("Indeks pencapaian dan trennya"),
    "closing": _("Penutup"),
}
REQUIRED_SLIDES = ("title", "closing")

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Tulis warna sebagai kode heksadesimal, mis. #0b5cab."))


def default_slide_order() -> list[str]:
    return list(SLIDE_KINDS)


def validate_slide_order(value) -> None:
    """Known kinds, each at most once, the title first and the closing last."""
    if not isinstance(value, list) or not all(isinstance(kind, str) for kind in value):
        raise ValidationError(_("Urutan slide harus berupa daftar jenis slide."))
    unknown = [kind for kind in value if kind not in SLIDE_KINDS]
    if unknown:
        raise ValidationError(_("Jenis slide tidak dikenal: %(kinds)s.") % {"kinds": ", ".join(unknown)})
    if len(set(value)) != len(value):
        raise ValidationError(_("Setiap jenis slide hanya boleh muncul sekali."))
    if not value or value[0] != "title" or value[-1] != "closing":
        raise ValidationError(_("Slide judul selalu pertama dan slide penutup selalu terakhir."))


class DeckTemplate(models.Model):
    name = models.CharField(_("nama"), max_length=100, default="Templat Kementerian")
    primary_colour = models.CharField(_("warna utama"), max_length=7, default="#0b5cab", validators=[hex_colour])
    accent_colour = models.CharField(_("warna aksen"), max_length=7, default="#f2a900", validators=[hex_colour])
    text_colour = models.CharField(_("warna teks"), max_length=7, default="#1f2933", validators=[hex_colour])
    background_colour = models.CharField(_("warna latar"), max_length=7, default="#ffffff", validators=[hex_colour])
    logo = models.FileField(_("logo kementerian"), storage=deck_storage, upload_to="template/", blank=True)
    slide_order = models.JSONField(_("urutan slide"), default=default_slide_order, validators=[validate_slide_order])
    title_size = models.PositiveSmallIntegerField(
        _("ukuran judul (pt)"), default=36, validators=[MinValueValidator(20), MaxValueValidator(60)]
    )
    body_size = models.PositiveSmallIntegerField(
        _("ukuran isi (pt)"), default=16, validators=[MinValueValidator(10), MaxValueValidator(32)]
    )
    revision = models.PositiveIntegerField(_("revisi"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("templat deck")
        verbose_name_plural = _("templat deck")

    def __str__(self):
        return f"{self.name} rev. {self.revision}"


# The steps that count something, with their plural forms (written out for the catalogue).
COUNTED_STEPS = {
    "Selesai: %(n)s deck": lambda n: ngettext("Selesai: %(n)s deck", "Selesai: %(n)s deck", n),
}


class DeckBuild(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    showcase = models.ForeignKey("showcase.Showcase", on_delete=models.CASCADE, related_name="deck_builds")
    region = models.ForeignKey(
        "tenants.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("daerah")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("selesai"), default=0)
    total = models.PositiveIntegerField(_("jumlah langkah"), default=1)
    step = models.CharField(_("langkah"), max_length=200, blank=True)
    step_params = models.JSONField(_("parameter langkah"), default=dict, blank=True)
    pptx = models.FileField(storage=deck_storage, upload_to="decks/", blank=True)
    pdf = models.FileField(storage=deck_storage, upload_to="decks/", blank=True)
    archive = models.FileField(storage=deck_storage, upload_to="decks/", blank=True)
    submission_revision = models.PositiveIntegerField(null=True, blank=True)
    template_revision = models.PositiveIntegerField(null=True, blank=True)
    data_taken_at = models.DateTimeField(_("data diambil"), null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("pembuatan deck")
        verbose_name_plural = _("pembuatan deck")
        indexes = [models.Index(fields=["showcase", "region", "-requested_at"], name="deck_build_latest_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["showcase", "region"],
                condition=Q(status__in=["queued", "running"], region__isnull=False),
                name="deck_one_active_per_region",
            ),
            models.UniqueConstraint(
                fields=["showcase"],
                condition=Q(status__in=["queued", "running"], region__isnull=True),
                name="deck_one_active_for_all",
            ),
        ]

    def __str__(self):
        return f"{self.showcase_id} {self.region_id or 'semua'} {self.status} {self.done}/{self.total}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def step_text(self) -> str:
        """The step in the active language (``platform.progress.step_text``)."""
        return step_text(self.step, self.step_params, COUNTED_STEPS)

    @property
    def percent(self) -> int:
        return 100 if self.status == self.Status.DONE else int(100 * self.done / max(self.total, 1))
