"""The journey of a calendar feed, in Chromium: a facilitator signs in, opens "my calendars",
copies the link, fetches it and finds their workshop; then resets it, and the old link answers
404 while the new one still works."""

from datetime import date

import pytest

from programs.scheduling.models import Facilitator, Plan
from tests.conftest import PASSWORD
from tests.scheduling import factories
from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser

DENPASAR = "51.71"  # Kota Denpasar, Bali: WITA


@pytest.fixture
def workshop(committed_db):
    from tenants.models import Region

    cohort_id = Region.objects.filter(code=DENPASAR).values_list("cohort_id", flat=True).get()
    plan = factories.plan(year=2018, regions=(DENPASAR,))
    dewi = factories.facilitator("dewi.kalender@example.id", full_name="Dewi Kalender", province="51")
    placed = factories.place(plan.workshops.get(stage=2), date(2018, 8, 6), dewi)
    placed.venue = "Gedung Sewaka Dharma"
    placed.save()
    try:
        yield placed
    finally:
        Plan.objects.filter(pk=plan.pk).delete()
        user = dewi.user
        Facilitator.objects.filter(pk=dewi.pk).delete()
        user.delete()  # her calendar feed goes with her account
        Region.objects.filter(code=DENPASAR).update(cohort_id=cohort_id)


def fetch(page, link):  # noqa: F811
    """GET ``link`` as a calendar app would: no session. Playwright's request context resolves
    names outside Chromium (no mapping of the test domain), so it goes to loopback with the
    link's host in the Host header."""
    host = link.split("/")[2]
    return page.request.get(link.replace(host.split(":")[0], "127.0.0.1", 1), headers={"Host": host})


def test_a_facilitator_copies_fetches_and_resets_their_calendar_link(server, workshop, page):  # noqa: F811
    apex = f"http://sc100.test:{server}"
    page.goto(f"{apex}/saya/kalender/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "dewi.kalender@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{apex}/saya/kalender/")
    assert page.locator("h1").inner_text() == "Kalender saya"

    card = page.locator(".feed-link[data-scope=facilitator]")
    assert card.locator("h2").inner_text() == "Bimtek saya"
    card.get_by_role("button", name="Salin alamat").click()
    assert card.get_by_role("button", name="Tersalin").is_visible()
    link = card.locator("input.feed-url").input_value()
    assert link.startswith(f"{apex}/kalender/") and link.endswith(".ics")

    feed = fetch(page, link)
    assert feed.status == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    body = feed.text()
    assert f"UID:workshop-{workshop.pk}@smartcity100" in body
    assert "SUMMARY:Bimtek II Kota Denpasar" in body
    assert "DTSTART;TZID=Asia/Makassar:20180806T080000" in body
    assert "Gedung Sewaka Dharma" in body

    page.once("dialog", lambda dialog: dialog.accept())
    card.get_by_role("button", name="Ganti alamat (reset)").click()
    page.wait_for_load_state()
    assert page.get_by_text("Alamat kalender diganti").is_visible()
    new_link = page.locator(".feed-link[data-scope=facilitator] input.feed-url").input_value()
    assert new_link != link

    assert fetch(page, link).status == 404
    assert fetch(page, new_link).status == 200
