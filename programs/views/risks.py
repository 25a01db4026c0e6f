"""Quick wins with their heat maps, and the risk register of each quick win."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs import access, charts, selectors, services
from programs.forms import RiskForm
from programs.models import Comment
from programs.views.base import DraftOnlyView, actor_of, comment_context, run_action, save_form
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


class RiskFormView(DraftOnlyView):
    capability = "can_edit_programs"
    read_url = "quick-wins"
    read_only_message = gettext_lazy("Masterplan sedang tidak dalam status draf: risiko hanya dapat dibaca.")

    def _objects(self, program_pk, risk_pk):
        actor = actor_of(self.request)
        if risk_pk is None:
            return access.access_program_for_edit(actor, program_pk), None
        risk = access.access_risk_for_edit(actor, program_pk, risk_pk)
        return risk.program, risk

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
        if save_form(
            request,
            form,
            lambda data: services.save_risk(actor=actor_of(request), program=program, risk=risk, **data),
            success=_("Risiko disimpan."),
        ):
            return redirect(reverse("program-detail", kwargs={"program_pk": program.pk}) + "#risks")
        context = {"program": program, "risk": risk, "form": form}
        return render(request, "programs/risk_form.html", context, status=400)


class RiskDeleteView(WorkspaceView):
    capability = "can_edit_programs"

    def post(self, request, program_pk, risk_pk):
        actor = actor_of(request)
        risk = access.access_risk_for_edit(actor, program_pk, risk_pk)
        run_action(request, lambda: services.delete_risk(actor=actor, risk=risk), success=_("Risiko dihapus."))
        return redirect("program-detail", program_pk=program_pk)
