"""The solver around the database: build its ``Instance`` from a plan, run it as one job per
plan, and write its result as a new version in one transaction (never a half-written plan).

Also the live warnings of hand edits: the same independent checker that judges the solver's
output, run over the workshops as they stand.
"""

from collections import defaultdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platform.celery import send_after_commit
from programs.scheduling import rules
from programs.scheduling.models import (
    Facilitator,
    NationalHoliday,
    Plan,
    PlanVersion,
    RegionWish,
    SolveJob,
    TravelTime,
    Workshop,
)
from programs.scheduling.services import access, versions
from programs.scheduling.services.common import require
from programs.scheduling.solver.instance import Instance, Job, Person, Placement, Weights

WEIGHT_NAMES = tuple(Weights.__dataclass_fields__)
# The job's last words, in the officer's language (the version page says more).
SOLVER_OUTCOMES = {
    "optimal": gettext_lazy("rencana optimal"),
    "feasible": gettext_lazy("rencana terbaik dalam batas waktu"),
    "infeasible": gettext_lazy("tidak ada rencana yang layak; lihat penjelasannya"),
    "unknown": gettext_lazy("tidak ditemukan rencana dalam batas waktu"),
}


def weights_of(plan: Plan) -> Weights:
    stored = plan.weights or {}
    return Weights(**{k: int(v) for k, v in stored.items() if k in WEIGHT_NAMES})


def instance_from_plan(plan: Plan, *, replan: bool = False) -> tuple[Instance, list[Workshop]]:
    """The plan as the solver sees it, and the workshops it places (not cancelled).

    Locked workshops are pinned (date and lead). In a re-plan, confirmed ones keep their date,
    and their lead too unless that lead is now unavailable on it; the rest stays close to the
    last placement. Queries: a fixed handful, whatever the plan's size.
    """
    workshops = list(
        Workshop.objects.filter(plan=plan)
        .exclude(status=Workshop.Status.CANCELLED)
        .select_related("region")
        .prefetch_related("co_facilitators")
        .order_by("region_id", "stage")
    )
    facilitators = list(Facilitator.objects.select_related("user").prefetch_related("unavailability"))
    unavailable = {f.pk: tuple((u.starts, u.ends) for u in f.unavailability.all()) for f in facilitators}
    persons = tuple(
        Person(
            id=f.pk,
            name=f.name,
            province=f.home_province_id,
            stages=frozenset(f.stages) if f.kind == Facilitator.Kind.EXPERT else frozenset(),
            max_per_month=f.max_per_month,
            unavailable=unavailable[f.pk],
            kind=f.kind,
            active=f.is_active,
        )
        for f in facilitators
    )
    wishes = defaultdict(lambda: {"blackout": [], "preferred": []})
    for wish in RegionWish.objects.filter(
        region_id__in={w.region_id for w in workshops}, ends__gte=plan.window_start, starts__lte=plan.window_end
    ):
        wishes[wish.region_id][wish.kind].append((wish.starts, wish.ends))

    def busy(person_id, w):
        return any(s <= w.ends and e >= w.starts for s, e in unavailable.get(person_id, ()))

    jobs = []
    for w in workshops:
        locked = w.status == Workshop.Status.LOCKED
        keep_date = locked or (replan and w.status == Workshop.Status.CONFIRMED and w.starts is not None)
        keep_lead = locked or (keep_date and w.lead_id is not None and not busy(w.lead_id, w))
        jobs.append(
            Job(
                id=w.pk,
                region=w.region_id,
                region_name=w.region.name,
                province=w.region.province_id,
                stage=w.stage,
                fixed_start=w.starts if keep_date else None,
                fixed_lead=w.lead_id if keep_lead else None,
                attendees=frozenset({f.pk for f in w.co_facilitators.all()} | ({w.ministry_rep_id} - {None})),
                previous_start=w.starts,
                previous_lead=w.lead_id,
                blackouts=tuple(wishes[w.region_id]["blackout"]),
                preferred=tuple(wishes[w.region_id]["preferred"]),
            )
        )
    instance = Instance(
        window_start=plan.window_start,
        window_end=plan.window_end,
        jobs=tuple(jobs),
        persons=persons,
        travel={(t.origin_id, t.destination_id): t.days for t in TravelTime.objects.all()},
        holidays=frozenset(
            NationalHoliday.objects.filter(date__range=(plan.window_start, plan.window_end)).values_list(
                "date", flat=True
            )
        ),
        workshop_days=plan.workshop_days,
        min_gap_days=plan.min_gap_days,
        weights=weights_of(plan),
        time_limit_seconds=float(plan.time_limit_seconds),
        replan=replan,
    )
    return instance, workshops


