"""Buku I (regional profile, readiness, SWOT) and Buku II (strategy per dimension, roadmap)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from platform.forms import add_service_errors
from programs import charts, selectors, services
from programs.forms import MasterplanTextForm, ReadinessForm, StrategyForm, SwotForm
from programs.models import Comment, Dimension, DimensionPlan, Readiness
from programs.views.base import MasterplanContentEditView, actor_of, comment_context
from tenants.views_workspace import WorkspaceView


def plan_of(dimension: Dimension) -> DimensionPlan:
    """The dimension's stored plan, or an empty one to show: opening a page writes nothing
    (the first save stores the plan)."""
    return DimensionPlan.objects.filter(dimension=dimension).first() or DimensionPlan(dimension=dimension)


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
                add_service_errors(form, exc)
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
        plan = plan_of(dimension)
        context = {"dimension": dimension, "form": SwotForm(instance=plan), "base": self._base(plan)}
        return render(request, "programs/swot_form.html", context)

    def post(self, request, dimension_code):
        dimension = get_object_or_404(Dimension, code=dimension_code)
        plan = plan_of(dimension)
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
        plan = plan_of(dimension)
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
