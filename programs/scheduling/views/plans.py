"""Apex pages of the plans (ministry staff read, ministry admins act): the list, opening a plan
and its settings, a plan's workshops with the live warnings and its versions, pressing
"Propose" / "Re-plan", and the solver job's progress (polled by htmx)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from platform.forms import add_service_errors, flash_service_errors
from programs.scheduling import rules, selectors, services
from programs.scheduling.forms.plans import PlanForm, WorkshopFilterForm
from programs.scheduling.models import Plan, PlanVersion, SolveJob
from programs.scheduling.solver.text import date_range
from tenants.models import Province
from tenants.views_national import NationalView

WARNINGS_SHOWN = 50


def latest_versions(plan_ids) -> dict[int, PlanVersion]:
    """plan id -> its newest version, in one query (without the heavy JSON columns)."""
    rows = (
        PlanVersion.objects.filter(plan_id__in=plan_ids)
        .order_by("plan_id", "-number")
        .distinct("plan_id")
        .defer("snapshot", "reasons", "stats")
    )
    return {v.plan_id: v for v in rows}


def dates_of(starts, ends) -> str:
    """ "3–4 Mar 2018" in the active language, or a dash for a workshop not yet placed."""
    return date_range((starts, ends)) if starts and ends else "–"


class SchedulingView(NationalView):
    """Ministry staff read; the write views below narrow ``rule`` to ministry admins."""

    rule = staticmethod(rules.can_view_scheduling)


class PlanListView(SchedulingView):
    def get(self, request):
        plans = list(selectors.plans().order_by("-window_start", "-pk"))
        latest = latest_versions([p.pk for p in plans])
        for plan in plans:
            plan.latest_version = latest.get(plan.pk)
        return render(
            request,
            "scheduling/plans/list.html",
            {"plans": plans, "can_manage": rules.can_manage_scheduling(request.user)},
        )


class PlanCreateView(SchedulingView):
    rule = staticmethod(rules.can_manage_scheduling)

    def get(self, request):
        return render(request, "scheduling/plans/form.html", {"form": PlanForm()})

    def post(self, request):
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                plan = services.open_plan(user=request.user, cohort=form.cleaned_data["cohort"], **form.settings())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Rencana %(name)s dibuka dengan %(n)s Bimtek.")
                    % {"name": plan.name, "n": plan.workshops.count()},
                )
                return redirect("schedule-plan", plan_pk=plan.pk)
        return render(request, "scheduling/plans/form.html", {"form": form}, status=400)


class PlanEditView(SchedulingView):
    rule = staticmethod(rules.can_manage_scheduling)

    def get(self, request, plan_pk):
        plan = get_object_or_404(Plan.objects.select_related("cohort"), pk=plan_pk)
        return render(request, "scheduling/plans/form.html", {"form": PlanForm(plan=plan), "plan": plan})

    def post(self, request, plan_pk):
        plan = get_object_or_404(Plan.objects.select_related("cohort"), pk=plan_pk)
        form = PlanForm(request.POST, plan=plan)
        if form.is_valid():
            try:
                services.update_plan(user=request.user, plan=plan, **form.settings())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Pengaturan rencana disimpan."))
                return redirect("schedule-plan", plan_pk=plan.pk)
        return render(request, "scheduling/plans/form.html", {"form": form, "plan": plan}, status=400)


class PlanDetailView(SchedulingView):
    """The plan's workshops (filtered), the hard constraints they break as they stand, its
    versions and its solver job. Queries: a fixed number, whatever the plan's size."""

    def get(self, request, plan_pk):
        plan = get_object_or_404(selectors.plans(), pk=plan_pk)
        provinces = Province.objects.filter(regions__workshops__plan=plan).distinct().order_by("name")
        form = WorkshopFilterForm(request.GET or None, provinces=provinces)
        filters = form.cleaned_data if form.is_valid() else {}
        warnings = services.warnings(plan)
        flagged: dict[int, list[str]] = {}
        for violation in warnings:
            for job_id in violation.jobs:
                flagged.setdefault(job_id, []).append(violation.message)
        workshops = selectors.plan_workshops(plan)
        if filters.get("stage"):
            workshops = workshops.filter(stage=filters["stage"])
        if filters.get("status"):
            workshops = workshops.filter(status=filters["status"])
        if filters.get("province"):
            workshops = workshops.filter(region__province=filters["province"])
        rows = list(workshops)
        for w in rows:
            w.dates = dates_of(w.starts, w.ends)
            w.warnings = flagged.get(w.pk, [])
        can_manage = rules.can_manage_scheduling(request.user)
        versions = list(selectors.versions(plan))
        return render(
            request,
            "scheduling/plans/detail.html",
            {
                "plan": plan,
                "form": form,
                "workshops": rows,
                "filtered": bool(filters and any(filters.values())),
                "warnings": warnings[:WARNINGS_SHOWN],
                "warning_count": len(warnings),
                "versions": versions,
                "job": selectors.active_job(plan) or plan.jobs.first(),
                "can_manage": can_manage,
                "window": date_range((plan.window_start, plan.window_end)),
            },
            status=200 if form.is_valid() or not request.GET else 400,
        )


class PlanSolveView(SchedulingView):
    """ "Usulkan" / "Rencanakan ulang": one job per plan; a second press gets the running job."""

    rule = staticmethod(rules.can_manage_scheduling)

    def post(self, request, plan_pk):
        plan = get_object_or_404(Plan, pk=plan_pk)
        running = selectors.active_job(plan)
        try:
            job = services.start_solve(user=request.user, plan=plan, replan=request.POST.get("replan") == "1")
        except ValidationError as exc:
            flash_service_errors(request, exc, level=messages.WARNING)
            return redirect("schedule-plan", plan_pk=plan.pk)
        if running is not None and running.pk == job.pk:
            messages.info(request, _("Solver sudah menyusun rencana ini; berikut kemajuannya."))
        return redirect("schedule-job", pk=job.pk)


class SolveJobView(SchedulingView):
    """The solver job's progress; the fragment polls itself while the job runs."""

    def get(self, request, pk):
        job = get_object_or_404(SolveJob.objects.select_related("plan", "version"), pk=pk)
        template = "scheduling/plans/_job.html" if request.htmx else "scheduling/plans/job.html"
        return render(request, template, {"job": job, "plan": job.plan})
