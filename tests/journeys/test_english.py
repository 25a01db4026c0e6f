"""Journeys in English. The OPD editor, mentioned in two comments, and the region admin, told
the Dewan returned the masterplan and mentioned by the facilitator (all made through the
services, so the notifications are stored with their Indonesian text), choose English with
the site's language switch and read the notifications and the pages of their journey; the
harness fails a page that shows a stored Indonesian text or an untranslated word."""

import pytest

from tests.journeys import data

pytestmark = pytest.mark.browser

TITLE = "Pasar rakyat daring"


@pytest.fixture
def mentioned(committed_db):
    with (
        data.opd_of_the_editor("DISDAG-PJ"),
        data.program_of_another_opd("BAPPEDA-PJ", TITLE) as program,
        data.editor_mentioned(program) as stored,
    ):
        yield program, stored


def test_opd_editor_reads_the_notifications_and_the_journey_in_english(mentioned, journey):
    program, stored = mentioned
    assert len(stored) == 2 and all("menyebut Anda" in text for text in stored), stored
    journey.stored = stored
    main = journey.page.locator("main")
    journey.sign_in("editor_probolinggo@example.id", "kota-probolinggo")
    journey.visit(journey.workspace("/notifikasi/"))
    assert main.locator("ul.notifications").inner_text().count("menyebut Anda") == 2  # Indonesian first

    journey.switch_language("en")
    listing = main.locator("ul.notifications").inner_text()
    assert listing.count("mentioned you in a comment") == 2, listing

    journey.visit(journey.workspace("/"))
    journey.visit(journey.workspace("/program/"))
    journey.visit(journey.workspace(f"/program/{program.pk}/"))
    assert "Target 2027 perlu data dasar" in main.inner_text()  # a comment stays as written
    journey.visit(journey.workspace(f"/program/{program.pk}/ubah/"), status=403)
    journey.visit(journey.workspace("/program/baru/"))
    journey.visit(journey.workspace("/masterplan/"))
    journey.visit(journey.workspace("/masterplan/buku-1/"))
    journey.visit(journey.workspace("/masterplan/buku-2/"))


@pytest.fixture
def told(committed_db):
    with data.admin_told_by_the_dewan() as stored:
        yield stored


def test_region_admin_reads_the_dewan_and_a_mention_in_english(told, journey):
    assert len(told) == 2, told
    journey.stored = told
    main = journey.page.locator("main")
    journey.sign_in("admin_probolinggo@example.id", "kota-probolinggo")
    journey.visit(journey.workspace("/"))
    journey.switch_language("en")
    journey.visit(journey.workspace("/notifikasi/"))
    listing = main.locator("ul.notifications").inner_text()
    assert "returned by the Dewan Smart City" in listing and "mentioned you in a comment" in listing, listing
    journey.visit(journey.workspace("/masterplan/"))
    assert "Lengkapi SWOT" in main.inner_text()  # the Dewan's reason stays as written
    for path in ("/masterplan/checklist/", "/masterplan/riwayat/", "/direktori/", "/masterplan/buku-1/"):
        journey.visit(journey.workspace(path))
    journey.menu("Members")
