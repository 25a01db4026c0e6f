"""The Excel round trip of programs: template, validation preview, all-or-nothing import, export."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from openpyxl import Workbook, load_workbook

from programs import excel, services
from programs.models import Masterplan, Program, ProgramRevision
from tests.programs import factories

HOST = "kota-probolinggo.sc100.test"


def _program_row(**values):
    row = {
        "title": "Peta wisata digital",
        "dimension": "Smart Branding",
        "sub_dimension": "Pariwisata",
        "lead_opd": "DISKOMINFO",
        "horizon": "Jangka pendek",
        "start_year": 2025,
        "end_year": 2026,
        "status": "Direncanakan",
        "is_quick_win": "Ya",
    }
    row.update(values)
    return [row.get(key) for key, _title in excel.PROGRAM_COLUMNS]


def _child(columns, **values):
    return [values.get(key) for key, _title in columns]


def filled(programs=(), indicators=(), funding=(), milestones=(), *, base: bytes | None = None) -> bytes:
    """The workspace's template (or ``base``) with rows appended to its sheets."""
    book = load_workbook(io.BytesIO(base or excel.program_template()))
    for sheet, rows in (
        (excel.PROGRAM_SHEET, programs),
        (excel.INDICATOR_SHEET, indicators),
        (excel.FUNDING_SHEET, funding),
        (excel.MILESTONE_SHEET, milestones),
    ):
        for row in rows:
            book[sheet].append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def good_file(n=2) -> bytes:
    programs, indicators, funding, milestones = [], [], [], []
    for i in range(n):
        title = f"Program {i}"
        programs.append(_program_row(title=title, budget_total=300_000_000))
        indicators.append(
            _child(
                excel.INDICATOR_COLUMNS,
                program=title,
                name="Kunjungan",
                unit="orang",
                baseline=100,
                targets="2025: 150; 2026: 200,5",
            )
        )
        funding.append(_child(excel.FUNDING_COLUMNS, program=title, source="APBD", year=2025, amount=100_000_000))
        funding.append(_child(excel.FUNDING_COLUMNS, program=title, source="CSR", year=2026, amount="Rp 200.000.000"))
        milestones.append(
            _child(excel.MILESTONE_COLUMNS, program=title, title="Peluncuran", year=2025, quarter="II", progress=10)
        )
    return filled(programs, indicators, funding, milestones)


@pytest.fixture
def diskominfo(probolinggo):
    return factories.opd()


@pytest.fixture
def admin(world, diskominfo):
    return factories.actor(world, "admin_probolinggo")


def problems_of(actor, content) -> list[str]:
    try:
        preview = excel.validate_workbook(actor=actor, content=content)
    except excel.WorkbookRefused as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in preview.problems]


# --- template ------------------------------------------------------------------------------


def test_template_has_indonesian_headers_workspace_drop_downs_and_a_hidden_marker(probolinggo, diskominfo):
    factories.opd("BAPPEDA", "Badan Perencanaan Pembangunan Daerah")
    book = load_workbook(io.BytesIO(excel.program_template()))
    assert book.sheetnames[:4] == ["Program", "Indikator", "Pembiayaan", "Tahapan"]
    assert [c.value for c in book["Program"][1]][:6] == [
        "ID (jangan diubah)",
        "Versi (jangan diubah)",
        "Nama program*",
        "Dimensi*",
        "Subdimensi*",
        "OPD pelaksana*",
    ]
    lists = book["Daftar"]
    assert lists.sheet_state == "hidden"
    columns = {lists.cell(row=1, column=c).value: c for c in range(1, 8)}

    def values(title):
        return [
            r[0]
            for r in lists.iter_rows(min_row=2, min_col=columns[title], max_col=columns[title], values_only=True)
            if r[0]
        ]

    assert values("Dimensi")[0] == "Smart Governance" and len(values("Dimensi")) == 6
    assert len(values("Subdimensi")) == 18
    assert values("OPD") == ["BAPPEDA", "DISKOMINFO"]
    assert "APBD" in values("Sumber dana") and "KPBU" in values("Sumber dana")
    formulas = {dv.formula1 for dv in book["Program"].data_validations.dataValidation}
    assert "=Daftar!$C$2:$C$3" in formulas  # OPDs
    assert any(f.startswith("=Daftar!$B$2") for f in formulas)  # sub-dimensions
    assert book["_templat"].sheet_state == "veryHidden"
    assert book["_templat"]["B1"].value == excel.TEMPLATE_MARKER


