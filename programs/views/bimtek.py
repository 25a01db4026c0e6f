"""The page of one Bimtek stage: its planned and completed dates (region admins)."""

import copy

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from programs import access, services
from programs.forms import BimtekStageForm
from programs.views.base import actor_of, save_form
from tenants.views_workspace import WorkspaceView


class BimtekStageEditView(WorkspaceView):
    capability = "can_edit_workspace"

    def get(self, request, number):
        stage = access.access_bimtek_stage_for_edit(actor_of(request), number)
        return render(
            request, "programs/bimtek_stage_form.html", {"stage": stage, "form": BimtekStageForm(instance=stage)}
        )

    def post(self, request, number):
        stage = access.access_bimtek_stage_for_edit(actor_of(request), number)
        # the form validates a copy: a refused save shows the stage as stored
        form = BimtekStageForm(request.POST, instance=copy.copy(stage))
        if save_form(
            request,
            form,
            lambda data: services.update_bimtek_stage(actor=actor_of(request), stage=stage, **data),
            success=_("Bimtek %(stage)s diperbarui.") % {"stage": stage.roman},
        ):
            return redirect("home")
        return render(request, "programs/bimtek_stage_form.html", {"stage": stage, "form": form}, status=400)
