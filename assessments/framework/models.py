"""Assessment frameworks and the national roll-up (public schema).

- ``Dimension`` / ``SubDimension``: the six smart city dimensions with three sub-dimensions
  each (governance, branding, economy, living, society, environment), reference data
  seeded by a migration.
- ``FrameworkVersion``: one guideline of the *monev* (monitoring dan evaluasi): its score
  scale and the rounding rule of the published *indeks pencapaian*. Frozen once a cycle
  uses it; changes then go into a new version.
- ``Component``: Baseline, Output, Outcome, Impact, Quick Win with their weight (percent,
  total 100) in one version.
- ``Indicator``: a question of the self-assessment form, in one component and one
  sub-dimension, with its level descriptors.
- ``PublishedResult``: an officially published result of a past period (imported history).
- ``RegionSnapshot``: the denormalised figures of one region for one period, written by the
  background refresh from the workspace; national pages read only these.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.IntegerChoices):
    """The *tahap* of a monev period: most years have Tahap I (mid-year) and Tahap II."""

    TAHAP_I = 1, _("Tahap I")
    TAHAP_II = 2, _("Tahap II")


class DimensionFields(models.Model):
    """What a dimension is, in the national table and in each workspace's copy of it."""

    code = models.SlugField(_("kode"), max_length=30, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "code"]
        verbose_name = _("dimensi")
        verbose_name_plural = _("dimensi")

    def __str__(self):
        return self.name


class Dimension(DimensionFields):
    """The national taxonomy: the one table every workspace copies (``programs``)."""


