"""One page per component: the self-assessment saved a page at a time, progress, the
verifier's page with its note rule, lost updates refused, permissions as on an indicator's page."""

import re
from decimal import Decimal

import pytest
from django.db import connection

from assessments import services
from assessments.models import AssessmentResponse
from tenants.access import SYSTEM
from tests.assessments.conftest import P, fill


def _url(cycle, component="baseline"):
    return f"/assessments/{cycle.pk}/komponen/{component}/"


def _rows(world, cycle, component="baseline"):
    connection.set_tenant(world.probolinggo)
    rows = list(
        AssessmentResponse.objects.filter(cycle=cycle, indicator__component__code=component).order_by(
            "indicator__order", "indicator__code"
        )
    )
    connection.set_schema_to_public()
    return rows


def _page_data(rows, part, **values):
    """The page as shown (hidden initials and stamps), then ``values`` per row: {pk: {field: value}}."""
    data = {"part": part}
    fields = (
        ("self_score", "evidence_text", "evidence_links") if part == "self" else ("verified_score", "assessor_notes")
    )
    for r in rows:
        data[f"{r.pk}-stamp"] = services.stamp(r)
        for name in fields:
            shown = getattr(r, name)
            shown = "" if shown is None else str(shown).replace(".", ",")
            data[f"{r.pk}-{name}"] = data[f"initial-{r.pk}-{name}"] = shown
    for key, value in values.items():
        data[key] = value
    return data


def test_the_region_admin_saves_a_component_page_and_goes_on_to_the_next(world, client_for, cycle):
    rows = _rows(world, cycle)
    assert len(rows) == 6
    client = client_for(world.users["admin_probolinggo"])
    page = client.get(_url(cycle), HTTP_HOST=P)
    text = page.content.decode()
    assert page.status_code == 200 and "0 dari 30 terisi" in text and "Simpan dan lanjut" in text
    assert "Berjalan, dievaluasi dan dikembangkan" in text  # the level descriptors
    data = _page_data(rows, "self", next="1")
    for r in rows[:4]:
        data[f"{r.pk}-self_score"] = "3,5"
    data[f"{rows[0].pk}-evidence_links"] = "https://contoh.go.id/bukti"
    response = client.post(_url(cycle), data, HTTP_HOST=P)
    assert response.status_code == 302 and response["Location"] == _url(cycle, "output")
    connection.set_tenant(world.probolinggo)
    saved = {r.pk: r for r in AssessmentResponse.objects.filter(pk__in=[r.pk for r in rows])}
    assert [saved[r.pk].self_score for r in rows] == [Decimal("3.5")] * 4 + [None, None]
    assert saved[rows[0].pk].evidence_links == "https://contoh.go.id/bukti"
    assert saved[rows[5].pk].updated_at == rows[5].updated_at  # untouched rows are not written
    connection.set_schema_to_public()
    nxt = client.get(response["Location"], HTTP_HOST=P).content.decode()
    assert "4 dari 30 terisi" in nxt
    cycle_page = client.get(f"/assessments/{cycle.pk}/", HTTP_HOST=P).content.decode()
    assert "4 dari 30 terisi" in cycle_page and "4 dari 6 terisi" in cycle_page


def test_the_last_component_leads_back_to_the_cycle(world, client_for, cycle):
    rows = _rows(world, cycle, "quick_win")
    client = client_for(world.users["editor_probolinggo"])
    response = client.post(_url(cycle, "quick_win"), _page_data(rows, "self", next="1"), HTTP_HOST=P)
    assert response.status_code == 302 and response["Location"] == f"/assessments/{cycle.pk}/"


def test_one_bad_row_saves_nothing_and_names_the_indicator(world, client_for, cycle):
    rows = _rows(world, cycle)
    data = _page_data(rows, "self", **{f"{rows[0].pk}-self_score": "3", f"{rows[1].pk}-self_score": "9"})
    response = client_for(world.users["admin_probolinggo"]).post(_url(cycle), data, HTTP_HOST=P)
    text = response.content.decode()
    assert response.status_code == 400 and "Skor harus antara 0 dan 4" in text
    assert f'href="#ind-{rows[1].pk}"' in text  # the error summary links to the row
    connection.set_tenant(world.probolinggo)
    assert AssessmentResponse.objects.get(pk=rows[0].pk).self_score is None


