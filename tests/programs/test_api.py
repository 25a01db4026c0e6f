"""The masterplan API: nested programs, filters and pagination, field errors as 400, a
stale version as 409, the OPD editor's limits, the workflow, the OpenAPI schema."""

from django.db import connection

from programs.models import Program
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"

BODY = {
    "title": "Peta wisata digital",
    "dimension": "branding",
    "sub_dimension": "pariwisata",
    "lead_opd": "DISKOMINFO",
    "horizon": "short",
    "start_year": 2025,
    "end_year": 2026,
    "is_quick_win": True,
    "indicators": [{"name": "Kunjungan peta", "unit": "kali", "baseline": "0", "targets": {"2025": "5000"}}],
    "funding": [{"source": "apbd", "year": 2025, "amount": "75000000"}, {"source": "csr", "year": 2026, "amount": "1"}],
    "milestones": [{"title": "Data POI", "year": 2025, "quarter": 1, "progress": 100}],
}


def setup_opds(world):
    connection.set_tenant(world.probolinggo)
    f.opd()
    f.opd("DLH", "Dinas Lingkungan Hidup")
    connection.set_schema_to_public()


def test_create_read_and_filter_programs(world, client_for):
    setup_opds(world)
    client = client_for(world.users["admin_probolinggo"])
    created = client.post("/api/v1/programs/", BODY, content_type="application/json", HTTP_HOST=P)
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["version"] == 1 and data["budget"] == "75000001.00"
    assert data["funding"][0] == {"source": "apbd", "year": 2025, "amount": "75000000.00"}
    assert data["indicators"][0]["targets"] == {"2025": "5000.00"}
    listed = client.get("/api/v1/programs/?dimension=branding&is_quick_win=true", HTTP_HOST=P).json()
    assert listed["count"] == 1 and listed["results"][0]["title"] == "Peta wisata digital"
    assert client.get("/api/v1/programs/?dimension=economy", HTTP_HOST=P).json()["count"] == 0


def test_field_errors_are_400_and_nothing_is_written(world, client_for):
    setup_opds(world)
    client = client_for(world.users["admin_probolinggo"])
    bad = {**BODY, "sub_dimension": "energi", "start_year": "dua ribu"}
    response = client.post("/api/v1/programs/", bad, content_type="application/json", HTTP_HOST=P)
    assert response.status_code == 400 and "start_year" in response.json()
    bad = {**BODY, "sub_dimension": "energi"}
    response = client.post("/api/v1/programs/", bad, content_type="application/json", HTTP_HOST=P)
    assert response.status_code == 400 and "bukan bagian" in response.json()["sub_dimension"][0]
    bad = {**BODY, "funding": [{"source": "apbd", "year": 2030, "amount": "5"}]}
    response = client.post("/api/v1/programs/", bad, content_type="application/json", HTTP_HOST=P)
    assert response.status_code == 400 and "funding" in response.json()
    connection.set_tenant(world.probolinggo)
    assert not Program.objects.exists()


def test_stale_version_is_409_and_the_current_version_is_named(world, client_for):
    setup_opds(world)
    client = client_for(world.users["admin_probolinggo"])
    pk = client.post("/api/v1/programs/", BODY, content_type="application/json", HTTP_HOST=P).json()["id"]
    ok = client.put(
        f"/api/v1/programs/{pk}/", {**BODY, "version": 1, "title": "v2"}, content_type="application/json", HTTP_HOST=P
    )
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.put(f"/api/v1/programs/{pk}/", {**BODY, "version": 1}, content_type="application/json", HTTP_HOST=P)
    assert stale.status_code == 409 and stale.json()["current_version"] == 2
    assert "diubah orang lain" in stale.json()["version"][0]
    missing = client.put(f"/api/v1/programs/{pk}/", BODY, content_type="application/json", HTTP_HOST=P)
    assert missing.status_code == 400 and "version" in missing.json()


def test_opd_editor_writes_only_for_their_opd(world, client_for):
    setup_opds(world)
    connection.set_tenant(world.probolinggo)
    f.link_editor(world, f.opd("DLH"))
    connection.set_schema_to_public()
    client = client_for(world.users["editor_probolinggo"])
    refused = client.post("/api/v1/programs/", BODY, content_type="application/json", HTTP_HOST=P)
    assert refused.status_code == 400 and "lead_opd" in refused.json()
    own = client.post("/api/v1/programs/", {**BODY, "lead_opd": "DLH"}, content_type="application/json", HTTP_HOST=P)
    assert own.status_code == 201


CONFIRMED = {"acknowledge_failing": True, "reason": "Lanjut walau daftar periksa belum lengkap"}


def test_masterplan_status_and_refused_approval(world, client_for):
    admin = client_for(world.users["admin_probolinggo"])
    assert admin.get("/api/v1/masterplan/", HTTP_HOST=P).json()["status"] == "draft"
    admin.post(
        "/api/v1/masterplan/transitions/",
        {"action": "submit", **CONFIRMED},
        content_type="application/json",
        HTTP_HOST=P,
    )
    refused = client_for(world.users["viewer_probolinggo"]).post(
        "/api/v1/masterplan/transitions/", {"action": "approve"}, content_type="application/json", HTTP_HOST=P
    )
    assert refused.status_code == 403 and "Dewan Smart City" in refused.json()["detail"]
    approved = client_for(world.users["council_probolinggo"]).post(
        "/api/v1/masterplan/transitions/",
        {"action": "approve", **CONFIRMED},
        content_type="application/json",
        HTTP_HOST=P,
    )
    assert approved.status_code == 201 and approved.json()["status"] == "approved"


def test_openapi_schema_documents_the_masterplan(world, client_for):
    schema = client_for(world.users["viewer_probolinggo"]).get("/api/v1/schema/?format=json", HTTP_HOST=P).json()
    for path in ("/api/v1/programs/", "/api/v1/programs/{program_pk}/risks/", "/api/v1/opds/", "/api/v1/masterplan/"):
        assert path in schema["paths"], path


def test_hand_built_program_rows_equal_the_documented_serializer(world, probolinggo):
    from rest_framework import serializers

    from programs import api, services
    from programs.models import Risk

    program = f.program(world, is_quick_win=True)
    services.save_risk(
        actor=f.actor(world, "admin_probolinggo"), program=program, description="x", likelihood=2, impact=3
    )
    Risk.objects.create(program=program, description="y", likelihood=5, impact=5)
    row = api.program_queryset().get(pk=program.pk)
    serializer = api.ProgramSerializer()
    assert serializer.to_representation(row) == serializers.ModelSerializer.to_representation(serializer, row)
