"""Reference data: six dimensions × three sub-dimensions and the funding sources are rows
of every workspace, copied into new workspaces with the template; the dimensions and
sub-dimensions are the national taxonomy's (``assessments.framework``), codes and names."""

import importlib

from django.apps import apps
from django.db import connection

from assessments.framework.models import Dimension as NationalDimension
from programs import services
from programs.models import Dimension, DimensionPlan, FundingSource, Masterplan, Readiness, SubDimension
from tenants.models import Region
from tenants.services import provision_workspace
from tests.programs import factories as f

align = importlib.import_module("programs.migrations.0010_national_taxonomy").align


def taxonomy(dimensions) -> list:
    """(code, name, order, [(code, name, order) of its sub-dimensions]) of each dimension."""
    return [
        (d.code, d.name, d.order, [(s.code, s.name, s.order) for s in sorted(subs(d), key=lambda s: s.order)])
        for d in sorted(dimensions, key=lambda d: d.order)
    ]


def subs(dimension):
    return dimension.subdimensions.all() if isinstance(dimension, NationalDimension) else dimension.sub_dimensions.all()


def national() -> list:
    return taxonomy(NationalDimension.objects.all())


def workspace() -> list:
    return taxonomy(Dimension.objects.all())


def test_every_workspace_has_six_dimensions_with_three_sub_dimensions(probolinggo):
    dimensions = list(Dimension.objects.order_by("order").values_list("code", flat=True))
    assert dimensions == ["governance", "branding", "economy", "living", "society", "environment"]
    for dimension in Dimension.objects.all():
        assert dimension.sub_dimensions.count() == 3
    names = set(SubDimension.objects.values_list("name", flat=True))
    assert {"Layanan publik", "Wajah kota", "Transaksi keuangan", "Sampah & limbah", "Energi"} <= names
    assert "Pendidikan / ekosistem belajar" in names


def test_the_codes_and_names_of_every_workspace_are_the_national_tables(world):
    for each in (world.probolinggo, world.pasuruan):
        connection.set_tenant(each)
        try:
            assert workspace() == national()
        finally:
            connection.set_schema_to_public()


def test_a_new_workspace_starts_with_the_national_taxonomy(world):
    created = provision_workspace(region=Region.objects.get(code="35.13")).workspace
    connection.set_tenant(created)
    try:
        assert workspace() == national()
        assert DimensionPlan.objects.count() == 6 and Readiness.objects.count() == 18
        assert Masterplan.objects.count() == 1
    finally:
        connection.set_schema_to_public()


def test_provisioning_brings_a_drifted_copy_in_line(world, probolinggo):
    """The template's rows are cloned; the provisioning receiver still upserts the national rows."""
    SubDimension.objects.filter(code="energi").update(name="Energi lama", order=9)
    Dimension.objects.filter(code="living").update(name="Living")
    Readiness.objects.filter(dimension__code="living", aspect="struktur").delete()
    services.copy_national_taxonomy()
    assert workspace() == national()
    assert Readiness.objects.filter(dimension__code="living").count() == 3


def test_the_migration_renames_a_drifted_sub_dimension_in_place_and_its_programs_stay(world, probolinggo):
    sub = SubDimension.objects.get(code="ekosistem-belajar")
    SubDimension.objects.filter(pk=sub.pk).update(code="pendidikan", name="Pendidikan/ekosistem belajar")
    SubDimension.objects.filter(code="energi").update(name="Energi terbarukan")
    program = f.program(world, dimension=sub.dimension, sub_dimension=SubDimension.objects.get(pk=sub.pk))
    align(apps, None)
    assert workspace() == national()
    assert SubDimension.objects.get(pk=sub.pk).code == "ekosistem-belajar"
    program.refresh_from_db()
    assert program.sub_dimension_id == sub.pk
    assert SubDimension.objects.count() == 18


def test_funding_sources_and_the_masterplan_row_are_seeded(probolinggo):
    assert list(FundingSource.objects.order_by("order").values_list("name", flat=True)) == [
        "APBD",
        "APBN",
        "CSR",
        "KPBU",
        "Swasta",
        "Lainnya",
    ]
    assert Masterplan.objects.get().status == Masterplan.Status.DRAFT
    assert Readiness.objects.count() == 18


def test_a_second_workspace_has_its_own_copy(world):
    connection.set_tenant(world.pasuruan)
    try:
        assert Dimension.objects.count() == 6 and SubDimension.objects.count() == 18
    finally:
        connection.set_schema_to_public()


def test_an_export_in_every_national_sub_dimension_imports_again(world, probolinggo):
    """The Excel template and import read the labels of the workspace's copy."""
    from programs import excel

    admin = f.actor(world, "admin_probolinggo")
    for number, sub in enumerate(SubDimension.objects.select_related("dimension").order_by("pk")):
        f.program(world, title=f"Program {number}", dimension=sub.dimension, sub_dimension=sub)
    exported = excel.export_programs()
    preview = excel.validate_workbook(actor=admin, content=exported)
    assert preview.is_valid, [str(p) for p in preview.problems]
    assert (preview.created_count, preview.updated_count) == (0, 18)
