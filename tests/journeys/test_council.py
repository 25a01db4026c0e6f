"""The council member's journey (Dewan Smart City): the submitted masterplan read, then
returned with a note that the status history keeps."""

import pytest

from tests.journeys import data

pytestmark = pytest.mark.browser

NOTE = "Mohon lengkapi analisis SWOT Smart Environment"


@pytest.fixture
def submitted(committed_db):
    with data.masterplan_restored("submitted"):
        yield


def test_council_member_returns_the_masterplan_with_a_note(submitted, journey):
    main = journey.page.locator("main")
    journey.sign_in("council_probolinggo@example.id", "kota-probolinggo")
    journey.visit(journey.workspace("/masterplan/"))
    assert "Diajukan" in main.locator(".badge").first.inner_text()
    journey.visit(journey.workspace("/masterplan/buku-1/"))
    journey.visit(journey.workspace("/masterplan/buku-2/"))
    journey.visit(journey.workspace("/program/"))

    journey.visit(journey.workspace("/masterplan/"))
    main.get_by_label("Alasan / catatan").fill(NOTE)
    journey.submit(main.get_by_role("button", name="Kembalikan dengan alasan"))
    journey.visit(journey.workspace("/masterplan/"))
    assert "Draf" in main.locator(".badge").first.inner_text()
    assert NOTE in main.inner_text()
