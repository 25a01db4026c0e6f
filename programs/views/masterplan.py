"""The masterplan as a whole: its status and workflow, the Bimtek checklist, every change."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from platform.forms import add_service_errors
from programs import checklist, selectors, services
from programs.forms import TransitionForm
from programs.forms.summary import error_summary
from programs.services.workflow import GUARDED
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
                "actions": [
                    (action, len(checklist.failing_before(action, stages)))
                    for action in services.allowed_actions(actor=actor_of(request), masterplan=masterplan)
                ],
                "transitions": selectors.transitions()[:50],
                "stages": stages,
                "completeness": checklist.completeness(stages),
                "transition_form": TransitionForm(),
            },
        )


class MasterplanTransitionView(WorkspaceView):
    """Any member may ask (the API's capability too); the service refuses whoever may not take
    the step, with a reason. A guarded step with checklist items failing answers with a second
    page listing them: only its confirmation, with a reason, goes ahead."""

    write_capability = "can_take_workflow_steps"

    def post(self, request):
        form = TransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect("masterplan")
        data = form.cleaned_data
        try:
            masterplan = services.transition_masterplan(
                actor=actor_of(request),
                action=data["action"],
                reason=data["reason"],
                acknowledge_failing=data["acknowledge_failing"] and data["confirming"],
            )
        except ValidationError as exc:
            if data["action"] in GUARDED and _asks_confirmation(exc):
                return self.confirmation(request, data, exc if data["confirming"] else None)
            flash_refusal(request, exc)
        except PermissionDenied as exc:
            flash_refusal(request, exc)
        else:
            messages.success(
                request, _("Status masterplan: %(status)s.") % {"status": masterplan.get_status_display().lower()}
            )
        return redirect("masterplan")

    def confirmation(self, request, data, exc):
        """The failing items and the confirmation form; the service's refusal on its fields
        once the user has seen the list."""
        form = TransitionForm(initial={"action": data["action"], "reason": data["reason"], "confirming": True})
        if exc is not None:
            form = TransitionForm({**data, "confirming": True})
            form.is_valid()
            add_service_errors(form, exc)
        context = {
            "form": form,
            "action": data["action"],
            "failing": checklist.failing_before(data["action"]),
            "problems": error_summary(form),
        }
        return render(request, "programs/masterplan_confirm.html", context, status=400 if exc else 200)


def _asks_confirmation(exc: ValidationError) -> bool:
    return hasattr(exc, "error_dict") and bool({"acknowledge_failing", "reason"} & set(exc.error_dict))


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
