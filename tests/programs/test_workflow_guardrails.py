"""Guardrails on the masterplan's workflow: submitting, approving and publishing while checklist
items fail needs an acknowledgement and a reason (kept in the status history with the failing
items); the page asks on a second page, a refusal is a form error, never a 500."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from programs import checklist, services
from programs.models import Masterplan, MasterplanTransition
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"
CONFIRMED = {"acknowledge_failing": True, "reason": "Rapat Dewan dijadwalkan besok"}


def test_submitting_with_failing_items_needs_the_acknowledgement_then_a_reason(world, probolinggo):
    admin = f.actor(world, "admin_probolinggo")
    with pytest.raises(ValidationError) as refused:
        services.transition_masterplan(actor=admin, action="submit", reason="Segera")
    assert set(refused.value.message_dict) == {"acknowledge_failing"}
    with pytest.raises(ValidationError) as refused:
        services.transition_masterplan(actor=admin, action="submit", acknowledge_failing=True, reason="  ")
    assert set(refused.value.message_dict) == {"reason"}
    assert Masterplan.objects.get().status == Masterplan.Status.DRAFT
    assert not MasterplanTransition.objects.exists()

    services.transition_masterplan(actor=admin, action="submit", **CONFIRMED)
    log = MasterplanTransition.objects.get()
    assert log.reason == CONFIRMED["reason"]
    assert "Profil daerah belum diisi" in log.failed_items_shown
    assert len(log.failed_items) == len(checklist.failing_before("submit"))
    # An English reader reads the items' labels in English, never the stored Indonesian.
    with translation.override("en"):
        assert "Regional profile" in log.failed_items_shown
        assert "Profil daerah" not in " ".join(log.failed_items_shown)


def test_approving_and_publishing_are_guarded_too_returning_and_reopening_are_not(world, probolinggo):
    admin, council = f.actor(world, "admin_probolinggo"), f.actor(world, "council_probolinggo")
    services.transition_masterplan(actor=admin, action="submit", **CONFIRMED)
    services.transition_masterplan(actor=council, action="return", reason="Lengkapi SWOT")
    services.transition_masterplan(actor=admin, action="submit", **CONFIRMED)
    with pytest.raises(ValidationError, match="butir daftar periksa"):
        services.transition_masterplan(actor=council, action="approve")
    services.transition_masterplan(actor=council, action="approve", **CONFIRMED)
    with pytest.raises(ValidationError, match="butir daftar periksa"):
        services.transition_masterplan(actor=admin, action="publish")
    services.transition_masterplan(actor=admin, action="publish", **CONFIRMED)
    services.transition_masterplan(actor=admin, action="reopen")
    logs = {t.action: t for t in MasterplanTransition.objects.all()}
    assert logs["return"].failed_items == [] and logs["reopen"].failed_items == []
    assert "Lembar komitmen" not in " ".join(logs["approve"].failed_items_shown)
    assert "Lembar komitmen kepala daerah belum diunggah" in logs["publish"].failed_items_shown


def test_the_items_the_workflow_completes_never_count(world, probolinggo):
    labels = {i.label for i in checklist.failing_before("publish")}
    assert "Masterplan disetujui Dewan Smart City" not in labels and "Masterplan diterbitkan" not in labels
    assert "Lembar komitmen kepala daerah dan kepala OPD" in labels
    assert "Lembar komitmen kepala daerah dan kepala OPD" not in {i.label for i in checklist.failing_before("submit")}
    assert checklist.failing_before("return") == [] == checklist.failing_before("reopen")


def test_with_nothing_failing_the_step_goes_straight_through(world, probolinggo, monkeypatch, client_for):
    monkeypatch.setattr(checklist, "failing_before", lambda action: [])
    connection.set_schema_to_public()
    response = client_for(world.users["admin_probolinggo"]).post(
        "/masterplan/status/", {"action": "submit"}, HTTP_HOST=P
    )
    assert response.status_code == 302
    connection.set_tenant(world.probolinggo)
    assert Masterplan.objects.get().status == Masterplan.Status.SUBMITTED
    assert MasterplanTransition.objects.get().failed_items == []


def test_the_page_lists_the_failing_items_and_asks_for_a_confirmation(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    asked = client.post("/masterplan/status/", {"action": "submit", "reason": "Segera"}, HTTP_HOST=P)
    body = asked.content.decode()
    assert asked.status_code == 200 and "Ajukan ke Dewan Smart City?" in body
    assert "Profil daerah belum diisi" in body and 'name="acknowledge_failing"' in body
    assert "Segera</textarea>" in body and "errorlist" not in body  # nothing refused yet

    refused = client.post(
        "/masterplan/status/", {"action": "submit", "confirming": "True", "reason": "Segera"}, HTTP_HOST=P
    )
    assert refused.status_code == 400
    assert "Centang konfirmasi untuk tetap melanjutkan" in refused.content.decode()
    refused = client.post(
        "/masterplan/status/", {"action": "submit", "confirming": "True", "acknowledge_failing": "on"}, HTTP_HOST=P
    )
    assert refused.status_code == 400 and "Tuliskan alasan melanjutkan" in refused.content.decode()
    connection.set_tenant(world.probolinggo)
    assert Masterplan.objects.get().status == Masterplan.Status.DRAFT
    connection.set_schema_to_public()

    done = client.post(
        "/masterplan/status/",
        {"action": "submit", "confirming": "True", "acknowledge_failing": "on", "reason": "Rapat Dewan besok"},
        HTTP_HOST=P,
        follow=True,
    )
    body = done.content.decode()
    assert "Status masterplan: diajukan." in body
    assert "Rapat Dewan besok" in body and "Dilanjutkan walau belum terpenuhi" in body
    assert "Profil daerah belum diisi" in body


def test_the_confirmation_alone_does_not_skip_the_list(world, client_for):
    """A ticked box posted from anywhere but the confirmation page still shows the list first."""
    client = client_for(world.users["admin_probolinggo"])
    asked = client.post(
        "/masterplan/status/", {"action": "submit", "acknowledge_failing": "on", "reason": "x"}, HTTP_HOST=P
    )
    assert asked.status_code == 200 and "butir daftar periksa belum terpenuhi" in asked.content.decode()


def test_the_api_refuses_without_the_acknowledgement(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    url = "/api/v1/masterplan/transitions/"
    refused = client.post(url, {"action": "submit"}, content_type="application/json", HTTP_HOST=P)
    assert refused.status_code == 400 and "acknowledge_failing" in refused.json()
    done = client.post(url, {"action": "submit", **CONFIRMED}, content_type="application/json", HTTP_HOST=P)
    assert done.status_code == 201 and done.json()["status"] == "submitted"
    log = client.get(url, HTTP_HOST=P).json()[0]
    assert log["reason"] == CONFIRMED["reason"] and "Profil daerah belum diisi" in log["failed_items"]


def test_statuses_are_shown_in_their_own_badges(world, client_for):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    assert 'class="badge masterplan-draft"' in client.get("/masterplan/", HTTP_HOST=P).content.decode()
    assert 'class="badge program-planned"' in client.get("/program/", HTTP_HOST=P).content.decode()
    detail = client.get(f"/program/{program.pk}/", HTTP_HOST=P).content.decode()
    assert 'class="badge program-planned"' in detail


def test_the_masterplan_page_says_before_the_step_that_a_confirmation_will_be_asked(world, client_for):
    body = client_for(world.users["admin_probolinggo"]).get("/masterplan/", HTTP_HOST=P).content.decode()
    assert 'aria-describedby="failing-submit"' in body
    assert "butir daftar periksa belum terpenuhi: Anda akan diminta konfirmasi dan alasan." in body
    connection.set_tenant(world.probolinggo)
    Masterplan.objects.update(status=Masterplan.Status.APPROVED)
    connection.set_schema_to_public()
    body = client_for(world.users["admin_probolinggo"]).get("/masterplan/", HTTP_HOST=P).content.decode()
    assert 'id="failing-publish"' in body and 'id="failing-reopen"' not in body
