"""Workspace pages and API of assessments: who may do what, evidence served only to members."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from assessments import services
from assessments.models import AssessmentCycle, AssessmentResponse, Evidence
from tenants.access import SYSTEM
from tests.assessments.conftest import P, fill


@pytest.fixture
def response_pk(cycle):
    pk = cycle.responses.order_by("pk").first().pk
    connection.set_schema_to_public()
    return pk


def _url(cycle, response_pk):
    return f"/assessments/{cycle.pk}/responses/{response_pk}/"


def _reload(pk):
    return AssessmentResponse.objects.get(pk=pk)


def test_a_region_member_fills_the_self_assessment_with_a_decimal_comma(world, client_for, cycle, response_pk):
    client = client_for(world.users["editor_probolinggo"])
    r = client.post(
        _url(cycle, response_pk),
        {
            "part": "self",
            "self_score": "3,5",
            "evidence_text": "SK Wali Kota",
            "evidence_links": "https://contoh.go.id/sk",
        },
        HTTP_HOST=P,
    )
    assert r.status_code == 302
    connection.set_tenant(world.probolinggo)
    assert _reload(response_pk).self_score == Decimal("3.5")


def test_a_bad_score_shows_the_form_again_with_the_message(world, client_for, cycle, response_pk):
    client = client_for(world.users["admin_probolinggo"])
    r = client.post(_url(cycle, response_pk), {"part": "self", "self_score": "9"}, HTTP_HOST=P)
    assert r.status_code == 400 and "Skor harus antara 0 dan 4" in r.content.decode()


@pytest.mark.parametrize(
    "who", ["viewer_probolinggo", "council_probolinggo", "facilitator_current", "ministry_analyst"]
)
def test_only_region_editors_self_assess(world, client_for, cycle, response_pk, who):
    r = client_for(world.users[who]).post(_url(cycle, response_pk), {"part": "self", "self_score": "2"}, HTTP_HOST=P)
    assert r.status_code == 404
    connection.set_tenant(world.probolinggo)
    assert _reload(response_pk).self_score is None


@pytest.mark.parametrize(("who", "allowed"), [
    ("facilitator_current", True), ("ministry_admin", True), ("admin_probolinggo", False), ("ministry_analyst", False),
])  # fmt: skip
def test_only_assigned_assessors_verify(world, client_for, cycle, response_pk, who, allowed):
    connection.set_tenant(world.probolinggo)
    fill(cycle, "3")
    services.change_state(cycle=cycle, action="submit", actor=SYSTEM)
    connection.set_schema_to_public()
    r = client_for(world.users[who]).post(
        _url(cycle, response_pk), {"part": "verify", "verified_score": "2,75", "assessor_notes": "ok"}, HTTP_HOST=P
    )
    assert r.status_code == (302 if allowed else 404)
    connection.set_tenant(world.probolinggo)
    assert _reload(response_pk).verified_score == (Decimal("2.75") if allowed else None)


def test_the_cycle_page_explains_the_index(world, client_for, cycle):
    connection.set_tenant(world.probolinggo)
    fill(cycle, "3")
    connection.set_schema_to_public()
    page = client_for(world.users["viewer_probolinggo"]).get(f"/assessments/{cycle.pk}/", HTTP_HOST=P)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Bagaimana indeks dihitung" in text and "10%×3 + 20%×3" in text and "<svg" in text
    assert 'id="overall">3,00<' in text


def test_reopening_is_offered_to_ministry_admins_only_and_audited(world, client_for, cycle):
    connection.set_tenant(world.probolinggo)
    fill(cycle, "3", verified="3")
    services.change_state(cycle=cycle, action="verify", actor=SYSTEM)
    services.change_state(cycle=cycle, action="finalize", actor=SYSTEM)
    connection.set_schema_to_public()
    url = f"/assessments/{cycle.pk}/state/"
    assert (
        client_for(world.users["admin_probolinggo"])
        .post(url, {"action": "reopen", "reason": "x"}, HTTP_HOST=P)
        .status_code
        == 404
    )
    admin = client_for(world.users["ministry_admin"])
    admin.post(url, {"action": "reopen", "reason": ""}, HTTP_HOST=P)
    connection.set_tenant(world.probolinggo)
    assert AssessmentCycle.objects.get(pk=cycle.pk).state == "final"
    connection.set_schema_to_public()
    admin.post(url, {"action": "reopen", "reason": "Koreksi skor"}, HTTP_HOST=P)
    connection.set_tenant(world.probolinggo)
    assert AssessmentCycle.objects.get(pk=cycle.pk).state == "self_assessed"
    assert AssessmentCycle.objects.get(pk=cycle.pk).events.first().reason == "Koreksi skor"


def test_evidence_is_uploaded_and_served_only_through_the_gate(world, client_for, cycle, response_pk):
    client = client_for(world.users["admin_probolinggo"])
    upload = SimpleUploadedFile("laporan.pdf", b"%PDF-1.4 rahasia", content_type="application/pdf")
    r = client.post(_url(cycle, response_pk), {"part": "evidence", "file": upload}, HTTP_HOST=P)
    assert r.status_code == 302
    connection.set_tenant(world.probolinggo)
    evidence = Evidence.objects.get(response_id=response_pk)
    connection.set_schema_to_public()
    url = f"/assessments/evidence/{evidence.pk}/"
    download = client_for(world.users["viewer_probolinggo"]).get(url, HTTP_HOST=P)
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 rahasia"
    assert download["X-Content-Type-Options"] == "nosniff"
    for who in ("admin_pasuruan", "facilitator_expired", "nobody"):
        assert client_for(world.users[who]).get(url, HTTP_HOST=P).status_code == 404
    # Another region's host never reaches Probolinggo's file, even with the right id.
    other = client_for(world.users["admin_pasuruan"]).get(url, HTTP_HOST="kota-pasuruan.sc100.test")
    assert other.status_code == 404 and b"rahasia" not in other.content


def test_an_exe_upload_is_refused_with_a_form_error(world, client_for, cycle, response_pk):
    client = client_for(world.users["admin_probolinggo"])
    upload = SimpleUploadedFile("virus.exe", b"MZ")
    r = client.post(_url(cycle, response_pk), {"part": "evidence", "file": upload}, HTTP_HOST=P)
    assert r.status_code == 400 and "Jenis berkas tidak diterima" in r.content.decode()


def test_the_api_lists_cycles_with_their_index_and_patches_a_score(world, client_for, cycle, response_pk):
    client = client_for(world.users["editor_probolinggo"])
    listing = client.get("/api/v1/assessment-cycles/", HTTP_HOST=P).json()
    assert [c["id"] for c in listing] == [cycle.pk]
    url = f"/api/v1/assessment-cycles/{cycle.pk}/responses/{response_pk}/"
    assert client.patch(url, {"self_score": "5"}, content_type="application/json", HTTP_HOST=P).status_code == 400
    ok = client.patch(url, {"self_score": "2.5"}, content_type="application/json", HTTP_HOST=P)
    assert ok.status_code == 200 and ok.json()["self_score"] == "2.50"
    verify = client.patch(url, {"verified_score": "2"}, content_type="application/json", HTTP_HOST=P)
    assert verify.status_code == 404  # the same answer as the page: a region editor verifies nothing
    detail = client.get(f"/api/v1/assessment-cycles/{cycle.pk}/", HTTP_HOST=P).json()
    assert detail["index"]["overall"] is None and len(detail["index"]["missing"]) == 29
    analyst = client_for(world.users["ministry_analyst"])
    assert analyst.patch(url, {"self_score": "1"}, content_type="application/json", HTTP_HOST=P).status_code == 404


def test_the_workspace_page_shows_history_beside_computed_and_the_cohort_position(world, client_for, db):
    from assessments.framework.services import import_published_results

    import_published_results(
        actor=SYSTEM,
        filename="x.csv",
        content=b'region_code,year,stage,overall,rank\n35.74,2019,2,"3,17",12\n35.74,2021,2,2.73,41\n35.75,2021,2,3.05,30\n',
    )
    page = client_for(world.users["viewer_probolinggo"]).get("/assessments/", HTTP_HOST=P).content.decode()
    assert "3,17" in page and "2,73" in page and "Impor hasil resmi" in page
    assert "Posisi dalam angkatan: 2 dari 2" in page
    assert "Kota Pasuruan" not in page  # its standing, never another region's name or figures


def test_the_score_field_shows_the_saved_score_with_a_decimal_comma(world, client_for, cycle, response_pk):
    connection.set_tenant(world.probolinggo)
    services.save_self_assessment(
        response=AssessmentResponse.objects.get(pk=response_pk),
        score=Decimal("2.5"),
        evidence_text="",
        evidence_links="",
        actor=SYSTEM,
    )
    connection.set_schema_to_public()
    page = client_for(world.users["admin_probolinggo"]).get(_url(cycle, response_pk), HTTP_HOST=P).content.decode()
    assert 'value="2,50"' in page and 'inputmode="decimal"' in page


def test_a_cycle_exports_its_scores_and_figures(world, client_for, cycle):
    connection.set_tenant(world.probolinggo)
    fill(cycle, "3")
    connection.set_schema_to_public()
    client = client_for(world.users["viewer_probolinggo"])
    text = client.get(f"/assessments/{cycle.pk}/?format=csv", HTTP_HOST=P).content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("indicator,component") and len(lines) == 1 + 30 + 5 + 6 + 1
    assert lines[-1].startswith("overall,,,,3.00")
    xlsx = client.get(f"/assessments/{cycle.pk}/?format=xlsx", HTTP_HOST=P)
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
