"""Hostile or careless input on the national and assessment pages: a clear message (400,
form or row error), never a 500, and nothing silently changed."""

import io

import pytest
import yaml
from openpyxl import load_workbook

from assessments.framework import services
from assessments.framework.models import Component, FrameworkVersion, PublishedResult
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX, P


@pytest.fixture
def admin(world, client_for):
    return client_for(world.users["ministry_admin"])


@pytest.fixture
def analyst(world, client_for):
    return client_for(world.users["ministry_analyst"])


@pytest.mark.parametrize(
    "url",
    [
        "/assessments/ranking/?page=99999999999999999999",
        "/assessments/ranking/?page=-5",
        "/api/v1/rankings/?cohort=%C2%B2",
        "/api/v1/rankings/?province=%00",
        "/api/v1/rankings/?kind=desa",
        "/api/v1/rankings/?province=jawa",
        "/regions/%00/",
        "/regions/35.7x/",
        "/api/v1/regions/%00/",
        "/masterplans/?q=%00",
    ],
)
def test_tampered_urls_get_a_client_error(analyst, versions, url):
    response = analyst.get(url, HTTP_HOST=APEX)
    assert response.status_code in (200, 302, 400, 404)  # a page, a fallback or a clear refusal: never a 500


def test_a_nul_character_in_a_url_is_refused_with_a_message(analyst):
    response = analyst.get("/assessments/ranking/?province=%00", HTTP_HOST=APEX)
    assert response.status_code == 400 and "NUL" in response.content.decode()


def _yaml(version, **changes) -> bytes:
    data = services.export_version(version) | {"code": "baru-2030"}
    for key, value in changes.items():
        data[key] = value
    return yaml.safe_dump(data, allow_unicode=True).encode()


def _import(admin, content):
    file = io.BytesIO(content)
    file.name = "versi.yaml"
    return admin.post("/frameworks/import/", {"file": file}, HTTP_HOST=APEX)


@pytest.mark.parametrize(
    "changes",
    [
        {"scale": [1, 2]},
        {"scale": "0-4"},
        {"rounding": "half_up"},
        {"components": ["baseline"]},
        {"components": {"a": 1}},
        {"indicators": 5},
        {"indicators": ["BL1"]},
        {"year": "tiga"},
        {"year": 99999},
        {"name": "x" * 201},
        {"code": "a\r\nX-Evil: 1"},
        {"code": "k" * 41},
        {"code": ["a"]},
    ],
)
def test_a_malformed_version_file_is_refused_with_a_message(admin, version, changes):
    before = FrameworkVersion.objects.count()
    response = _import(admin, _yaml(version, **changes))
    assert response.status_code == 400
    assert FrameworkVersion.objects.count() == before


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["components"][0].update(code=["a"]),
        lambda d: d["components"][0].update(code="k" * 31),
        lambda d: d["components"][0].pop("code"),
        lambda d: d["components"][0].update(weight="-10") or d["components"][1].update(weight="40"),
        lambda d: d["indicators"][0].update(code="x" * 31),
        lambda d: d["indicators"][0].update(weight="99999999"),
        lambda d: d["indicators"][0].update(weight="0.001"),
        lambda d: d["indicators"][0].update(component=["baseline"]),
        lambda d: d.update(scale={"min": "0", "max": "1e9"}),
        lambda d: d.update(scale={"min": "0.001", "max": "4"}),
    ],
)
def test_bad_parts_of_a_version_file_are_refused_whole(admin, version, mutate):
    data = services.export_version(version) | {"code": "baru-2030"}
    mutate(data)
    before = FrameworkVersion.objects.count()
    response = _import(admin, yaml.safe_dump(data, allow_unicode=True).encode())
    assert response.status_code == 400
    assert FrameworkVersion.objects.count() == before


def test_negative_or_over_precise_weights_are_refused_on_the_weights_page(admin, versions):
    draft = services.copy_as_new_version(actor=SYSTEM, version=versions[1], code="draf", name="Draf", year=2030)
    weights = {c.code: str(c.weight) for c in draft.components.all()}
    for bad in ({"baseline": "-10", "output": "40"}, {"baseline": "9.995", "output": "20.005"}):
        data = {f"weight-{code}": value for code, value in (weights | bad).items()}
        assert admin.post(f"/frameworks/{draft.pk}/weights/", data, HTTP_HOST=APEX).status_code == 400
    assert {c.code: str(c.weight) for c in Component.objects.filter(version=draft)} == weights


def _history(admin, text: str):
    file = io.BytesIO(text.encode())
    file.name = "hasil.csv"
    return admin.post("/assessments/history/import/", {"file": file}, HTTP_HOST=APEX)


@pytest.mark.parametrize(
    "content",
    [
        "region_code\n35.74\n",
        "\x01\x02 sampah\n35.74,2021\n",
        "region_code,year,stage,overall\n35.74,99999,2,3.1\n",
        "region_code,year,stage,overall,rank\n35.74,-2021,2,3.1,4\n",
        "region_code,year,stage,overall,rank\n35.74,2021,2,3.1,-4\n",
        "region_code,year,stage,overall\n35.74,2021,2,123456789\n",
        "region_code,year,stage,overall,rank\n35.74,2021,2,3.1,99999999999\n",
        "region_code,year,stage,overall,component:baseline\n35.74,2021,2,3.1,123456\n",
        "region_code,year,stage,overall\n35.74,2021,2,3.1234\n",
    ],
)
def test_a_bad_history_file_is_refused_with_a_message_and_nothing_written(admin, versions, content):
    response = _history(admin, content)
    assert response.status_code == 400
    assert not PublishedResult.objects.exists()


def test_the_version_export_name_is_a_safe_header(analyst, version):
    response = analyst.get(f"/frameworks/{version.pk}/export/", HTTP_HOST=APEX)
    assert response["Content-Disposition"] == f'attachment; filename="{version.code}.yaml"'


def test_control_characters_pasted_from_word_do_not_break_the_xlsx_export(world, client_for, cycle):
    from assessments import services as cycle_services

    response = cycle.responses.order_by("pk").first()
    cycle_services.save_self_assessment(
        response=response, score=3, evidence_text="Data BPS\x0b2023", evidence_links="", actor=SYSTEM
    )
    export = client_for(world.users["admin_probolinggo"]).get(f"/assessments/{cycle.pk}/?format=xlsx", HTTP_HOST=P)
    assert export.status_code == 200
    values = [c for row in load_workbook(io.BytesIO(export.content)).active.values for c in row]
    assert "Data BPS2023" in values
