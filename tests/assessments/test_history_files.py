"""The published history's file is read as what its content is, not what its name says: a
zip container is a workbook, anything else CSV text; a zip that is not a workbook, or that
would unpack too large, is refused with a clear message on the form's file field."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from assessments.framework.models import PublishedResult
from assessments.framework.services import history, import_published_results
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX

CSV = b"region_code,year,stage,overall\n35.74,2019,2,3.17\n"


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(["region_code", "year", "stage", "overall"])
    book.active.append(["35.74", 2019, 2, "3,17"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(("filename", "content"), [("hasil.xlsx", CSV), ("hasil.csv", None), ("hasil", None)])
def test_the_content_decides_between_csv_and_xlsx(db, filename, content):
    import_published_results(actor=SYSTEM, filename=filename, content=content or _xlsx())
    assert PublishedResult.objects.get(region_id="35.74").overall == Decimal("3.17")


def test_a_zip_that_is_not_a_workbook_is_refused(db):
    with pytest.raises(ValidationError) as exc:
        import_published_results(actor=SYSTEM, filename="hasil.xlsx", content=_zip(**{"hasil.csv": CSV}))
    assert exc.value.message_dict["file"] == [
        "Berkas ini bukan berkas Excel XLSX. Simpan dari Excel atau LibreOffice sebagai .xlsx, lalu unggah lagi."
    ]
    assert not PublishedResult.objects.exists()


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_opened(db, monkeypatch):
    monkeypatch.setattr(history, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ValidationError, match="terlalu besar"):
        import_published_results(actor=SYSTEM, filename="hasil.xlsx", content=_xlsx())
    assert not PublishedResult.objects.exists()


def test_a_damaged_workbook_gets_the_unreadable_message(db):
    content = _zip(**{"xl/workbook.xml": b"<bukan xml", "[Content_Types].xml": b"<x/>"})
    with pytest.raises(ValidationError, match="Berkas XLSX tidak dapat dibaca"):
        import_published_results(actor=SYSTEM, filename="hasil.xlsx", content=content)


def test_the_page_shows_the_reason_on_the_file_field(admin, versions):
    upload = io.BytesIO(_zip(**{"dokumen.txt": b"halo"}))
    upload.name = "hasil.xlsx"
    response = admin.post("/assessments/history/import/", {"file": upload}, HTTP_HOST=APEX)
    assert response.status_code == 400
    assert "bukan berkas Excel XLSX" in response.context["form"].errors["file"][0]


def test_a_refused_version_file_shows_its_reasons_on_the_file_field(admin, versions):
    upload = io.BytesIO(b"code: [tidak ditutup")
    upload.name = "versi.yaml"
    response = admin.post("/frameworks/import/", {"file": upload}, HTTP_HOST=APEX)
    assert response.status_code == 400
    assert "YAML" in response.context["form"].errors["file"][0]
