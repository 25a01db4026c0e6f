"""Apex pages of one workshop: the hand edit (ministry admins; analysts read), its live
conflict check (htmx posts the unsaved form; nothing is written) and its status actions
(confirm, lock, unlock, cancel, restore)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platform.forms import add_service_errors
from programs.scheduling import rules, services
from programs.scheduling.forms.workshops import WorkshopForm
from programs.scheduling.models import Workshop
from programs.scheduling.solver.text import date_range
from tenants.views_national import NationalView

Status = Workshop.Status

# action -> (the status it asks for, its button label, whether it is a secondary button)
ACTIONS = {
    "confirm": (Status.CONFIRMED, gettext_lazy("Konfirmasi"), False),
    "lock": (Status.LOCKED, gettext_lazy("Kunci"), True),
    "unlock": (Status.CONFIRMED, gettext_lazy("Buka kunci"), False),
    "cancel": (Status.CANCELLED, gettext_lazy("Batalkan"), True),
    "restore": (Status.PROPOSED, gettext_lazy("Kembalikan ke usulan"), True),
}
# The actions offered for each status (the service has the last word on every transition).
OFFERED = {
    Status.PROPOSED: ("confirm", "cancel"),
    Status.CONFIRMED: ("lock", "restore", "cancel"),
    Status.LOCKED: ("unlock",),
    Status.CANCELLED: ("restore",),
}


class WorkshopView(NationalView):
    """Ministry staff read; posting is for ministry admins (others get the apex's 404)."""

    rule = staticmethod(rules.can_view_scheduling)
    write_rule = staticmethod(rules.can_manage_scheduling)

    def test_func(self):
        rule = self.rule if self.request.method in ("GET", "HEAD") else self.write_rule
        return rule(self.request.user)

    def get_workshop(self, plan_pk, pk) -> Workshop:
        return get_object_or_404(
            Workshop.objects.select_related("plan", "region__province", "lead__user", "ministry_rep__user"),
            plan_id=plan_pk,
            pk=pk,
        )

    def page(self, request, workshop, form=None, *, status=200, warnings=None):
        can_edit = rules.can_manage_scheduling(request.user)
        editable = can_edit and workshop.status != Status.LOCKED
        if editable and form is None:
            form = WorkshopForm(workshop=workshop)
        context = {
            "workshop": workshop,
            "plan": workshop.plan,
            "dates": date_range((workshop.starts, workshop.ends)) if workshop.starts else "",
            "co_facilitators": list(workshop.co_facilitators.all()),
            "form": form if editable else None,
            "can_edit": can_edit,
            "actions": [(a, ACTIONS[a][1], ACTIONS[a][2]) for a in OFFERED.get(workshop.status, ())]
            if can_edit
            else [],
            "warnings": services.workshop_warnings(workshop) if warnings is None else warnings,
        }
        return render(request, "scheduling/workshops/edit.html", context, status=status)


class WorkshopEditView(WorkshopView):
    def get(self, request, plan_pk, pk):
        return self.page(request, self.get_workshop(plan_pk, pk))

    def post(self, request, plan_pk, pk):
        workshop = self.get_workshop(plan_pk, pk)
        form = WorkshopForm(request.POST, workshop=workshop)
        if form.is_valid():
            try:
                services.edit_workshop(user=request.user, workshop=workshop, **form.changes())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Perubahan %(workshop)s disimpan.") % {"workshop": workshop})
                return redirect("schedule-workshop-edit", plan_pk=workshop.plan_id, pk=workshop.pk)
        if workshop.status == Status.LOCKED:  # the read-only page has no form to show errors on
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return self.page(request, workshop, form, status=400)


class WorkshopCheckView(WorkshopView):
    """The live warnings of the unsaved form (htmx): the checker on the plan with this edit."""

    rule = staticmethod(rules.can_manage_scheduling)
    http_method_names = ["post"]

    def post(self, request, plan_pk, pk):
        workshop = self.get_workshop(plan_pk, pk)
        form = WorkshopForm(request.POST, workshop=workshop)
        if not form.is_valid():
            return render(
                request, "scheduling/workshops/_warnings.html", {"check_form": form, "live": True}, status=400
            )
        warnings = services.edit_warnings(workshop, **form.hypothetical())
        return render(request, "scheduling/workshops/_warnings.html", {"warnings": warnings, "live": True})


class WorkshopStatusView(WorkshopView):
    rule = staticmethod(rules.can_manage_scheduling)
    http_method_names = ["post"]

    def post(self, request, plan_pk, pk):
        workshop = self.get_workshop(plan_pk, pk)
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            messages.error(request, _("Tindakan tidak dikenal."))
            return self.page(request, workshop, status=400)
        if action == "unlock" and workshop.status != Status.LOCKED:
            messages.error(request, _("Bimtek ini tidak dikunci."))
            return self.page(request, workshop, status=400)
        try:
            services.edit_workshop(user=request.user, workshop=workshop, status=ACTIONS[action][0])
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return self.page(request, workshop, status=400)
        workshop.refresh_from_db(fields=["status"])
        messages.success(
            request,
            _("%(workshop)s kini berstatus %(status)s.")
            % {"workshop": workshop, "status": workshop.get_status_display()},
        )
        return redirect("schedule-workshop-edit", plan_pk=workshop.plan_id, pk=workshop.pk)
