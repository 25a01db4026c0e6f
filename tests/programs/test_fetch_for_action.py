"""The fetch-for-action helpers of ``programs.access``: the page and the API fetch what an
action works on through them, and answer the same 404 for a missing object and a forbidden one."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.http import Http404

from programs import access
from programs.models import OpdEditor
from tenants.models import Membership
from tests.programs import factories as f
from tests.programs.test_api import BODY, setup_opds

P = "kota-probolinggo.sc100.test"


def test_an_opd_editor_without_an_opd_gets_404_from_the_page_and_the_api(world, client_for):
    setup_opds(world)
    client = client_for(world.users["editor_probolinggo"])  # not linked to an OPD
    assert client.get("/program/baru/", HTTP_HOST=P).status_code == 404
    assert client.post("/program/baru/", {}, HTTP_HOST=P).status_code == 404
    api = client.post("/api/v1/programs/", {**BODY, "lead_opd": "DLH"}, content_type="application/json", HTTP_HOST=P)
    assert api.status_code == 404


def test_access_new_program(world, probolinggo):
    with pytest.raises(Http404):
        access.access_new_program(f.actor(world, "editor_probolinggo"))
    f.link_editor(world, f.opd())
    access.access_new_program(f.actor(world, "editor_probolinggo"))
    access.access_new_program(f.actor(world, "admin_probolinggo"))


def test_a_dimension_for_edit(world, probolinggo):
    assert access.access_dimension_for_edit(f.actor(world, "admin_probolinggo"), "economy").code == "economy"
    for name, code in [("admin_probolinggo", "tidak-ada"), ("viewer_probolinggo", "economy")]:
        with pytest.raises(Http404):
            access.access_dimension_for_edit(f.actor(world, name), code)


def test_a_bimtek_stage_for_edit(world, probolinggo, client_for):
    assert access.access_bimtek_stage_for_edit(f.actor(world, "admin_probolinggo"), 2).number == 2
    for name, number in [("admin_probolinggo", 9), ("council_probolinggo", 2)]:
        with pytest.raises(Http404):
            access.access_bimtek_stage_for_edit(f.actor(world, name), number)
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    assert client.post("/bimtek/9/", {"planned_date": "2026-07-01"}, HTTP_HOST=P).status_code == 404
    refused = client.post("/bimtek/2/", {"planned_date": "2026-07-01", "completed_on": "2999-01-01"}, HTTP_HOST=P)
    assert refused.status_code == 400 and "Bimtek II" in refused.content.decode()


def test_an_opd_editor_to_assign_is_a_current_opd_editor_of_this_workspace(world, probolinggo):
    admin = f.actor(world, "admin_probolinggo")
    editor = world.users["editor_probolinggo"]
    assert access.access_opd_editor_for_assign(admin, editor.pk) == editor
    for name in ["viewer_probolinggo", "admin_pasuruan", "nobody", "facilitator_expired"]:
        with pytest.raises(Http404):
            access.access_opd_editor_for_assign(admin, world.users[name].pk)
    with pytest.raises(Http404):
        access.access_opd_editor_for_assign(f.actor(world, "viewer_probolinggo"), editor.pk)
    Membership.objects.filter(user=editor, workspace=world.probolinggo).update(
        valid_until=date.today() - timedelta(days=1)
    )
    with pytest.raises(Http404):
        access.access_opd_editor_for_assign(admin, editor.pk)


def test_assigning_an_opd_to_someone_not_an_opd_editor_here_is_404(world, client_for, probolinggo):
    opd = f.opd()
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    for name in ["admin_pasuruan", "viewer_probolinggo"]:
        pk = world.users[name].pk
        response = client.post(
            "/direktori/editor-opd/", {"user": str(pk), f"u{pk}-user": str(pk), f"u{pk}-opd": str(opd.pk)}, HTTP_HOST=P
        )
        assert response.status_code == 404
    pk = world.users["editor_probolinggo"].pk
    done = client.post(
        "/direktori/editor-opd/", {"user": str(pk), f"u{pk}-user": str(pk), f"u{pk}-opd": str(opd.pk)}, HTTP_HOST=P
    )
    assert done.status_code == 302
    connection.set_tenant(world.probolinggo)
    assert OpdEditor.objects.get(user_id=pk).opd == opd
