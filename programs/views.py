"""Workspace pages of the masterplan app.

The membership gate has already run; views declare a ``capability`` of ``request.access``
and check object rules through ``programs.rules``. Writes go through ``programs.services``;
a refused write (stale version, read-only masterplan, missing right) gives a clear message
and keeps what the user typed.
"""

import hashlib
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs import charts, checklist, rules, selectors, services
from programs.forms import (
    BimtekStageForm,
    CommentForm,
    FundingFormSet,
    IndicatorFormSet,
    MasterplanTextForm,
    MilestoneFormSet,
    OpdEditorForm,
    OpdForm,
    PersonForm,
    ProgramFilterForm,
    ProgramForm,
    ReadinessForm,
    RiskForm,
    StrategyForm,
    SwotForm,
    TransitionForm,
    format_targets,
    rows_of,
)
from programs.models import (
    BimtekStage,
    Comment,
    Dimension,
    DimensionPlan,
    Opd,
    Person,
    Program,
    ProgramRevision,
    Readiness,
    Risk,
)
from tenants.views_workspace import WorkspaceView


def actor_of(request) -> rules.Actor:
    return rules.Actor(user=request.user, access=request.access)


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def comment_context(request, *, section: str = "", program=None) -> dict:
    return {
        "comments": list(selectors.comments_on(section=section, program=program)),
        "comment_form": CommentForm(
            initial={"section": section or "program", "program": program.pk if program else None}
        ),
        "comment_next": request.get_full_path(),
    }


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


