"""Lembar komitmen: commitment sheets with signed scans, checked by content, served only to members."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from programs import files
from programs.models import LembarKomitmen
from tests.programs import factories

HOST = "kota-probolinggo.sc100.test"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64


@pytest.fixture
def stored():
    """Remove the scans the test stored (the database rows are rolled back)."""
    names = []
    yield names
    from tenants.models import Workspace

    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    for name in names:
        default_storage.delete(name)
    connection.set_schema_to_public()


def _form(**values):
    data = {
        "kind": LembarKomitmen.Kind.REGIONAL_HEAD,
        "signatory": "Habib Hadi Zainal Abidin",
        "position": "Wali Kota Probolinggo",
        "signed_on": "2026-10-12",
    }
    data.update(values)
    return data


def _scan(content=PDF, name="komitmen.pdf"):
    file = io.BytesIO(content)
    file.name = name
    return file


def test_region_admin_uploads_a_signed_scan_stored_under_the_schema(world, client_for, probolinggo, stored):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/masterplan/komitmen/baru/", {**_form(), "scan": _scan()}, HTTP_HOST=HOST)
    assert response.status_code == 302
    sheet = LembarKomitmen.objects.get()
    stored.append(sheet.scan.name)
    assert sheet.scan.name.startswith("komitmen/") and sheet.scan.name.endswith(".pdf")
    assert sheet.scan_type == "application/pdf" and sheet.scan_name == "komitmen.pdf"
    assert sheet.uploaded_by_id == world.users["admin_probolinggo"].pk
    assert "/kota_probolinggo/komitmen/" in sheet.scan.path  # the workspace's own directory
    assert sheet.history.count() == 1


def test_members_download_the_scan_with_a_content_disposition(world, client_for, probolinggo, stored):
    admin = factories.actor(world, "admin_probolinggo")
    sheet = files.save_lembar_komitmen(
        actor=admin,
        kind=LembarKomitmen.Kind.REGIONAL_HEAD,
        opd=None,
        signatory="Wali Kota",
        position="Wali Kota",
        signed_on=date(2026, 10, 12),
        scan=SimpleUploadedFile("ttd wali kota.png", PNG),
    )
    stored.append(sheet.scan.name)
    for who in ("viewer_probolinggo", "facilitator_current", "head_probolinggo"):
        response = client_for(world.users[who]).get(f"/masterplan/komitmen/{sheet.pk}/pindaian/", HTTP_HOST=HOST)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response["Content-Disposition"].startswith("attachment;") and "ttd" in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PNG
    listing = client_for(world.users["viewer_probolinggo"]).get("/masterplan/komitmen/", HTTP_HOST=HOST)
    assert "/media/" not in listing.content.decode() and "Wali Kota" in listing.content.decode()


@pytest.mark.parametrize("who", ["admin_pasuruan", "facilitator_expired", "nobody"])
def test_outsiders_get_404_on_the_scan(world, client_for, probolinggo, stored, who):
    sheet = files.save_lembar_komitmen(
        actor=factories.actor(world, "admin_probolinggo"),
        kind=LembarKomitmen.Kind.REGIONAL_HEAD,
        opd=None,
        signatory="Wali Kota",
        position="Wali Kota",
        signed_on=date(2026, 10, 12),
        scan=SimpleUploadedFile("a.pdf", PDF),
    )
    stored.append(sheet.scan.name)
    assert (
        client_for(world.users[who]).get(f"/masterplan/komitmen/{sheet.pk}/pindaian/", HTTP_HOST=HOST).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00 an executable", "komitmen.pdf", "Isi berkas bukan PDF, JPEG atau PNG"),
        (b"<html><script>alert(1)</script>", "komitmen.png", "Isi berkas bukan PDF, JPEG atau PNG"),
        (b"GIF89a" + b"\0" * 20, "komitmen.gif", "Isi berkas bukan PDF, JPEG atau PNG"),
        (JPEG, "komitmen.pdf", "berakhiran .pdf, tetapi isinya JPG"),
        (PDF, "komitmen.exe", "berakhiran .exe, tetapi isinya PDF"),
        (b"", "kosong.pdf", ""),
    ],
    ids=["exe-named-pdf", "html-named-png", "gif", "jpeg-named-pdf", "pdf-named-exe", "empty"],
)
def test_a_scan_of_the_wrong_kind_is_refused_and_nothing_is_stored(
    world, client_for, probolinggo, content, name, message
):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/masterplan/komitmen/baru/", {**_form(), "scan": _scan(content, name)}, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LembarKomitmen.objects.exists()


def test_a_scan_over_the_size_limit_is_refused(world, client_for, probolinggo, monkeypatch):
    monkeypatch.setattr(files, "MAX_SCAN_BYTES", 1024)
    client = client_for(world.users["admin_probolinggo"])
    big = PDF + b"\0" * 2048
    response = client.post("/masterplan/komitmen/baru/", {**_form(), "scan": _scan(big)}, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Berkas terlalu besar" in response.content.decode()
    assert not LembarKomitmen.objects.exists()


def test_an_opd_head_sheet_needs_an_opd_and_one_per_opd(world, probolinggo, stored):
    admin = factories.actor(world, "admin_probolinggo")
    diskominfo = factories.opd()
    common = {"signatory": "Kepala", "position": "Kepala Dinas", "signed_on": date(2026, 10, 12)}
    with pytest.raises(Exception) as missing:
        files.save_lembar_komitmen(
            actor=admin, kind="kepala_opd", opd=None, scan=SimpleUploadedFile("a.pdf", PDF), **common
        )
    assert "Pilih OPD" in str(missing.value)
    first = files.save_lembar_komitmen(
        actor=admin, kind="kepala_opd", opd=diskominfo, scan=SimpleUploadedFile("a.pdf", PDF), **common
    )
    stored.append(first.scan.name)
    with pytest.raises(Exception) as twice:
        files.save_lembar_komitmen(
            actor=admin, kind="kepala_opd", opd=diskominfo, scan=SimpleUploadedFile("b.pdf", PDF), **common
        )
    assert "sudah ada" in str(twice.value)
    with pytest.raises(Exception) as future:
        files.save_lembar_komitmen(
            actor=admin,
            sheet=first,
            kind="kepala_opd",
            opd=diskominfo,
            **{**common, "signed_on": date.today() + timedelta(days=3)},
        )
    assert "masa depan" in str(future.value)
    assert LembarKomitmen.objects.count() == 1


def test_replacing_the_scan_removes_the_old_file_after_commit(
    world, probolinggo, django_capture_on_commit_callbacks, stored
):
    admin = factories.actor(world, "admin_probolinggo")
    common = {
        "kind": "kepala_daerah",
        "opd": None,
        "signatory": "W",
        "position": "Wali Kota",
        "signed_on": date(2026, 10, 1),
    }
    sheet = files.save_lembar_komitmen(actor=admin, scan=SimpleUploadedFile("a.pdf", PDF), **common)
    old = sheet.scan.name
    with django_capture_on_commit_callbacks(execute=True):
        sheet = files.save_lembar_komitmen(actor=admin, sheet=sheet, scan=SimpleUploadedFile("b.jpg", JPEG), **common)
    stored.append(sheet.scan.name)
    assert not default_storage.exists(old) and default_storage.exists(sheet.scan.name)
    assert sheet.scan_type == "image/jpeg" and sheet.history.count() == 2


@pytest.mark.parametrize(
    "who",
    ["editor_probolinggo", "council_probolinggo", "head_probolinggo", "viewer_probolinggo", "facilitator_current"],
)
def test_only_region_admins_add_or_delete_sheets(world, client_for, probolinggo, stored, who):
    sheet = files.save_lembar_komitmen(
        actor=factories.actor(world, "admin_probolinggo"),
        kind="kepala_daerah",
        opd=None,
        signatory="W",
        position="Wali Kota",
        signed_on=date(2026, 10, 1),
        scan=SimpleUploadedFile("a.pdf", PDF),
    )
    stored.append(sheet.scan.name)
    client = client_for(world.users[who])
    assert client.get("/masterplan/komitmen/", HTTP_HOST=HOST).status_code == 200
    assert client.get("/masterplan/komitmen/baru/", HTTP_HOST=HOST).status_code == 404
    assert client.post("/masterplan/komitmen/baru/", {**_form(), "scan": _scan()}, HTTP_HOST=HOST).status_code == 404
    assert client.post(f"/masterplan/komitmen/{sheet.pk}/", _form(), HTTP_HOST=HOST).status_code == 404
    assert client.post(f"/masterplan/komitmen/{sheet.pk}/hapus/", HTTP_HOST=HOST).status_code == 404
    assert LembarKomitmen.objects.count() == 1


def test_the_bimtek_iv_checklist_names_who_has_not_signed(world, probolinggo, stored):
    from programs import checklist

    def item():
        return next(i for i in checklist.bimtek_checklist()[3].items if i.label.startswith("Lembar komitmen"))

    admin = factories.actor(world, "admin_probolinggo")
    factories.program(world, factories.opd(), title="e-Sambat")
    assert not item().done
    assert item().gap == (
        "Lembar komitmen kepala daerah belum diunggah; kepala OPD DISKOMINFO belum menandatangani lembar komitmen"
    )
    common = {"signatory": "S", "position": "Kepala", "signed_on": date(2026, 10, 1)}
    for kind, opd in (("kepala_daerah", None), ("kepala_opd", factories.opd())):
        sheet = files.save_lembar_komitmen(
            actor=admin, kind=kind, opd=opd, scan=SimpleUploadedFile("a.pdf", PDF), **common
        )
        stored.append(sheet.scan.name)
    assert item().done and item().gap == ""
