"""The OPD editor's journey in English: mentioned in two comments (made through the comment
service, so the notifications are stored with their Indonesian text), the editor chooses
English with the site's language switch and reads the notifications and the pages of the
journey; the harness fails a page that shows a stored Indonesian text or an untranslated word."""

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
    page, main = journey.page, journey.page.locator("main")
    journey.sign_in("editor_probolinggo@example.id", "kota-probolinggo")
    journey.visit(journey.workspace("/notifikasi/"))
    assert main.locator("ul.notifications").inner_text().count("menyebut Anda") == 2  # Indonesian first

    # The language switch, as a reader uses it (in the folded menu on a phone).
    toggle = page.locator("header button[data-nav-toggle]")
    if toggle.is_visible():
        toggle.click()
    with page.expect_navigation():
        page.select_option("header select[name=language]", "en")  # it submits itself
    assert page.locator("html").get_attribute("lang") == "en"
    journey.check()
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
