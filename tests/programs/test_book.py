"""The masterplan book: one PDF of Buku I and II, built by a real worker, downloadable by members only."""

import re
import shutil
import subprocess
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from programs import book as books
from programs.models import DimensionPlan, FundingSource, Masterplan, MasterplanBook, Opd, Program, Risk
from tenants.models import Workspace
from tests.programs import factories

HOST = "kota-probolinggo.sc100.test"


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "book.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _fill(world):
    diskominfo = factories.opd()
    Masterplan.objects.update(regional_profile="Kota pesisir di Jawa Timur.", vision="Probolinggo cerdas")
    DimensionPlan.objects.filter(dimension__code="governance").update(strategy="Layanan digital terpadu")
    factories.program(world, diskominfo, title="e-Sambat", is_quick_win=True)
    program = Program.objects.get(title="e-Sambat")
    Risk.objects.create(program=program, description="Server padam", likelihood=4, impact=5, owner="Diskominfo")
    factories.program(
        world,
        diskominfo,
        title="Peta wisata digital",
        funding=[{"source": FundingSource.objects.get(code="csr"), "year": 2026, "amount": Decimal("1234567")}],
    )


@needs_pdftotext
def test_the_book_has_cover_contents_with_page_numbers_tables_in_rupiah_and_figures(world, probolinggo, tmp_path):
    _fill(world)
    context = books.book_context()
    html = books.render_book_html(context)
    assert html.count("<svg") == 2  # the roadmap (one dimension has programs) and the heat map from programs.charts
    assert "font:" not in html  # WeasyPrint's SVG renderer needs the font longhands
    pdf, pages = books.render_book_pdf(html)
    assert pdf.startswith(b"%PDF") and pages >= 8
    text = pdf_text(pdf, tmp_path)
    cover = text.split("\f")[0]
    assert "Masterplan Smart City" in cover and "Kota Probolinggo" in cover
    assert timezone.localdate().strftime("%Y") in cover
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]  # fmt: skip
    assert months[timezone.localdate().month - 1] in cover
    contents = text.split("\f")[1]
    assert "Daftar isi" in contents
    # every entry ends with the page its chapter starts on (target-counter)
    entries = dict(re.findall(r"^\s*(Buku II — Masterplan|Rekapitulasi pembiayaan)[ .]+(\d+)\s*$", contents, re.M))
    assert set(entries) == {"Buku II — Masterplan", "Rekapitulasi pembiayaan"}
    buku_two_page = int(entries["Buku II — Masterplan"])
    assert "Buku II — Masterplan" in text.split("\f")[buku_two_page - 1]
    assert "Halaman 2 / " in contents  # running footer
    assert "Rp 1.234.567" in text and "Rp 150.000.000" in text
    assert "Kota pesisir di Jawa Timur." in text and "Layanan digital terpadu" in text
    assert "Server padam" in text and "Peta panas" in text


def test_a_second_request_while_one_is_pending_returns_the_same_job(
    world, probolinggo, django_capture_on_commit_callbacks
):
    actor = factories.actor(world, "viewer_probolinggo")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = books.request_book(actor=actor)
        again = books.request_book(actor=actor)
    assert first == again and len(callbacks) == 1
    assert first.status == MasterplanBook.Status.QUEUED and first.masterplan_revision == 1


def test_asking_for_a_book_needs_the_capability_of_the_page(world, probolinggo):
    from django.core.exceptions import PermissionDenied

    from programs.rules import Actor
    from tenants.access import WorkspaceAccess

    for name in ["viewer_probolinggo", "ministry_analyst"]:
        assert factories.actor(world, name).can("can_request_book")
    stranger = Actor(user=world.users["nobody"], access=WorkspaceAccess("stranger", None))
    with pytest.raises(PermissionDenied):
        books.request_book(actor=stranger)
    assert not MasterplanBook.objects.exists()


def test_a_failed_build_is_recorded_on_the_job(world, probolinggo, monkeypatch):
    book = MasterplanBook.objects.create()

    def broken(html):
        raise RuntimeError("font hilang")

    monkeypatch.setattr(books, "render_book_pdf", broken)
    with pytest.raises(RuntimeError):
        books.build_book(book_id=book.pk)
    book.refresh_from_db()
    assert book.status == "failed" and "font hilang" in book.error and book.finished_at


def test_downloading_an_unfinished_book_sends_back_to_the_list(world, client_for, probolinggo):
    book = MasterplanBook.objects.create()
    response = client_for(world.users["viewer_probolinggo"]).get(
        f"/masterplan/buku-pdf/{book.pk}/unduh/", HTTP_HOST=HOST
    )
    assert response.status_code == 302 and response["Location"] == "/masterplan/buku-pdf/"