def test_empty_template_downloads_for_a_viewer(world, client_for, probolinggo):
    response = client_for(world.users["viewer_probolinggo"]).get("/program/excel/templat/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == excel.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="templat-program-kota-probolinggo')
    assert response.content.startswith(b"PK")


# --- validation ----------------------------------------------------------------------------


def test_a_good_file_is_previewed_without_writing_anything(admin):
    preview = excel.validate_workbook(actor=admin, content=good_file(3))
    assert preview.is_valid, [str(p) for p in preview.problems]
    assert (preview.created_count, preview.updated_count) == (3, 0)
    assert (preview.indicator_count, preview.funding_count, preview.milestone_count) == (3, 6, 3)
    assert preview.budget_total == Decimal("900000000")
    first = preview.programs[0].data
    assert first["indicators"][0]["targets"] == {2025: Decimal("150"), 2026: Decimal("200.5")}
    assert first["milestones"][0]["quarter"] == 2
    assert Program.objects.count() == 0


@pytest.mark.parametrize("label", ["Pendidikan/ekosistem belajar", "pendidikan", "PENDIDIKAN / ekosistem BELAJAR"])
def test_a_file_written_before_the_national_taxonomy_still_names_its_sub_dimension(admin, label):
    """Files exported before the workspace taxonomy followed the national one (old name, old code)."""
    content = filled([_program_row(dimension="Smart Society", sub_dimension=label)])
    preview = excel.validate_workbook(actor=admin, content=content)
    assert preview.is_valid, [str(p) for p in preview.problems]
    assert preview.programs[0].data["sub_dimension"].code == "ekosistem-belajar"


def test_every_problem_is_listed_with_sheet_row_and_column_in_indonesian(admin):
    content = filled(
        programs=[
            _program_row(title="A", start_year="dua ribu"),  # row 2: wrong type
            _program_row(title="B", lead_opd="DINKES"),  # row 3: unknown OPD
            _program_row(title="C", dimension="Smart Galaxy"),  # row 4: unknown dimension
            _program_row(title="D", sub_dimension="Energi"),  # row 5: sub-dimension of another dimension
            _program_row(title="E", start_year=2027, end_year=2025),  # row 6: end before start
            _program_row(title="F", budget_total=999),  # row 7: total does not add up
            _program_row(title="F"),  # row 8: duplicated title
            _program_row(title="G", horizon="Sebentar", is_quick_win="mungkin"),  # row 9
        ],
        funding=[
            _child(excel.FUNDING_COLUMNS, program="F", source="APBD", year=2025, amount=1000),
            _child(excel.FUNDING_COLUMNS, program="Z", source="Hibah", year=2025, amount=-5),
        ],
        indicators=[_child(excel.INDICATOR_COLUMNS, program="G", name="", targets="tahun depan: 5")],
        milestones=[_child(excel.MILESTONE_COLUMNS, program="G", title="Uji coba", year=2025, quarter=7, progress=150)],
    )
    found = problems_of(admin, content)
    text = "\n".join(found)
    expected = [
        "sheet Program, baris 2, kolom M (Tahun mulai*): harus bilangan bulat, tertulis dua ribu",
        "sheet Program, baris 3, kolom F (OPD pelaksana*): OPD “DINKES” tidak ada di direktori",
        "sheet Program, baris 4, kolom D (Dimensi*): dimensi “Smart Galaxy” tidak dikenal",
        "sheet Program, baris 5, kolom E (Subdimensi*): subdimensi Energi bukan bagian dari dimensi Smart Branding",
        "sheet Program, baris 6, kolom N (Tahun selesai*): tahun selesai (2025) tidak boleh sebelum tahun mulai (2027)",
        "sheet Program, baris 7, kolom U (Total pembiayaan (Rp)): total pembiayaan tertulis Rp 999, tetapi jumlah "
        "baris sheet Pembiayaan untuk program ini Rp 1.000",
        "sheet Program, baris 8, kolom C (Nama program*): nama program sama dengan baris 7",
        "sheet Program, baris 9, kolom L (Jangka waktu*): pilih salah satu: Jangka pendek, Jangka menengah",
        "sheet Program, baris 9, kolom P (Quick win (Ya/Tidak)): isi Ya atau Tidak",
        "sheet Indikator, baris 2, kolom B (Indikator*): wajib diisi",
        "sheet Indikator, baris 2, kolom F (Target per tahun (mis. 2025: 40; 2026: 60)): Tulis target",
        "sheet Pembiayaan, baris 3, kolom A (Nama program*): program “Z” tidak ada di sheet Program",
        "sheet Pembiayaan, baris 3, kolom B (Sumber dana*): sumber dana “Hibah” tidak dikenal",
        "sheet Pembiayaan, baris 3, kolom D (Jumlah (Rp)*): tidak boleh negatif",
        "sheet Tahapan, baris 2, kolom D (Triwulan (1–4)): harus antara 1 dan 4, tertulis 7",
        "sheet Tahapan, baris 2, kolom E (Kemajuan (%)): harus antara 0 dan 100, tertulis 150",
    ]
    for message in expected:
        assert message in text, f"missing: {message}\n--- got:\n{text}"
    assert Program.objects.count() == 0


def test_one_bad_row_refuses_the_whole_file_and_nothing_is_written(admin):
    content = filled(
        programs=[
            _program_row(title="Baik 1"),
            _program_row(title="Baik 2"),
            _program_row(title="Buruk", lead_opd="XYZ"),
        ]
    )
    with pytest.raises(excel.WorkbookRefused) as refused:
        excel.import_programs(actor=admin, content=content)
    assert [p.row for p in refused.value.problems] == [4]
    assert Program.objects.count() == 0


def test_a_title_already_used_in_the_workspace_is_refused_for_a_new_row(world, admin, diskominfo):
    factories.program(world, diskominfo, title="e-Sambat")
    found = problems_of(admin, filled(programs=[_program_row(title="E-SAMBAT")]))
    assert any("kolom C" in p and "sudah ada program lain" in p for p in found), found


def test_a_workbook_of_another_template_is_recognised(admin):
    book = Workbook()
    book.active.append(["Nama", "Dimensi"])
    buffer = io.BytesIO()
    book.save(buffer)
    [problem] = problems_of(admin, buffer.getvalue())
    assert "bukan templat program Smart City 100" in problem

    book = load_workbook(io.BytesIO(excel.program_template()))
    book["_templat"]["B2"] = "99"  # a future version of the template
    buffer = io.BytesIO()
    book.save(buffer)
    [problem] = problems_of(admin, buffer.getvalue())
    assert "versi lain" in problem


def test_a_renamed_or_moved_column_is_reported_with_its_letter(admin):
    book = load_workbook(io.BytesIO(excel.program_template()))
    book["Pembiayaan"]["D1"] = "Nilai"
    buffer = io.BytesIO()
    book.save(buffer)
    [problem] = problems_of(admin, buffer.getvalue())
    assert problem.startswith("sheet Pembiayaan, baris 1, kolom D: judul kolom harus “Jumlah (Rp)*”")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7 not a spreadsheet", "bukan berkas Excel XLSX"),
        (b"Nama;Dimensi\nA;B\n", "bukan berkas Excel XLSX"),
        (b"PK\x03\x04" + b"\0" * 200, "bukan berkas Excel XLSX"),
    ],
    ids=["pdf", "csv", "broken-zip"],
)
def test_files_that_are_not_xlsx_get_a_clear_message(admin, content, message):
    [problem] = problems_of(admin, content)
    assert message in problem


