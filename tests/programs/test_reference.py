"""Reference data: six dimensions × three sub-dimensions and the funding sources are rows
of every workspace, copied into new workspaces with the template."""

from django.db import connection

from programs.models import Dimension, FundingSource, Masterplan, Readiness, SubDimension


def test_every_workspace_has_six_dimensions_with_three_sub_dimensions(probolinggo):
    dimensions = list(Dimension.objects.order_by("order").values_list("code", flat=True))
    assert dimensions == ["governance", "branding", "economy", "living", "society", "environment"]
    for dimension in Dimension.objects.all():
        assert dimension.sub_dimensions.count() == 3
    names = set(SubDimension.objects.values_list("name", flat=True))
    assert {"Layanan publik", "Wajah kota", "Transaksi keuangan", "Sampah & limbah", "Energi"} <= names
    assert "Pendidikan/ekosistem belajar" in names


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
