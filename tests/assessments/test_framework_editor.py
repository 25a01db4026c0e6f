"""A ministry admin edits a version no cycle uses yet: its settings and its indicators, in
the UI; a frozen version refuses every change; bad input gets form errors, never a 500."""

from decimal import Decimal

import pytest
import yaml

from assessments.framework import selectors, services
from assessments.framework.models import FrameworkVersion, Indicator, SubDimension
from tests.assessments.conftest import APEX


def _indicator_data(version, **overrides):
    data = {
        "code": "B99",
        "component": version.components.get(code="baseline").pk,
        "subdimension": SubDimension.objects.get(code="sampah-limbah").pk,
        "question": "Apakah ada bank sampah digital?",
        "weight": "1,5",
        "levels": "0: Belum ada\n2,5: Sebagian desa\n4: Semua desa",
    }
    return data | overrides


def test_an_admin_changes_the_settings_of_an_unfrozen_version(admin, draft):
    page = admin.get(f"/frameworks/{draft.pk}/", HTTP_HOST=APEX).content.decode()
    assert f"/frameworks/{draft.pk}/settings/" in page and "Tambah indikator" in page
    response = admin.post(
        f"/frameworks/{draft.pk}/settings/",
        {"name": "Pedoman 2027 (final)", "year": "2027", "scale_min": "0", "scale_max": "5", "decimals": "3",
         "rounding": "half_even", "description": ""},
        HTTP_HOST=APEX,
    )  # fmt: skip
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.name, draft.scale_max, draft.decimals, draft.rounding) == (
        "Pedoman 2027 (final)",
        Decimal("5"),
        3,
        "half_even",
    )


def test_a_scale_upside_down_is_a_form_error_and_changes_nothing(admin, draft):
    response = admin.post(
        f"/frameworks/{draft.pk}/settings/",
        {"name": "x", "year": "2027", "scale_min": "4", "scale_max": "1", "decimals": "9", "rounding": "acak"},
        HTTP_HOST=APEX,
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"decimals", "rounding"} <= set(errors) and errors.get("__all__")
    draft.refresh_from_db()
    assert (draft.scale_min, draft.scale_max, draft.name) == (Decimal("0"), Decimal("4"), "Pedoman 2027")


def test_a_scale_that_leaves_level_scores_outside_is_refused_naming_the_indicators(admin, draft):
    response = admin.post(
        f"/frameworks/{draft.pk}/settings/",
        {"name": "Pedoman 2027", "year": "2027", "scale_min": "0", "scale_max": "3", "decimals": "2",
         "rounding": "half_up", "description": ""},
        HTTP_HOST=APEX,
    )  # fmt: skip
    assert response.status_code == 400
    errors = response.context["form"].errors["scale_max"]
    assert errors and all("di luar skala" in e for e in errors)
    assert draft.indicators.order_by("order").first().code in errors[0]
    draft.refresh_from_db()
    assert draft.scale_max == Decimal("4")


def test_an_admin_adds_an_indicator_with_levels_and_it_counts_in_the_index(admin, draft):
    response = admin.post(f"/frameworks/{draft.pk}/indicators/new/", _indicator_data(draft), HTTP_HOST=APEX)
    assert response.status_code == 302
    indicator = draft.indicators.get(code="B99")
    assert indicator.weight == Decimal("1.5")
    assert indicator.levels == [
        {"score": 0, "description": "Belum ada"},
        {"score": 2.5, "description": "Sebagian desa"},
        {"score": 4, "description": "Semua desa"},
    ]
    assert "B99" in [i.code for i in selectors.spec_for(draft).indicators]
    exported = yaml.safe_load(services.export_version_yaml(draft))
    assert any(i["code"] == "B99" and i["subdimension"] == "sampah-limbah" for i in exported["indicators"])


