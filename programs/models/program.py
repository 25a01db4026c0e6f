"""Programs (*lembar inovasi*, the innovation sheet of one program) and what hangs off them.

A program belongs to a dimension and one of its sub-dimensions, has *tujuan dan sasaran*
(goals and targets), *indikator keberhasilan* (success indicators, with a baseline and a
target per year), a lead OPD (*pelaksana*) and partners (*kerja sama*), *pembiayaan*
(funding per source and year, in rupiah), a horizon, start and end years, its alignment
with the *RPJPD* (20-year regional plan), *RPJMD* (5-year regional plan) and *Renstra OPD*
(the agency's strategic plan), a status, milestones and, for *quick wins* (programs chosen
to show results within the first year), a risk register.

Titles are unique in a workspace, whatever their case (``program_unique_title``).
``version`` is the optimistic lock: a save names the version it started from and is
refused when someone saved in between. Each save also keeps a ``ProgramRevision``: the
whole program with its rows, for side-by-side comparison and restore.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models.directory import Opd
from programs.models.fields import history, user_reference
from programs.models.reference import Dimension, FundingSource, SubDimension

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Program(models.Model):
    class Horizon(models.TextChoices):
        SHORT = "short", _("Jangka pendek")
        MEDIUM = "medium", _("Jangka menengah")
        LONG = "long", _("Jangka panjang")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Usulan")
        PLANNED = "planned", _("Direncanakan")
        ONGOING = "ongoing", _("Berjalan")
        DONE = "done", _("Selesai")
        POSTPONED = "postponed", _("Ditunda")

    title = models.CharField(_("nama program"), max_length=200)
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="programs", verbose_name=_("dimensi")
    )
    sub_dimension = models.ForeignKey(
        SubDimension, on_delete=models.PROTECT, related_name="programs", verbose_name=_("subdimensi")
    )
    description = models.TextField(_("deskripsi"), blank=True)
    goals = models.TextField(_("tujuan"), blank=True)
    targets = models.TextField(_("sasaran"), blank=True)
    lead_opd = models.ForeignKey(
        Opd, on_delete=models.PROTECT, related_name="led_programs", verbose_name=_("OPD pelaksana")
    )
    partner_opds = models.ManyToManyField(Opd, blank=True, related_name="partner_programs", verbose_name=_("OPD mitra"))
    partners = models.TextField(_("mitra lain (kerja sama)"), blank=True)
    horizon = models.CharField(_("jangka waktu"), max_length=10, choices=Horizon.choices)
    start_year = models.PositiveSmallIntegerField(_("tahun mulai"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("tahun selesai"), validators=YEAR_VALIDATORS)
    alignment_rpjpd = models.TextField(_("keselarasan RPJPD"), blank=True)
    alignment_rpjmd = models.TextField(_("keselarasan RPJMD"), blank=True)
    alignment_renstra = models.TextField(_("keselarasan Renstra OPD"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    is_quick_win = models.BooleanField(_("quick win"), default=False)
    monitoring = models.TextField(_("monitoring dan evaluasi"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    history = history()

    class Meta:
        ordering = ["dimension__order", "sub_dimension__order", "title", "id"]
        verbose_name = _("program")
        verbose_name_plural = _("program")
        indexes = [models.Index(fields=["dimension", "sub_dimension"]), models.Index(fields=["lead_opd"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="program_years_order"
            ),
            # Titles are stored stripped; two programs of a workspace never share one, whatever the case.
            models.UniqueConstraint(Lower("title"), name="program_unique_title"),
        ]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    """An *indikator keberhasilan*: a measurable success indicator with a baseline and targets
    per year (``targets``: ``{"2025": "40", "2026": "60"}``, values as decimal strings)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=250)
    unit = models.CharField(_("satuan"), max_length=50, blank=True)
    baseline = models.DecimalField(_("nilai awal"), max_digits=18, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("tahun nilai awal"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    targets = models.JSONField(_("target per tahun"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = history()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")

    def __str__(self):
        return self.name

    @property
    def target_items(self) -> list[tuple[int, Decimal]]:
        return sorted((int(y), Decimal(v)) for y, v in self.targets.items())


class Funding(models.Model):
    """*Pembiayaan*: the amount in rupiah one source gives the program in one year."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="funding")
    source = models.ForeignKey(FundingSource, on_delete=models.PROTECT, verbose_name=_("sumber dana"))
    year = models.PositiveSmallIntegerField(_("tahun"), validators=YEAR_VALIDATORS)
    amount = models.DecimalField(_("jumlah (Rp)"), max_digits=18, decimal_places=2, validators=[MinValueValidator(0)])
    history = history()

    class Meta:
        ordering = ["year", "source__order", "id"]
        verbose_name = _("pembiayaan")
        verbose_name_plural = _("pembiayaan")
        constraints = [
            models.UniqueConstraint(fields=["program", "source", "year"], name="funding_unique_source_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="funding_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.source} {self.year}: {self.amount}"


class Milestone(models.Model):
    """A milestone of a program in a year (and optionally a quarter), with its progress."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("tahapan"), max_length=250)
    year = models.PositiveSmallIntegerField(_("tahun"), validators=YEAR_VALIDATORS)
    quarter = models.PositiveSmallIntegerField(
        _("triwulan"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    progress = models.PositiveSmallIntegerField(
        _("kemajuan (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    history = history()

    class Meta:
        ordering = ["year", "quarter", "id"]
        verbose_name = _("tahapan")
        verbose_name_plural = _("tahapan")

    def __str__(self):
        return self.title


class Risk(models.Model):
    """A risk of a quick win: likelihood (1–5) × impact (1–5), mitigation and owner."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(_("risiko"), max_length=300)
    likelihood = models.PositiveSmallIntegerField(
        _("kemungkinan (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    impact = models.PositiveSmallIntegerField(
        _("dampak (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    mitigation = models.TextField(_("mitigasi"), blank=True)
    owner = models.CharField(_("penanggung jawab"), max_length=150, blank=True)
    history = history()

    class Meta:
        ordering = ["-likelihood", "-impact", "id"]
        verbose_name = _("risiko")
        verbose_name_plural = _("risiko")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
                name="risk_scale_1_5",
            )
        ]

    def __str__(self):
        return self.description

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level(self) -> str:
        """``low`` (1–4), ``medium`` (5–9), ``high`` (10–16), ``extreme`` (20–25)."""
        return "low" if self.score <= 4 else "medium" if self.score <= 9 else "high" if self.score <= 16 else "extreme"


class ProgramRevision(models.Model):
    """The whole program (fields and rows) as saved at one ``version``."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    data = models.JSONField()
    saved_by = user_reference(_("disimpan oleh"), null=True)
    saved_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["program", "version"], name="programrevision_unique_version")]

    def __str__(self):
        return f"{self.program} v{self.version}"
