"""Separation of duties: nobody verifies, finalises, reopens or publishes the assessment of a
region in which they hold a region role, whatever else they are.

The matrix walks every role of the region, the current facilitator, a ministry admin and a
ministry admin who is also a viewer of the region, through each action: first the services,
then one page or API call per action (a refusal is a 404 when the capability is missing, a
403 with the reason when only the separation of duties refuses; never a 500).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from assessments import rules, services
from assessments.framework import services as framework_services
from assessments.framework.models import RankingPublication
from assessments.models import AssessmentCycle
from tenants.access import SYSTEM, Actor
from tenants.models import Membership
from tenants.selectors import workspace_access
from tests.assessments.conftest import APEX, P, fill

Role = Membership.Role
ACTIONS = ("verify", "finalize", "reopen", "publish")
# Who is who in Kota Probolinggo (``ministry_admin_viewer`` is made by the fixture below).
PEOPLE = {
    "region_admin": "admin_probolinggo",
    "opd_editor": "editor_probolinggo",
    "council": "council_probolinggo",
    "regional_head": "head_probolinggo",
    "viewer": "viewer_probolinggo",
    "facilitator": "facilitator_current",
    "ministry_admin": "ministry_admin",
    "ministry_admin_viewer": "ministry_admin_viewer",
}
ALLOWED = {
    "facilitator": {"verify", "finalize"},
    "ministry_admin": set(ACTIONS),
}
MATRIX = [(who, action, action in ALLOWED.get(who, ())) for who in PEOPLE for action in ACTIONS]
# Refused only by the separation of duties (the capability alone would allow it): a 403 with
# the reason; every other refusal is the capability's 404.
CONFLICTED = {"ministry_admin_viewer"}


@pytest.fixture
def people(world):
    from platform.accounts.models import User

    both = User.objects.create_user(
        email="ministry_admin_viewer@example.id",
        password="rahasia-uji-123",
        full_name="Admin Kementerian Juga Pembaca",
        national_role=User.NationalRole.MINISTRY_ADMIN,
        is_staff=True,
    )
    Membership.objects.create(user=both, workspace=world.probolinggo, role=Role.VIEWER)
    return {**world.users, "ministry_admin_viewer": both}


@pytest.fixture
def ranked_periods(versions):
    """Official results: Kota Probolinggo is ranked in 2021 stage II and in 2019 stage II, Kota
    Pasuruan only in 2021 stage II."""
    framework_services.import_published_results(
        actor=SYSTEM,
        filename="hasil.csv",
        content=(
            b"region_code,year,stage,overall,rank\n35.74,2021,2,2.73,41\n35.75,2021,2,3.05,30\n35.74,2019,2,3.17,12\n"
        ),
    )


def _actor(user, workspace):
    return Actor(user=user, access=workspace_access(user=user, workspace=workspace))


def _ready_for(cycle, action):
    """Bring ``cycle`` to the state ``action`` starts from, as the platform."""
    fill(cycle, "3", verified="3")
    if action in ("finalize", "reopen"):
        services.change_state(actor=SYSTEM, cycle=cycle, action="verify")
    if action == "reopen":
        services.change_state(actor=SYSTEM, cycle=cycle, action="finalize")


def _act(actor, cycle, action):
    if action == "verify":
        services.save_verification(actor=actor, response=cycle.responses.order_by("pk").first(), score=2, notes="")
        services.change_state(actor=actor, cycle=cycle, action="verify")
    else:
        services.change_state(actor=actor, cycle=cycle, action=action, reason="Koreksi skor")


AFTER = {"verify": "verified", "finalize": "final", "reopen": "self_assessed"}
BEFORE = {"verify": "self_assessed", "finalize": "verified", "reopen": "final"}


@pytest.mark.parametrize(("who", "action", "allowed"), MATRIX)
def test_the_services_refuse_whoever_holds_a_region_role(world, people, cycle, ranked_periods, who, action, allowed):
    user = people[PEOPLE[who]]
    if action == "publish":
        publish = lambda: framework_services.publish_ranking(actor=user, year=2021, stage=2)  # noqa: E731
        if allowed:
            assert publish().published_by == user
        else:
            with pytest.raises(PermissionDenied):
                publish()
            assert not RankingPublication.objects.exists()
        return
    _ready_for(cycle, action)
    actor = _actor(user, world.probolinggo)
    if allowed:
        _act(actor, cycle, action)
    else:
        with pytest.raises(PermissionDenied) as refused:
            _act(actor, cycle, action)
        if who in CONFLICTED:
            assert "peran daerah di Kota Probolinggo" in str(refused.value)
    cycle.refresh_from_db()
    assert cycle.state == (AFTER if allowed else BEFORE)[action]
    first = cycle.responses.order_by("pk").first()
    assert first.verified_score == Decimal(2 if allowed and action == "verify" else 3)


def _post(client, cycle, action, response_pk):
    """The action through its page or API, as a person does it."""
    if action == "verify":
        return client.patch(
            f"/api/v1/assessment-cycles/{cycle.pk}/responses/{response_pk}/",
            {"verified_score": "2"},
            content_type="application/json",
            HTTP_HOST=P,
        )
    if action == "publish":
        return client.post(
            "/assessments/ranking/publish/", {"period": "2021-2", "action": "publish", "confirm": "1"}, HTTP_HOST=APEX
        )
    return client.post(f"/assessments/{cycle.pk}/state/", {"action": action, "reason": "Koreksi skor"}, HTTP_HOST=P)


@pytest.mark.parametrize(("who", "action", "allowed"), MATRIX)
def test_pages_and_api_answer_the_matrix_without_a_server_error(
    world, people, client_for, cycle, ranked_periods, who, action, allowed
):
    _ready_for(cycle, action)
    response_pk = cycle.responses.order_by("pk").first().pk
    connection.set_schema_to_public()
    answer = _post(client_for(people[PEOPLE[who]]), cycle, action, response_pk)
    if allowed:
        assert answer.status_code == (200 if action == "verify" else 302)
    else:
        assert answer.status_code == (403 if who in CONFLICTED else 404)
        if who in CONFLICTED and action == "verify":
            assert "peran daerah di Kota Probolinggo" in answer.json()["detail"]
    if action == "publish":
        assert RankingPublication.objects.exists() == allowed
        return
    connection.set_tenant(world.probolinggo)
    refused_state = BEFORE[action]
    cycle.refresh_from_db()
    if action == "verify":  # the API changes one score; the cycle moves on the page
        first = cycle.responses.get(pk=response_pk)
        assert first.verified_score == Decimal(2 if allowed else 3)
        assert cycle.state == refused_state
    else:
        assert cycle.state == (AFTER[action] if allowed else refused_state)


def test_a_facilitator_whose_membership_became_a_region_role_is_refused_at_once(world, client_for, cycle):
    """The gate may still read the cached facilitator membership; the service reads the role now."""
    fill(cycle, "3")
    services.change_state(actor=SYSTEM, cycle=cycle, action="submit")
    response_pk = cycle.responses.order_by("pk").first().pk
    connection.set_schema_to_public()
    facilitator = client_for(world.users["facilitator_current"])
    url = f"/assessments/{cycle.pk}/responses/{response_pk}/"
    assert facilitator.get(url, HTTP_HOST=P).status_code == 200  # the membership is now cached
    # A bulk update sends no signal: the cached membership still says facilitator.
    Membership.objects.filter(user=world.users["facilitator_current"], workspace=world.probolinggo).update(
        role=Role.REGION_ADMIN
    )
    answer = facilitator.post(url, {"part": "verify", "verified_score": "1", "assessor_notes": ""}, HTTP_HOST=P)
    assert answer.status_code == 403
    connection.set_tenant(world.probolinggo)
    assert cycle.responses.get(pk=response_pk).verified_score is None


def test_returning_a_cycle_is_an_assessor_act_too(world, people, cycle):
    fill(cycle, "3")
    services.change_state(actor=SYSTEM, cycle=cycle, action="submit")
    with pytest.raises(PermissionDenied, match="peran daerah"):
        services.change_state(
            actor=_actor(people["ministry_admin_viewer"], world.probolinggo), cycle=cycle, action="return", reason="x"
        )
    services.change_state(
        actor=_actor(people["ministry_admin"], world.probolinggo), cycle=cycle, action="return", reason="x"
    )
    cycle.refresh_from_db()
    assert cycle.state == AssessmentCycle.State.OPEN


def test_a_region_role_elsewhere_or_ended_is_no_conflict(world, people, cycle):
    user = people["ministry_admin_viewer"]
    # A region role in another workspace does not touch this one.
    assert rules.holds_region_role(user, world.probolinggo)
    assert not rules.holds_region_role(user, world.pasuruan)
    # A membership that ended yesterday is no longer a role held.
    Membership.objects.filter(user=user, workspace=world.probolinggo).update(
        valid_from=timezone.localdate() - timedelta(days=30), valid_until=timezone.localdate() - timedelta(days=1)
    )
    assert not rules.holds_region_role(user, world.probolinggo)
    fill(cycle, "3", verified="3")
    services.change_state(actor=_actor(user, world.probolinggo), cycle=cycle, action="verify")
    cycle.refresh_from_db()
    assert cycle.state == AssessmentCycle.State.VERIFIED


def test_publishing_is_refused_only_for_a_period_that_ranks_the_publishers_region(world, people, ranked_periods):
    """Kota Pasuruan is ranked in 2021 stage II, not in 2019 stage II."""
    from platform.accounts.models import User

    admin = User.objects.create_user(
        email="ministry_admin_pasuruan@example.id",
        password="rahasia-uji-123",
        national_role=User.NationalRole.MINISTRY_ADMIN,
        is_staff=True,
    )
    Membership.objects.create(user=admin, workspace=world.pasuruan, role=Role.COUNCIL)
    with pytest.raises(PermissionDenied, match="Kota Pasuruan"):
        framework_services.publish_ranking(actor=admin, year=2021, stage=2)
    assert framework_services.publish_ranking(actor=admin, year=2019, stage=2).published_by == admin
    # Withdrawing a ranking that ranks their region is refused too; someone else withdraws it.
    framework_services.publish_ranking(actor=people["ministry_admin"], year=2021, stage=2)
    with pytest.raises(PermissionDenied):
        framework_services.withdraw_ranking(actor=admin, year=2021, stage=2)
    with pytest.raises(PermissionDenied):
        framework_services.withdraw_ranking(actor=people["ministry_admin_viewer"], year=2021, stage=2)
    assert RankingPublication.objects.filter(year=2021, stage=2).exists()
    framework_services.withdraw_ranking(actor=people["ministry_admin"], year=2021, stage=2)
    assert not RankingPublication.objects.filter(year=2021, stage=2).exists()


def test_the_cycle_page_does_not_offer_assessor_actions_to_someone_holding_a_region_role(
    world, people, client_for, cycle
):
    """The services refuse; the page does not offer what would be refused (verify form, buttons)."""
    fill(cycle, "3")
    services.change_state(actor=SYSTEM, cycle=cycle, action="submit")
    response_pk = cycle.responses.order_by("pk").first().pk
    connection.set_schema_to_public()
    conflicted, admin = client_for(people["ministry_admin_viewer"]), client_for(people["ministry_admin"])
    assert "return" in admin.get(f"/assessments/{cycle.pk}/", HTTP_HOST=P).context["actions"]
    assert not set(conflicted.get(f"/assessments/{cycle.pk}/", HTTP_HOST=P).context["actions"]) & rules.ASSESSOR_ACTIONS
    url = f"/assessments/{cycle.pk}/responses/{response_pk}/"
    assert admin.get(url, HTTP_HOST=P).context["can_verify"] is True
    assert conflicted.get(url, HTTP_HOST=P).context["can_verify"] is False
