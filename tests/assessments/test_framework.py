"""Framework versions: weights, freezing, copies, YAML import/export, reference data."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments.framework import services
from assessments.framework.models import Dimension, FrameworkVersion, SubDimension
from tenants.access import SYSTEM


def test_six_dimensions_with_three_subdimensions_each_are_seeded(db):
    assert Dimension.objects.count() == 6
    assert all(d.subdimensions.count() == 3 for d in Dimension.objects.all())
    assert SubDimension.objects.get(code="sampah-limbah").dimension.code == "environment"


def test_the_two_real_weightings_are_seeded_as_data(versions):
    weights = [[c.weight for c in v.components.order_by("order")] for v in versions]
    assert weights == [
        [Decimal(w) for w in (10, 20, 30, 30, 10)],
        [Decimal(w) for w in (10, 20, 30, 20, 20)],
    ]
    assert all(v.indicators.count() == 30 for v in versions)


def test_weights_not_totalling_100_are_refused_and_nothing_is_written(version):
    with pytest.raises(ValidationError, match="100"):
        services.set_component_weights(
            actor=SYSTEM,
            version=version,
            weights={"baseline": 10, "output": 20, "outcome": 30, "impact": 20, "quick_win": 25},
        )
    version.refresh_from_db()
    assert [c.weight for c in version.components.order_by("order")][-1] == Decimal(20)


def test_a_version_file_with_bad_weights_is_refused_whole(version):
    data = services.export_version(version) | {"code": "salah"}
    data["components"][0]["weight"] = "15"
    with pytest.raises(ValidationError) as exc:
        services.create_version_from_data(actor=SYSTEM, data=data)
    assert "105" in str(exc.value)
    assert not FrameworkVersion.objects.filter(code="salah").exists()


def test_yaml_export_then_import_gives_the_same_version(version):
    text = services.export_version_yaml(version).replace("code: pedoman-2022", "code: pedoman-2025", 1)
    copy = services.import_version_yaml(actor=SYSTEM, text=text)
    assert services.export_version(copy) | {"code": "x"} == services.export_version(version) | {"code": "x"}


def test_malformed_yaml_gets_a_clear_message(db):
    with pytest.raises(ValidationError, match="YAML"):
        services.import_version_yaml(actor=SYSTEM, text="code: [unclosed")


def test_a_version_used_by_a_cycle_is_frozen_and_copied_as_a_new_version(cycle, version):
    version.refresh_from_db()
    assert version.is_frozen
    with pytest.raises(ValidationError, match="dibekukan"):
        services.set_component_weights(
            actor=SYSTEM,
            version=version,
            weights={"baseline": 20, "output": 20, "outcome": 20, "impact": 20, "quick_win": 20},
        )
    new = services.copy_as_new_version(
        actor=SYSTEM, version=version, code="pedoman-2025", name="Pedoman 2025", year=2025
    )
    assert not new.is_frozen and new.based_on == version
    services.set_component_weights(
        actor=SYSTEM, version=new, weights={"baseline": 20, "output": 20, "outcome": 20, "impact": 20, "quick_win": 20}
    )
    assert sorted({c.weight for c in new.components.all()}) == [Decimal(20)]