def test_a_tampered_xlsx_is_refused_with_a_clear_message(admin):
    content = bytearray(good_file(1))
    middle = len(content) // 2
    content[middle : middle + 64] = b"x" * 64  # damage a compressed part inside the zip
    [problem] = problems_of(admin, bytes(content))
    assert "rusak" in problem or "bukan berkas Excel" in problem


def test_nothing_is_imported_while_the_masterplan_is_submitted(admin):
    Masterplan.objects.update(status=Masterplan.Status.SUBMITTED)
    [problem] = problems_of(admin, good_file(1))
    assert "hanya dapat dibaca" in problem


def test_an_opd_editor_imports_only_programs_of_their_own_opd(world, diskominfo):
    bappeda = factories.opd("BAPPEDA", "Bappeda")
    factories.link_editor(world, diskominfo)
    editor = factories.actor(world, "editor_probolinggo")
    found = problems_of(
        editor,
        filled(programs=[_program_row(title="Milik kami"), _program_row(title="Milik lain", lead_opd="BAPPEDA")]),
    )
    assert found == [
        "sheet Program, baris 3, kolom F (OPD pelaksana*): Anda hanya dapat memilih OPD Anda sendiri sebagai pelaksana"
    ]
    other = factories.program(world, bappeda, title="Program Bappeda")
    content = filled(base=excel.export_programs())
    found = problems_of(editor, content)
    assert found == [
        "sheet Program, baris 2, kolom F (OPD pelaksana*): program ini dipimpin OPD lain; Anda hanya dapat membacanya"
    ]
    assert Program.objects.get(pk=other.pk).version == 1


