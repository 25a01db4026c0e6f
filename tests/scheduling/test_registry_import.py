"""The registry's spreadsheet import: the template, reading XLSX and CSV (any column order,
semicolons, provinces by code or name, stages as "I,II", "1-4"), the preview row by row (new,
update, error with column and message), the all-or-nothing import, and the upload's limits."""

import io

import pytest
from django.core import mail
from openpyxl import Workbook, load_workbook

from platform.accounts.models import User
from programs.scheduling import importer
from programs.scheduling.importer.reading import Table
from programs.scheduling.models import Facilitator
from tests.scheduling import factories

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "sc100.test"}
HEADER = ["email", "nama", "institusi", "provinsi", "jenis", "tahap", "maks_per_bulan", "aktif"]


def xlsx(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name="fasilitator.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


@pytest.fixture
def admin(world, client_for):
    return client_for(world.users["ministry_admin"])


def _preview(admin, content, name="fasilitator.xlsx"):
    response = admin.post("/fasilitator/impor/", {"file": upload(content, name)}, **HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"], admin.get(response["Location"], **HOST)


def test_the_template_has_the_headers_and_nothing_to_import(admin):
    response = admin.get("/fasilitator/impor/templat/", **HOST)
    book = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book["Fasilitator"][1]] == HEADER and book["Fasilitator"].max_row == 1
    assert "Petunjuk" in book.sheetnames
    csv_template = admin.get("/fasilitator/impor/templat/?format=csv", **HOST)
    assert csv_template.content.decode("utf-8-sig").strip() == ",".join(HEADER)


def test_preview_then_import_an_xlsx(admin, world, django_capture_on_commit_callbacks):
    existing = factories.facilitator("ani@ugm.ac.id", full_name="Ani", stages=(1,))
    content = xlsx(
        [
            ["ani@ugm.ac.id", "", "UGM", "Jawa Timur", "ahli", "I,II", 5, "ya"],
            ["Budi@UI.ac.id", "Budi Santoso", "Universitas Indonesia", 31, "", "1-4", None, ""],
            ["rina@kominfo.go.id", "Rina", "Kominfo", "31", "pejabat", "", 8, "tidak"],
        ]
    )
    location, page = _preview(admin, content)
    assert page.status_code == 200
    preview = page.context["preview"]
    assert [r.action for r in preview.results] == ["update", "new", "new"]
    assert [r.row for r in preview.results] == [2, 3, 4]
    assert "Budi Santoso" in page.content.decode()
    assert Facilitator.objects.count() == 1  # nothing saved by the preview
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(location, **HOST)
    assert response.status_code == 302
    existing.refresh_from_db()
    assert (existing.institution, existing.stages, existing.max_per_month) == ("UGM", [1, 2], 5)
    budi = Facilitator.objects.get(user__email="budi@ui.ac.id")
    assert (budi.home_province_id, budi.stages, budi.max_per_month, budi.is_active) == ("31", [1, 2, 3, 4], 4, True)
    rina = Facilitator.objects.get(user__email="rina@kominfo.go.id")
    assert (rina.kind, rina.is_active, rina.max_per_month) == ("official", False, 8)
    assert sorted(m.to[0] for m in mail.outbox) == ["budi@ui.ac.id", "rina@kominfo.go.id"]
    # the rows are gone once imported: a second click imports nothing again
    assert admin.post(location, **HOST).status_code == 302
    assert Facilitator.objects.count() == 3


def test_a_csv_with_semicolons_and_columns_in_another_order(admin):
    content = "aktif;provinsi;email;institusi;nama;tahap\nya;Provinsi Jawa Barat;citra@itb.ac.id;ITB;Citra;III, IV\n"
    location, page = _preview(admin, content.encode("utf-8-sig"), "daftar.csv")
    assert page.status_code == 200 and page.context["preview"].new_count == 1
    admin.post(location, **HOST)
    citra = Facilitator.objects.get(user__email="citra@itb.ac.id")
    assert (citra.home_province_id, citra.stages) == ("32", [3, 4])


def test_every_bad_cell_is_listed_with_its_column_and_nothing_is_imported(admin):
    factories.facilitator("ani@ugm.ac.id")
    content = xlsx(
        [
            ["baru@ugm.ac.id", "Baru", "UGM", "Atlantis", "ahli", "I", 4, "ya"],
            ["bukan email", "X", "UGM", "35", "ahli", "I", 4, "ya"],
            ["dua@ugm.ac.id", "", "UGM", "35", "dosen", "V", 30, "mungkin"],
            ["ani@ugm.ac.id", "", "", "35", "pejabat", "I", 4, "ya"],
            ["BARU@ugm.ac.id", "Baru", "UGM", "35", "ahli", "I", 4, "ya"],
        ]
    )
    location, page = _preview(admin, content)
    assert page.status_code == 400
    results = page.context["preview"].results
    errors = {r.row: {(e.column, e.header) for e in r.errors} for r in results}
    assert errors[2] == {("D", "provinsi")}
    assert errors[3] == {("A", "email")}
    assert errors[4] == {("B", "nama"), ("E", "jenis"), ("F", "tahap"), ("G", "maks_per_bulan"), ("H", "aktif")}
    assert errors[5] == {("C", "institusi"), ("F", "tahap")}
    assert errors[6] == {("A", "email")}
    html = page.content.decode()
    assert "provinsi “Atlantis” tidak dikenal" in html and "sudah ada di baris 2" in html
    assert "kolom D (provinsi)" in html
    response = admin.post(location, **HOST)
    assert response.status_code == 400
    assert not User.objects.filter(email="baru@ugm.ac.id").exists()


def test_the_import_checks_again_at_the_moment_of_import(admin, world):
    location, page = _preview(admin, xlsx([["citra@itb.ac.id", "", "ITB", "32", "ahli", "I", 4, "ya"]]))
    assert page.status_code == 400  # no account yet: the name is required
    User.objects.create_user(email="citra@itb.ac.id", password=None, full_name="Citra")
    response = admin.post(location, **HOST)
    assert response.status_code == 302
    assert Facilitator.objects.get(user__email="citra@itb.ac.id").institution == "ITB"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 bukan daftar", "daftar.pdf", "bukan XLSX atau CSV"),
        (b"PK\x03\x04rusak", "daftar.xlsx", "bukan berkas Excel XLSX"),
        (b"nama,institusi\nAni,UGM\n", "daftar.csv", "Kolom wajib tidak ada"),
        (b"email,institusi,provinsi\n", "daftar.csv", "tidak berisi baris"),
        (b"", "kosong.csv", "kosong"),
    ],
)
def test_an_unreadable_file_is_a_400_on_the_file_field(admin, content, name, message):
    response = admin.post("/fasilitator/impor/", {"file": upload(content, name)}, **HOST)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["file"])


