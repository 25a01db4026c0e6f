"""Quick wins with their heat maps, and the risk register of each quick win."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from programs import charts, rules, selectors, services
from programs.forms import RiskForm
from programs.models import Comment, Program, Risk
from programs.views.base import actor_of, add_errors, comment_context
from tenants.views_workspace import WorkspaceView


class QuickWinsView(WorkspaceView):
    def get(self, request):
        quick_wins = list(selectors.quick_wins())
        all_risks = [r for p in quick_wins for r in p.risks.all()]
        return render(
            request,
            "programs/quick_wins.html",
            {
                "quick_wins": [(p, charts.heat_map_svg(risks=p.risks.all())) for p in quick_wins],
                "heat_map": charts.heat_map_svg(risks=all_risks),
                "risk_count": len(all_risks),
                **comment_context(request, section=Comment.Section.QUICK_WINS),
            },
        )


class RiskFormView(WorkspaceView):
    capability = "can_edit_programs"

    def _objects(self, program_pk, risk_pk):
        program = get_object_or_404(Program, pk=program_pk)
        if not rules.can_edit_program(actor_of(self.request), program):
            raise Http404()
        risk = get_object_or_404(Risk, pk=risk_pk, program=program) if risk_pk else None
        return program, risk

    def dispatch(self, request, *args, **kwargs):
        if request.access.can_edit_programs and not selectors.masterplan().is_editable:
            messages.warning(request, _("Masterplan sedang tidak dalam status draf: risiko hanya dapat dibaca."))
            return redirect("quick-wins")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, program_pk, risk_pk=None):
        program, risk = self._objects(program_pk, risk_pk)
        if not program.is_quick_win:
            messages.warning(request, _("Daftar risiko hanya untuk program quick win."))
            return redirect("program-detail", program_pk=program.pk)
        return render(
            request, "programs/risk_form.html", {"program": program, "risk": risk, "form": RiskForm(instance=risk)}
        )

    def post(self, request, program_pk, risk_pk=None):
        program, risk = self._objects(program_pk, risk_pk)
        form = RiskForm(request.POST, instance=risk)
        if form.is_valid():
            try:
                services.save_risk(actor=actor_of(request), program=program, risk=risk, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Risiko disimpan."))
                return redirect(reverse("program-detail", kwargs={"program_pk": program.pk}) + "#risks")
        context = {"program": program, "risk": risk, "form": form}
        return render(request, "programs/risk_form.html", context, status=400)


class RiskDeleteView(WorkspaceView):
    capability = "can_edit_programs"

    def post(self, request, program_pk, risk_pk):
        risk = get_object_or_404(Risk.objects.select_related("program"), pk=risk_pk, program_id=program_pk)
        if not rules.can_edit_program(actor_of(request), risk.program):
            raise Http404()
        try:
            services.delete_risk(actor=actor_of(request), risk=risk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Risiko dihapus."))
        return redirect("program-detail", program_pk=program_pk)