def test_an_admin_changes_then_deletes_an_indicator(admin, draft):
    indicator = draft.indicators.order_by("order").first()
    form = admin.get(f"/frameworks/{draft.pk}/indicators/{indicator.pk}/", HTTP_HOST=APEX)
    assert form.status_code == 200 and indicator.question in form.content.decode()
    data = _indicator_data(draft, code=indicator.code, question="Pertanyaan yang diperbaiki")
    assert admin.post(f"/frameworks/{draft.pk}/indicators/{indicator.pk}/", data, HTTP_HOST=APEX).status_code == 302
    indicator.refresh_from_db()
    assert indicator.question == "Pertanyaan yang diperbaiki"
    count = draft.indicators.count()
    admin.post(f"/frameworks/{draft.pk}/indicators/{indicator.pk}/delete/", HTTP_HOST=APEX)
    assert draft.indicators.count() == count - 1


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"weight": "tiga"}, "weight"),
        ({"weight": "0"}, "weight"),
        ({"levels": "dua tingkat tanpa titik dua"}, "levels"),
        ({"levels": "7: di luar skala"}, "levels"),
        ({"levels": "x: bukan angka"}, "levels"),
        ({"code": "BL1"}, "code"),  # already used in the version
        ({"component": "999999"}, "component"),
        ({"subdimension": "abc"}, "subdimension"),
        ({"question": ""}, "question"),
    ],
)
def test_bad_indicator_input_gets_a_form_error_and_writes_nothing(admin, draft, overrides, field):
    count = draft.indicators.count()
    response = admin.post(
        f"/frameworks/{draft.pk}/indicators/new/", _indicator_data(draft, **overrides), HTTP_HOST=APEX
    )
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert draft.indicators.count() == count


def test_a_component_of_another_version_is_refused(admin, draft, versions):
    other = versions[0].components.get(code="baseline")
    response = admin.post(
        f"/frameworks/{draft.pk}/indicators/new/", _indicator_data(draft, component=other.pk), HTTP_HOST=APEX
    )
    assert response.status_code == 400 and "component" in response.context["form"].errors


def test_the_last_indicator_cannot_be_deleted(admin, draft):
    keep = draft.indicators.order_by("order").first()
    Indicator.objects.filter(version=draft).exclude(pk=keep.pk).delete()
    response = admin.post(f"/frameworks/{draft.pk}/indicators/{keep.pk}/delete/", HTTP_HOST=APEX, follow=True)
    assert "indikator terakhir tidak dapat dihapus" in response.content.decode()
    assert draft.indicators.count() == 1


def test_a_frozen_version_refuses_every_change(admin, version, cycle):
    version.refresh_from_db()
    assert version.is_frozen
    indicator = version.indicators.first()
    response = admin.get(f"/frameworks/{version.pk}/settings/", HTTP_HOST=APEX, follow=True)
    assert "dibekukan" in response.content.decode()
    assert admin.get(f"/frameworks/{version.pk}/indicators/new/", HTTP_HOST=APEX).status_code == 302
    before = (version.indicators.count(), indicator.question)
    response = admin.post(
        f"/frameworks/{version.pk}/indicators/{indicator.pk}/",
        _indicator_data(version, code=indicator.code, question="diubah"),
        HTTP_HOST=APEX,
    )
    assert response.status_code in (302, 400)
    admin.post(f"/frameworks/{version.pk}/indicators/new/", _indicator_data(version), HTTP_HOST=APEX)
    admin.post(f"/frameworks/{version.pk}/indicators/{indicator.pk}/delete/", HTTP_HOST=APEX)
    admin.post(
        f"/frameworks/{version.pk}/settings/",
        {"name": "x", "year": "2027", "scale_min": "0", "scale_max": "5", "decimals": "2", "rounding": "half_up"},
        HTTP_HOST=APEX,
    )
    indicator.refresh_from_db()
    assert (version.indicators.count(), indicator.question) == before
    assert FrameworkVersion.objects.get(pk=version.pk).scale_max == Decimal("4")


@pytest.mark.parametrize("who", ["ministry_analyst", "admin_probolinggo", "facilitator_current", "nobody"])
def test_only_ministry_admins_edit_versions(world, client_for, draft, who):
    client = client_for(world.users[who])
    indicator = draft.indicators.first()
    for url in (
        f"/frameworks/{draft.pk}/settings/",
        f"/frameworks/{draft.pk}/indicators/new/",
        f"/frameworks/{draft.pk}/indicators/{indicator.pk}/",
    ):
        assert client.get(url, HTTP_HOST=APEX).status_code == 404, url
        assert client.post(url, _indicator_data(draft), HTTP_HOST=APEX).status_code == 404, url
    assert client.post(f"/frameworks/{draft.pk}/indicators/{indicator.pk}/delete/", HTTP_HOST=APEX).status_code == 404
    assert draft.indicators.filter(pk=indicator.pk).exists()
