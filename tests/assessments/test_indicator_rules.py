"""One rule set for a framework indicator: the editor's form, the YAML import and the editing
service refuse the same weights and level scores, with the same messages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments.framework import selectors, services
from assessments.framework.models import FrameworkVersion
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX
from tests.assessments.test_framework_editor import _indicator_data


def _import(version, code="impor", **indicator):
    data = services.export_version(version) | {"code": code}
    data["indicators"][0] |= indicator
    return services.create_version_from_data(actor=SYSTEM, data=data)


@pytest.mark.parametrize("weight", ["9999,99", "0,01"])
def test_a_weight_the_page_accepts_is_accepted_by_the_file_and_the_service(admin, draft, weight):
    response = admin.post(
        f"/frameworks/{draft.pk}/indicators/new/", _indicator_data(draft, weight=weight), HTTP_HOST=APEX
    )
    assert response.status_code == 302
    value = Decimal(weight.replace(",", "."))
    assert _import(draft, weight=str(value)).indicators.order_by("order").first().weight == value
    indicator = draft.indicators.get(code="B99")
    assert services.save_indicator(actor=SYSTEM, version=draft, indicator=indicator, weight=value).weight == value


@pytest.mark.parametrize("weight", ["0", "-1", "10000", "1,555"])
def test_a_weight_the_page_refuses_is_refused_by_the_file_and_the_service(admin, draft, weight):
    response = admin.post(
        f"/frameworks/{draft.pk}/indicators/new/", _indicator_data(draft, weight=weight), HTTP_HOST=APEX
    )
    assert response.status_code == 400 and "weight" in response.context["form"].errors
    value = Decimal(weight.replace(",", "."))
    with pytest.raises(ValidationError) as from_file:
        _import(draft, weight=str(value))
    assert "bobot" in " ".join(from_file.value.messages)
    indicator = draft.indicators.order_by("order").first()
    with pytest.raises(ValidationError) as from_service:
        services.save_indicator(actor=SYSTEM, version=draft, indicator=indicator, weight=value)
    assert "weight" in from_service.value.message_dict
    assert not FrameworkVersion.objects.filter(code="impor").exists()


def test_the_weight_message_is_the_same_on_the_page_and_names_the_indicator_in_a_file(admin, draft):
    response = admin.post(
        f"/frameworks/{draft.pk}/indicators/new/", _indicator_data(draft, weight="10000"), HTTP_HOST=APEX
    )
    assert response.context["form"].errors["weight"] == ["Bobot harus lebih dari 0 dan kurang dari 10.000."]
    with pytest.raises(ValidationError) as exc:
        _import(draft, weight="10000")
    code = draft.indicators.order_by("order").first().code
    assert f"indikator 1 ({code}), bobot harus lebih dari 0 dan kurang dari 10.000." in exc.value.messages


def test_a_level_score_outside_the_scale_is_refused_by_the_file_and_the_service_too(admin, draft):
    response = admin.post(
        f"/frameworks/{draft.pk}/indicators/new/", _indicator_data(draft, levels="0: Belum\n7: Lebih"), HTTP_HOST=APEX
    )
    assert response.context["form"].errors["levels"] == ["Baris 2: skor 7 di luar skala 0.00–4.00."]
    with pytest.raises(ValidationError) as exc:
        _import(draft, levels=[{"score": 0, "description": "Belum"}, {"score": 7, "description": "Lebih"}])
    assert any("skor 7 di luar skala" in m for m in exc.value.messages), exc.value.messages
    indicator = draft.indicators.order_by("order").first()
    with pytest.raises(ValidationError) as exc:
        services.save_indicator(
            actor=SYSTEM, version=draft, indicator=indicator, levels=[{"score": 5, "description": "x"}]
        )
    assert "levels" in exc.value.message_dict
    indicator.refresh_from_db()
    assert all(level["score"] <= 4 for level in indicator.levels)


@pytest.mark.parametrize("levels", [[{"score": "dua", "description": "x"}], [{"score": 1}], ["satu"]])
def test_a_level_without_a_numeric_score_and_a_description_is_refused_by_the_file(draft, levels):
    with pytest.raises(ValidationError, match="setiap tingkat berisi score dan description"):
        _import(draft, levels=levels)


def test_the_service_refuses_a_code_another_indicator_of_the_version_uses(draft):
    first, second = draft.indicators.order_by("order")[:2]
    with pytest.raises(ValidationError) as exc:
        services.save_indicator(actor=SYSTEM, version=draft, indicator=second, code=first.code)
    assert exc.value.message_dict["code"] == [f"Kode {first.code} sudah dipakai indikator lain di versi ini."]


def test_importing_a_version_forgets_the_cached_labels_once_committed(draft, django_capture_on_commit_callbacks):
    selectors.labels()
    data = services.export_version(draft) | {"code": "label-baru"}
    data["components"][0]["name"] = "Dasar Baru"
    data["components"][0]["code"] = "dasar-baru"
    for indicator in data["indicators"]:
        if indicator["component"] == "baseline":
            indicator["component"] = "dasar-baru"
    with django_capture_on_commit_callbacks(execute=True):
        services.create_version_from_data(actor=SYSTEM, data=data)
    assert ("dasar-baru", "Dasar Baru") in selectors.labels()[0]


def test_the_service_refuses_a_weight_that_is_no_number_with_a_keyed_error(draft):
    indicator = draft.indicators.order_by("order").first()
    with pytest.raises(ValidationError) as exc:
        services.save_indicator(actor=SYSTEM, version=draft, indicator=indicator, weight="tiga")
    assert "weight" in exc.value.message_dict