def test_a_row_changed_by_someone_else_is_not_overwritten(world, client_for, cycle):
    rows = _rows(world, cycle)
    connection.set_tenant(world.probolinggo)
    services.save_self_assessment(
        actor=SYSTEM, response=rows[0], score=Decimal("2"), evidence_text="", evidence_links=""
    )
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    data = _page_data(rows, "self", **{f"{rows[0].pk}-self_score": "4", f"{rows[1].pk}-self_score": "1"})
    for r in rows:  # the page was shown before the other save
        data[f"initial-{r.pk}-self_score"] = ""
    data[f"{rows[0].pk}-stamp"] = "2000-01-01T00:00:00+00:00"
    response = client.post(_url(cycle), data, HTTP_HOST=P)
    text = response.content.decode()
    assert response.status_code == 400 and "diubah pengguna lain" in text and "skor tersimpan kini: 2" in text
    connection.set_tenant(world.probolinggo)
    assert AssessmentResponse.objects.get(pk=rows[0].pk).self_score == Decimal("2")
    assert AssessmentResponse.objects.get(pk=rows[1].pk).self_score is None  # one transaction
    fresh = services.stamp(AssessmentResponse.objects.get(pk=rows[0].pk))
    connection.set_schema_to_public()
    assert fresh in text  # saving the page again is a deliberate overwrite
    data[f"{rows[0].pk}-stamp"] = fresh
    assert client.post(_url(cycle), data, HTTP_HOST=P).status_code == 302


def test_a_row_changed_while_another_row_had_a_form_error_is_still_not_overwritten(world, client_for, cycle):
    """A form error saves nothing and keeps the posted stamps: the second post still finds the
    row someone else changed in between (only after the service has compared them are the
    stamps renewed)."""
    rows = _rows(world, cycle)
    client = client_for(world.users["admin_probolinggo"])
    data = _page_data(rows, "self", **{f"{rows[0].pk}-self_score": "4", f"{rows[1].pk}-self_score": "tiga"})
    connection.set_tenant(world.probolinggo)
    services.save_self_assessment(  # someone else saves row 1 while the page is open
        actor=SYSTEM, response=rows[0], score=Decimal("2"), evidence_text="", evidence_links=""
    )
    connection.set_schema_to_public()
    shown = client.post(_url(cycle), data, HTTP_HOST=P)
    assert shown.status_code == 400  # row 2: not a number, a form error (the service is not asked)
    # the error fixed, the page posted again with the stamps it was shown with
    for r in rows:
        found = re.search(rf'name="{r.pk}-stamp" value="([^"]*)"', shown.content.decode())
        data[f"{r.pk}-stamp"] = found.group(1)
    data[f"{rows[1].pk}-self_score"] = "1"
    response = client.post(_url(cycle), data, HTTP_HOST=P)
    assert response.status_code == 400 and "diubah pengguna lain" in response.content.decode()
    connection.set_tenant(world.probolinggo)
    assert AssessmentResponse.objects.get(pk=rows[0].pk).self_score == Decimal("2")


@pytest.mark.parametrize(
    "who", ["viewer_probolinggo", "council_probolinggo", "facilitator_current", "ministry_analyst"]
)
def test_only_region_editors_save_a_component_page(world, client_for, cycle, who):
    rows = _rows(world, cycle)
    data = _page_data(rows, "self", **{f"{rows[0].pk}-self_score": "2"})
    client = client_for(world.users[who])
    assert client.post(_url(cycle), data, HTTP_HOST=P).status_code == 404
    page = client.get(_url(cycle), HTTP_HOST=P)
    assert page.status_code == 200 and "Simpan dan lanjut" not in page.content.decode()
    connection.set_tenant(world.probolinggo)
    assert AssessmentResponse.objects.get(pk=rows[0].pk).self_score is None


