"""The masterplan as a whole: its status and workflow, the Bimtek checklist, every change."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from programs import checklist, selectors, services
from programs.forms import TransitionForm
from programs.views.base import actor_of, flash_refusal
from tenants.views_workspace import WorkspaceView


class MasterplanView(WorkspaceView):
    def get(self, request):
        masterplan = selectors.masterplan()
        stages = checklist.bimtek_checklist()
        return render(
            request,
            "programs/masterplan.html",
            {
                "masterplan": masterplan,
                "actions": services.allowed_actions(actor=actor_of(request), masterplan=masterplan),
                "transitions": selectors.transitions()[:50],
                "stages": stages,
                "completeness": checklist.completeness(stages),
                "transition_form": TransitionForm(),
            },
        )


class MasterplanTransitionView(WorkspaceView):
    """Any member may ask (the API's capability too); the service refuses whoever may not take
    the step, with a reason."""

    write_capability = "can_take_workflow_steps"

    def post(self, request):
        form = TransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect("masterplan")
        try:
            masterplan = services.transition_masterplan(
                actor=actor_of(request), action=form.cleaned_data["action"], reason=form.cleaned_data["reason"]
            )
        except (PermissionDenied, ValidationError) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(
                request, _("Status masterplan: %(status)s.") % {"status": masterplan.get_status_display().lower()}
            )
        return redirect("masterplan")


class ChecklistView(WorkspaceView):
    """The Bimtek checklist: what each stage still misses, and how complete the masterplan is."""

    def get(self, request):
        stages = checklist.bimtek_checklist()
        context = {"stages": stages, "completeness": checklist.completeness(stages)}
        return render(request, "programs/checklist.html", context)


class ChangesView(WorkspaceView):
    """Every change to the masterplan: who, when, what, and which fields."""

    def get(self, request):
        return render(request, "programs/changes.html", {"changes": selectors.recent_changes(limit=200)})
