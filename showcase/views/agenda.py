"""Apex pages of the agenda builder: the draft with its slots per stage, warnings, changes since
publication, readiness checks, the stages and presenters; "Susun ulang", moving a slot (buttons
that work without script, and drag and drop through the same endpoint), and publishing after a
confirmation page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from platform.forms import flash_service_errors
from showcase import review, rules, selectors, services
from showcase.access import access_showcase
from showcase.forms import MoveForm, PresenterForm, StageForm
from showcase.models import Slot
from showcase.views.events import ShowcaseView
from showcase.views.public import absolute, stage_rows


class BuilderView(ShowcaseView):
    def get(self, request, slug):
        showcase = access_showcase(slug)
        state = review.builder_state(showcase)
        stages = selectors.stages_of(showcase)
        late = {w.slot_id for w in state["warnings"] if w.kind == "late"}
        context = {
            "showcase": showcase,
            **state,
            "stages": stages,
            "rows": stage_rows(showcase, stages, state["slots"]),
            "late": late,
            "can_manage": rules.can_manage_showcase(request.user),
            "stage_form": StageForm(),
            "presenter_form": PresenterForm(),
        }
        if state["published"] is not None:
            widget = absolute(request, reverse("showcase-widget", kwargs={"slug": showcase.slug}))
            context.update(
                public_url=absolute(request, reverse("showcase-public", kwargs={"slug": showcase.slug})),
                widget_url=widget,
                embed_script=absolute(request, "/static/showcase/embed.js"),
            )
        return render(request, "showcase/builder.html", context)


class RebuildView(ShowcaseView):
    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug):
        showcase = access_showcase(slug)
        try:
            version = services.rebuild_agenda(actor=request.user, showcase=showcase)
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(request, _("Agenda versi %(n)s disusun ulang.") % {"n": version.number})
        return redirect("showcase-builder", slug=showcase.slug)


class SlotMoveView(ShowcaseView):
    """Move a slot; a script (drag and drop) asking for JSON gets the new place, a form a redirect."""

    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug, slot_pk):
        showcase = access_showcase(slug)
        form = MoveForm(request.POST, showcase=showcase)
        wants_json = "application/json" in request.headers.get("Accept", "")
        try:
            if not form.is_valid():
                raise ValidationError([str(e) for errors in form.errors.values() for e in errors])
            slot = services.move_slot(
                actor=request.user, showcase=showcase, slot_id=slot_pk, **form.service_arguments()
            )
        except ValidationError as exc:
            if wants_json:
                return JsonResponse({"errors": exc.messages}, status=400)
            flash_service_errors(request, exc)
            return redirect("showcase-builder", slug=showcase.slug)
        if wants_json:
            return JsonResponse({"slot": slot.pk, "stage": slot.stage_id, "position": slot.position + 1})
        messages.success(request, _("%(title)s dipindah.") % {"title": slot.title or slot.get_kind_display()})
        return redirect(reverse("showcase-builder", kwargs={"slug": showcase.slug}) + f"#slot-{slot.pk}")


class PublishView(ShowcaseView):
    """GET: what will be published, and a button; POST with ``confirm=1``: publish."""

    rule = staticmethod(rules.can_manage_showcase)

    def get(self, request, slug):
        showcase = access_showcase(slug)
        state = review.builder_state(showcase)
        counts = {
            "presentations": sum(1 for s in state["slots"] if s.kind == Slot.Kind.PRESENTATION),
            "warnings": len(state["warnings"]),
        }
        return render(request, "showcase/publish.html", {"showcase": showcase, **state, **counts})

    def post(self, request, slug):
        showcase = access_showcase(slug)
        if request.POST.get("confirm") != "1":
            return redirect("showcase-publish", slug=showcase.slug)
        number = request.POST.get("number", "")
        try:
            if not number.isdigit():
                raise ValidationError(_("Versi yang diterbitkan tidak disebut."))
            version = services.publish_version(actor=request.user, showcase=showcase, number=int(number))
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(request, _("Agenda versi %(n)s diterbitkan.") % {"n": version.number})
        return redirect("showcase-builder", slug=showcase.slug)
