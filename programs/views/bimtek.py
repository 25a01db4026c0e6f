"""The page of one Bimtek stage: its planned and completed dates (region admins). Where the
ministry's plan schedules the stage, the page shows the plan's dates and keeps the planned
date as it is (the plan is the one source of truth)."""

import copy

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from programs import access, services
from programs.forms import BimtekStageForm
from programs.services.bimtek import stage_workshop
from programs.views.base import actor_of, save_form
from tenants.views_workspace import WorkspaceView


class BimtekStageEditView(WorkspaceView):
    capability = "can_edit_workspace"

    def get(self, request, number):
        stage = access.access_bimtek_stage_for_edit(actor_of(request), number)
        workshop = stage_workshop(stage)
        form = BimtekStageForm(instance=stage, workshop=workshop)
        return self._render(request, stage, workshop, form)

    def post(self, request, number):
        stage = access.access_bimtek_stage_for_edit(actor_of(request), number)
        workshop = stage_workshop(stage)
        # the form validates a copy: a refused save shows the stage as stored
        form = BimtekStageForm(request.POST, instance=copy.copy(stage), workshop=workshop)
        if save_form(
            request,
            form,
            lambda data: services.update_bimtek_stage(actor=actor_of(request), stage=stage, **data),
            success=_("Bimtek %(stage)s diperbarui.") % {"stage": stage.roman},
        ):
            return redirect("home")
        return self._render(request, stage, workshop, form, status=400)

    def _render(self, request, stage, workshop, form, status=200):
        return render(
            request,
            "programs/bimtek_stage_form.html",
            {"stage": stage, "workshop": workshop, "form": form},
            status=status,
        )
