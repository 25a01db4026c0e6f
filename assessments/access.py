"""Fetch-for-action: one helper per object kind of a workspace's assessments.

Each returns the object the actor may act on, or raises ``Http404``: the *same* 404 for an
object that does not exist and for one the actor may not touch (a viewer and a response to
verify), so a page, the API and a task answer alike and confirm nothing. The capabilities
are those of ``assessments.rules``; the services check them again under their lock.

The plain helpers serve reads (any member: the workspace gate has run); ``*_for_…`` ones
serve writes.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from assessments import rules, selectors
from assessments.framework import selectors as framework_selectors
from assessments.framework.models import Component
from assessments.models import AssessmentCycle, AssessmentResponse, Evidence
from tenants.access import Actor


def _allow(allowed: bool) -> None:
    """Refused: the same 404 as a missing object."""
    if not allowed:
        raise Http404()


def access_cycle(actor: Actor, pk, *, with_responses: bool = False) -> AssessmentCycle:
    """A cycle to read; ``with_responses`` brings its responses, indicators and files too."""
    if with_responses:
        return get_object_or_404(selectors.cycles_with_responses(), pk=pk)
    return get_object_or_404(selectors.cycles(), pk=pk)


def access_cycle_of_period(actor: Actor, year, stage) -> AssessmentCycle:
    """The cycle of a period (year + stage), to read."""
    return get_object_or_404(selectors.cycles(), year=year, stage=stage)


def access_cycle_for_state_change(actor: Actor, pk, *, action: str) -> AssessmentCycle:
    """A cycle the actor may move by ``action`` (an unknown action is left to the service,
    which refuses it with a message)."""
    cycle = get_object_or_404(AssessmentCycle.objects.all(), pk=pk)
    _allow(action not in rules.ACTION_CAPABILITY or rules.can_change_state(actor, action))
    return cycle


def access_response(actor: Actor, cycle_pk, pk) -> AssessmentResponse:
    """A response of the cycle ``cycle_pk``, to read."""
    return get_object_or_404(selectors.responses(), cycle_id=cycle_pk, pk=pk)


def access_response_for_self_assessment(actor: Actor, cycle_pk, pk) -> AssessmentResponse:
    """A response whose self score, evidence text, links and files the actor may change."""
    _allow(actor.can("can_self_assess"))
    return access_response(actor, cycle_pk, pk)


def access_response_for_verification(actor: Actor, cycle_pk, pk) -> AssessmentResponse:
    """A response whose verified score and notes the actor (an assessor) may change."""
    _allow(actor.can("can_verify"))
    return access_response(actor, cycle_pk, pk)


def access_evidence(actor: Actor, pk) -> Evidence:
    """An evidence file to download: every member."""
    return get_object_or_404(Evidence.objects.select_related("response__cycle"), pk=pk)


def access_evidence_for_removal(actor: Actor, pk) -> Evidence:
    """An evidence file the actor may remove (those who self-assess)."""
    _allow(actor.can("can_self_assess"))
    return access_evidence(actor, pk)


def access_published_ranking(actor: Actor, period: str) -> framework_selectors.Period:
    """A period whose national ranking the ministry has published, to read in a workspace."""
    parsed = framework_selectors.Period.parse(period)
    _allow(parsed is not None and framework_selectors.publication_of(parsed) is not None)
    return parsed


def access_component_page(actor: Actor, cycle_pk, code: str, *, capability: str | None = None):
    """A cycle and one component of its version, for the component's page (``capability``:
    for a write, the capability it needs); returns ``(cycle, component)``."""
    _allow(capability is None or actor.can(capability))
    cycle = get_object_or_404(selectors.cycles(), pk=cycle_pk)
    component = get_object_or_404(Component.objects.all(), version_id=cycle.framework_version_id, code=code)
    return cycle, component
