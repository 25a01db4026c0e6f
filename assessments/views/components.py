"""One page per component of a cycle: every indicator of the component at once.

While the cycle is open the region fills the self scores, evidence text and links ("Simpan
dan lanjut" saves the page and opens the next component); once submitted an assessor sees
each self score beside the verified score, differences marked, and must write a note where
they differ. Evidence files keep their own upload on the indicator's page and are listed
here. The same capabilities, separation of duties and 404s as the indicator's page apply.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext

from assessments import access, rules, selectors, services
from assessments.forms import ComponentSelfForm, ComponentVerificationForm
from assessments.models import AssessmentCycle
from tenants.views_workspace import WorkspaceView, actor_of

State = AssessmentCycle.State

# The page's mode → (the capability it needs, the state it works in, the form of a row).
MODES = {
    "self": ("can_self_assess", State.OPEN, ComponentSelfForm),
    "verify": ("can_verify", State.SELF_ASSESSED, ComponentVerificationForm),
}


def page_mode(request, cycle) -> str:
    """What the user does on the page: "self", "verify" or "read" (only reading)."""
    if request.access.can_self_assess and cycle.state == State.OPEN:
        return "self"
    if (
        request.access.can_verify
        and cycle.state == State.SELF_ASSESSED
        and not rules.holds_region_role(request.user, request.tenant)
    ):
        return "verify"
    return "read"


def _initial(mode, response) -> dict:
    if mode == "self":
        names = ("self_score", "evidence_text", "evidence_links")
    else:
        names = ("verified_score", "assessor_notes")
    return {"stamp": services.stamp(response), **{name: getattr(response, name) for name in names}}


def _form(mode, response, data=None):
    form_class = MODES[mode][2]
    extra = {"self_score": response.self_score} if mode == "verify" else {}
    return form_class(data, prefix=str(response.pk), initial=_initial(mode, response), **extra)


class CyclePeriodView(WorkspaceView):
    """A cycle named by its period (the apex's waiting list knows the period, not the cycle's id):
    an assessor who may verify it lands on its first component page, anyone else on the cycle."""

    def get(self, request, cycle_year, cycle_stage):
        cycle = access.access_cycle_of_period(actor_of(request), cycle_year, cycle_stage)
        pages = selectors.component_progress(cycle=cycle)
        if page_mode(request, cycle) == "verify" and pages:
            return redirect("assessment-component", cycle_pk=cycle.pk, component=pages[0].component.code)
        return redirect("assessment-cycle", cycle_pk=cycle.pk)


class ComponentPageView(WorkspaceView):
    def get(self, request, cycle_pk, component):
        cycle, component = access.access_component_page(actor_of(request), cycle_pk, component)
        return self._render(request, cycle, component)

    def post(self, request, cycle_pk, component):
        actor = actor_of(request)
        mode = request.POST.get("part", "")
        if mode not in MODES:
            raise Http404()
        cycle, component = access.access_component_page(actor, cycle_pk, component, capability=MODES[mode][0])
        responses = list(selectors.component_responses(cycle=cycle, component=component))
        if not responses:  # nothing to save on a component without indicators
            return redirect("assessment-component", cycle_pk=cycle.pk, component=component.code)
        forms = {r.pk: _form(mode, r, request.POST) for r in responses}
        if all([form.is_valid() for form in forms.values()]):  # every row validated, not only the first
            entries = {pk: (f.cleaned_data["stamp"], f.values()) for pk, f in forms.items() if f.edited}
            save = services.save_component_self_assessment if mode == "self" else services.save_component_verification
            try:
                changed = save(actor=actor, cycle=cycle, entries=entries)
            except ValidationError as exc:
                self._place_errors(forms, exc)
                # Shown again with the stamps as they are now, once the service has compared
                # them: saving again is a deliberate overwrite. (After a form error the posted
                # stamps stay, so a row changed meanwhile is still caught.)
                data = request.POST.copy()
                for response in selectors.component_responses(cycle=cycle, component=component):
                    data[f"{response.pk}-stamp"] = services.stamp(response)
                for form in forms.values():
                    form.data = data
            else:
                messages.success(
                    request,
                    ngettext("%(count)d indikator disimpan.", "%(count)d indikator disimpan.", len(changed))
                    % {"count": len(changed)},
                )
                return redirect(self._after_save(request, cycle, component))
        return self._render(request, cycle, component, mode=mode, forms=forms, status=400)

    @staticmethod
    def _place_errors(forms, exc):
        """The service's errors are keyed "<response pk>:<field>"; each goes to its row."""
        if not hasattr(exc, "error_dict"):
            next(iter(forms.values())).add_error(None, exc.messages)
            return
        for key, errors in exc.message_dict.items():
            pk, _sep, field = key.partition(":")
            form = forms.get(int(pk)) if pk.isdigit() else None
            if form is None:
                next(iter(forms.values())).add_error(None, errors)
            else:
                form.add_error(field if field in form.fields else None, errors)

    @staticmethod
    def _after_save(request, cycle, component) -> str:
        """ "Simpan dan lanjut": the next component's page (the cycle's after the last one)."""
        if "next" not in request.POST:
            return reverse("assessment-component", args=[cycle.pk, component.code])
        pages = [p.component.code for p in selectors.component_progress(cycle=cycle)]
        position = pages.index(component.code)
        if position + 1 < len(pages):
            return reverse("assessment-component", args=[cycle.pk, pages[position + 1]])
        return reverse("assessment-cycle", args=[cycle.pk])

    def _render(self, request, cycle, component, *, mode=None, forms=None, status=200):
        mode = mode or page_mode(request, cycle)
        responses = list(selectors.component_responses(cycle=cycle, component=component))
        forms = forms or ({r.pk: _form(mode, r) for r in responses} if mode in MODES else {})
        rows = [
            {
                "response": r,
                "indicator": r.indicator,
                "form": forms.get(r.pk),
                "differs": r.verified_score is not None and r.verified_score != r.self_score,
            }
            for r in responses
        ]
        pages = selectors.component_progress(cycle=cycle)
        position = [p.component.pk for p in pages].index(component.pk)
        context = {
            "cycle": cycle,
            "version": cycle.framework_version,
            "component": component,
            "mode": mode,
            "rows": rows,
            "pages": pages,
            "next_page": pages[position + 1] if position + 1 < len(pages) else None,
            "done": sum(p.done for p in pages),
            "total": sum(p.total for p in pages),
            "progress_field": selectors.filled_field(cycle),
            "has_errors": any(f.errors for f in forms.values()),
        }
        return render(request, "assessments/component.html", context, status=status)