def test_the_progress_row_polls_while_running_and_stops_when_done(world, client_for, probolinggo):
    book = MasterplanBook.objects.create(status="running", progress=45, step="Menyusun PDF")
    client = client_for(world.users["viewer_probolinggo"])
    row = client.get(f"/masterplan/buku-pdf/{book.pk}/", HTTP_HOST=HOST, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in row and "Menyusun PDF" in row and 'aria-valuenow="45"' in row
    MasterplanBook.objects.filter(pk=book.pk).update(status="failed", step="Gagal")
    row = client.get(f"/masterplan/buku-pdf/{book.pk}/", HTTP_HOST=HOST).content.decode()
    assert "hx-trigger" not in row and "Gagal" in row


# --- with a real worker (committed data, undone at the end) -------------------------------------


@pytest.fixture
def probolinggo_plan(committed_db):
    from platform.accounts.models import User

    workspace = Workspace.objects.get(region_id="35.74")
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.id")}
    world = type("W", (), {"users": users, "probolinggo": workspace})()
    connection.set_tenant(workspace)
    opd = Opd.objects.create(acronym="DISHUB-BOOK", name="Dinas Perhubungan")
    program = factories.program(world, opd, title="Bus sekolah pintar")
    connection.set_schema_to_public()
    yield workspace
    connection.set_tenant(workspace)
    for book in MasterplanBook.objects.all():
        if book.file:
            book.file.delete(save=False)
        book.delete()
    program.delete()
    opd.delete()
    connection.set_schema_to_public()


@pytest.mark.worker
@needs_pdftotext
def test_a_member_asks_for_the_book_the_worker_builds_it_and_only_members_download_it(
    worker, probolinggo_plan, tmp_path
):
    from platform.accounts.models import User

    member = Client()
    member.force_login(User.objects.get(email="council_probolinggo@example.id"))
    response = member.post("/masterplan/buku-pdf/", HTTP_HOST=HOST)
    assert response.status_code == 302
    connection.set_tenant(probolinggo_plan)
    book = MasterplanBook.objects.get()
    connection.set_schema_to_public()
    deadline = timezone.now() + timedelta(seconds=90)
    while timezone.now() < deadline:
        row = member.get(f"/masterplan/buku-pdf/{book.pk}/", HTTP_HOST=HOST).content.decode()
        if "Unduh PDF" in row or "Gagal" in row:
            break
        time.sleep(0.3)
    assert "Unduh PDF" in row and "hx-trigger" not in row, row
    download = member.get(f"/masterplan/buku-pdf/{book.pk}/unduh/", HTTP_HOST=HOST)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith('attachment; filename="masterplan-kota-probolinggo-rev')
    pdf = b"".join(download.streaming_content)
    assert pdf.startswith(b"%PDF")
    assert "Bus sekolah pintar" in pdf_text(pdf, tmp_path)
    connection.set_tenant(probolinggo_plan)
    stored = MasterplanBook.objects.get(pk=book.pk)
    connection.set_schema_to_public()
    assert stored.file.name.startswith("books/") and stored.pages > 0
    assert "/media/" not in row  # never a public media link

    for outsider in ("admin_pasuruan", "facilitator_expired", "nobody"):
        other = Client()
        other.force_login(User.objects.get(email=f"{outsider}@example.id"))
        assert other.get(f"/masterplan/buku-pdf/{book.pk}/unduh/", HTTP_HOST=HOST).status_code == 404
    assert Client().get(f"/masterplan/buku-pdf/{book.pk}/unduh/", HTTP_HOST=HOST).status_code == 302


@pytest.mark.parametrize(
    "name",
    ["admin_probolinggo", "editor_probolinggo", "council_probolinggo", "head_probolinggo", "viewer_probolinggo",
     "facilitator_current"],
)  # fmt: skip
def test_every_member_reads_asks_for_and_follows_the_book(
    world, client_for, probolinggo, name, django_capture_on_commit_callbacks
):
    client = client_for(world.users[name])
    assert client.get("/masterplan/buku-pdf/", HTTP_HOST=HOST).status_code == 200
    with django_capture_on_commit_callbacks(execute=False):
        assert client.post("/masterplan/buku-pdf/", HTTP_HOST=HOST).status_code == 302
    book = MasterplanBook.objects.get()
    assert client.get(f"/masterplan/buku-pdf/{book.pk}/", HTTP_HOST=HOST).status_code == 200
    assert client.get(f"/masterplan/buku-pdf/{book.pk}/unduh/", HTTP_HOST=HOST).status_code == 302


def test_only_the_latest_books_keep_their_files(world, probolinggo, monkeypatch):
    monkeypatch.setattr(books, "render_book_pdf", lambda html: (b"%PDF-1.7 tiny", 1))
    monkeypatch.setattr(books, "KEEP_BOOKS", 2)
    built = [books.build_book(book_id=MasterplanBook.objects.create().pk) for _ in range(3)]
    try:
        assert list(MasterplanBook.objects.values_list("pk", flat=True)) == [b.pk for b in reversed(built[1:])]
        assert not built[0].file.storage.exists(built[0].file.name)
        assert built[2].file.storage.exists(built[2].file.name)
    finally:
        for b in built[1:]:
            b.file.delete(save=False)