@pytest.mark.parametrize("who", ["admin_pasuruan", "facilitator_expired", "nobody"])
def test_outsiders_get_404_on_a_component_page(world, client_for, cycle, who):
    assert client_for(world.users[who]).get(_url(cycle), HTTP_HOST=P).status_code == 404


def test_an_unknown_component_is_404(world, client_for, cycle):
    assert client_for(world.users["admin_probolinggo"]).get(_url(cycle, "nope"), HTTP_HOST=P).status_code == 404


@pytest.fixture
def submitted(world, cycle):
    connection.set_tenant(world.probolinggo)
    fill(cycle, "3")
    services.change_state(cycle=cycle, action="submit", actor=SYSTEM)
    connection.set_schema_to_public()
    return cycle


def test_the_verifier_must_note_a_different_score(world, client_for, submitted):
    cycle = submitted
    rows = _rows(world, cycle)
    client = client_for(world.users["facilitator_current"])
    page = client.get(_url(cycle), HTTP_HOST=P).content.decode()
    assert "Skor mandiri" in page and "0 dari 30 terisi" in page and "skor verifikasi" in page
    data = _page_data(rows, "verify", **{f"{rows[0].pk}-verified_score": "2", f"{rows[1].pk}-verified_score": "3"})
    refused = client.post(_url(cycle), data, HTTP_HOST=P)
    assert refused.status_code == 400 and "Catatan wajib diisi" in refused.content.decode()
    connection.set_tenant(world.probolinggo)
    assert AssessmentResponse.objects.get(pk=rows[1].pk).verified_score is None
    connection.set_schema_to_public()
    data[f"{rows[0].pk}-assessor_notes"] = "SK belum ditandatangani"
    assert client.post(_url(cycle), data, HTTP_HOST=P).status_code == 302
    connection.set_tenant(world.probolinggo)
    first, second = (AssessmentResponse.objects.get(pk=r.pk) for r in rows[:2])
    assert (first.verified_score, first.assessor_notes) == (Decimal("2"), "SK belum ditandatangani")
    assert second.verified_score == Decimal("3") and first.verified_by == world.users["facilitator_current"]
    connection.set_schema_to_public()
    shown = client.get(_url(cycle), HTTP_HOST=P).content.decode()
    assert "2 dari 30 terisi" in shown and "Berbeda dari skor mandiri" in shown


def test_the_service_keeps_the_note_rule_too(world, submitted):
    rows = _rows(world, submitted)
    connection.set_tenant(world.probolinggo)
    entries = {rows[0].pk: (services.stamp(rows[0]), {"verified_score": Decimal("1"), "assessor_notes": " "})}
    with pytest.raises(services.ValidationError) as exc:
        services.save_component_verification(actor=SYSTEM, cycle=submitted, entries=entries)
    assert f"{rows[0].pk}:assessor_notes" in exc.value.message_dict


@pytest.mark.parametrize("who", ["admin_probolinggo", "ministry_analyst", "viewer_probolinggo"])
def test_only_assigned_assessors_verify_a_page(world, client_for, submitted, who):
    rows = _rows(world, submitted)
    data = _page_data(rows, "verify", **{f"{rows[0].pk}-verified_score": "3"})
    assert client_for(world.users[who]).post(_url(submitted), data, HTTP_HOST=P).status_code == 404
    connection.set_tenant(world.probolinggo)
    assert AssessmentResponse.objects.get(pk=rows[0].pk).verified_score is None


def test_a_ministry_admin_with_a_region_role_is_refused_on_the_page(world, client_for, submitted):
    from tenants.models import Membership

    Membership.objects.create(
        user=world.users["ministry_admin"], workspace=world.probolinggo, role=Membership.Role.VIEWER
    )
    rows = _rows(world, submitted)
    client = client_for(world.users["ministry_admin"])
    assert "Simpan dan lanjut" not in client.get(_url(submitted), HTTP_HOST=P).content.decode()
    data = _page_data(rows, "verify", **{f"{rows[0].pk}-verified_score": "3"})
    response = client.post(_url(submitted), data, HTTP_HOST=P)
    assert response.status_code == 403
    connection.set_tenant(world.probolinggo)
    assert AssessmentResponse.objects.get(pk=rows[0].pk).verified_score is None