class SubDimensionFields(models.Model):
    """What a sub-dimension is besides its dimension and code, nationally and in each copy."""

    name = models.CharField(_("nama"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        abstract = True
        ordering = ["dimension__order", "order", "code"]
        verbose_name = _("subdimensi")
        verbose_name_plural = _("subdimensi")


class SubDimension(SubDimensionFields):
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="subdimensions")
    code = models.SlugField(_("kode"), max_length=40, unique=True)

    def __str__(self):
        return f"{self.dimension.name} · {self.name}"


class FrameworkVersion(models.Model):
    class Rounding(models.TextChoices):
        HALF_UP = "half_up", _("Setengah ke atas (0,005 → 0,01)")
        HALF_EVEN = "half_even", _("Setengah ke genap (pembulatan bankir)")
        TRUNCATE = "truncate", _("Dipotong (tanpa pembulatan)")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    year = models.PositiveSmallIntegerField(_("tahun pedoman"))
    scale_min = models.DecimalField(_("skor minimum"), max_digits=6, decimal_places=2, default=Decimal("0"))
    scale_max = models.DecimalField(_("skor maksimum"), max_digits=6, decimal_places=2, default=Decimal("4"))
    decimals = models.PositiveSmallIntegerField(
        _("jumlah desimal indeks"), default=2, validators=[MaxValueValidator(4)]
    )
    rounding = models.CharField(
        _("aturan pembulatan"), max_length=10, choices=Rounding.choices, default=Rounding.HALF_UP
    )
    description = models.TextField(_("keterangan"), blank=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("disalin dari")
    )
    frozen_at = models.DateTimeField(_("dibekukan"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("versi kerangka")
        verbose_name_plural = _("versi kerangka")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_max__gt=models.F("scale_min")), name="framework_scale_order"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Component(models.Model):
    """A component of the index (Baseline, Output, Outcome, Impact, Quick Win) and its weight."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="components")
    code = models.SlugField(_("kode"), max_length=30)
    name = models.CharField(_("nama"), max_length=100)
    weight = models.DecimalField(
        _("bobot (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("komponen")
        verbose_name_plural = _("komponen")
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="component_unique_code")]

    def __str__(self):
        return f"{self.name} ({self.weight} %)"


class Indicator(models.Model):
    """A question of the form; ``levels`` describe each score: ``[{"score": 1, "description": …}]``."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("kode"), max_length=30)
    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="indicators")
    subdimension = models.ForeignKey(SubDimension, on_delete=models.PROTECT, related_name="indicators")
    question = models.TextField(_("pertanyaan"))
    weight = models.DecimalField(
        _("bobot dalam komponen"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    levels = models.JSONField(_("deskripsi tingkat"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="indicator_unique_code")]

    def __str__(self):
        return f"{self.code} {self.question[:60]}"


class PublishedResult(models.Model):
    """A result published by the ministry for a past period, entered or imported as history."""

    region = models.ForeignKey("tenants.Region", on_delete=models.CASCADE, related_name="published_results")
    year = models.PositiveSmallIntegerField(_("tahun"))
    stage = models.PositiveSmallIntegerField(_("tahap"), choices=Stage.choices)
    overall = models.DecimalField(_("indeks"), max_digits=7, decimal_places=3)
    components = models.JSONField(_("komponen"), default=dict, blank=True)
    dimensions = models.JSONField(_("dimensi"), default=dict, blank=True)
    rank = models.PositiveIntegerField(_("peringkat nasional"), null=True, blank=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["region", "year", "stage"]
        verbose_name = _("hasil resmi")
        verbose_name_plural = _("hasil resmi")
        constraints = [models.UniqueConstraint(fields=["region", "year", "stage"], name="published_unique_period")]

    def __str__(self):
        return f"{self.region_id} {self.year}/{self.stage}: {self.overall}"


class RegionSnapshot(models.Model):
    """One region's figures for one period (year + stage), as the national layer reads them.

    ``source`` says where the index comes from: a final cycle of the workspace
    (``computed``), a cycle still in progress (``provisional``, never ranked) or the
    published history (``imported``). ``rank`` is the national rank among ranked rows of the
    period (standard competition ranking on the published index: ties share a rank).
    """

    class Source(models.TextChoices):
        COMPUTED = "computed", _("Dihitung (final)")
        PROVISIONAL = "provisional", _("Sementara")
        IMPORTED = "imported", _("Impor hasil resmi")

    region = models.ForeignKey("tenants.Region", on_delete=models.CASCADE, related_name="snapshots")
    year = models.PositiveSmallIntegerField(_("tahun"))
    stage = models.PositiveSmallIntegerField(_("tahap"), choices=Stage.choices)
    source = models.CharField(_("sumber"), max_length=12, choices=Source.choices)
    overall = models.DecimalField(_("indeks"), max_digits=7, decimal_places=3, null=True, blank=True)
    components = models.JSONField(_("komponen"), default=dict, blank=True)
    dimensions = models.JSONField(_("dimensi"), default=dict, blank=True)
    rank = models.PositiveIntegerField(_("peringkat nasional"), null=True, blank=True)
    published_rank = models.PositiveIntegerField(_("peringkat resmi"), null=True, blank=True)
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    masterplan_completeness = models.DecimalField(
        _("kelengkapan masterplan (%)"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    program_count = models.PositiveIntegerField(_("jumlah program"), default=0)
    quick_win_count = models.PositiveIntegerField(_("jumlah quick win"), default=0)
    budget_total = models.DecimalField(_("total anggaran (Rp)"), max_digits=18, decimal_places=2, default=Decimal("0"))
    # The state of the workspace's cycle of the period (blank for imported history): lets the
    # apex list the cycles waiting for a facilitator's verification without entering a schema.
    cycle_state = models.CharField(_("status siklus"), max_length=15, blank=True, default="")
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "stage", "rank", "region_id"]
        verbose_name = _("ringkasan wilayah")
        verbose_name_plural = _("ringkasan wilayah")
        constraints = [models.UniqueConstraint(fields=["region", "year", "stage"], name="snapshot_unique_period")]
        indexes = [models.Index(fields=["year", "stage", "rank"])]

    def __str__(self):
        return f"{self.region_id} {self.year}/{self.stage}: {self.overall}"

    @property
    def is_ranked(self) -> bool:
        return self.rank is not None

    @property
    def period_label(self) -> str:
        return f"{self.year} {Stage(self.stage).label}"


class RankingPublication(models.Model):
    """The ministry has published the national ranking of a period (year + stage).

    Until then only ministry staff see it; once published, the members of every workspace
    read it in their own workspace (ranks and overall indexes, never another region's
    responses or evidence). Withdrawing deletes the row.
    """

    year = models.PositiveSmallIntegerField(_("tahun"))
    stage = models.PositiveSmallIntegerField(_("tahap"), choices=Stage.choices)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("diterbitkan"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-stage"]
        verbose_name = _("peringkat yang diterbitkan")
        verbose_name_plural = _("peringkat yang diterbitkan")
        constraints = [models.UniqueConstraint(fields=["year", "stage"], name="ranking_publication_unique_period")]

    def __str__(self):
        return f"{self.year}/{self.stage}"
