"""Writes of the tenancy layer: loading the region registry, cohorts, provisioning
workspaces by cloning the template schema, and memberships."""

import csv
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext as _
from django_tenants.utils import schema_exists, tenant_context

from platform.audit import record
from platform.celery import send_after_commit
from tenants import rules, selectors
from tenants.access import Actor
from tenants.cache import forget_host
from tenants.clone import clone_template_schema
from tenants.models import Cohort, Domain, Membership, Province, ProvisioningJob, Region, Workspace, zone_of_province
from tenants.signals import workspace_provisioned

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"


# --- the registry -------------------------------------------------------------------------


def region_slug(name: str) -> str:
    """The subdomain label of a region: its official name, slugified (``kota-probolinggo``)."""
    return slugify(name)[:63].strip("-")


def region_kind(name: str) -> str:
    return Region.Kind.KOTA if name.startswith("Kota ") else Region.Kind.KABUPATEN


@dataclass
class LoadResult:
    provinces_created: int
    regions_created: int
    regions_updated: int


@transaction.atomic
def load_regions(*, data_dir: Path = DATA_DIR) -> LoadResult:
    """Create or update the 38 provinces and 514 regions from the bundled CSV files.

    Idempotent. A region's slug is set once, when it is created, and never recomputed: a
    renamed region keeps its subdomain.
    """
    with open(data_dir / "provinces.csv", newline="", encoding="utf-8") as f:
        provinces = {row["code"]: row["name"] for row in csv.DictReader(f)}
    with open(data_dir / "regencies.csv", newline="", encoding="utf-8") as f:
        regencies = list(csv.DictReader(f))

    existing_provinces = {p.code: p for p in Province.objects.all()}
    new_provinces = [
        Province(code=c, name=n, timezone=zone_of_province(c))
        for c, n in provinces.items()
        if c not in existing_provinces
    ]
    Province.objects.bulk_create(new_provinces)
    changed_provinces = []
    for code, name in provinces.items():
        if code in existing_provinces and existing_provinces[code].name != name:
            existing_provinces[code].name = name
            changed_provinces.append(existing_provinces[code])
    Province.objects.bulk_update(changed_provinces, ["name"])

    existing = {r.code: r for r in Region.objects.all()}
    taken = {r.slug for r in existing.values()}
    to_create, to_update = [], []
    for row in regencies:
        code, name = row["code"], row["name"]
        if code in existing:
            region = existing[code]
            if region.name != name or region.province_id != row["province_code"]:
                region.name, region.province_id, region.kind = name, row["province_code"], region_kind(name)
                to_update.append(region)
            continue
        slug = region_slug(name)
        if slug in taken:
            slug = f"{slug[:57]}-{code.replace('.', '')}"
        taken.add(slug)
        to_create.append(
            Region(code=code, province_id=row["province_code"], name=name, kind=region_kind(name), slug=slug)
        )
    Region.objects.bulk_create(to_create)
    Region.objects.bulk_update(to_update, ["name", "province", "kind"])
    return LoadResult(len(new_provinces), len(to_create), len(to_update))


@transaction.atomic
def create_cohort(*, actor, year: int, mou_date: date | None, region_codes: Iterable[str]) -> Cohort:
    """Create a cohort and make the given regions its members (``actor``: a ministry admin)."""
    _require_national(actor, rules.can_manage_cohorts)
    codes = sorted(set(region_codes))
    regions = list(Region.objects.filter(code__in=codes).select_for_update())
    unknown = sorted(set(codes) - {r.code for r in regions})
    if unknown:
        raise ValidationError({"regions": _("Kode wilayah tidak dikenal: %(codes)s") % {"codes": ", ".join(unknown)}})
    if Cohort.objects.filter(year=year).exists():
        raise ValidationError({"year": _("Angkatan %(year)s sudah ada.") % {"year": year}})
    taken = [r for r in regions if r.cohort_id is not None]
    if taken:
        raise ValidationError(
            {
                "regions": _("Sudah tergabung dalam angkatan lain: %(names)s")
                % {"names": ", ".join(f"{r.name} ({r.cohort_id and r.cohort.year})" for r in taken)}
            }
        )
    cohort = Cohort.objects.create(year=year, mou_date=mou_date)
    Region.objects.filter(code__in=codes).update(cohort=cohort)
    return cohort


