"""National registry and tenancy models (public schema).

- ``Province`` (38) and ``Region`` (all 514 kabupaten/kota) with Kemendagri codes
  (``"35"``, ``"35.74"``); regions carry a stable slug used for their subdomain.
- ``Cohort``: the year a group of regions joined the movement, opened by an MoU
  (*Nota Kesepakatan*) with the ministry.
- ``Workspace``: the tenant — one PostgreSQL schema per participating region; plus the
  public row and the template row new workspaces are cloned from.
- ``Domain``: the host names of a workspace.
- ``Membership``: a user's role in one workspace, optionally limited in time (facilitators).
- ``ProvisioningJob``: progress of a background provisioning run, shown in the UI.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

region_code_validator = RegexValidator(r"^\d{2}\.\d{2}$", _("Kode wilayah harus berbentuk PP.RR, mis. 35.74."))


# Indonesia's three time zones; a province lies in one of them.
WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}


def zone_of_province(code: str) -> str:
    """WIB (Asia/Jakarta), WITA (Asia/Makassar: Bali, Nusa Tenggara, East/South/North Kalimantan,
    Sulawesi) or WIT (Asia/Jayapura: Maluku and Papua), by the province's Kemendagri code."""
    if code in WITA_PROVINCES:
        return Province.Zone.WITA
    if code.startswith(("8", "9")):
        return Province.Zone.WIT
    return Province.Zone.WIB


class Province(models.Model):
    class Zone(models.TextChoices):
        WIB = "Asia/Jakarta", "WIB"
        WITA = "Asia/Makassar", "WITA"
        WIT = "Asia/Jayapura", "WIT"

    code = models.CharField(_("kode"), max_length=2, primary_key=True)
    name = models.CharField(_("nama"), max_length=100)
    timezone = models.CharField(_("zona waktu"), max_length=20, choices=Zone.choices, default=Zone.WIB)

    class Meta:
        ordering = ["code"]
        verbose_name = _("provinsi")
        verbose_name_plural = _("provinsi")

    def __str__(self):
        return self.name


class Cohort(models.Model):
    """The regions that joined in one year, opened by the MoU (*Nota Kesepakatan*)."""

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    mou_date = models.DateField(_("tanggal Nota Kesepakatan"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")

    def __str__(self):
        return str(self.year)


class Region(models.Model):
    """A kabupaten (regency) or kota (city), identified by its Kemendagri code ``PP.RR``."""

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    code = models.CharField(_("kode"), max_length=5, primary_key=True, validators=[region_code_validator])
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="regions", verbose_name=_("provinsi"))
    name = models.CharField(_("nama"), max_length=100)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=63, unique=True)
    cohort = models.ForeignKey(
        Cohort, on_delete=models.SET_NULL, null=True, blank=True, related_name="regions", verbose_name=_("angkatan")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("kabupaten/kota")
        verbose_name_plural = _("kabupaten/kota")
        indexes = [models.Index(fields=["province", "kind"]), models.Index(fields=["cohort"])]

    def __str__(self):
        return self.name


class Workspace(TenantMixin):
    """A region's workspace: its own PostgreSQL schema (``schema_name``) and subdomain."""

    region = models.OneToOneField(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="workspace", verbose_name=_("wilayah")
    )
    is_template = models.BooleanField(default=False, help_text=_("Skema contoh yang disalin untuk ruang kerja baru."))
    created_at = models.DateTimeField(default=timezone.now)

    # Schemas are created by tenants.services.provision_workspace (by cloning), never on save.
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        verbose_name = _("ruang kerja")
        verbose_name_plural = _("ruang kerja")

    def __str__(self):
        return self.region.name if self.region_id else self.schema_name


class Domain(DomainMixin):
    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domain")


class Membership(models.Model):
    """A user's role in one workspace. Facilitators' memberships end with their assignment."""

    class Role(models.TextChoices):
        REGION_ADMIN = "region_admin", _("Admin daerah")
        OPD_EDITOR = "opd_editor", _("Editor OPD")
        COUNCIL = "council", _("Dewan Smart City")
        REGIONAL_HEAD = "regional_head", _("Kepala daerah")
        VIEWER = "viewer", _("Pembaca")
        FACILITATOR = "facilitator", _("Fasilitator")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    valid_from = models.DateField(_("berlaku mulai"), null=True, blank=True)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(fields=["user", "workspace"], name="membership_unique_user_workspace"),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="membership_valid_period",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} ({self.workspace})"

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        if self.valid_from and today < self.valid_from:
            return False
        return not (self.valid_until and today > self.valid_until)


class ProvisioningJob(models.Model):
    """A background provisioning run started from the UI, with its progress."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="provisioning_jobs")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.cohort} {self.get_status_display()} {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.done / self.total)
