"""Workspace pages of assessments: cycles, the self-assessment, verification, evidence.

The membership gate has already run; each view declares the capability it needs where one
capability covers it, fetches its object through ``assessments.access`` (the same 404 for
missing and refused) and calls a service for every write.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from assessments import access, rules, selectors, services
from assessments.forms import CycleStartForm, EvidenceForm, SelfAssessmentForm, StateChangeForm, VerificationForm
from assessments.framework import charts
from assessments.framework import selectors as framework_selectors
from assessments.models import AssessmentCycle
from platform import exports
from platform.forms import add_service_errors, flash_service_errors
from tenants.views_workspace import WorkspaceView, actor_of


class AssessmentHomeView(WorkspaceView):
    def get(self, request):
        region = request.tenant.region
        cycles = list(selectors.cycles())
        snapshots = list(framework_selectors.snapshots_of(codes=[region.code]))
        trend_svg = ""
        if snapshots:
            axis, series = charts.on_axis([(region.name, {(s.year, s.stage): s.overall for s in snapshots})])
            trend_svg = charts.trend(
                periods=[framework_selectors.Period(y, st).label for y, st in axis],
                series=series,
                scale_max=max((c.framework_version.scale_max for c in cycles), default=4),
                title=_("Tren indeks %(region)s") % {"region": region.name},
            )
        context = {
            "region": region,
            "cycles": cycles,
            "history": list(selectors.published_history(region=region)),
            "snapshots": snapshots,
            "trend_svg": trend_svg,
            "standing": framework_selectors.cohort_standing(region=region),
            "published_periods": framework_selectors.published_periods(),
            "form": CycleStartForm(),
        }
        return render(request, "assessments/home.html", context)


class CycleStartView(WorkspaceView):
    capability = "can_start_assessment"

    def get(self, request):
        return render(request, "assessments/cycle_start.html", {"form": CycleStartForm()})

    def post(self, request):
        form = CycleStartForm(request.POST)
        if form.is_valid():
            try:
                cycle = services.start_cycle(actor=actor_of(request), **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Siklus penilaian %(cycle)s dibuka.") % {"cycle": cycle})
                return redirect("assessment-cycle", cycle_pk=cycle.pk)
        return render(request, "assessments/cycle_start.html", {"form": form}, status=400)


class CycleDetailView(WorkspaceView):
    def get(self, request, cycle_pk):
        cycle = access.access_cycle(actor_of(request), cycle_pk, with_responses=True)
        result = selectors.cycle_index(cycle=cycle)
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            return self.export(cycle, result, fmt)
        actions = [a for a in services.TRANSITIONS if cycle.state in services.TRANSITIONS[a][0]]
        if rules.holds_region_role(request.user, request.tenant):  # separation of duties: not offered
            actions = [a for a in actions if a not in rules.ASSESSOR_ACTIONS]
        radar_svg = charts.radar(
            axes=[(f.code, f.name) for f in result.dimensions],
            series=[(str(cycle), {f.code: f.value for f in result.dimensions})],
            scale_max=cycle.framework_version.scale_max,
            title=_("Skor per dimensi"),
        )
        pages = selectors.component_progress(cycle=cycle)
        return render(
            request,
            "assessments/cycle_detail.html",
            {
                "pages": pages,
                "done": sum(p.done for p in pages),
                "total": sum(p.total for p in pages),
                "progress_field": selectors.filled_field(cycle),
                "cycle": cycle,
                "version": cycle.framework_version,
                "responses": cycle.responses.all(),
                "result": result,
                "uses_verified": selectors.uses_verified_scores(cycle),
                "actions": [a for a in actions if rules.can_change_state(request.access, a)],
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
        actor = actor_of(request)
        action = request.POST.get("action", "")
        cycle = access.access_cycle_for_state_change(actor, cycle_pk, action=action)
        if action not in rules.ACTION_CAPABILITY:
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect("assessment-cycle", cycle_pk=cycle.pk)
        form = StateChangeForm(request.POST)
        if form.is_valid():
            try:
                services.change_state(actor=actor, cycle=cycle, action=action, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                flash_service_errors(request, exc)
            else:
                messages.success(request, _("Status siklus diperbarui."))
        return redirect("assessment-cycle", cycle_pk=cycle.pk)


def _save_self_assessment(actor, response, data):
    return services.save_self_assessment(
        actor=actor,
        response=response,
        score=data["self_score"],
        evidence_text=data["evidence_text"],
        evidence_links=data["evidence_links"],
    )


def _save_verification(actor, response, data):
    return services.save_verification(
        actor=actor, response=response, score=data["verified_score"], notes=data["assessor_notes"]
    )


def _add_evidence(actor, response, data):
    return services.add_evidence(actor=actor, response=response, upload=data["file"])


class ResponseView(WorkspaceView):
    """One indicator: the self-assessment (region), the verification (assessor), the files."""

    write_capability = "can_work_on_responses"
    # The form's ``part`` → (its name in the page, form, fetch-for-action helper, service call).
    parts = {
        "self": ("self_form", SelfAssessmentForm, access.access_response_for_self_assessment, _save_self_assessment),
        "verify": ("verify_form", VerificationForm, access.access_response_for_verification, _save_verification),
        "evidence": ("evidence_form", EvidenceForm, access.access_response_for_self_assessment, _add_evidence),
    }

    def get(self, request, cycle_pk, response_pk):
        return self._render(request, access.access_response(actor_of(request), cycle_pk, response_pk))

    def post(self, request, cycle_pk, response_pk):
        actor = actor_of(request)
        try:
            name, form_class, fetch, save = self.parts[request.POST.get("part")]
        except KeyError:
            raise Http404() from None
        response = fetch(actor, cycle_pk, response_pk)
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                save(actor, response, form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Tersimpan."))
                return redirect("assessment-response", cycle_pk=cycle_pk, response_pk=response.pk)
        return self._render(request, response, status=400, **{name: form})

    def _render(self, request, response, status=200, **forms):
        cycle = response.cycle
        context = {
            "cycle": cycle,
            "version": cycle.framework_version,
            "response": response,
            "indicator": response.indicator,
            "files": list(response.files.all()),
            "can_edit_self": request.access.can_self_assess and cycle.state == AssessmentCycle.State.OPEN,
            "can_verify": request.access.can_verify
            and cycle.state == AssessmentCycle.State.SELF_ASSESSED
            and not rules.holds_region_role(request.user, request.tenant),
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


class EvidenceDownloadView(WorkspaceView):
    """Evidence files are never served by the web server: only here, behind the gate."""

    def get(self, request, evidence_pk):
        evidence = access.access_evidence(actor_of(request), evidence_pk)
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
        actor = actor_of(request)
        evidence = access.access_evidence_for_removal(actor, evidence_pk)
        try:
            services.remove_evidence(actor=actor, evidence=evidence)
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(request, _("Berkas dihapus."))
        return redirect("assessment-response", cycle_pk=evidence.response.cycle_id, response_pk=evidence.response_id)


class PublishedRankingView(WorkspaceView):
    """The national ranking of a period the ministry has published, read from a workspace:
    every ranked region's rank and index (no responses, no evidence); this region stands out."""

    def get(self, request, period):
        parsed = access.access_published_ranking(actor_of(request), period)
        rows = framework_selectors.ranking(period=parsed, previous=None)
        return render(
            request,
            "assessments/published_ranking.html",
            {"period": parsed, "rows": rows, "own_code": request.tenant.region_id},
        )
