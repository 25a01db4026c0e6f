"""Workspace pages of assessments: cycles, the self-assessment, verification, evidence.

The membership gate has already run; each view names the capability it needs
(``tenants.selectors.WorkspaceAccess``) and calls a service for every write.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from assessments import rules, selectors, services
from assessments.forms import CycleStartForm, EvidenceForm, SelfAssessmentForm, StateChangeForm, VerificationForm
from assessments.framework import charts, exports
from assessments.framework import selectors as framework_selectors
from assessments.models import AssessmentCycle, AssessmentResponse, Evidence
from tenants.views_workspace import WorkspaceView


def _form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _cycle_or_404(pk) -> AssessmentCycle:
    try:
        return selectors.cycle_with_responses(pk=pk)
    except AssessmentCycle.DoesNotExist:
        raise Http404() from None


class AssessmentHomeView(WorkspaceView):
    def get(self, request):
        return render(request, "assessments/home.html", self.context(request, CycleStartForm()))

    @staticmethod
    def context(request, form):
        region = request.tenant.region
        cycles = list(selectors.cycles())
        history = list(selectors.published_history(region=region))
        snapshots = list(framework_selectors.snapshots_of(codes=[region.code]))
        trend_svg = ""
        if snapshots:
            trend_svg = charts.trend(
                periods=[s.period_label for s in snapshots],
                series=[(region.name, [s.overall for s in snapshots])],
                scale_max=max((c.framework_version.scale_max for c in cycles), default=4),
                title=_("Tren indeks %(region)s") % {"region": region.name},
            )
        return {
            "region": region,
            "cycles": cycles,
            "history": history,
            "snapshots": snapshots,
            "trend_svg": trend_svg,
            "standing": framework_selectors.cohort_standing(region=region),
            "published_periods": framework_selectors.published_periods(),
            "form": form,
        }


class CycleStartView(WorkspaceView):
    capability = "can_start_assessment"

    def get(self, request):
        return render(request, "assessments/cycle_start.html", {"form": CycleStartForm()})

    def post(self, request):
        form = CycleStartForm(request.POST)
        if form.is_valid():
            try:
                cycle = services.start_cycle(
                    framework_version=form.cleaned_data["framework_version"],
                    year=form.cleaned_data["year"],
                    stage=form.cleaned_data["stage"],
                    actor=request.user,
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Siklus penilaian %(cycle)s dibuka.") % {"cycle": cycle})
                return redirect("assessment-cycle", cycle_pk=cycle.pk)
        return render(request, "assessments/cycle_start.html", {"form": form}, status=400)


class CycleDetailView(WorkspaceView):
    def get(self, request, cycle_pk):
        cycle = _cycle_or_404(cycle_pk)
        result = selectors.cycle_index(cycle=cycle)
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            return self.export(cycle, result, fmt)
        access = request.access
        actions = [a for a in services.TRANSITIONS if cycle.state in services.TRANSITIONS[a][0]]
        dims = [(f.code, f.name) for f in result.dimensions]
        radar_svg = charts.radar(
            axes=dims,
            series=[(str(cycle), {f.code: f.value for f in result.dimensions})],
            scale_max=cycle.framework_version.scale_max,
            title=_("Skor per dimensi"),
        )
        return render(
            request,
            "assessments/cycle_detail.html",
            {
                "cycle": cycle,
                "version": cycle.framework_version,
                "responses": cycle.responses.all(),
                "result": result,
                "uses_verified": selectors.uses_verified_scores(cycle),
                "actions": [a for a in actions if rules.can_change_state(access, a)],
                "events": selectors.cycle_events(cycle=cycle)[:20],
                "radar_svg": radar_svg,
                "form": StateChangeForm(),
            },
        )

    @staticmethod
    def export(cycle, result, fmt):
        """The cycle's indicators with both scores, then the computed figures."""
        header = ["indicator", "component", "dimension", "subdimension", "self_score", "verified_score", "evidence"]
        rows = [
            [
                r.indicator.code,
                r.indicator.component.code,
                r.indicator.subdimension.dimension.code,
                r.indicator.subdimension.code,
                r.self_score,
                r.verified_score,
                " | ".join(filter(None, [r.evidence_text, *r.links, *(f.name for f in r.files.all())])),
            ]
            for r in cycle.responses.all()
        ]
        rows += [[f"component:{f.code}", "", "", "", f.value, "", f.how] for f in result.components]
        rows += [[f"dimension:{f.code}", "", "", "", f.value, "", f.how] for f in result.dimensions]
        rows.append(["overall", "", "", "", result.overall, "", result.how])
        return exports.table_response(
            filename=f"penilaian-{cycle.year}-{cycle.stage}", header=header, rows=rows, fmt=fmt
        )