# --- import and export --------------------------------------------------------------------------


def test_import_writes_every_program_through_the_services_with_history(world, admin):
    result = excel.import_programs(actor=admin, content=good_file(2))
    assert (result.created, result.updated) == (2, 0)
    program = Program.objects.get(title="Program 1")
    assert program.is_quick_win and program.sub_dimension.name == "Pariwisata"
    assert [(f.source.code, f.year, f.amount) for f in program.funding.order_by("year")] == [
        ("apbd", 2025, Decimal("100000000.00")),
        ("csr", 2026, Decimal("200000000.00")),
    ]
    revision = ProgramRevision.objects.get(program=program)
    assert revision.note == "Diimpor dari Excel" and revision.saved_by_id == world.users["admin_probolinggo"].pk
    assert program.history.first().history_user_id == world.users["admin_probolinggo"].pk


def test_an_export_imports_again_as_an_update_with_the_same_content(world, admin, diskominfo):
    first = factories.program(world, diskominfo, title="e-Sambat", is_quick_win=True)
    factories.program(world, diskominfo, title="Go Nik", funding=[])
    before = services.program_snapshot(Program.objects.get(pk=first.pk))
    exported = excel.export_programs()
    preview = excel.validate_workbook(actor=admin, content=exported)
    assert preview.is_valid, [str(p) for p in preview.problems]
    assert (preview.created_count, preview.updated_count) == (0, 2)
    excel.import_programs(actor=admin, content=exported)
    again = Program.objects.get(pk=first.pk)
    assert again.version == 2
    assert services.program_snapshot(again) == before
    assert Program.objects.count() == 2


def test_an_export_edited_by_someone_else_meanwhile_is_refused(world, admin, diskominfo):
    program = factories.program(world, diskominfo, title="e-Sambat")
    exported = excel.export_programs()
    data = services.program_data_from_snapshot(services.program_snapshot(program))
    services.save_program(actor=admin, program=program, data={**data, "goals": "Baru"}, expected_version=1)
    [problem] = problems_of(admin, exported)
    assert "kolom B (Versi (jangan diubah))" in problem and "versi 1, sekarang 2" in problem
    assert Program.objects.get(pk=program.pk).goals == "Baru"


