"""Hostile or careless input in the masterplan workspace: a clear message, never a 500,
nothing lost; what is exported imports again unchanged."""

import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from openpyxl import load_workbook

from programs import excel
from programs.forms import format_targets, parse_targets
from programs.models import LembarKomitmen, Opd, Program
from tests.programs import factories
from tests.programs.test_api import BODY, setup_opds
from tests.programs.test_excel import HOST, _program_row, _upload, filled

P = HOST


@pytest.mark.parametrize("targets", [{"²": "1"}, {"2025": "10", "02025": "99"}, {"٢٠٢٥": "1"}])
def test_api_target_years_must_be_four_plain_digits_once_each(world, client_for, targets):
    setup_opds(world)
    body = {**BODY, "indicators": [{"name": "i", "targets": targets}]}
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/api/v1/programs/", body, content_type="application/json", HTTP_HOST=P)
    assert response.status_code == 400 and "indicators" in response.json()
    connection.set_tenant(world.probolinggo)
    assert not Program.objects.exists()


def test_an_opd_editor_assignment_with_a_strange_user_id_is_a_message(world, client_for, probolinggo):
    opd = factories.opd()
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/direktori/editor-opd/", {"user": "²", "u²-opd": str(opd.pk)}, HTTP_HOST=P, follow=True)
    assert response.status_code == 200 and "Pilihan OPD tidak valid" in response.content.decode()


def test_an_opd_with_a_signed_commitment_is_kept_with_a_message(world, client_for, probolinggo):
    opd = factories.opd("DISHUB", "Dinas Perhubungan")
    LembarKomitmen.objects.create(
        kind=LembarKomitmen.Kind.OPD_HEAD, opd=opd, signatory="Kepala", position="Kepala", signed_on=date(2026, 1, 5)
    )
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    page = client.post(f"/direktori/opd/{opd.pk}/hapus/", HTTP_HOST=P, follow=True)
    assert page.status_code == 200 and "lembar komitmen" in page.content.decode()
    api = client.delete(f"/api/v1/opds/{opd.pk}/", HTTP_HOST=P)
    assert api.status_code == 400
    connection.set_tenant(world.probolinggo)
    assert Opd.objects.filter(pk=opd.pk).exists()


def _damage(content: bytes, find: bytes, replace: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(find, replace, data, count=1)
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "find, replace",
    [
        (rb"<v>2025</v>", b"<v>abc</v>"),  # a number cell holding text
        (rb"</sheetData>", b"</sheetDat>"),  # broken XML
    ],
)
def test_a_sheet_damaged_inside_a_sound_file_is_refused_with_a_message(
    world, client_for, probolinggo, uploads, find, replace
):
    factories.opd()
    good = filled(programs=[_program_row(title="Rusak")])
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    preview_url = _upload(client, _damage(good, find, replace))["Location"]
    page = client.get(preview_url, HTTP_HOST=P)
    assert page.status_code == 400
    assert "tidak dapat dibaca" in page.content.decode() or "Berkas ditolak" in page.content.decode()


def test_control_characters_and_formula_like_text_survive_the_export(world, client_for, probolinggo):
    factories.opd("D\x0bX", "Dinas dengan tab vertikal")  # in the template's drop-down list
    factories.program(world, factories.opd(), description="Baris satu\x0bbaris dua", goals="=1+1 adalah dua")
    connection.set_schema_to_public()
    client = client_for(world.users["viewer_probolinggo"])
    assert client.get("/program/excel/templat/", HTTP_HOST=P).status_code == 200
    export = client.get("/program/excel/ekspor/", HTTP_HOST=P)
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content))[excel.PROGRAM_SHEET]
    row = [c for c in sheet[2]]
    cells = {c.value: c.data_type for c in row if isinstance(c.value, str)}
    assert "Baris satubaris dua" in cells
    assert cells["=1+1 adalah dua"] == "s"  # text, never a formula
    connection.set_tenant(world.probolinggo)
    preview = excel.validate_workbook(actor=factories.actor(world, "admin_probolinggo"), content=export.content)
    [parsed] = preview.programs
    assert parsed.data["goals"] == "=1+1 adalah dua"


def test_a_second_click_on_import_is_told_the_file_is_already_being_imported(world, client_for, probolinggo, uploads):
    factories.opd()
    content = filled(programs=[_program_row(title="Program balapan")])
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    preview_url = _upload(client, content)["Location"]
    token = preview_url.rstrip("/").rsplit("/", 1)[1]
    connection.set_tenant(world.probolinggo)
    assert excel.claim_upload(token=token, user=world.users["admin_probolinggo"])  # the first click
    connection.set_schema_to_public()
    second = client.post(preview_url, HTTP_HOST=P, follow=True)
    assert "sudah sedang diimpor" in second.content.decode()
    connection.set_tenant(world.probolinggo)
    assert not Program.objects.filter(title="Program balapan").exists()


def test_tiny_targets_are_written_plainly_and_saved_again_unchanged(world, probolinggo):
    targets = parse_targets("2025: 0,0001")
    program = factories.program(world, indicators=[{"name": "i", "unit": "", "baseline": None,
                                                     "baseline_year": None, "targets": targets}])  # fmt: skip
    stored = program.indicators.get().targets
    assert stored == {"2025": "0.0001"} and not re.search("E", format_targets(stored))
    assert parse_targets(format_targets(stored)) == {2025: Decimal("0.0001")}
    with pytest.raises(Exception, match="empat desimal"):
        parse_targets("2025: 0,0000001")
