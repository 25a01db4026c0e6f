"""Framework versions in the national API: read by ministry staff, created, copied and edited by
ministry admins under the screens' rules (frozen once a cycle uses them), carried as JSON that
is the YAML file's structure."""

import copy
import json

import pytest
import yaml
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

from assessments.framework import services
from assessments.framework.api.serializers import READ_ONLY_KEYS
from assessments.framework.models import FrameworkVersion
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX, P

API = "/api/v1/framework-versions/"


def facts_removed(body: dict) -> dict:
    return {key: value for key, value in body.items() if key not in READ_ONLY_KEYS}


def send(client, method: str, url: str, body, host: str = APEX):
    payload = body if isinstance(body, str | bytes) else json.dumps(body)
    return getattr(client, method)(url, payload, content_type="application/json", HTTP_HOST=host)


@pytest.fixture
def analyst(world, client_for):
    return client_for(world.users["ministry_analyst"])


@pytest.fixture
def new_body(admin, draft):
    """A valid body for a new version: the JSON of the draft under another code."""
    body = facts_removed(admin.get(f"{API}{draft.pk}/", HTTP_HOST=APEX).json())
    return body | {"code": "pedoman-2028", "name": "Pedoman 2028", "year": 2028}


# -- reading ---------------------------------------------------------------------------------


def test_staff_list_versions_with_weights_and_indicator_counts(analyst, versions, draft):
    body = analyst.get(API, HTTP_HOST=APEX).json()
    by_code = {row["code"]: row for row in body["results"]}
    assert body["count"] == 3 and list(by_code) == ["pedoman-2027", "pedoman-2022", "pedoman-2019"]
    assert [c["weight"] for c in by_code["pedoman-2022"]["components"]] == ["10.00", "20.00", "30.00", "20.00", "20.00"]
    assert by_code["pedoman-2022"]["indicator_count"] == 30 and by_code["pedoman-2027"]["based_on"] == versions[1].pk
    assert by_code["pedoman-2022"]["rounding"] == {"decimals": 2, "method": "half_up"}
    assert [r["code"] for r in analyst.get(API + "?year=2019", HTTP_HOST=APEX).json()["results"]] == ["pedoman-2019"]
    services.freeze_version(version=versions[0])
    frozen = analyst.get(API + "?frozen=true", HTTP_HOST=APEX).json()["results"]
    assert [(r["code"], r["is_frozen"]) for r in frozen] == [("pedoman-2019", True)]


def test_the_list_costs_the_same_queries_for_more_versions(analyst, versions, django_assert_max_num_queries):
    with django_assert_max_num_queries(8) as few:
        analyst.get(API, HTTP_HOST=APEX)
    for year in (2030, 2031, 2032):
        services.copy_as_new_version(actor=SYSTEM, version=versions[1], code=f"v{year}", name=str(year), year=year)
    with django_assert_max_num_queries(len(few)):
        assert analyst.get(API, HTTP_HOST=APEX).json()["count"] == 5


def test_a_versions_json_is_its_yaml_export(analyst, admin, version):
    version.refresh_from_db()  # as stored: the scale with its two decimals
    body = analyst.get(f"{API}{version.pk}/", HTTP_HOST=APEX).json()
    exported = admin.get(f"/frameworks/{version.pk}/export/", HTTP_HOST=APEX).content.decode()
    assert facts_removed(body) == yaml.safe_load(exported) == yaml.safe_load(services.export_version_yaml(version))
    assert set(body) == set(READ_ONLY_KEYS) | set(yaml.safe_load(exported))
    assert body["id"] == version.pk and body["is_frozen"] is False and body["frozen_at"] is None
    assert body["indicators"][0]["levels"][4] == {"score": 4, "description": "Berjalan, dievaluasi dan dikembangkan"}


# -- writing ---------------------------------------------------------------------------------


def test_an_admin_creates_a_version_from_its_json(admin, new_body):
    response = send(admin, "post", API, new_body)
    assert response.status_code == 201, response.content
    created = FrameworkVersion.objects.get(code="pedoman-2028")
    assert response.json()["id"] == created.pk and facts_removed(response.json()) == new_body
    assert created.indicators.count() == 30 and not created.is_frozen


