"""The region's journey, in Chromium: the region admin opens the workspace home and sees
Bimtek I on the plan's dates, opens the region's schedule page, adds a blackout range, is
told why an overlapping one is refused, and changes the venue of a proposed workshop."""

from datetime import date

import pytest

from programs.scheduling.models import CalendarFeed, Facilitator, Plan, RegionWish, Workshop
from tests.scheduling import factories
from tests.scheduling.test_browser_workshops import outside_the_browser_loop, sign_in, stored
from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser

PROBOLINGGO = "35.74"


@pytest.fixture
def scheduled(committed_db):
    plan = factories.plan(year=2018, regions=(PROBOLINGGO,))
    ani = factories.facilitator("ani.region@example.id", full_name="Ani Region")
    first = factories.place(plan.workshops.get(stage=1), date(2018, 7, 3), ani)
    Workshop.objects.filter(pk=first.pk).update(venue="Aula Bappeda")
    try:
        yield {"plan": plan, "first": first}
    finally:
        Plan.objects.filter(pk=plan.pk).delete()
        RegionWish.objects.filter(region_id=PROBOLINGGO).delete()
        CalendarFeed.objects.filter(region_id=PROBOLINGGO).delete()
        user = ani.user
        Facilitator.objects.filter(pk=ani.pk).delete()
        user.delete()


def test_region_admin_sees_the_plan_adds_a_blackout_and_edits_a_venue(scheduled, server, page):  # noqa: F811
    home = f"http://kota-probolinggo.sc100.test:{server}/"
    sign_in(page, home, "admin_probolinggo@example.id")
    stage = page.locator('li[data-stage="1"]')
    assert "Bimtek I" in stage.inner_text() and "3–4 Juli 2018" in stage.inner_text()
    assert "Aula Bappeda" in stage.inner_text()

    page.get_by_role("link", name="Jadwal Bimtek daerah dari rencana kementerian").click()
    page.wait_for_url(f"{home}jadwal-bimtek/")
    assert page.locator("#workshops").get_by_text("3–4 Juli 2018").is_visible()

    form = page.locator("#wish-form")
    form.locator("select[name=kind]").select_option("blackout")
    form.locator("input[name=starts]").fill("2018-08-15")
    form.locator("input[name=ends]").fill("2018-08-18")
    form.locator("input[name=note]").fill("HUT RI")
    form.get_by_role("button", name="Tambah").click()
    page.wait_for_url(f"{home}jadwal-bimtek/")
    assert page.locator("#wishes").get_by_text("15–18 Agustus 2018").is_visible()

    form = page.locator("#wish-form")
    form.locator("select[name=kind]").select_option("blackout")
    form.locator("input[name=starts]").fill("2018-08-17")
    form.locator("input[name=ends]").fill("2018-08-20")
    form.get_by_role("button", name="Tambah").click()
    assert page.locator("#wish-form .errorlist").get_by_text("Bertumpang tindih").is_visible()
    assert outside_the_browser_loop(lambda: RegionWish.objects.filter(region_id=PROBOLINGGO).count()) == 1

    page.get_by_role("link", name="Ubah tempat Bimtek I", exact=True).click()
    page.fill("input[name=venue]", "Ruang Rapat Wali Kota")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"{home}jadwal-bimtek/")
    assert page.locator("#workshops").get_by_text("Ruang Rapat Wali Kota").is_visible()
    assert stored(scheduled["first"]).venue == "Ruang Rapat Wali Kota"