@transaction.atomic
def add_region_to_cohort(*, actor, cohort: Cohort, region_code: str) -> tuple[Region, ProvisioningJob | None]:
    """Make a region without a cohort a member of ``cohort`` (``actor``: a ministry admin), then
    start the cohort's provisioning (``start_provisioning``) so its workspace is made.

    Returns the region and the job; the job is ``None`` when one is already pending or running
    (the region is still added; a later run, which skips ready workspaces, provisions it)."""
    _require_national(actor, rules.can_manage_cohorts)
    region = Region.objects.select_for_update(of=("self",)).select_related("cohort").filter(code=region_code).first()
    if region is None:
        raise ValidationError({"region": _("Kode wilayah tidak dikenal: %(codes)s") % {"codes": region_code}})
    if region.cohort_id is not None:
        raise ValidationError(
            {
                "region": _("%(name)s sudah tergabung dalam angkatan %(year)s.")
                % {"name": region.name, "year": region.cohort.year}
            }
        )
    region.cohort = cohort
    region.save(update_fields=["cohort"])
    try:
        with transaction.atomic():
            job = start_provisioning(actor=actor, cohort=cohort)
    except ValidationError:  # a run is under way
        job = None
    return region, job


# --- workspaces ---------------------------------------------------------------------------


def workspace_domain(region: Region) -> str:
    return f"{region.slug}.{settings.BASE_DOMAIN}"


def schema_name_for(region: Region) -> str:
    return region.slug.replace("-", "_")


@dataclass
class ProvisionResult:
    workspace: Workspace
    created: bool
    seconds: float


def provision_workspace(*, region: Region) -> ProvisionResult:
    """Give a region its workspace: clone the template schema, add the domain.

    Idempotent: a region that already has a workspace is returned unchanged. The schema and
    the public rows are created in one transaction, so a failure leaves nothing behind.
    """
    started = time.perf_counter()
    existing = Workspace.objects.filter(region=region).first()
    if existing is not None:
        return ProvisionResult(existing, False, 0.0)
    schema_name = schema_name_for(region)
    with transaction.atomic():
        if schema_exists(schema_name):
            raise ValidationError(
                _("Skema %(schema)s sudah ada tanpa ruang kerja; periksa basis data.") % {"schema": schema_name}
            )
        clone_template_schema(schema_name)
        workspace = Workspace.objects.create(schema_name=schema_name, region=region)
        domain = Domain.objects.create(domain=workspace_domain(region), tenant=workspace, is_primary=True)
        with tenant_context(workspace):
            workspace_provisioned.send(sender=Workspace, workspace=workspace, region=region)
    forget_host(domain.domain)
    return ProvisionResult(workspace, True, time.perf_counter() - started)


def provision_regions(
    *, regions: Iterable[Region], on_progress: Callable[[Region, ProvisionResult], None] | None = None
) -> list[ProvisionResult]:
    results = []
    for region in regions:
        result = provision_workspace(region=region)
        results.append(result)
        if on_progress:
            on_progress(region, result)
    return results


# --- memberships --------------------------------------------------------------------------