def current_placements(workshops) -> dict[int, Placement]:
    return {w.pk: Placement(w.starts, w.lead_id) for w in workshops if w.starts is not None and w.lead_id is not None}


def warnings(plan: Plan):
    """The hard constraints the plan's workshops break as they stand (the live warnings)."""
    from programs.scheduling.solver.checker import check

    instance, workshops = instance_from_plan(plan)
    return check(instance, current_placements(workshops), require_all=False)


def edit_warnings(workshop: Workshop, *, starts, lead_id, attendees) -> list:
    """The checker's violations that involve ``workshop`` if it had this start, lead and
    attendees, the rest of the plan as it stands (the same rules as the solver's hard
    constraints, travel included): the live warnings of a hand edit. Reads only; a fixed
    number of queries."""
    from dataclasses import replace

    from programs.scheduling.solver.checker import check

    instance, workshops = instance_from_plan(workshop.plan)
    if starts is None or all(job.id != workshop.pk for job in instance.jobs):
        return []  # not placed (or cancelled): nothing to check
    jobs = tuple(
        replace(job, attendees=attendees, fixed_start=None, fixed_lead=None) if job.id == workshop.pk else job
        for job in instance.jobs
    )
    placements = current_placements(workshops)
    placements[workshop.pk] = Placement(starts, lead_id)
    return [v for v in check(replace(instance, jobs=jobs), placements) if workshop.pk in v.jobs]


def workshop_warnings(workshop: Workshop) -> list:
    """The live warnings of ``workshop`` as it stands (page and API alike)."""
    attendees = {f.pk for f in workshop.co_facilitators.all()} | ({workshop.ministry_rep_id} - {None})
    return edit_warnings(workshop, starts=workshop.starts, lead_id=workshop.lead_id, attendees=frozenset(attendees))


def start_solve(*, user, plan: Plan, replan: bool = False) -> SolveJob:
    """Queue a solver run. One active job per plan: a second press (by anyone) gets the running
    job back, not a second run (the plan row lock and a unique constraint both see to it)."""
    require(user, rules.can_manage_scheduling)
    with transaction.atomic():
        Plan.objects.select_for_update().get(pk=plan.pk)
        active = SolveJob.objects.filter(plan=plan, status__in=SolveJob.ACTIVE).first()
        if active is not None:
            return active
        try:
            with transaction.atomic():
                job = SolveJob.objects.create(plan=plan, replan=replan, requested_by=user)
        except IntegrityError:
            return SolveJob.objects.get(plan=plan, status__in=SolveJob.ACTIVE)
        send_after_commit("programs.scheduling.tasks.run_solve_job", job.pk)
    return job


def _progress(job: SolveJob, percent: int, message: str) -> None:
    SolveJob.objects.filter(pk=job.pk).update(percent=max(0, min(99, int(percent))), message=message[:300])


