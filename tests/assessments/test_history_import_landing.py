"""The history import lands on the ranking of the period it imported; its page lists the
columns (English and Indonesian) and the framework's component and dimension codes; Indonesian
headers are read like the English ones; a code the framework does not know is refused."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.framework import selectors
from assessments.framework.models import Component, Dimension, PublishedResult
from assessments.framework.services import history, import_published_results
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX

URL = "/assessments/history/import/"


def _upload(text: str) -> dict:
    return {"file": SimpleUploadedFile("hasil.csv", text.encode(), content_type="text/csv")}


def test_an_import_lands_on_the_ranking_of_its_newest_period(admin, versions):
    response = admin.post(
        URL, _upload("region_code,year,stage,overall,rank\n35.74,2019,2,3.17,12\n35.75,2021,1,2.95,20\n"),
        HTTP_HOST=APEX,
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == "/assessments/ranking/?period=2021-1"
    page = admin.get(response["Location"], HTTP_HOST=APEX)
    assert page.context["period"] == selectors.Period(2021, 1)
    assert "Kota Pasuruan" in page.content.decode()


def test_the_page_lists_the_columns_and_the_codes_of_the_framework(admin, versions):
    html = admin.get(URL, HTTP_HOST=APEX).content.decode()
    for code in Component.objects.values_list("code", flat=True).distinct():
        assert f"<li><code>{code}</code>" in html
    for dimension in Dimension.objects.all():
        assert f"<li><code>{dimension.code}</code> — {dimension.name}</li>" in html
    for column in ("region_code", "kode_daerah", "tahun", "tahap", "nilai", "peringkat", "komponen:", "dimensi:"):
        assert column in html


def test_a_new_code_in_the_framework_is_listed_without_touching_the_import(admin, versions):
    Component.objects.create(version=versions[1], code="dampak-uji", name="Dampak uji", weight=Decimal("0"), order=99)
    html = admin.get(URL, HTTP_HOST=APEX).content.decode()
    assert "<li><code>dampak-uji</code> — Dampak uji</li>" in html


@pytest.mark.parametrize(
    "header",
    [
        "kode_daerah,tahun,tahap,nilai,peringkat,komponen:baseline,dimensi:governance",
        "Kode daerah,Tahun,Tahap,Nilai,Peringkat,Komponen: baseline,Dimensi:governance",
        "region_code,tahun,stage,Nilai,rank,component:baseline,dimensi:governance",
    ],
)
def test_indonesian_headers_are_read_like_the_english_ones(versions, header):
    import_published_results(
        actor=SYSTEM, filename="h.csv", content=f'{header}\n35.74,2019,2,"3,17",12,3.4,3.1\n'.encode()
    )
    result = PublishedResult.objects.get(region_id="35.74", year=2019, stage=2)
    assert (result.overall, result.rank) == (Decimal("3.17"), 12)
    assert result.components == {"baseline": "3.4"} and result.dimensions == {"governance": "3.1"}


def test_the_same_column_twice_is_refused(versions):
    with pytest.raises(Exception, match="muncul dua kali: year"):
        import_published_results(
            actor=SYSTEM, filename="h.csv", content=b"region_code,year,tahun,stage,overall\n35.74,2019,2019,2,3\n"
        )


def test_a_code_the_framework_does_not_know_is_a_form_error(admin, versions):
    response = admin.post(
        URL, _upload("kode_daerah,tahun,tahap,nilai,komponen:basline\n35.74,2019,2,3.17,3.4\n"), HTTP_HOST=APEX
    )
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["file"])
    assert "component:basline" in errors and "“basline” tidak dikenal" in errors and "baseline" in errors
    assert not PublishedResult.objects.exists()


def test_the_accepted_codes_come_from_the_framework(versions):
    codes = history.accepted_codes()
    assert [c for c, _n in codes["dimension"]] == list(
        Dimension.objects.order_by("order").values_list("code", flat=True)
    )
    assert {c for c, _n in codes["component"]} == set(Component.objects.values_list("code", flat=True))


def test_a_file_with_headers_only_is_a_form_error_not_an_empty_import(admin, versions):
    response = admin.post(URL, _upload("region_code,year,stage,overall\n"), HTTP_HOST=APEX)
    assert response.status_code == 400
    assert "Berkas tidak berisi baris data" in response.content.decode()
    assert not PublishedResult.objects.exists()