def test_ids_from_another_workspace_are_refused(world, admin, diskominfo):
    program = factories.program(world, diskominfo, title="e-Sambat")
    exported = excel.export_programs()
    connection.set_tenant(world.pasuruan)
    factories.opd()
    pasuruan_admin = factories.actor(world, "admin_pasuruan", world.pasuruan)
    found = problems_of(pasuruan_admin, exported)
    assert any(f"ID {program.pk} tidak ada di ruang kerja ini" in p for p in found), found


# --- pages -------------------------------------------------------------------------------------


def _upload(client, content, name="program.xlsx"):
    file = io.BytesIO(content)
    file.name = name
    return client.post("/program/excel/", {"file": file}, HTTP_HOST=HOST)


def test_upload_preview_and_import_through_the_pages(world, client_for, diskominfo, uploads):
    client = client_for(world.users["admin_probolinggo"])
    assert client.get("/program/excel/", HTTP_HOST=HOST).status_code == 200
    response = _upload(client, good_file(2))
    assert response.status_code == 302
    preview_url = response["Location"]
    token = preview_url.rstrip("/").rsplit("/", 1)[1]
    page = client.get(preview_url, HTTP_HOST=HOST)
    assert page.status_code == 200
    assert "Berkas diterima" in page.content.decode() and "Program 1" in page.content.decode()
    assert Program.objects.count() == 0  # the preview writes nothing
    done = client.post(preview_url, HTTP_HOST=HOST)
    assert done.status_code == 302 and done["Location"] == "/program/"
    assert Program.objects.count() == 2
    with pytest.raises(excel.UploadGone):  # the stored file is gone after the import
        excel.read_upload(token=token, user=world.users["admin_probolinggo"])
    again = client.post(preview_url, HTTP_HOST=HOST)  # a second click imports nothing twice
    assert again.status_code == 302 and again["Location"] == "/program/excel/"
    assert Program.objects.count() == 2


def test_the_preview_page_lists_the_problems_with_a_400(world, client_for, diskominfo, uploads):
    client = client_for(world.users["admin_probolinggo"])
    preview_url = _upload(client, filled(programs=[_program_row(lead_opd="DINKES")]))["Location"]
    page = client.get(preview_url, HTTP_HOST=HOST)
    assert page.status_code == 400
    body = page.content.decode()
    assert "Berkas ditolak" in body and "DINKES" in body and "OPD pelaksana*" in body
    assert client.post(preview_url, HTTP_HOST=HOST).status_code == 400
    assert Program.objects.count() == 0


def test_a_50_mb_upload_is_refused_with_a_message(world, client_for, diskominfo, uploads):
    client = client_for(world.users["admin_probolinggo"])
    response = _upload(client, b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024))
    assert response.status_code == 400
    assert "Berkas terlalu besar (50,0 MB); paling besar 10 MB." in response.content.decode()


def test_an_upload_that_is_not_xlsx_gets_a_form_error(world, client_for, diskominfo, uploads):
    client = client_for(world.users["admin_probolinggo"])
    response = _upload(client, b"%PDF-1.4\n...", name="program.xlsx")
    assert response.status_code == 400
    assert "bukan berkas Excel XLSX" in response.content.decode()