class CycleStateView(WorkspaceView):
    def post(self, request, cycle_pk):
        cycle = _cycle_or_404(cycle_pk)
        form = StateChangeForm(request.POST)
        action = request.POST.get("action", "")
        if action not in rules.ACTION_CAPABILITY:
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect("assessment-cycle", cycle_pk=cycle.pk)
        if not rules.can_change_state(request.access, action):
            raise Http404()
        if form.is_valid():
            try:
                services.change_state(
                    cycle=cycle, action=action, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Status siklus diperbarui."))
        return redirect("assessment-cycle", cycle_pk=cycle.pk)


class ResponseView(WorkspaceView):
    """One indicator: the self-assessment (region), the verification (assessor), the files."""

    def _response(self, cycle_pk, response_pk) -> AssessmentResponse:
        try:
            return selectors.response_in(cycle_pk=cycle_pk, pk=response_pk)
        except AssessmentResponse.DoesNotExist:
            raise Http404() from None

    def get(self, request, cycle_pk, response_pk):
        response = self._response(cycle_pk, response_pk)
        return self._render(request, response)

    def post(self, request, cycle_pk, response_pk):
        response = self._response(cycle_pk, response_pk)
        part = request.POST.get("part")
        access = request.access
        forms = {}
        if part == "self" and access.can_self_assess:
            form = forms["self_form"] = SelfAssessmentForm(request.POST)
            call = lambda d: services.save_self_assessment(  # noqa: E731
                response=response,
                score=d["self_score"],
                evidence_text=d["evidence_text"],
                evidence_links=d["evidence_links"],
                actor=request.user,
            )
        elif part == "verify" and access.can_verify:
            form = forms["verify_form"] = VerificationForm(request.POST)
            call = lambda d: services.save_verification(  # noqa: E731
                response=response, score=d["verified_score"], notes=d["assessor_notes"], actor=request.user
            )
        elif part == "evidence" and access.can_self_assess:
            form = forms["evidence_form"] = EvidenceForm(request.POST, request.FILES)
            call = lambda d: services.add_evidence(response=response, upload=d["file"], actor=request.user)  # noqa: E731
        else:
            raise Http404()
        if form.is_valid():
            try:
                call(form.cleaned_data)
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Tersimpan."))
                return redirect("assessment-response", cycle_pk=cycle_pk, response_pk=response.pk)
        return self._render(request, response, status=400, **forms)

    def _render(self, request, response, status=200, **forms):
        cycle = response.cycle
        context = {
            "cycle": cycle,
            "version": cycle.framework_version,
            "response": response,
            "indicator": response.indicator,
            "files": list(response.files.all()),
            "can_edit_self": request.access.can_self_assess and cycle.state == AssessmentCycle.State.OPEN,
            "can_verify": request.access.can_verify and cycle.state == AssessmentCycle.State.SELF_ASSESSED,
            "self_form": SelfAssessmentForm(
                initial={
                    "self_score": response.self_score,
                    "evidence_text": response.evidence_text,
                    "evidence_links": response.evidence_links,
                }
            ),
            "verify_form": VerificationForm(
                initial={"verified_score": response.verified_score, "assessor_notes": response.assessor_notes}
            ),
            "evidence_form": EvidenceForm(),
        }
        context.update(forms)
        return render(request, "assessments/response.html", context, status=status)


def _evidence_or_404(pk) -> Evidence:
    try:
        return Evidence.objects.select_related("response__cycle").get(pk=pk)
    except Evidence.DoesNotExist:
        raise Http404() from None


class EvidenceDownloadView(WorkspaceView):
    """Evidence files are never served by the web server: only here, behind the gate."""

    def get(self, request, evidence_pk):
        evidence = _evidence_or_404(evidence_pk)
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError:
            raise Http404() from None
        response = FileResponse(handle, as_attachment=True, filename=evidence.name, content_type=evidence.content_type)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class EvidenceDeleteView(WorkspaceView):
    capability = "can_self_assess"

    def post(self, request, evidence_pk):
        evidence = _evidence_or_404(evidence_pk)
        try:
            services.remove_evidence(evidence=evidence, actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Berkas dihapus."))
        return redirect("assessment-response", cycle_pk=evidence.response.cycle_id, response_pk=evidence.response_id)


class PublishedRankingView(WorkspaceView):
    """The national ranking of a period the ministry has published, read from a workspace:
    every ranked region's rank and index (no responses, no evidence); this region stands out."""

    def get(self, request, period):
        parsed = framework_selectors.Period.parse(period)
        if parsed is None or framework_selectors.publication_of(parsed) is None:
            raise Http404()
        rows = framework_selectors.ranking(period=parsed, previous=None)
        return render(
            request,
            "assessments/published_ranking.html",
            {"period": parsed, "rows": rows, "own_code": request.tenant.region_id},
        )
