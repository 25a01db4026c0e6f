"""Apex pages of a plan's versions: one version with the solver's explanations (status,
objective against bound, conflicts in words, workload chart, what got worse, the reasons of each
workshop), the comparison of two versions, and confirming the latest one."""

from datetime import date
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from platform.forms import flash_service_errors
from programs.scheduling import rules, selectors, services
from programs.scheduling.forms.plans import CompareForm
from programs.scheduling.models import ROMAN, Plan, PlanVersion
from programs.scheduling.views.plans import SchedulingView, dates_of


def facilitator_names() -> dict[int, str]:
    return {f.pk: f.name for f in selectors.facilitators()}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def workload_bars(stats: dict, names: dict[int, str]) -> list[dict]:
    """The workload per facilitator as bars: name, workshops, width in percent of the busiest.

    ``stats["workload"]`` maps a facilitator id (a string, as JSON keeps it) to their number of
    workshops; the busiest first, then by name."""
    workload = {int(pk): int(n) for pk, n in (stats.get("workload") or {}).items()}
    names = {**{int(pk): name for pk, name in (stats.get("names") or {}).items()}, **names}
    top = max(workload.values(), default=0) or 1
    bars = [
        {"name": names.get(pk, _("fasilitator #%(id)s") % {"id": pk}), "count": n, "width": round(100 * n / top)}
        for pk, n in workload.items()
    ]
    return sorted(bars, key=lambda bar: (-bar["count"], bar["name"]))


def gap_percent(version: PlanVersion) -> float | None:
    """How far the objective may still be from the best possible (the solver's bound), in percent."""
    if version.objective is None or version.bound is None or not version.objective:
        return None
    return round(100 * abs(version.objective - version.bound) / abs(version.objective), 1)


class VersionView(SchedulingView):
    def get(self, request, plan_pk, number):
        version = get_object_or_404(
            PlanVersion.objects.select_related("plan", "created_by"), plan_id=plan_pk, number=number
        )
        plan = version.plan
        names = facilitator_names()
        rows = []
        for row in sorted(version.snapshot, key=lambda r: (r["region_name"], r["stage"])):
            rows.append(
                {
                    "id": row["id"],
                    "title": f"Bimtek {ROMAN[row['stage']]} {row['region_name']}",
                    "dates": dates_of(_day(row.get("starts")), _day(row.get("ends"))),
                    "lead": names.get(row.get("lead"), "–") if row.get("lead") else "–",
                    "status": row.get("status"),
                    "reasons": version.reasons.get(str(row["id"]), []),
                }
            )
        newer = PlanVersion.objects.filter(plan=plan, number__gt=version.number).exists()
        previous = PlanVersion.objects.filter(plan=plan, number__lt=version.number).order_by("-number").first()
        stats = version.stats or {}
        can_confirm = (
            rules.can_manage_scheduling(request.user)
            and not newer
            and version.confirmed_at is None
            and version.solver_status not in ("infeasible", "unknown")
        )
        return render(
            request,
            "scheduling/plans/version.html",
            {
                "plan": plan,
                "version": version,
                "rows": rows,
                "bars": workload_bars(stats, names),
                "stats": stats,
                "worse": stats.get("worse") or [],
                "gap": gap_percent(version),
                "previous": previous,
                "is_latest": not newer,
                "can_confirm": can_confirm,
            },
        )


class CompareView(SchedulingView):
    """What changed from version ``a`` to version ``b``, grouped by region."""

    def get(self, request, plan_pk):
        plan = get_object_or_404(Plan, pk=plan_pk)
        numbers = list(PlanVersion.objects.filter(plan=plan).order_by("-number").values_list("number", flat=True))
        asked = "a" in request.GET or "b" in request.GET
        if asked:
            form = CompareForm(request.GET, numbers=numbers)
        else:
            initial = {"b": numbers[0], "a": numbers[1]} if len(numbers) > 1 else {}
            form = CompareForm(initial=initial, numbers=numbers)
        context = {"plan": plan, "form": form, "groups": None, "enough": len(numbers) > 1}
        if asked and not form.is_valid():
            return render(request, "scheduling/plans/compare.html", context, status=400)
        if asked:
            old, new = (
                PlanVersion.objects.only("snapshot", "number").get(plan=plan, number=form.cleaned_data[key])
                for key in ("a", "b")
            )
            names = facilitator_names()
            changes = services.diff(old.snapshot, new.snapshot)
            context.update(
                old=old,
                new=new,
                total=len(changes),
                groups=[
                    (region_name, [change.describe(names) for change in group])
                    for (_code, region_name), group in groupby(changes, key=lambda c: (c.region, c.region_name))
                ],
            )
        return render(request, "scheduling/plans/compare.html", context)


class VersionConfirmView(SchedulingView):
    """Confirm the latest version: statuses, access windows, e-mails; refusals come back as messages."""

    rule = staticmethod(rules.can_manage_scheduling)

    def post(self, request, plan_pk, number):
        version = get_object_or_404(PlanVersion.objects.select_related("plan"), plan_id=plan_pk, number=number)
        try:
            counts = services.confirm_version(user=request.user, version=version)
        except ValidationError as exc:
            flash_service_errors(request, exc, level=messages.WARNING)
        else:
            messages.success(
                request,
                _(
                    "Versi %(n)s dikonfirmasi: %(confirmed)s Bimtek dikonfirmasi; akses ruang kerja "
                    "%(opened)s dibuka, %(moved)s digeser, %(closed)s ditutup."
                )
                % {"n": version.number, **counts},
            )
        return redirect("schedule-version", plan_pk=version.plan_id, number=version.number)
