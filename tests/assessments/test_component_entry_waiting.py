"""The facilitator's home (the apex) lists the cycles of their regions waiting for their
verification, read from the public snapshot rows the workspace's refresh writes."""

from django.db import connection

from assessments import services, snapshots
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX, fill


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
