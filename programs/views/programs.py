"""Programs (*lembar inovasi*): the list, one program, its form and its deletion."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platform.forms import add_service_errors
from programs import access, charts, rules, selectors, services
from programs.forms import (
    FundingFormSet,
    IndicatorFormSet,
    MilestoneFormSet,
    ProgramFilterForm,
    ProgramForm,
    format_targets,
    rows_of,
)
from programs.forms.summary import error_summary
from programs.models import Opd, Program
from programs.views.base import DraftOnlyView, actor_of, comment_context, run_action
from tenants.views_workspace import WorkspaceView


class ProgramListView(WorkspaceView):
    def get(self, request):
        form = ProgramFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        quick_win = {"1": True, "0": False}.get(filters.get("quick_win") or "")
        programs = selectors.programs(
            dimension=filters.get("dimension") or "",
            opd=filters["opd"].pk if filters.get("opd") else None,
            horizon=filters.get("horizon") or "",
            quick_win=quick_win,
            query=filters.get("q") or "",
        )
        page = Paginator(programs, 50).get_page(request.GET.get("page"))
        actor = actor_of(request)
        editable = set()
        if request.access.can("can_edit_programs"):
            editable = {p.pk for p in page if rules.can_edit_program(actor, p)}
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "programs/program_list.html",
            {
                "form": form,
                "page": page,
                "query": query.urlencode(),
                "can_create": rules.can_create_program(actor),
                "editable": editable,
                "marks_editable": request.access.can("can_edit_programs") and not actor.access.can_edit_masterplan,
                "masterplan": selectors.masterplan(),
            },
        )


class ProgramDetailView(WorkspaceView):
    def get(self, request, program_pk):
        try:
            program = selectors.program_detail(program_pk)
        except Program.DoesNotExist:
            raise Http404() from None
        masterplan = selectors.masterplan()
        return render(
            request,
            "programs/program_detail.html",
            {
                "program": program,
                "masterplan": masterplan,
                "can_edit": masterplan.is_editable and rules.can_edit_program(actor_of(request), program),
                "heat_map": charts.heat_map_svg(risks=program.risks.all()) if program.is_quick_win else "",
                **comment_context(request, program=program),
            },
        )


class NotYourProgram(Exception):
    """A program the member may read but not change (an OPD editor and another OPD's program)."""

    def __init__(self, program):
        super().__init__(program.pk)
        self.program = program


class ProgramFormView(DraftOnlyView):
    """Create and edit a program with its indicators, funding and milestones in one form."""

    capability = "can_edit_programs"
    read_url = "program-list"
    read_only_message = gettext_lazy("Masterplan sedang tidak dalam status draf: program hanya dapat dibaca.")

    def _program(self, program_pk):
        if program_pk is None:
            access.access_new_program(self.actor)
            return None
        try:
            return access.access_program_for_edit(self.actor, program_pk)
        except Http404:
            # Every member reads every program, so naming why this one is not theirs to
            # change confirms nothing; a missing program stays the plain 404.
            raise NotYourProgram(access.access_program(self.actor, program_pk)) from None

    def _not_yours(self, program):
        return render(
            self.request,
            "programs/program_not_yours.html",
            {"program": program, "own_opd": Opd.objects.filter(pk=self.actor.opd_id).first()},
            status=403,
        )

    def _lead_opds(self):
        return selectors.lead_opds(self.actor)

    def _forms(self, program, data=None):
        if data is not None:
            return (
                ProgramForm(data, instance=program, lead_opds=self._lead_opds(), prefix="p"),
                IndicatorFormSet(data, prefix="ind"),
                FundingFormSet(data, prefix="fund"),
                MilestoneFormSet(data, prefix="ms"),
            )
        if program is None:
            initial = {"version": None, "lead_opd": self.actor.opd_id}
            return (
                ProgramForm(initial=initial, lead_opds=self._lead_opds(), prefix="p"),
                IndicatorFormSet(prefix="ind"),
                FundingFormSet(prefix="fund"),
                MilestoneFormSet(prefix="ms"),
            )
        return (
            ProgramForm(
                instance=program, initial={"version": program.version}, lead_opds=self._lead_opds(), prefix="p"
            ),
            IndicatorFormSet(
                prefix="ind",
                initial=[
                    {
                        "name": i.name,
                        "unit": i.unit,
                        "baseline": i.baseline,
                        "baseline_year": i.baseline_year,
                        "targets": format_targets(i.targets),
                    }
                    for i in program.indicators.all()
                ],
            ),
            FundingFormSet(
                prefix="fund",
                initial=[{"source": f.source_id, "year": f.year, "amount": f.amount} for f in program.funding.all()],
            ),
            MilestoneFormSet(
                prefix="ms",
                initial=[
                    {"title": m.title, "year": m.year, "quarter": m.quarter, "progress": m.progress}
                    for m in program.milestones.all()
                ],
            ),
        )

    def _render(self, program, forms, status=200):
        form, indicators, funding, milestones = forms
        return render(
            self.request,
            "programs/program_form.html",
            {
                "program": program,
                "form": form,
                "indicators": indicators,
                "funding": funding,
                "milestones": milestones,
                "problems": error_summary(
                    form,
                    (_("Indikator"), "indicators", indicators),
                    (_("Pembiayaan"), "funding", funding),
                    (_("Tahapan"), "milestones", milestones),
                ),
            },
            status=status,
        )

    def get(self, request, program_pk=None):
        self.actor = actor_of(request)
        try:
            program = self._program(program_pk)
        except NotYourProgram as refusal:
            return self._not_yours(refusal.program)
        return self._render(program, self._forms(program))

    def post(self, request, program_pk=None):
        self.actor = actor_of(request)
        try:
            program = self._program(program_pk)
        except NotYourProgram as refusal:
            return self._not_yours(refusal.program)
        forms = self._forms(program, request.POST)
        form, indicators, funding, milestones = forms
        if not all(f.is_valid() for f in forms):
            return self._render(program, forms, status=400)
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        data.update(indicators=rows_of(indicators), funding=rows_of(funding), milestones=rows_of(milestones))
        try:
            saved = services.save_program(
                actor=self.actor, data=data, program=program, expected_version=form.cleaned_data.get("version")
            )
        except services.StaleVersionError as exc:
            form.add_error(None, exc.message)
            return self._render(program, forms, status=409)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self._render(program, forms, status=400)
        messages.success(request, _("Program %(title)s disimpan.") % {"title": saved.title})
        return redirect("program-detail", program_pk=saved.pk)


class ProgramDeleteView(WorkspaceView):
    capability = "can_edit_programs"

    def post(self, request, program_pk):
        actor = actor_of(request)
        program = access.access_program_for_edit(actor, program_pk)
        if run_action(
            request,
            lambda: services.delete_program(actor=actor, program=program),
            success=_("Program %(title)s dihapus.") % {"title": program.title},
        ):
            return redirect("program-list")
        return redirect("program-detail", program_pk=program.pk)
