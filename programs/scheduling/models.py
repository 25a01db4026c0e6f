"""The national plan of the Bimtek workshops (public schema).

- ``Facilitator``: the registry of experts and ministry officials (one global user account each).
- ``Unavailability``: a facilitator's dates away, with a reason.
- ``TravelTime``: travel days between two provinces (data, corrected by ministry admins).
- ``NationalHoliday``: the year's national holidays and collective leave (data).
- ``RegionWish``: a region's preferred weeks and blackout dates, proposed by its admin.
- ``Plan``: a cohort's plan over a date window, with its rules and the solver's weights.
- ``Workshop``: one Bimtek stage of one region: dates, venue, people, status.
- ``PlanVersion``: a snapshot of the plan's workshops after a proposal, a re-plan or an edit session.
- ``SolveJob``: a solver run (Celery), at most one active per plan.
- ``AccessWindow``: the history of a facilitator's workspace access given by the plan.
- ``CalendarFeed``: a secret iCal feed URL of a facilitator, a region or the ministry.
"""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STAGE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def date_order(name: str, start: str = "starts", end: str = "ends") -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{end}__gte": F(start)}), name=name)


class Facilitator(models.Model):
    class Kind(models.TextChoices):
        EXPERT = "expert", _("Tenaga ahli")
        OFFICIAL = "official", _("Pejabat kementerian")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="facilitator", verbose_name=_("akun")
    )
    institution = models.CharField(_("institusi"), max_length=200)
    home_province = models.ForeignKey(
        "tenants.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("provinsi asal")
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.EXPERT)
    stages = ArrayField(
        models.PositiveSmallIntegerField(validators=STAGE_VALIDATORS),
        default=list,
        blank=True,
        verbose_name=_("tahap yang dipimpin"),
    )
    max_per_month = models.PositiveSmallIntegerField(
        _("maks. Bimtek per bulan"), default=4, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["user__full_name", "user__email"]
        verbose_name = _("fasilitator")
        verbose_name_plural = _("fasilitator")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.user.full_name or self.user.email

    @property
    def stages_display(self) -> str:
        return ", ".join(ROMAN[s] for s in sorted(self.stages))


class Unavailability(models.Model):
    facilitator = models.ForeignKey(Facilitator, on_delete=models.CASCADE, related_name="unavailability")
    starts = models.DateField(_("mulai"))
    ends = models.DateField(_("sampai"))
    reason = models.CharField(_("alasan"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts"]
        verbose_name = _("ketidaktersediaan")
        verbose_name_plural = _("ketidaktersediaan")
        constraints = [date_order("unavailability_date_order")]

    def __str__(self):
        return f"{self.facilitator}: {self.starts}–{self.ends}"


class TravelTime(models.Model):
    origin = models.ForeignKey("tenants.Province", on_delete=models.CASCADE, related_name="+")
    destination = models.ForeignKey("tenants.Province", on_delete=models.CASCADE, related_name="+")
    days = models.PositiveSmallIntegerField(_("hari perjalanan"), validators=[MaxValueValidator(7)])

    class Meta:
        verbose_name = _("waktu perjalanan")
        verbose_name_plural = _("waktu perjalanan")
        constraints = [models.UniqueConstraint(fields=["origin", "destination"], name="travel_unique_pair")]

    def __str__(self):
        return f"{self.origin_id} → {self.destination_id}: {self.days}"


class NationalHoliday(models.Model):
    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("nama"), max_length=200)

    class Meta:
        ordering = ["date"]
        verbose_name = _("hari libur nasional")
        verbose_name_plural = _("hari libur nasional")

    def __str__(self):
        return f"{self.date}: {self.name}"


class RegionWish(models.Model):
    """A region's preferred week or blackout dates, proposed by its admin in its workspace."""

    class Kind(models.TextChoices):
        PREFERRED = "preferred", _("Minggu pilihan")
        BLACKOUT = "blackout", _("Tanggal tidak bisa")

    region = models.ForeignKey("tenants.Region", on_delete=models.CASCADE, related_name="schedule_wishes")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    starts = models.DateField(_("mulai"))
    ends = models.DateField(_("sampai"))
    note = models.CharField(_("keterangan"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts"]
        verbose_name = _("permintaan jadwal daerah")
        verbose_name_plural = _("permintaan jadwal daerah")
        constraints = [date_order("wish_date_order")]

    def __str__(self):
        return f"{self.region_id} {self.kind}: {self.starts}–{self.ends}"


class Plan(models.Model):
    cohort = models.ForeignKey("tenants.Cohort", on_delete=models.PROTECT, related_name="plans")
    name = models.CharField(_("nama"), max_length=200)
    window_start = models.DateField(_("jendela mulai"))
    window_end = models.DateField(_("jendela berakhir"))
    workshop_days = models.PositiveSmallIntegerField(
        _("lama Bimtek (hari)"), default=2, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    min_gap_days = models.PositiveSmallIntegerField(
        _("jarak minimal antartahap (hari)"), default=21, validators=[MaxValueValidator(120)]
    )
    access_days_before = models.PositiveSmallIntegerField(
        _("akses dibuka (hari sebelum)"), default=14, validators=[MaxValueValidator(180)]
    )
    access_days_after = models.PositiveSmallIntegerField(
        _("akses ditutup (hari sesudah)"), default=30, validators=[MaxValueValidator(365)]
    )
    weights = models.JSONField(_("bobot tujuan"), default=dict, blank=True)
    time_limit_seconds = models.PositiveSmallIntegerField(
        _("batas waktu solver (detik)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-window_start"]
        verbose_name = _("rencana Bimtek")
        verbose_name_plural = _("rencana Bimtek")
        constraints = [date_order("plan_window_order", "window_start", "window_end")]

    def __str__(self):
        return self.name


class Workshop(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Usulan")
        CONFIRMED = "confirmed", _("Dikonfirmasi")
        LOCKED = "locked", _("Dikunci")
        CANCELLED = "cancelled", _("Dibatalkan")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="workshops")
    region = models.ForeignKey("tenants.Region", on_delete=models.PROTECT, related_name="workshops")
    stage = models.PositiveSmallIntegerField(_("tahap"), validators=STAGE_VALIDATORS)
    starts = models.DateField(_("mulai"), null=True, blank=True)
    ends = models.DateField(_("selesai"), null=True, blank=True)
    venue = models.CharField(_("tempat"), max_length=200, blank=True)
    lead = models.ForeignKey(
        Facilitator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_workshops",
        verbose_name=_("pemimpin"),
    )
    co_facilitators = models.ManyToManyField(
        Facilitator, blank=True, related_name="co_workshops", verbose_name=_("pendamping")
    )
    ministry_rep = models.ForeignKey(
        Facilitator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="represented_workshops",
        verbose_name=_("wakil kementerian"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    notes = models.TextField(_("catatan"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts", "region_id", "stage"]
        verbose_name = _("Bimtek")
        verbose_name_plural = _("Bimtek")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "region", "stage"], condition=~Q(status="cancelled"), name="workshop_one_per_stage"
            ),
            date_order("workshop_date_order"),
            models.CheckConstraint(
                condition=Q(starts__isnull=True, ends__isnull=True) | Q(starts__isnull=False, ends__isnull=False),
                name="workshop_dates_both",
            ),
        ]
        indexes = [models.Index(fields=["region", "stage"])]

    def __str__(self):
        return f"Bimtek {self.roman} {self.region}"

    @property
    def roman(self) -> str:
        return ROMAN[self.stage]

    @property
    def is_fixed(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.LOCKED)


class PlanVersion(models.Model):
    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("Usulan solver")
        REPLAN = "replan", _("Perencanaan ulang")
        EDIT = "edit", _("Sunting manual")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versi"))
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    # [{"id", "region", "region_name", "stage", "starts", "ends", "lead", "co", "rep", "status", "venue"}]
    snapshot = models.JSONField(default=list)
    solver_status = models.CharField(max_length=12, blank=True)  # optimal / feasible / infeasible / unknown
    objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    stats = models.JSONField(default=dict, blank=True)
    reasons = models.JSONField(default=dict, blank=True)  # workshop id -> sentences
    conflicts = models.JSONField(default=list, blank=True)  # infeasibility, in words
    moved = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("versi rencana")
        verbose_name_plural = _("versi rencana")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="version_unique_number")]

    def __str__(self):
        return f"{self.plan} v{self.number}"

    @property
    def is_best_found(self) -> bool:
        """The solver stopped at its time limit: the best plan it found, not a proven optimum."""
        return self.solver_status == "feasible"


class SolveJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    ACTIVE = (Status.PENDING, Status.RUNNING)

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="jobs")
    replan = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    percent = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    version = models.ForeignKey(PlanVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=Q(status__in=["pending", "running"]), name="solve_one_active_per_plan"
            )
        ]

    def __str__(self):
        return f"{self.plan} {self.status} {self.percent}%"


class AccessWindow(models.Model):
    """A facilitator's access to a region's workspace given by a plan. Never overwritten:
    re-planning closes the open window (``closed_at``) and opens a new one."""

    facilitator = models.ForeignKey(Facilitator, on_delete=models.PROTECT, related_name="access_windows")
    region = models.ForeignKey("tenants.Region", on_delete=models.CASCADE, related_name="access_windows")
    plan = models.ForeignKey(Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="access_windows")
    starts = models.DateField(_("mulai"))
    ends = models.DateField(_("sampai"))
    reason = models.CharField(_("sebab"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [date_order("access_window_order")]
        indexes = [models.Index(fields=["facilitator", "region"])]

    def __str__(self):
        return f"{self.facilitator_id} @ {self.region_id}: {self.starts}–{self.ends}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A secret iCal address. Its owner resets the token; the old address then answers 404."""

    class Scope(models.TextChoices):
        FACILITATOR = "facilitator", _("Fasilitator")
        REGION = "region", _("Daerah")
        MINISTRY = "ministry", _("Kementerian")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    scope = models.CharField(max_length=12, choices=Scope.choices)
    region = models.ForeignKey("tenants.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "scope", "region"], name="feed_unique_owner_scope_region", nulls_distinct=False
            )
        ]

    def __str__(self):
        return f"{self.scope} feed of {self.owner_id}"