def run_solve(job_id: int) -> SolveJob:
    """The job's body (Celery worker): solve outside any transaction, then write the version and
    the workshops in one transaction. A failure leaves the plan as it was."""
    from programs.scheduling.solver import explain
    from programs.scheduling.solver.checker import check
    from programs.scheduling.solver.cpsat import solve

    job = SolveJob.objects.select_related("plan", "requested_by").get(pk=job_id)
    if job.status not in SolveJob.ACTIVE:
        return job
    SolveJob.objects.filter(pk=job.pk).update(status=SolveJob.Status.RUNNING, message=_("Menyiapkan data"))
    try:
        instance, workshops = instance_from_plan(job.plan, replan=job.replan)
        previous = current_placements(workshops)
        solution = solve(instance, on_progress=lambda p, m: _progress(job, p, m), hint=previous or None)
        violations = check(instance, solution.placements) if solution.placements else []
        if violations:  # never write a plan that breaks a hard constraint
            raise RuntimeError("; ".join(v.message for v in violations[:5]))
        _write(job, instance, workshops, solution, previous, explain)
    except Exception as exc:  # the job records why; the plan is untouched
        SolveJob.objects.filter(pk=job.pk).update(
            status=SolveJob.Status.FAILED, message=str(exc)[:300], finished_at=timezone.now()
        )
        raise
    job.refresh_from_db()
    return job


@transaction.atomic
def _write(job, instance, workshops, solution, previous, explain) -> PlanVersion:
    """The version, the workshops and the job's end in one transaction: a job delivered again
    (its worker lost) either finds it done or writes it whole, never a second version."""
    plan = Plan.objects.select_for_update().get(pk=job.plan_id)
    finished = SolveJob.objects.filter(pk=job.pk, status=SolveJob.Status.DONE).select_related("version").first()
    if finished is not None and finished.version is not None:
        return finished.version
    stats = explain.stats(instance, solution.placements) if solution.placements else {}
    last = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    kind = PlanVersion.Kind.REPLAN if job.replan else PlanVersion.Kind.PROPOSAL
    fields = dict(
        solver_status=solution.status,
        objective=solution.objective,
        bound=solution.bound,
        reasons={str(k): v for k, v in solution.reasons.items()},
        conflicts=list(solution.conflicts),
    )
    if solution.status in ("optimal", "feasible"):
        by_pk = {w.pk: w for w in workshops}
        changed = []
        for pk, placement in solution.placements.items():
            w = by_pk[pk]
            if (w.starts, w.lead_id) != (placement.start, placement.lead):
                w.starts = placement.start
                w.ends = date.fromordinal(placement.start.toordinal() + plan.workshop_days - 1)
                w.lead_id = placement.lead
                if w.status == Workshop.Status.CONFIRMED and not job.replan:
                    w.status = Workshop.Status.PROPOSED
                changed.append(w)
        now = timezone.now()
        for w in changed:  # a bulk update skips auto_now: calendar feeds read the revision from it
            w.updated_at = now
        Workshop.objects.bulk_update(changed, ["starts", "ends", "lead", "status", "updated_at"])
        stats["moved"] = explain.moved(previous, solution.placements)
        if last is not None and last.stats:
            stats["worse"] = explain.compare(last.stats, stats)
        fields["moved"] = stats["moved"]
        if job.replan:
            access.sync_plan_access(plan=plan, reason=_("perencanaan ulang"), actor=job.requested_by)
    fields["stats"] = stats
    version = versions.record_version(plan=plan, kind=kind, user=job.requested_by, **fields)
    SolveJob.objects.filter(pk=job.pk).update(
        status=SolveJob.Status.DONE,
        percent=100,
        version=version,
        finished_at=timezone.now(),
        message=_("Selesai: %(status)s")
        % {"status": SOLVER_OUTCOMES.get(version.solver_status, version.solver_status)},
    )
    return version


def solve_job_in_progress(plan: Plan) -> SolveJob | None:
    return SolveJob.objects.filter(plan=plan, status__in=SolveJob.ACTIVE).first()


def refuse_if_solving(plan: Plan) -> None:
    if solve_job_in_progress(plan):
        raise ValidationError(_("Solver sedang menyusun rencana ini; tunggu sampai selesai."))