class MasterplanContentEditView(WorkspaceView):
    """An edit page of masterplan content: region admins only, and only while it is a draft.

    Pages without a version number of their own (readiness, SWOT, strategies) guard against
    lost updates with a fingerprint of the stored content, sent with the form as ``base``:
    if someone saved in between, the save is refused with 409 and the input is kept.
    """

    capability = "can_edit_masterplan"
    read_url = "masterplan"
    STALE = gettext_lazy(
        "Isi ini diubah orang lain sejak Anda membukanya, jadi tidak disimpan. Isian Anda masih di bawah: "
        "buka halaman ini di tab baru untuk melihat versi terbaru, lalu gabungkan."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.access.can_edit_masterplan and not selectors.masterplan().is_editable:
            messages.warning(request, _("Masterplan sedang tidak dalam status draf: isinya hanya dapat dibaca."))
            return redirect(self.read_url)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def fingerprint(*values) -> str:
        return hashlib.sha256(repr(values).encode()).hexdigest()[:32]

    def is_stale(self, request, current: str) -> bool:
        return request.POST.get("base", "") != current

    def guarded_save(self, request, base: str, save, report) -> int | None:
        """Run ``save()`` unless the content changed since the form was opened. ``None`` when
        saved; otherwise the status to answer with (409 stale, 400 refused), after telling
        ``report`` why (a list of messages)."""
        if self.is_stale(request, base):
            report([str(self.STALE)])
            return 409
        try:
            save()
        except ValidationError as exc:
            report(exc.messages)
            return 400
        return None


# --- masterplan: status, workflow, checklist ------------------------------------------------


class MasterplanView(WorkspaceView):
    def get(self, request):
        masterplan = selectors.masterplan()
        stages = checklist.bimtek_checklist()
        return render(
            request,
            "programs/masterplan.html",
            {
                "masterplan": masterplan,
                "actions": services.allowed_actions(actor=actor_of(request), masterplan=masterplan),
                "transitions": selectors.transitions()[:50],
                "stages": stages,
                "completeness": checklist.completeness(stages),
                "transition_form": TransitionForm(),
            },
        )


class MasterplanTransitionView(WorkspaceView):
    """Any member may post; the service refuses whoever may not take the step, with a reason."""

    def post(self, request):
        form = TransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect("masterplan")
        try:
            masterplan = services.transition_masterplan(
                actor=actor_of(request), action=form.cleaned_data["action"], reason=form.cleaned_data["reason"]
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Status masterplan: %(status)s.") % {"status": masterplan.get_status_display().lower()}
            )
        return redirect("masterplan")


class ChecklistView(WorkspaceView):
    def get(self, request):
        stages = checklist.bimtek_checklist()
        return render(
            request,
            "programs/checklist.html",
            {"stages": stages, "completeness": checklist.completeness(stages)},
        )


# --- Buku I --------------------------------------------------------------------------------


class BukuOneView(WorkspaceView):
    def get(self, request):
        masterplan = selectors.masterplan()
        comments = {}
        for comment in Comment.objects.filter(program__isnull=True).order_by("-created_at"):
            comments.setdefault(comment.section, []).append(comment)
        return render(
            request,
            "programs/buku_one.html",
            {
                "masterplan": masterplan,
                "dimensions": selectors.dimensions_with_plans().order_by("order"),
                "comments_by_section": comments,
                "sections": Comment.Section,
                "comment_next": request.get_full_path(),
            },
        )


class MasterplanTextEditView(MasterplanContentEditView):
    read_url = "buku-one"

    def get(self, request):
        masterplan = selectors.masterplan()
        form = MasterplanTextForm(
            initial={
                "version": masterplan.version,
                **{f: getattr(masterplan, f) for f in ("regional_profile", "vision", "mission", "goals")},
            }
        )
        return render(request, "programs/masterplan_text_form.html", {"form": form})

    def post(self, request):
        form = MasterplanTextForm(request.POST)
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.update_masterplan_text(actor=actor_of(request), expected_version=data.pop("version"), **data)
            except services.StaleVersionError as exc:
                form.add_error(None, exc.message)
                status = 409
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Buku I diperbarui."))
                return redirect("buku-one")
        return render(request, "programs/masterplan_text_form.html", {"form": form}, status=status)


class ReadinessEditView(MasterplanContentEditView):
    read_url = "buku-one"

    def _rows(self):
        return list(Readiness.objects.select_related("dimension").order_by("dimension__order", "id"))

    def _base(self, rows) -> str:
        return self.fingerprint(*[(r.pk, r.level, r.description) for r in rows])

    def get(self, request):
        rows = self._rows()
        forms = [ReadinessForm(instance=row, prefix=f"r{row.pk}") for row in rows]
        return render(request, "programs/readiness_form.html", {"forms": forms, "base": self._base(rows)})

    def post(self, request):
        rows = self._rows()
        base = self._base(rows)
        forms = [ReadinessForm(request.POST, instance=row, prefix=f"r{row.pk}") for row in rows]
        status = 400
        if all(f.is_valid() for f in forms):
            status = self.guarded_save(
                request,
                base,
                lambda: services.update_readiness(
                    actor=actor_of(request),
                    rows=[(f.instance, f.cleaned_data["level"], f.cleaned_data["description"]) for f in forms],
                ),
                lambda why: messages.error(request, " ".join(why)),
            )
            if status is None:
                messages.success(request, _("Kesiapan diperbarui."))
                return redirect("buku-one")
        return render(request, "programs/readiness_form.html", {"forms": forms, "base": base}, status=status)


class SwotEditView(MasterplanContentEditView):
    read_url = "buku-one"

    def _base(self, plan) -> str:
        return self.fingerprint(*[getattr(plan, name) for name in SwotForm.Meta.fields])

    def get(self, request, dimension_code):
        dimension = get_object_or_404(Dimension, code=dimension_code)
        plan, _created = DimensionPlan.objects.get_or_create(dimension=dimension)
        context = {"dimension": dimension, "form": SwotForm(instance=plan), "base": self._base(plan)}
        return render(request, "programs/swot_form.html", context)

    def post(self, request, dimension_code):
        dimension = get_object_or_404(Dimension, code=dimension_code)
        plan, _created = DimensionPlan.objects.get_or_create(dimension=dimension)
        base = self._base(plan)
        form = SwotForm(request.POST, instance=plan)
        status = 400
        if form.is_valid():
            status = self.guarded_save(
                request,
                base,
                lambda: services.update_dimension_plan(
                    actor=actor_of(request), dimension=dimension, fields=form.cleaned_data
                ),
                lambda why: form.add_error(None, why),
            )
            if status is None:
                messages.success(request, _("SWOT %(dimension)s diperbarui.") % {"dimension": dimension})
                return redirect(reverse("buku-one") + f"#swot-{dimension.code}")
        context = {"dimension": dimension, "form": form, "base": base}
        return render(request, "programs/swot_form.html", context, status=status)


# --- Buku II, dimensions, roadmap ----------------------------------------------------------


class BukuTwoView(WorkspaceView):
    def get(self, request):
        dimensions = list(selectors.dimensions_with_plans().order_by("order"))
        programs = list(selectors.programs_for_roadmap())
        return render(
            request,
            "programs/buku_two.html",
            {
                "masterplan": selectors.masterplan(),
                "dimensions": dimensions,
                "roadmap": charts.roadmap_svg(dimensions=dimensions, programs=programs),
                "program_count": len(programs),
                **comment_context(request, section=Comment.Section.STRATEGY),
            },
        )


class DimensionView(WorkspaceView):
    def get(self, request, dimension_code):
        dimension = get_object_or_404(selectors.dimensions_with_plans(), code=dimension_code)
        programs = list(selectors.programs(dimension=dimension.code))
        by_sub = {sub.pk: [] for sub in dimension.sub_dimensions.all()}
        for program in programs:
            by_sub.setdefault(program.sub_dimension_id, []).append(program)
        return render(
            request,
            "programs/dimension.html",
            {
                "dimension": dimension,
                "subs": [(sub, by_sub[sub.pk]) for sub in dimension.sub_dimensions.all()],
                "program_count": len(programs),
                "budget": sum((p.budget for p in programs), start=0),
                "masterplan": selectors.masterplan(),
            },
        )


class DimensionEditView(MasterplanContentEditView):
    def _forms(self, dimension, data=None):
        plan, _created = DimensionPlan.objects.get_or_create(dimension=dimension)
        subs = []
        for sub in dimension.sub_dimensions.select_related("plan").order_by("order"):
            sub_plan = getattr(sub, "plan", None)
            subs.append(
                (
                    sub,
                    StrategyForm(
                        data,
                        prefix=f"s{sub.pk}",
                        initial={
                            "strategy": sub_plan.strategy if sub_plan else "",
                            "action_plan": sub_plan.action_plan if sub_plan else "",
                        },
                    ),
                )
            )
        return StrategyForm(data, instance=plan, prefix="d"), subs

    def _base(self, form, subs) -> str:
        plan = form.instance
        return self.fingerprint(
            plan.strategy,
            plan.action_plan,
            *[(sub.pk, f.initial.get("strategy"), f.initial.get("action_plan")) for sub, f in subs],
        )

    def get(self, request, dimension_code):
        dimension = get_object_or_404(Dimension, code=dimension_code)
        form, subs = self._forms(dimension)
        context = {"dimension": dimension, "form": form, "subs": subs, "base": self._base(form, subs)}
        return render(request, "programs/dimension_form.html", context)

    def post(self, request, dimension_code):
        dimension = get_object_or_404(Dimension, code=dimension_code)
        form, subs = self._forms(dimension, request.POST)
        base = self._base(form, subs)  # from the stored rows: the forms are not validated yet
        status = 400
        if form.is_valid() and all(f.is_valid() for _sub, f in subs):
            status = self.guarded_save(
                request,
                base,
                lambda: services.update_dimension_plan(
                    actor=actor_of(request),
                    dimension=dimension,
                    fields=form.cleaned_data,
                    sub_plans={sub.pk: f.cleaned_data for sub, f in subs},
                ),
                lambda why: form.add_error(None, why),
            )
            if status is None:
                messages.success(request, _("Strategi %(dimension)s diperbarui.") % {"dimension": dimension})
                return redirect("dimension", dimension_code=dimension.code)
        context = {"dimension": dimension, "form": form, "subs": subs, "base": base}
        return render(request, "programs/dimension_form.html", context, status=status)


# --- programs ------------------------------------------------------------------------------


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
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "programs/program_list.html",
            {
                "form": form,
                "page": page,
                "query": query.urlencode(),
                "can_create": rules.can_create_program(actor_of(request)),
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


class ProgramFormView(WorkspaceView):
    """Create and edit a program with its indicators, funding and milestones in one form."""

    capability = "can_edit_programs"

    def dispatch(self, request, *args, **kwargs):
        if request.access.can_edit_programs and not selectors.masterplan().is_editable:
            messages.warning(request, _("Masterplan sedang tidak dalam status draf: program hanya dapat dibaca."))
            return redirect("program-list")
        return super().dispatch(request, *args, **kwargs)

    def _program(self, program_pk):
        if program_pk is None:
            if not rules.can_create_program(self.actor):
                raise Http404()
            return None
        program = get_object_or_404(Program, pk=program_pk)
        if not rules.can_edit_program(self.actor, program):
            raise Http404()
        return program

    def _lead_opds(self):
        if self.request.access.can_edit_masterplan:
            return Opd.objects.order_by("acronym")
        return Opd.objects.filter(pk=self.actor.opd_id)

    def _forms(self, program, data=None):
        if data is not None:
            return (
                ProgramForm(data, lead_opds=self._lead_opds(), prefix="p"),
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
            {"program": program, "form": form, "indicators": indicators, "funding": funding, "milestones": milestones},
            status=status,
        )

    def get(self, request, program_pk=None):
        self.actor = actor_of(request)
        program = self._program(program_pk)
        return self._render(program, self._forms(program))

    def post(self, request, program_pk=None):
        self.actor = actor_of(request)
        program = self._program(program_pk)
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
            add_errors(form, exc)
            return self._render(program, forms, status=400)
        messages.success(request, _("Program %(title)s disimpan.") % {"title": saved.title})
        return redirect("program-detail", program_pk=saved.pk)


class ProgramDeleteView(WorkspaceView):
    capability = "can_edit_programs"

    def post(self, request, program_pk):
        program = get_object_or_404(Program, pk=program_pk)
        if not rules.can_edit_program(actor_of(request), program):
            raise Http404()
        try:
            services.delete_program(actor=actor_of(request), program=program)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return redirect("program-detail", program_pk=program.pk)
        messages.success(request, _("Program %(title)s dihapus.") % {"title": program.title})
        return redirect("program-list")


class ProgramHistoryView(WorkspaceView):
    """The program's saved versions; ``?a=&b=`` compares two side by side."""

    def get(self, request, program_pk):
        program = get_object_or_404(Program, pk=program_pk)
        revisions = list(program.revisions.select_related("saved_by"))
        by_version = {r.version: r for r in revisions}
        compare = None
        try:
            a, b = int(request.GET.get("a", "")), int(request.GET.get("b", ""))
        except ValueError:
            a = b = None
        if a in by_version and b in by_version:
            compare = compare_revisions(by_version[a], by_version[b])
        masterplan = selectors.masterplan()
        return render(
            request,
            "programs/program_history.html",
            {
                "program": program,
                "revisions": revisions,
                "compare": compare,
                "a": by_version.get(a),
                "b": by_version.get(b),
                "can_restore": masterplan.is_editable and rules.can_edit_program(actor_of(request), program),
                "history": _with_users(list(program.history.all()[:50])),
            },
        )


def _with_users(records: list) -> list[tuple]:
    """``(record, user)`` pairs, the users fetched in one query."""
    from platform.accounts.models import User

    users = User.objects.in_bulk({r.history_user_id for r in records if r.history_user_id})
    return [(r, users.get(r.history_user_id)) for r in records]


def compare_revisions(a: ProgramRevision, b: ProgramRevision) -> list[tuple[str, str, str, bool]]:
    """Rows ``(label, value in a, value in b, differs)`` of two saved versions."""
    from programs.services import PROGRAM_FIELDS

    labels = {f.name: str(f.verbose_name) for f in Program._meta.get_fields() if hasattr(f, "verbose_name")}
    names = {
        "dimension": dict(Dimension.objects.values_list("pk", "name")),
        "lead_opd": dict(Opd.objects.values_list("pk", "acronym")),
    }
    from programs.models import FundingSource, SubDimension

    names["sub_dimension"] = dict(SubDimension.objects.values_list("pk", "name"))
    sources = dict(FundingSource.objects.values_list("pk", "name"))

    def show(field, value):
        if field in names:
            return names[field].get(value, str(value))
        if field == "partner_opds":
            return ", ".join(names["lead_opd"].get(v, str(v)) for v in value)
        if field == "indicators":
            return "\n".join(
                f"{i['name']} ({i['unit']}): {i['baseline'] or '–'} → {format_targets(i['targets'])}" for i in value
            )
        if field == "funding":
            return "\n".join(f"{sources.get(f['source'], f['source'])} {f['year']}: Rp {f['amount']}" for f in value)
        if field == "milestones":
            return "\n".join(f"{m['year']} T{m['quarter'] or '-'}: {m['title']} ({m['progress']}%)" for m in value)
        if isinstance(value, bool):
            return _("ya") if value else _("tidak")
        return "" if value is None else str(value)

    rows = []
    for field in (*PROGRAM_FIELDS, "partner_opds", "indicators", "funding", "milestones"):
        va, vb = show(field, a.data.get(field)), show(field, b.data.get(field))
        label = labels.get(
            field,
            {"indicators": _("indikator"), "funding": _("pembiayaan"), "milestones": _("tahapan")}.get(field, field),
        )
        rows.append((label, va, vb, va != vb))
    return rows


class ProgramRestoreView(WorkspaceView):
    capability = "can_edit_programs"

    def post(self, request, program_pk, revision_pk):
        program = get_object_or_404(Program, pk=program_pk)
        revision = get_object_or_404(ProgramRevision, pk=revision_pk, program=program)
        actor = actor_of(request)
        if not rules.can_edit_program(actor, program):
            raise Http404()
        try:
            expected = int(request.POST.get("version", ""))
        except ValueError:
            expected = -1
        try:
            services.restore_program_revision(
                actor=actor, program=program, revision=revision, expected_version=expected
            )
        except services.StaleVersionError as exc:
            messages.error(request, exc.message)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(
                request, _("Versi %(version)s dipulihkan sebagai versi terbaru.") % {"version": revision.version}
            )
            return redirect("program-detail", program_pk=program.pk)
        return redirect("program-history", program_pk=program.pk)


# --- quick wins and risks ------------------------------------------------------------------


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


# --- directory -----------------------------------------------------------------------------


class DirectoryView(WorkspaceView):
    def get(self, request):
        from tenants.models import Membership
        from tenants.selectors import current_members_of

        editors = []
        if request.access.can_edit_masterplan:
            links = selectors.opd_editors()
            for m in current_members_of(workspace=request.tenant).filter(role=Membership.Role.OPD_EDITOR):
                opd = links.get(m.user_id)
                editors.append(
                    (
                        m.user,
                        OpdEditorForm(
                            initial={"user": m.user_id, "opd": opd.pk if opd else None}, prefix=f"u{m.user_id}"
                        ),
                    )
                )
        return render(
            request,
            "programs/directory.html",
            {
                "opds": selectors.opds(),
                "council": [p for p in selectors.people() if p.body == Person.Body.COUNCIL],
                "team": [p for p in selectors.people() if p.body == Person.Body.TEAM],
                "editors": editors,
            },
        )


class OpdFormView(WorkspaceView):
    capability = "can_edit_masterplan"

    def get(self, request, opd_pk=None):
        opd = get_object_or_404(Opd, pk=opd_pk) if opd_pk else None
        return render(request, "programs/opd_form.html", {"opd": opd, "form": OpdForm(instance=opd)})

    def post(self, request, opd_pk=None):
        opd = get_object_or_404(Opd, pk=opd_pk) if opd_pk else None
        form = OpdForm(request.POST, instance=opd)
        if form.is_valid():
            try:
                services.save_opd(actor=actor_of(request), opd=opd, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("OPD disimpan."))
                return redirect("directory")
        return render(request, "programs/opd_form.html", {"opd": opd, "form": form}, status=400)


class OpdDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, opd_pk):
        opd = get_object_or_404(Opd, pk=opd_pk)
        try:
            services.delete_opd(actor=actor_of(request), opd=opd)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("OPD %(opd)s dihapus.") % {"opd": opd.acronym})
        return redirect("directory")


