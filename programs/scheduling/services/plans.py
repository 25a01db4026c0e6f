"""Plans and their workshops: open a plan for a cohort, edit workshops by hand, lock, cancel,
and confirm a version (statuses, access windows, e-mails of each person's own changes)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platform.celery import send_after_commit
from programs.scheduling import rules
from programs.scheduling.models import Facilitator, Plan, PlanVersion, Workshop
from programs.scheduling.services import access, versions
from programs.scheduling.services.common import check_range, require
from tenants.models import Cohort

PLAN_FIELDS = (
    "name",
    "window_start",
    "window_end",
    "workshop_days",
    "min_gap_days",
    "access_days_before",
    "access_days_after",
    "time_limit_seconds",
    "weights",
)


def _check_window(window_start, window_end):
    check_range(window_start, window_end, start_field="window_start", end_field="window_end")


@transaction.atomic
def open_plan(*, user, cohort: Cohort, name: str, window_start: date, window_end: date, **settings) -> Plan:
    """A plan for ``cohort`` over the window, with the four workshops of each of its regions."""
    require(user, rules.can_manage_scheduling)
    _check_window(window_start, window_end)
    regions = list(cohort.regions.order_by("code"))
    if not regions:
        raise ValidationError({"cohort": _("Angkatan %(year)s belum memiliki daerah.") % {"year": cohort.year}})
    plan = Plan(cohort=cohort, name=name, window_start=window_start, window_end=window_end, created_by=user)
    for key, value in settings.items():
        if key not in PLAN_FIELDS:
            raise TypeError(key)
        setattr(plan, key, value)
    plan.full_clean()
    plan.save()
    Workshop.objects.bulk_create(
        [Workshop(plan=plan, region=region, stage=stage) for region in regions for stage in range(1, 5)]
    )
    return plan


@transaction.atomic
def update_plan(*, user, plan: Plan, **changes) -> Plan:
    require(user, rules.can_manage_scheduling)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    for key, value in changes.items():
        if key not in PLAN_FIELDS:
            raise TypeError(key)
        setattr(plan, key, value)
    _check_window(plan.window_start, plan.window_end)
    plan.full_clean(exclude=["created_by"])  # the creator's account may be gone (SET_NULL)
    plan.save()
    return plan


def _dates_for(plan: Plan, starts: date | None, ends: date | None):
    if starts is None:
        if ends is not None:
            raise ValidationError({"starts": _("Isi tanggal mulai, atau kosongkan keduanya.")})
        return None, None
    ends = ends or starts + timedelta(days=plan.workshop_days - 1)
    check_range(starts, ends)
    return starts, ends


EDITABLE = ("starts", "ends", "venue", "lead", "ministry_rep", "co_facilitators", "notes", "status")


@transaction.atomic
def edit_workshop(*, user, workshop: Workshop, **changes) -> Workshop:
    """A hand edit by a ministry admin. A locked workshop is changed only to unlock it.

    Conflicts are not refused here: the page shows them live (``warnings``), as hard
    constraints the admin may knowingly break; the same checker flags them everywhere.
    """
    require(user, rules.can_manage_scheduling)
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(", ".join(sorted(unknown)))
    if workshop.status == Workshop.Status.LOCKED and set(changes) - {"status"}:
        raise ValidationError(_("Bimtek ini dikunci; buka kuncinya dahulu untuk mengubahnya."))
    if "starts" in changes:  # an end left empty means the plan's usual length
        workshop.starts, workshop.ends = _dates_for(workshop.plan, changes["starts"], changes.get("ends"))
    elif "ends" in changes:
        workshop.starts, workshop.ends = _dates_for(workshop.plan, workshop.starts, changes["ends"])
    for key in ("venue", "notes"):
        if key in changes:
            setattr(workshop, key, changes[key] or "")
    for key in ("lead", "ministry_rep"):
        if key in changes:
            person = changes[key]
            if person is not None and not isinstance(person, Facilitator):
                raise TypeError(key)
            setattr(workshop, key, person)
    if workshop.lead and workshop.stage not in workshop.lead.stages:
        raise ValidationError(
            {"lead": _("%(name)s tidak memimpin tahap %(stage)s.") % {"name": workshop.lead, "stage": workshop.roman}}
        )
    if workshop.ministry_rep and workshop.ministry_rep.kind != Facilitator.Kind.OFFICIAL:
        raise ValidationError({"ministry_rep": _("Wakil kementerian harus pejabat kementerian.")})
    if "status" in changes:
        _check_transition(workshop, changes["status"])
        workshop.status = changes["status"]
    workshop.full_clean(exclude=["plan", "region", "lead", "ministry_rep"])
    workshop.save()
    if "co_facilitators" in changes:
        workshop.co_facilitators.set(changes["co_facilitators"])
    versions.refresh_edit_version(plan=workshop.plan, user=user)
    if workshop.status in (Workshop.Status.CONFIRMED, Workshop.Status.LOCKED) or "status" in changes:
        access.sync_region_access(
            plan=workshop.plan, region_id=workshop.region_id, reason=_("sunting manual"), actor=user
        )
    return workshop


ALLOWED = {
    Workshop.Status.PROPOSED: {Workshop.Status.CONFIRMED, Workshop.Status.CANCELLED},
    Workshop.Status.CONFIRMED: {Workshop.Status.LOCKED, Workshop.Status.PROPOSED, Workshop.Status.CANCELLED},
    Workshop.Status.LOCKED: {Workshop.Status.CONFIRMED},
    Workshop.Status.CANCELLED: {Workshop.Status.PROPOSED},
}


def _check_transition(workshop: Workshop, status: str) -> None:
    if status == workshop.status:
        return
    if status not in ALLOWED.get(workshop.status, ()):
        raise ValidationError(
            {
                "status": _("Status %(old)s tidak dapat diubah menjadi %(new)s.")
                % {"old": workshop.get_status_display(), "new": Workshop.Status(status).label}
            }
        )
    if status in (Workshop.Status.CONFIRMED, Workshop.Status.LOCKED) and (
        workshop.starts is None or workshop.lead_id is None
    ):
        raise ValidationError({"status": _("Bimtek tanpa tanggal atau pemimpin tidak dapat dikonfirmasi.")})
    if status == Workshop.Status.PROPOSED and workshop.status == Workshop.Status.CANCELLED:
        clash = (
            Workshop.objects.filter(plan=workshop.plan, region=workshop.region, stage=workshop.stage)
            .exclude(pk=workshop.pk)
            .exclude(status=Workshop.Status.CANCELLED)
        )
        if clash.exists():
            raise ValidationError({"status": _("Tahap ini sudah memiliki Bimtek lain yang aktif.")})


@transaction.atomic
def confirm_version(*, user, version: PlanVersion) -> dict:
    """Confirm the plan as this version shows it: its proposed workshops with dates and a lead
    become confirmed, access windows follow, and each affected facilitator and region admin
    is e-mailed their own changes since the last confirmed version (after commit)."""
    require(user, rules.can_manage_scheduling)
    plan = Plan.objects.select_for_update().get(pk=version.plan_id)
    latest = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    if latest is None or latest.pk != version.pk:
        raise ValidationError(
            _("Hanya versi terbaru yang dapat dikonfirmasi; versi %(n)s sudah tergantikan.") % {"n": version.number}
        )
    if version.confirmed_at is not None:
        raise ValidationError(_("Versi %(n)s sudah dikonfirmasi.") % {"n": version.number})
    if version.solver_status in ("infeasible", "unknown"):
        raise ValidationError(_("Versi tanpa rencana yang layak tidak dapat dikonfirmasi."))
    ready = Workshop.objects.filter(
        plan=plan, status=Workshop.Status.PROPOSED, starts__isnull=False, lead__isnull=False
    )
    # updated_at moves too: calendar feeds number their revisions by it (SEQUENCE, LAST-MODIFIED)
    confirmed = ready.update(status=Workshop.Status.CONFIRMED, updated_at=timezone.now())
    version.snapshot = versions.snapshot(plan)
    version.confirmed_at, version.confirmed_by = timezone.now(), user
    version.save(update_fields=["snapshot", "confirmed_at", "confirmed_by"])
    counts = access.sync_plan_access(
        plan=plan, reason=_("versi %(n)s dikonfirmasi") % {"n": version.number}, actor=user
    )
    send_after_commit("programs.scheduling.tasks.send_confirmation_emails", version.pk)
    return {"confirmed": confirmed, **counts}


def assigned_workshops(facilitator: Facilitator):
    """Workshops (not cancelled) on which ``facilitator`` leads, assists or represents."""
    from django.db.models import Q

    return (
        Workshop.objects.filter(Q(lead=facilitator) | Q(ministry_rep=facilitator) | Q(co_facilitators=facilitator))
        .exclude(status=Workshop.Status.CANCELLED)
        .select_related("region", "plan")
        .distinct()
        .order_by("starts", "region_id", "stage")
    )
