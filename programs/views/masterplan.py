"""The masterplan as a whole: its status and workflow, the Bimtek checklist, every change."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from programs import checklist, selectors, services
from programs.forms import TransitionForm
from programs.views.base import actor_of
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
    """Any member may post; the service refuses whoever may not take the step, with a reason."""

    def post(self, request):
        form = TransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect("masterplan")
        try:
            masterplan = services.transition_masterplan(
                actor=actor_of(request), action=form.cleaned_data["action"], reason=form.cleaned_data["reason"]
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Status masterplan: %(status)s.") % {"status": masterplan.get_status_display().lower()}
            )
        return redirect("masterplan")


class ChecklistView(WorkspaceView):
    def get(self, request):
        stages = checklist.bimtek_checklist()
        return render(
            request,
            "programs/checklist.html",
            {"stages": stages, "completeness": checklist.completeness(stages)},
        )


class ChangesView(WorkspaceView):
    """Every change to the masterplan: who, when, what, and which fields."""

    def get(self, request):
        return render(request, "programs/changes.html", {"changes": selectors.recent_changes(limit=200)})
