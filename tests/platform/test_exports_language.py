"""National exports speak the reader's language (issue 13, item 6): headers are the fields'
names, choices their labels ("Status masterplan: Draf", not ``masterplan_status=draft``), and
XLSX columns of rupiah and two-decimal figures carry number formats."""

import csv
import io

import pytest
from django.conf import settings
from openpyxl import load_workbook

from platform import exports
from tests.assessments.conftest import versions  # noqa: F401
from tests.assessments.test_national import results  # noqa: F401
from tests.programs_national.test_masterplan_figures import reported  # noqa: F401

APEX = "sc100.test"


def _rows(response, fmt):
    if fmt == "csv":
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return [[("" if v is None else v) for v in r] for r in load_workbook(io.BytesIO(response.content)).active.values]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_masterplan_export_has_indonesian_headers_and_labels(reported, world, client_for, fmt):  # noqa: F811
    client = client_for(world.users["ministry_analyst"])
    rows = _rows(client.get(f"/masterplans/?format={fmt}&sort=name&desc=0", HTTP_HOST=APEX), fmt)
    header = rows[0]
    probolinggo = dict(zip(header, next(r for r in rows if r[0] == "35.74"), strict=True))
    assert probolinggo["Status masterplan"] == "Draf"
    assert probolinggo["Jenis"] == "Kota"
    assert probolinggo["Kabupaten/kota"] == "Kota Probolinggo"
    assert "masterplan_status" not in header and "draft" not in probolinggo.values()


def test_the_header_language_follows_the_readers_language(reported, world, client_for):  # noqa: F811
    client = client_for(world.users["ministry_analyst"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    rows = _rows(client.get("/masterplans/?format=csv", HTTP_HOST=APEX), "csv")
    probolinggo = dict(zip(rows[0], next(r for r in rows if r[0] == "35.74"), strict=True))
    assert probolinggo["Masterplan status"] == "Draft"
    assert probolinggo["Total budget (Rp)"] == "300000000.00"


def test_the_xlsx_export_formats_rupiah_and_two_decimals(reported, world, client_for):  # noqa: F811
    client = client_for(world.users["ministry_analyst"])
    response = client.get("/masterplans/?format=xlsx", HTTP_HOST=APEX)
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "35.74")
    budget = row[header.index("Total anggaran (Rp)")]
    completeness = row[header.index("Kelengkapan masterplan (%)")]
    assert (budget.value, budget.number_format) == (300000000, exports.RUPIAH)
    assert completeness.number_format == exports.TWO_DECIMALS


def test_number_formats_touch_numbers_only_and_labels_are_translated():
    from django.utils import translation

    from tenants.models import Region

    response = exports.table_response(
        filename="x",
        header=["a", "b"],
        rows=[[1250000, "–"]],
        fmt="xlsx",
        number_formats={0: exports.RUPIAH, 1: "0.00"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].number_format == exports.RUPIAH and sheet["B2"].number_format == "General"
    assert exports.field_label(Region, "kind") == "Jenis"
    with translation.override("en"):
        assert exports.field_label(Region, "kind") == "Type"


def test_the_ranking_export_names_its_columns_and_formats_its_figures(world, client_for, results):  # noqa: F811
    client = client_for(world.users["ministry_analyst"])
    sheet = load_workbook(io.BytesIO(client.get("/assessments/ranking/?format=xlsx", HTTP_HOST=APEX).content)).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Peringkat nasional", "Kode", "Kabupaten/kota", "Provinsi"]
    assert not any(":" in h or "_" in h for h in header)  # no component:code, no field_name
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Indeks"].number_format == exports.TWO_DECIMALS
    assert row["Sumber"].value == "Impor hasil resmi"  # the label, not "imported"
    assert row["Total anggaran (Rp)"].number_format == exports.RUPIAH
