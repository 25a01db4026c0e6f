"""The facilitator's home (the apex) lists the cycles of their regions waiting for their
verification, read from the public snapshot rows the workspace's refresh writes."""

from django.db import connection

from assessments import services, snapshots
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX, P, fill


def _refresh(world):
    connection.set_tenant(world.probolinggo)
    snapshots.refresh_region_snapshot()
    connection.set_schema_to_public()


def test_a_submitted_cycle_waits_on_the_assigned_facilitators_home_only(world, client_for, cycle):
    fill(cycle, "3")
    services.change_state(cycle=cycle, action="submit", actor=SYSTEM)
    _refresh(world)

    home = client_for(world.users["facilitator_current"]).get("/", HTTP_HOST=APEX).content.decode()
    assert "Menunggu verifikasi Anda" in home and "Kota Probolinggo · 2024 Tahap I" in home
    assert "kota-probolinggo.sc100.test" in home and "/assessments/" in home
    for who in ("facilitator_expired", "admin_probolinggo", "admin_pasuruan"):
        page = client_for(world.users[who]).get("/", HTTP_HOST=APEX).content.decode()
        assert "Menunggu verifikasi Anda" not in page, who

    connection.set_tenant(world.probolinggo)
    services.change_state(cycle=cycle, action="return", actor=SYSTEM, reason="Lengkapi data dukung")
    connection.set_schema_to_public()
    _refresh(world)
    home = client_for(world.users["facilitator_current"]).get("/", HTTP_HOST=APEX).content.decode()
    assert "Tidak ada penilaian yang menunggu verifikasi Anda." in home


def test_an_open_cycle_is_not_waiting(world, client_for, cycle):
    _refresh(world)
    home = client_for(world.users["facilitator_current"]).get("/", HTTP_HOST=APEX).content.decode()
    assert "Kota Probolinggo · 2024 Tahap I" not in home


def test_the_waiting_link_opens_the_first_component_to_verify(world, client_for, cycle):
    fill(cycle, "3")
    services.change_state(cycle=cycle, action="submit", actor=SYSTEM)
    _refresh(world)
    home = client_for(world.users["facilitator_current"]).get("/", HTTP_HOST=APEX).content.decode()
    link = f"/assessments/periode/{cycle.year}/{cycle.stage}/"
    assert link in home

    first = cycle.framework_version.components.order_by("order", "code").first()
    response = client_for(world.users["facilitator_current"]).get(link, HTTP_HOST=P)
    assert response.status_code == 302
    assert response["Location"] == f"/assessments/{cycle.pk}/komponen/{first.code}/"
    # A region member cannot verify: the same link opens the cycle's page.
    response = client_for(world.users["admin_probolinggo"]).get(link, HTTP_HOST=P)
    assert response["Location"] == f"/assessments/{cycle.pk}/"
    # An unassigned facilitator, another region's admin, and an unknown period: nothing.
    for who in ("facilitator_expired", "admin_pasuruan"):
        assert client_for(world.users[who]).get(link, HTTP_HOST=P).status_code == 404, who
    assert (
        client_for(world.users["facilitator_current"]).get("/assessments/periode/1999/1/", HTTP_HOST=P).status_code
        == 404
    )
