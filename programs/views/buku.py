"""Buku I (regional profile, readiness, SWOT) and Buku II (strategy per dimension, roadmap)."""

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platform.forms import add_service_errors, flash_service_errors
from programs import access, charts, selectors, services
from programs.forms import MasterplanTextForm, ReadinessForm, StrategyForm, SwotForm
from programs.models import Comment
from programs.views.base import MasterplanContentEditView, actor_of, comment_context
from tenants.views_workspace import WorkspaceView


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

    def get(self, request):
        rows = selectors.readiness_rows()
        forms = [ReadinessForm(instance=row, prefix=f"r{row.pk}") for row in rows]
        context = {"forms": forms, "base": selectors.readiness_fingerprint(rows)}
        return render(request, "programs/readiness_form.html", context)

    def post(self, request):
        rows = selectors.readiness_rows()
        base = self.submitted_base(request)
        forms = [ReadinessForm(request.POST, instance=row, prefix=f"r{row.pk}") for row in rows]
        status = 400
        if all(f.is_valid() for f in forms):
            status, base = self.guarded_save(
                request,
                lambda expected: services.update_readiness(
                    actor=actor_of(request),
                    rows=[(f.instance, f.cleaned_data["level"], f.cleaned_data["description"]) for f in forms],
                    expected_fingerprint=expected,
                ),
                lambda exc: flash_service_errors(request, exc),
            )
            if status is None:
                messages.success(request, _("Kesiapan diperbarui."))
                return redirect("buku-one")
        return render(request, "programs/readiness_form.html", {"forms": forms, "base": base}, status=status)


class DimensionContentEditView(MasterplanContentEditView, ABC):
    """The edit page of one dimension's content (its SWOT, its strategy). ``context`` gives the
    page's forms (the first as ``form``, which carries a refusal) and ``base``, the fingerprint of
    the stored content (a POST shows the submitted one again); ``save`` passes the forms' data to
    the service."""

    template = ""
    success = ""  # a message with %(dimension)s

    @abstractmethod
    def context(self, dimension, data=None) -> dict:
        """The page's forms (bound to ``data`` on a POST) and ``base``."""

    def forms(self, context) -> list:
        return [context["form"]]

    @abstractmethod
    def save(self, request, dimension, context, expected: str) -> None:
        """Pass the forms' data and the ``expected`` fingerprint to the content's service."""

    @abstractmethod
    def done_url(self, dimension) -> str:
        """Where a saved page goes."""

    def get(self, request, dimension_code):
        dimension = access.access_dimension_for_edit(actor_of(request), dimension_code)
        return render(request, self.template, self.context(dimension))

    def post(self, request, dimension_code):
        dimension = access.access_dimension_for_edit(actor_of(request), dimension_code)
        context = self.context(dimension, request.POST)
        context["base"] = self.submitted_base(request)
        status = 400
        if all(f.is_valid() for f in self.forms(context)):
            status, context["base"] = self.guarded_save(
                request,
                lambda expected: self.save(request, dimension, context, expected),
                lambda exc: add_service_errors(context["form"], exc),
            )
            if status is None:
                messages.success(request, self.success % {"dimension": dimension})
                return redirect(self.done_url(dimension))
        return render(request, self.template, context, status=status)


class SwotEditView(DimensionContentEditView):
    read_url = "buku-one"
    template = "programs/swot_form.html"
    success = gettext_lazy("SWOT %(dimension)s diperbarui.")

    def context(self, dimension, data=None) -> dict:
        plan = selectors.dimension_plan(dimension)
        form = SwotForm(data, instance=plan)
        return {"dimension": dimension, "form": form, "base": selectors.swot_fingerprint(plan)}

    def save(self, request, dimension, context, expected: str) -> None:
        fields = context["form"].cleaned_data
        services.update_swot(actor=actor_of(request), dimension=dimension, fields=fields, expected_fingerprint=expected)

    def done_url(self, dimension) -> str:
        return reverse("buku-one") + f"#swot-{dimension.code}"


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
                "roadmap_lanes": charts.roadmap_lanes(dimensions=dimensions, programs=programs),
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


class DimensionEditView(DimensionContentEditView):
    """A dimension's strategy and action plan, and its sub-dimensions' (Buku II)."""

    template = "programs/dimension_form.html"
    success = gettext_lazy("Strategi %(dimension)s diperbarui.")

    def context(self, dimension, data=None) -> dict:
        plan = selectors.dimension_plan(dimension)
        subs = selectors.sub_dimensions_with_plans(dimension)
        sub_forms = []
        for sub in subs:
            sub_plan = getattr(sub, "plan", None)
            initial = {
                "strategy": sub_plan.strategy if sub_plan else "",
                "action_plan": sub_plan.action_plan if sub_plan else "",
            }
            sub_forms.append((sub, StrategyForm(data, prefix=f"s{sub.pk}", initial=initial)))
        form = StrategyForm(data, instance=plan, prefix="d")
        # the fingerprint of the stored rows: the forms are not validated yet
        return {
            "dimension": dimension,
            "form": form,
            "subs": sub_forms,
            "base": selectors.strategy_fingerprint(plan, subs),
        }

    def forms(self, context) -> list:
        return [context["form"], *(f for _sub, f in context["subs"])]

    def save(self, request, dimension, context, expected: str) -> None:
        services.update_strategy(
            actor=actor_of(request),
            dimension=dimension,
            fields=context["form"].cleaned_data,
            sub_plans={sub.pk: f.cleaned_data for sub, f in context["subs"]},
            expected_fingerprint=expected,
        )

    def done_url(self, dimension) -> str:
        return reverse("dimension", kwargs={"dimension_code": dimension.code})