def test_an_upload_token_works_only_for_its_own_user(world, client_for, diskominfo, uploads):
    preview_url = _upload(client_for(world.users["admin_probolinggo"]), good_file(1))["Location"]
    factories.link_editor(world, diskominfo)
    other = client_for(world.users["editor_probolinggo"])
    response = other.post(preview_url, HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"] == "/program/excel/"
    tampered = preview_url.replace(":", ";", 1)
    assert client_for(world.users["admin_probolinggo"]).get(tampered, HTTP_HOST=HOST).status_code == 302
    assert Program.objects.count() == 0


def test_readers_download_the_export_but_cannot_upload(world, client_for, diskominfo, uploads):
    factories.program(world, diskominfo, title="e-Sambat")
    viewer = client_for(world.users["viewer_probolinggo"])
    export = viewer.get("/program/excel/ekspor/", HTTP_HOST=HOST)
    assert export.status_code == 200
    rows = list(load_workbook(io.BytesIO(export.content))["Program"].iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in rows] == ["e-Sambat"]
    assert _upload(viewer, good_file(1)).status_code == 404
    page = viewer.get("/program/excel/", HTTP_HOST=HOST).content.decode()
    assert "Unggah templat" not in page


ROLE_USERS = {
    "admin": "admin_probolinggo",
    "editor": "editor_probolinggo",
    "council": "council_probolinggo",
    "head": "head_probolinggo",
    "viewer": "viewer_probolinggo",
    "facilitator": "facilitator_current",
}
EDITS = {"admin", "editor"}


@pytest.mark.parametrize("role", sorted(ROLE_USERS))
def test_permission_matrix_of_the_excel_pages(world, client_for, diskominfo, uploads, role):
    user = world.users[ROLE_USERS[role]]
    client = client_for(user)
    for url in ("/program/excel/", "/program/excel/templat/", "/program/excel/ekspor/"):
        assert client.get(url, HTTP_HOST=HOST).status_code == 200, url
    token = excel.upload_token(name=f"{excel.UPLOAD_DIR}/{'0' * 32}.xlsx", user=user)
    preview = f"/program/excel/impor/{token}/"
    expected = 302 if role in EDITS else 404  # members who edit are sent back to upload (no such file)
    assert client.get(preview, HTTP_HOST=HOST).status_code == expected
    assert client.post(preview, HTTP_HOST=HOST).status_code == expected
    assert client.post(preview + "buang/", HTTP_HOST=HOST).status_code == expected
    assert _upload(client, b"not a workbook").status_code == (400 if role in EDITS else 404)


def test_a_file_with_more_programs_than_one_import_takes_is_refused_with_a_message(admin):
    [problem] = problems_of_limited(admin, good_file(3), max_programs=2)
    assert problem == (
        "sheet Program: Berkas berisi 3 program; satu impor paling banyak 2 program. Bagi program ke beberapa "
        "berkas (baris lain tetap di sheet Indikator, Pembiayaan dan Tahapan masing-masing) lalu impor satu per satu."
    )
    assert excel.validate_workbook(actor=admin, content=good_file(3), max_programs=None).is_valid


def problems_of_limited(actor, content, max_programs) -> list[str]:
    return [str(p) for p in excel.validate_workbook(actor=actor, content=content, max_programs=max_programs).problems]


def test_cells_written_as_floats_by_spreadsheets_read_as_whole_numbers_and_text():
    """Spreadsheets store 2025 as 2025.0: read as the integer, and as "2025" where text is meant;
    a fraction where a whole number is needed is a cell error, not a crash."""
    from programs.excel.cells import CellError, as_integer, as_text

    assert as_integer(2025.0, low=2000, high=2100) == 2025
    assert as_text(12.0) == "12" and as_text(12.5) == "12.5"
    with pytest.raises(CellError, match="bilangan bulat"):
        as_integer(2025.5, low=2000, high=2100)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("12,500", "12.5"), ("Rp 1.250.000", "1250000"), ("1.250.000,50", "1250000.50"), ("1,234,567.50", "1234567.50")],
)
def test_an_amount_cell_is_read_as_the_program_form_reads_it(text, amount):
    """One reader for typed amounts: the Excel import and the form's AmountField agree."""
    from platform.forms import AmountField
    from programs.excel.cells import parse_amount

    assert parse_amount(text) == Decimal(amount) == AmountField().clean(text)
