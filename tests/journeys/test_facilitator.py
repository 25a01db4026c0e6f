"""The facilitator's journey: "Menunggu verifikasi Anda" on the home, a component page
opened from it, verified with a different score and the note it then requires."""

import re

import pytest

from tests.journeys import data

pytestmark = pytest.mark.browser

YEAR = 2034  # a year no other test writes
NOTE = "Data dasar belum lengkap"


@pytest.fixture
def waiting(committed_db):
    with data.cycle_waiting_for_verification(YEAR) as cycle:
        yield cycle


def test_facilitator_verifies_a_component_with_a_note(waiting, journey):
    page = journey.page
    main = page.locator("main")
    journey.sign_in("facilitator_current@example.id")
    journey.visit(journey.url("/"))
    awaiting = page.locator("#awaiting-verification")
    assert "Menunggu verifikasi Anda" in awaiting.inner_text()

    journey.submit(awaiting.get_by_role("link", name=f"Kota Probolinggo · {YEAR} Tahap I"))
    assert re.search(r"/assessments/\d+/komponen/[\w-]+/$", page.url), page.url
    component = page.url
    scores = main.locator("input:not([type=hidden])[name$='-verified_score']")
    assert scores.count() > 0
    scores.first.fill("2")
    for i in range(1, scores.count()):
        scores.nth(i).fill("3")
    next_page = main.get_by_role("button", name="Simpan dan lanjut")
    journey.submit(next_page, status=400)
    assert page.url == component  # the differing score needs its note
    assert "Catatan wajib diisi" in main.inner_text()

    main.locator("textarea[name$='-assessor_notes']").first.fill(NOTE)
    journey.submit(main.get_by_role("button", name="Simpan dan lanjut"))
    assert page.url != component and "/komponen/" in page.url

    journey.visit(component)
    assert "Berbeda dari skor mandiri" in main.inner_text()
    assert main.locator("textarea[name$='-assessor_notes']").first.input_value() == NOTE
