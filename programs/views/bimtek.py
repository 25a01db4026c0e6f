"""The page of one Bimtek stage: its planned and completed dates (region admins)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from programs import services
from programs.forms import BimtekStageForm
from programs.models import BimtekStage
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
        if form.is_valid():
            try:
                services.update_bimtek_stage(
                    stage=stage,
                    planned_date=form.cleaned_data["planned_date"],
                    completed_on=form.cleaned_data["completed_on"],
                    notes=form.cleaned_data["notes"],
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Bimtek %(stage)s diperbarui.") % {"stage": stage.roman})
                return redirect("home")
        return render(request, "programs/bimtek_stage_form.html", {"stage": stage, "form": form}, status=400)