def test_a_file_too_large_is_refused(admin):
    content = b"email,institusi,provinsi\n" + b"a" * (importer.MAX_UPLOAD_BYTES + 1)
    response = admin.post("/fasilitator/impor/", {"file": upload(content, "besar.csv")}, **HOST)
    assert response.status_code == 400 and "terlalu besar" in response.context["form"].errors["file"][0]


def test_a_preview_token_is_the_uploaders_only(admin, world, client_for):
    location, _page = _preview(admin, xlsx([["ani@ugm.ac.id", "Ani", "UGM", "35", "", "", "", ""]]))
    other_admin = User.objects.create_user(
        email="admin2@kominfo.go.id", password="x", national_role=User.NationalRole.MINISTRY_ADMIN
    )
    other = client_for(other_admin)
    response = other.post(location, **HOST)
    assert response.status_code == 302 and response["Location"].endswith("/fasilitator/impor/")
    assert not Facilitator.objects.exists()
    assert admin.get("/fasilitator/impor/tidak-ada/", **HOST).status_code == 302


def test_discarding_an_upload(admin):
    location, _page = _preview(admin, xlsx([["ani@ugm.ac.id", "Ani", "UGM", "35", "", "", "", ""]]))
    admin.post(location + "buang/", **HOST)
    assert admin.get(location, **HOST).status_code == 302
    assert not Facilitator.objects.exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("I,II", [1, 2]), ("1;2", [1, 2]), ("iv", [4]), ("II-IV", [2, 3, 4]), ("semua", [1, 2, 3, 4]), ("", [])],
)
def test_stages_are_read_as_typed(value, expected):
    from programs.scheduling.importer.columns import parse_stages

    assert parse_stages(value) == expected


def test_apply_refuses_without_the_right(world):
    table = Table(letters={"email": "A"}, rows=[(2, {"email": "x@y.id"})])
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        importer.apply_rows(user=world.users["ministry_analyst"], table=table)


@pytest.mark.parametrize("who", ["ministry_analyst", "admin_probolinggo", "facilitator_current", "nobody"])
def test_only_ministry_admins_reach_the_import(world, client_for, admin, who):
    location, _page = _preview(admin, xlsx([["ani@ugm.ac.id", "Ani", "UGM", "35", "", "", "", ""]]))
    client = client_for(world.users[who])
    for method, url in [("get", location), ("post", location), ("post", location + "buang/")]:
        assert getattr(client, method)(url, **HOST).status_code == 404, (who, url)
    assert not Facilitator.objects.exists()
