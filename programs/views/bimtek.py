"""The page of one Bimtek stage: its planned and completed dates (region admins)."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from programs import services
from programs.forms import BimtekStageForm
from programs.models import BimtekStage
from programs.views.base import actor_of, save_form
from tenants.views_workspace import WorkspaceView


class BimtekStageEditView(WorkspaceView):
    capability = "can_edit_workspace"

    def get(self, request, number):
        stage = get_object_or_404(BimtekStage, number=number)
        return render(
            request, "programs/bimtek_stage_form.html", {"stage": stage, "form": BimtekStageForm(instance=stage)}
        )

    def post(self, request, number):
        stage = get_object_or_404(BimtekStage, number=number)
        form = BimtekStageForm(request.POST, instance=BimtekStage.objects.get(pk=stage.pk))
        if save_form(
            request,
            form,
            lambda data: services.update_bimtek_stage(actor=actor_of(request), stage=stage, **data),
            success=_("Bimtek %(stage)s diperbarui.") % {"stage": stage.roman},
        ):
            return redirect("home")
        return render(request, "programs/bimtek_stage_form.html", {"stage": stage, "form": form}, status=400)
