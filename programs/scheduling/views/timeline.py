"""Apex timelines: a plan's (rows are facilitators, bars are workshops, conflicts marked) for
ministry staff, and a facilitator's own workshops across plans ("my workshops"), which ministry
staff may open for any facilitator. Each page runs a fixed number of queries."""

from collections import defaultdict
from datetime import date

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs.scheduling import rules, selectors, services, timeline
from programs.scheduling.models import Facilitator, NationalHoliday, Plan, Unavailability, Workshop
from tenants.models import Membership
from tenants.views_national import NationalView

ROLE_LABELS = {
    timeline.LEAD: gettext_lazy("Pemimpin"),
    timeline.CO: gettext_lazy("Pendamping"),
    timeline.REP: gettext_lazy("Wakil kementerian"),
}


def unavailable_between(person_ids, start: date, end: date) -> dict[int, list[tuple[date, date, str]]]:
    """person id -> their unavailable ranges that touch ``start…end`` (one query)."""
    ranges = defaultdict(list)
    rows = Unavailability.objects.filter(facilitator_id__in=person_ids, starts__lte=end, ends__gte=start)
    for u in rows.order_by("starts"):
        ranges[u.facilitator_id].append((u.starts, u.ends, u.reason))
    return ranges


def holidays_between(start: date, end: date) -> dict[date, str]:
    return dict(NationalHoliday.objects.filter(date__range=(start, end)).values_list("date", "name"))


class PlanTimelineView(NationalView):
    rule = staticmethod(rules.can_view_scheduling)

    def get(self, request, plan_pk):
        plan = get_object_or_404(Plan.objects.select_related("cohort"), pk=plan_pk)
        workshops = list(selectors.plan_workshops(plan))
        active = [w for w in workshops if w.status != Workshop.Status.CANCELLED]
        names = timeline.names_of(active)
        items = [timeline.item_of(w) for w in active]
        violations = services.warnings(plan)
        chart = timeline.build(
            start=plan.window_start,
            end=plan.window_end,
            items=items,
            names=names,
            violations=violations,
            unavailable=unavailable_between(names, plan.window_start, plan.window_end),
            holidays=holidays_between(plan.window_start, plan.window_end),
            unassigned_label=_("Belum ada pemimpin"),
        )
        labels = {item.id: item.label for item in items}
        return render(
            request,
            "scheduling/timeline/plan.html",
            {
                "plan": plan,
                "chart": chart,
                "edit_links": True,
                "warnings": [(v.message, [(pk, labels.get(pk, pk)) for pk in v.jobs]) for v in violations],
                "cancelled": [timeline.item_of(w) for w in workshops if w.status == Workshop.Status.CANCELLED],
            },
        )


def region_admin_emails(region_ids) -> dict[str, list[str]]:
    """region code -> e-mail addresses of its workspace's current region admins (one query)."""
    emails = defaultdict(list)
    admins = (
        Membership.objects.filter(role=Membership.Role.REGION_ADMIN, workspace__region_id__in=region_ids)
        .select_related("user", "workspace")
        .order_by("user__email")
    )
    for membership in admins:
        if membership.is_current() and membership.user.is_active:
            emails[membership.workspace.region_id].append(membership.user.email)
    return emails


class FacilitatorWorkshopsView(NationalView):
    """A facilitator's workshops of every plan (not cancelled): one timeline row per plan and
    the list with the region's time zone, the venue, their role and the region's contacts."""

    rule = staticmethod(rules.can_view_scheduling)
    own = False

    def get_facilitator(self, request, pk) -> Facilitator:
        return get_object_or_404(selectors.facilitators(), pk=pk)

    def get(self, request, pk=None):
        facilitator = self.get_facilitator(request, pk)
        workshops = list(selectors.workshops_of_facilitator(facilitator))
        placed = [w for w in workshops if w.starts is not None]
        unavailable, holidays = {}, {}
        if placed:
            first = min([w.starts for w in placed] + [w.plan.window_start for w in placed])
            last = max([w.ends for w in placed] + [w.plan.window_end for w in placed])
            unavailable = unavailable_between([facilitator.pk], first, last)
            holidays = holidays_between(first, last)
        by_plan: dict[int, list[Workshop]] = {}
        for w in sorted(workshops, key=lambda w: (-w.plan.window_start.toordinal(), w.plan_id)):
            by_plan.setdefault(w.plan_id, []).append(w)
        charts = [
            (
                group[0].plan,
                timeline.build(
                    start=group[0].plan.window_start,
                    end=group[0].plan.window_end,
                    items=[timeline.item_of(w) for w in group],
                    names={facilitator.pk: facilitator.name},
                    unavailable=unavailable,
                    holidays=holidays,
                    persons=[facilitator.pk],
                ),
            )
            for group in by_plan.values()
        ]
        contacts = region_admin_emails({w.region_id for w in workshops})
        rows = [
            {
                "workshop": w,
                "item": timeline.item_of(w),
                "role": ROLE_LABELS.get(timeline.item_of(w).role_of(facilitator.pk), ""),
                "timezone": w.region.province.get_timezone_display(),
                "contacts": contacts.get(w.region_id, []),
            }
            for w in workshops
        ]
        return render(
            request,
            "scheduling/timeline/facilitator.html",
            {
                "facilitator": facilitator,
                "own": self.own,
                "charts": charts,
                "rows": rows,
                "edit_links": rules.can_view_scheduling(request.user),
            },
        )


class MyWorkshopsView(FacilitatorWorkshopsView):
    """ "My workshops": only for a user with a registry entry; anyone else gets 404."""

    rule = staticmethod(rules.is_facilitator)
    own = True

    def get_facilitator(self, request, pk) -> Facilitator:
        return get_object_or_404(selectors.facilitators(), pk=rules.facilitator_of(request.user).pk)