def test_round_trip_get_then_post_as_a_new_version_gives_the_same_version(admin, version):
    version.refresh_from_db()
    original = admin.get(f"{API}{version.pk}/", HTTP_HOST=APEX).json()
    posted = send(admin, "post", API, original | {"code": "pedoman-2022-salinan"})
    assert posted.status_code == 201, posted.content
    again = admin.get(f"{API}{posted.json()['id']}/", HTTP_HOST=APEX).json()
    assert facts_removed(again) | {"code": "x"} == facts_removed(original) | {"code": "x"}
    new = FrameworkVersion.objects.get(code="pedoman-2022-salinan")
    assert services.export_version(new) | {"code": "x"} == services.export_version(version) | {"code": "x"}


def test_an_admin_copies_a_version(admin, version):
    response = send(admin, "post", f"{API}{version.pk}/copy/", {"code": "pedoman-2026", "name": "2026", "year": 2026})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["based_on"] == version.pk and body["is_frozen"] is False and body["year"] == 2026
    assert body["components"] == services.export_version(version)["components"]
    taken = send(admin, "post", f"{API}{version.pk}/copy/", {"code": "pedoman-2026", "name": "lagi", "year": 2026})
    assert taken.status_code == 400 and "sudah ada" in taken.json()["code"][0]


def test_put_makes_a_draft_what_the_body_says(admin, draft):
    body = facts_removed(admin.get(f"{API}{draft.pk}/", HTTP_HOST=APEX).json())
    body["name"] = "Pedoman 2027 (revisi)"
    body["rounding"] = {"decimals": 3, "method": "half_even"}
    body["scale"] = {"min": "1.00", "max": "5.00"}  # every old level (0–4) lies outside
    for component in body["components"]:
        component["weight"] = "20.00"
    removed = body["indicators"].pop()
    body["indicators"].insert(0, body["indicators"].pop(3))  # a new order
    body["indicators"][0]["question"] = "Pertanyaan yang diperbaiki"
    body["indicators"].append(
        body["indicators"][1] | {"code": "QW9", "component": "quick_win", "subdimension": "energi", "weight": "2.50"}
    )
    for indicator in body["indicators"]:
        indicator["levels"] = [{"score": n, "description": f"Tingkat {n}"} for n in range(1, 6)]
    response = send(admin, "put", f"{API}{draft.pk}/", body)
    assert response.status_code == 200, response.content
    assert facts_removed(response.json()) == body
    assert facts_removed(admin.get(f"{API}{draft.pk}/", HTTP_HOST=APEX).json()) == body
    assert not draft.indicators.filter(code=removed["code"]).exists()


def test_patch_changes_only_the_keys_given(admin, draft):
    before = facts_removed(admin.get(f"{API}{draft.pk}/", HTTP_HOST=APEX).json())
    response = send(admin, "patch", f"{API}{draft.pk}/", {"name": "Nama baru", "description": "Catatan"})
    assert response.status_code == 200, response.content
    assert facts_removed(response.json()) == before | {"name": "Nama baru", "description": "Catatan"}


def test_an_edit_keeps_the_code_and_the_components(admin, draft):
    code = send(admin, "patch", f"{API}{draft.pk}/", {"code": "kode-lain"})
    assert code.status_code == 400 and "salin" in code.json()["code"][0]
    components = services.export_version(draft)["components"]
    renamed = [components[0] | {"name": "Dasar"}] + components[1:]
    assert send(admin, "patch", f"{API}{draft.pk}/", {"components": renamed}).status_code == 400
    assert draft.components.get(code="baseline").name == "Baseline"


def test_a_version_a_cycle_uses_is_frozen_for_edits_but_can_be_copied(admin, cycle, version):
    body = facts_removed(admin.get(f"{API}{version.pk}/", HTTP_HOST=APEX).json())
    before = services.export_version(version)
    for method, payload in (("put", body | {"name": "Baru"}), ("patch", {"name": "Baru"})):
        response = send(admin, method, f"{API}{version.pk}/", payload)
        assert response.status_code == 409
        assert "dibekukan" in response.json()["detail"] and "salin sebagai versi baru" in response.json()["detail"]
    assert services.export_version(version) == before
    copied = send(admin, "post", f"{API}{version.pk}/copy/", {"code": "pedoman-2025", "name": "2025", "year": 2025})
    assert copied.status_code == 201 and copied.json()["based_on"] == version.pk


# -- who may ---------------------------------------------------------------------------------