class PersonFormView(WorkspaceView):
    capability = "can_edit_masterplan"

    def get(self, request, person_pk=None):
        person = get_object_or_404(Person, pk=person_pk) if person_pk else None
        initial = {"body": request.GET.get("body", Person.Body.COUNCIL)}
        return render(
            request,
            "programs/person_form.html",
            {"person": person, "form": PersonForm(instance=person, initial=initial)},
        )

    def post(self, request, person_pk=None):
        person = get_object_or_404(Person, pk=person_pk) if person_pk else None
        form = PersonForm(request.POST, instance=person)
        if form.is_valid():
            services.save_person(actor=actor_of(request), person=person, **form.cleaned_data)
            messages.success(request, _("Personel disimpan."))
            return redirect("directory")
        return render(request, "programs/person_form.html", {"person": person, "form": form}, status=400)


class PersonDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, person_pk):
        services.delete_person(actor=actor_of(request), person=get_object_or_404(Person, pk=person_pk))
        messages.success(request, _("Personel dihapus."))
        return redirect("directory")


class OpdEditorAssignView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request):
        from platform.accounts.models import User

        user_id = request.POST.get("user", "")
        valid_id = re.fullmatch(r"[0-9]{1,18}", user_id) is not None
        form = OpdEditorForm(request.POST, prefix=f"u{user_id}" if valid_id else None)
        user = User.objects.filter(pk=user_id).first() if valid_id else None
        if user is None or not form.is_valid():
            messages.error(request, _("Pilihan OPD tidak valid."))
            return redirect("directory")
        try:
            services.assign_opd_editor(actor=actor_of(request), user=user, opd=form.cleaned_data["opd"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("OPD %(user)s disimpan.") % {"user": user})
        return redirect("directory")


# --- comments and notifications ------------------------------------------------------------


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else fallback


class CommentCreateView(WorkspaceView):
    capability = "can_comment"

    def post(self, request):
        form = CommentForm(request.POST)
        back = _safe_next(request, reverse("masterplan"))
        if not form.is_valid():
            messages.error(request, _("Komentar kosong atau tidak valid; tidak ada yang disimpan."))
            return redirect(back)
        program = None
        if form.cleaned_data.get("program"):
            program = get_object_or_404(Program, pk=form.cleaned_data["program"])
        try:
            with transaction.atomic():
                services.add_comment(
                    actor=actor_of(request),
                    section=form.cleaned_data["section"],
                    body=form.cleaned_data["body"],
                    program=program,
                    url=back,
                )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Komentar dikirim."))
        return redirect(back)


class CommentResolveView(WorkspaceView):
    capability = "can_comment"

    def post(self, request, comment_pk):
        comment = get_object_or_404(Comment, pk=comment_pk)
        try:
            services.resolve_comment(actor=actor_of(request), comment=comment)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Komentar ditandai selesai."))
        return redirect(_safe_next(request, reverse("masterplan")))


class NotificationListView(WorkspaceView):
    def get(self, request):
        return render(
            request,
            "programs/notifications.html",
            {"notifications": selectors.notifications_of(user=request.user)[:100]},
        )

    def post(self, request):
        services.mark_notifications_read(user=request.user)
        return redirect("notifications")


class NotificationCountView(WorkspaceView):
    """The unread count for the navigation bar (loaded by htmx after the page)."""

    def get(self, request):
        count = selectors.unread_count(user=request.user)
        return HttpResponse(f'<span class="badge warn">{count}</span>' if count else "")


class ChangesView(WorkspaceView):
    """Every change to the masterplan: who, when, what, and which fields."""

    def get(self, request):
        return render(request, "programs/changes.html", {"changes": selectors.recent_changes(limit=200)})
