"""The region admin's journey: the workspace home, an OPD added to the directory, the
masterplan submitted to the Dewan Smart City, the checklist, the change history, the book,
the quick wins and the notifications, and a member invited."""

import pytest

from tests.journeys import data

pytestmark = pytest.mark.browser


@pytest.fixture
def undone(committed_db):
    with data.masterplan_restored("draft"), data.opds_removed("DISHUB-PJ"), data.invitation_removed():
        yield


def test_region_admin_daily_work(undone, journey):
    page = journey.page
    main = page.locator("main")
    journey.sign_in("admin_probolinggo@example.id", "kota-probolinggo")
    journey.visit(journey.workspace("/"))
    assert page.locator("h1").inner_text() == "Kota Probolinggo"

    # The directory: a new OPD.
    journey.visit(journey.workspace("/direktori/"))
    journey.visit(journey.workspace("/direktori/opd/baru/"))
    page.get_by_label("Nama", exact=True).fill("Dinas Perhubungan")
    page.get_by_label("Singkatan").fill("DISHUB-PJ")
    page.get_by_label("Kepala").fill("Drs. Jalan Raya")
    journey.submit(main.get_by_role("button", name="Simpan"))
    assert "DISHUB-PJ" in main.inner_text()

    # The masterplan goes to the Dewan (through the confirmation when checklist items fail).
    journey.visit(journey.workspace("/masterplan/"))
    journey.submit(main.get_by_role("button", name="Ajukan ke Dewan Smart City"))
    if main.get_by_role("button", name="Tetap ajukan").count():
        main.locator("textarea").first.fill("Diajukan untuk rapat Dewan bulan ini")
        main.get_by_role("checkbox").first.check()
        journey.submit(main.get_by_role("button", name="Tetap ajukan"))
    journey.visit(journey.workspace("/masterplan/"))
    assert "Diajukan" in main.locator(".badge").first.inner_text()

    journey.visit(journey.workspace("/masterplan/checklist/"))
    for path in ("/masterplan/riwayat/", "/masterplan/buku-pdf/", "/masterplan/quick-win/", "/notifikasi/"):
        journey.visit(journey.workspace(path))

    # A new member invited.
    journey.menu("Anggota")
    page.get_by_label("E-mail").fill(data.INVITED)
    page.get_by_label("Nama lengkap").fill("Undangan Perjalanan")
    page.get_by_label("Peran").select_option(label="Pembaca")
    journey.submit(main.get_by_role("button", name="Undang"))
    assert data.INVITED in main.inner_text()