READERS = {"ministry_admin": 200, "ministry_analyst": 200}
OUTSIDERS = ["admin_probolinggo", "facilitator_current", "viewer_probolinggo", "nobody"]


def requests_for(draft, versions) -> list:
    other = {"code": "salinan-uji", "name": "Salinan", "year": 2029}
    return [
        ("get", API, None, 200),
        ("get", f"{API}{draft.pk}/", None, 200),
        ("post", API, services.export_version(versions[0]) | {"code": "baru-uji"}, 201),
        ("patch", f"{API}{draft.pk}/", {"name": "Diubah"}, 200),
        ("put", f"{API}{draft.pk}/", services.export_version(draft), 200),
        ("post", f"{API}{draft.pk}/copy/", other, 201),
    ]


@pytest.mark.parametrize("who", ["ministry_admin", "ministry_analyst", *OUTSIDERS, None])
def test_who_may_read_and_write_framework_versions(world, client_for, versions, draft, who):
    client = client_for(world.users[who] if who else None)
    for method, url, body, admin_status in requests_for(draft, versions):
        response = send(client, method, url, body) if body is not None else client.get(url, HTTP_HOST=APEX)
        if who is None:
            expected = (401, 403)
        elif who == "ministry_admin":
            expected = (admin_status,)
        elif who == "ministry_analyst":
            expected = (200,) if method == "get" else (403,)
        else:
            expected = (404,)
        assert response.status_code in expected, (who, method, url, response.content[:300])
    if who != "ministry_admin":
        assert not FrameworkVersion.objects.filter(code__in=["baru-uji", "salinan-uji"]).exists()
        assert FrameworkVersion.objects.get(pk=draft.pk).name == "Pedoman 2027"


def test_framework_versions_are_not_on_a_workspace_host(world, client_for, version):
    client = client_for(world.users["admin_probolinggo"])
    assert client.get(API, HTTP_HOST=P).status_code == 404


# -- bad input -------------------------------------------------------------------------------


def _set(body, keys, value):
    target = body
    for key in keys[:-1]:
        target = target[key]
    if value is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value


BAD = [
    ("year-as-text", ("year",), "dua ribu", "year"),
    ("components-not-a-list", ("components",), "baseline", "components"),
    ("weight-a-boolean", ("components", 0, "weight"), True, "components"),
    ("weight-not-a-number", ("components", 0, "weight"), "sepuluh", "components"),
    ("missing-code", ("code",), KeyError, "code"),
    ("missing-indicators", ("indicators",), KeyError, "indicators"),
    ("no-components", ("components",), [], "components"),
    ("weights-total-105", ("components", 0, "weight"), "15", "components"),
    ("weight-in-exponent-form", ("components", 0, "weight"), "1e2", "components"),
    ("huge-number", ("components", 0, "weight"), 10**400, "components"),
    ("weight-three-decimals", ("components", 0, "weight"), "10.001", "components"),
    ("duplicate-component", ("components", 1, "code"), "baseline", "components"),
    ("duplicate-indicator", ("indicators", 1, "code"), "BL1", "indicators"),
    ("nul-in-question", ("indicators", 0, "question"), "Ada\x00NUL", "indicators[0].question"),
    ("nul-in-level", ("indicators", 0, "levels", 0, "description"), "\x00", "indicators[0].levels[0].description"),
    ("huge-description", ("description",), "x" * 20_000, "description"),
    ("huge-code", ("code",), "a" * 100_000, "code"),
    ("huge-question", ("indicators", 0, "question"), "t" * 6000, "indicators"),
    ("bad-code-characters", ("code",), "versi baru!", "code"),
    ("unknown-subdimension", ("indicators", 0, "subdimension"), "tidak-ada", "indicators"),
    ("unknown-component", ("indicators", 0, "component"), "lainnya", "indicators"),
    ("level-outside-scale", ("indicators", 0, "levels", 0, "score"), 9, "indicators"),
    ("level-extra-key", ("indicators", 0, "levels", 0, "html"), "<b>x</b>", "indicators"),
    ("levels-not-a-list", ("indicators", 0, "levels"), {"score": 1}, "indicators"),
    ("zero-indicator-weight", ("indicators", 0, "weight"), "0", "indicators"),
    ("unknown-rounding", ("rounding", "method"), "ke-atas", "rounding"),
    ("scale-inverted", ("scale",), {"min": "4", "max": "1"}, "scale"),
    ("code-taken", ("code",), "pedoman-2022", "code"),
]