def add_member(
    *,
    actor: Actor,
    workspace: Workspace,
    email: str,
    role: str,
    full_name: str = "",
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> tuple[Membership, bool]:
    """Make a person a member of a workspace; create their account when they have none.

    Returns the membership and whether a new account was created (``invite_member`` then
    sends the password-setting link). An existing member is refused, not silently re-invited.
    """
    from platform.accounts.models import User

    _require(actor, "can_manage_members")
    email = User.objects.normalize_email(email).strip().lower()
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Peran tidak dikenal.")})
    if role == Membership.Role.FACILITATOR and not actor.can("can_appoint_facilitators"):
        raise ValidationError(
            {"role": _("Fasilitator ditugaskan oleh kementerian melalui jadwal Bimtek, bukan oleh daerah.")}
        )
    if role == Membership.Role.FACILITATOR and not valid_until:
        raise ValidationError({"valid_until": _("Fasilitator memerlukan tanggal akhir penugasan.")})
    if valid_from and valid_until and valid_until < valid_from:
        raise ValidationError({"valid_until": _("Tanggal akhir sebelum tanggal mulai.")})
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User.objects.create_user(email=email, password=None, full_name=full_name)
        elif selectors.membership_for(user=user, workspace=workspace, include_expired=True):
            raise ValidationError({"email": _("%(email)s sudah menjadi anggota ruang kerja ini.") % {"email": email}})
        membership = Membership.objects.create(
            user=user,
            workspace=workspace,
            role=role,
            valid_from=valid_from,
            valid_until=valid_until,
            invited_by=actor.user,
        )
        record("role_granted", actor=actor, workspace=workspace, target=_member(email, role), role=role)
    return membership, created


def invite_member(*, actor: Actor, workspace: Workspace, workspace_url: str, **member) -> tuple[Membership, bool]:
    """``add_member``, then e-mail the invitation (with a link to set a password for a new account).

    ``workspace_url`` is the workspace's address as the inviter reached it (the link in the mail).
    """
    membership, created = add_member(actor=actor, workspace=workspace, **member)
    send_invitation(membership=membership, created=created, inviter=actor.user, workspace_url=workspace_url)
    return membership, created


def send_invitation(*, membership: Membership, created: bool, inviter, workspace_url: str) -> None:
    user, workspace = membership.user, membership.workspace
    set_password_url = None
    if created:
        path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        set_password_url = workspace_url.rstrip("/") + path
    context = {
        "user": user,
        "region": workspace.region,
        "role": membership.get_role_display(),
        "inviter": inviter,
        "workspace_url": workspace_url,
        "set_password_url": set_password_url,
        "valid_from": membership.valid_from,
        "valid_until": membership.valid_until,
        "period_ended": bool(membership.valid_until and membership.valid_until < timezone.localdate()),
    }
    send_mail(
        subject=_("Undangan ruang kerja Smart City %(region)s") % {"region": workspace.region.name},
        message=render_to_string("tenants/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


@transaction.atomic
def remove_member(*, actor: Actor, membership: Membership) -> None:
    _require(actor, "can_manage_members")
    if membership.user_id == actor.user.pk:
        raise ValidationError(_("Anda tidak dapat mengeluarkan diri sendiri."))
    membership.delete()
    target = _member(membership.user.email, membership.role)
    record("role_removed", actor=actor, workspace=membership.workspace, target=target, role=membership.role)


def _member(email: str, role: str):
    """The audit log's words for a membership: the person and the role."""
    return format_lazy("{} · {}", email, Membership.Role(role).label)


def _require(actor: Actor, capability: str) -> None:
    if not actor.can(capability):
        raise PermissionDenied(capability)


@transaction.atomic
def start_provisioning(*, actor, cohort: Cohort) -> ProvisioningJob:
    """Record a provisioning job for a cohort and hand it to the worker after commit; refused
    while one is pending or running (the cohort row is locked, so a double click starts one)."""
    _require_national(actor, rules.can_manage_cohorts)
    Cohort.objects.select_for_update().get(pk=cohort.pk)
    active = (ProvisioningJob.Status.PENDING, ProvisioningJob.Status.RUNNING)
    if cohort.provisioning_jobs.filter(status__in=active).exists():
        raise ValidationError(_("Penyiapan ruang kerja angkatan ini sedang berjalan."))
    job = ProvisioningJob.objects.create(cohort=cohort, requested_by=actor, total=cohort.regions.count())
    send_after_commit("tenants.tasks.provision_cohort_job", job.pk)
    return job


def _require_national(user, rule) -> None:
    if not rule(user):
        raise PermissionDenied(rule.__name__)