@pytest.mark.parametrize(("keys", "value", "field"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_to_create_is_a_400_with_field_errors(admin, new_body, keys, value, field):
    body = copy.deepcopy(new_body)
    _set(body, keys, value)
    count = FrameworkVersion.objects.count()
    response = send(admin, "post", API, body)
    assert response.status_code == 400, response.content[:500]
    assert field in response.json(), response.json()
    assert FrameworkVersion.objects.count() == count


@pytest.mark.parametrize(
    "payload",
    ["[]", "null", '"teks"', "{", "[" * 100_000, json.dumps({"indicators": [[[[[]]]]] * 3})],
    ids=["list", "null", "string", "broken", "deep", "nested-junk"],
)
def test_a_body_that_is_no_version_is_a_400(admin, draft, payload):
    for method, url in (("post", API), ("put", f"{API}{draft.pk}/"), ("post", f"{API}{draft.pk}/copy/")):
        assert send(admin, method, url, payload).status_code == 400, (method, url, payload[:20])


@pytest.mark.parametrize(("keys", "value", "field"), [b[1:] for b in BAD[:15]], ids=[b[0] for b in BAD[:15]])
def test_bad_input_to_an_edit_is_a_400_and_changes_nothing(admin, draft, keys, value, field):
    body = services.export_version(draft)
    before = copy.deepcopy(body)
    _set(body, keys, value)
    response = send(admin, "put", f"{API}{draft.pk}/", body)
    assert response.status_code == 400 and field in response.json(), response.content[:500]
    assert services.export_version(draft) == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"code": "ok-kode", "name": "N", "year": "2026"}, None),
        ({"code": "ok-kode", "name": "N", "year": 1999}, "year"),
        ({"code": "spasi kode", "name": "N", "year": 2026}, "code"),
        ({"code": "ok-kode", "name": "N" * 300, "year": 2026}, "name"),
        ({"code": "ok-kode", "year": 2026}, "name"),
        ({"code": "ok-kode", "name": "N\x00", "year": 2026}, "name"),
        ({"code": ["ok"], "name": "N", "year": 2026}, "code"),
    ],
)
def test_a_copy_checks_its_code_name_and_year(admin, version, body, field):
    response = send(admin, "post", f"{API}{version.pk}/copy/", body)
    if field is None:
        assert response.status_code == 201  # a year given as text is still a year
    else:
        assert response.status_code == 400 and field in response.json(), response.content


def test_huge_page_numbers_and_bad_filters_are_4xx(analyst, versions):
    assert analyst.get(API + "?page=99999999999999999999", HTTP_HOST=APEX).status_code == 404
    assert analyst.get(API + "?year=duaribu", HTTP_HOST=APEX).status_code == 400
    assert analyst.get(f"{API}99999999/", HTTP_HOST=APEX).status_code == 404


# -- schema ----------------------------------------------------------------------------------


def test_the_national_schema_documents_framework_versions_without_warnings(analyst):
    GENERATOR_STATS.reset()
    alone = SchemaGenerator(patterns=[path("api/v1/", include("assessments.framework.api_urls"))])
    alone.get_schema(request=None, public=True)
    assert not GENERATOR_STATS, dict(GENERATOR_STATS._warn_cache) | dict(GENERATOR_STATS._error_cache)
    schema = analyst.get("/api/v1/schema/", {"format": "json"}, HTTP_HOST=APEX).json()
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths[API]) and {"get", "put", "patch"} <= set(paths[API + "{id}/"])
    assert "post" in paths[API + "{id}/copy/"] and "409" in paths[API + "{id}/"]["put"]["responses"]
    assert {"code", "scale", "rounding", "components", "indicators"} <= set(
        schema["components"]["schemas"]["FrameworkVersion"]["properties"]
    )


def test_a_yaml_file_with_a_number_of_400_digits_is_refused_like_the_json(version):
    from django.core.exceptions import ValidationError

    data = services.export_version(version) | {"code": "besar"}
    data["components"][0]["weight"] = 10**400
    with pytest.raises(ValidationError, match="rentang"):
        services.import_version_yaml(actor=SYSTEM, text=yaml.safe_dump(data))
