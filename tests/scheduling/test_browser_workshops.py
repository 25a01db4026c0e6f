"""The journey of a hand edit, in Chromium: a ministry admin opens the plan's timeline, clicks a
workshop, moves it next to its lead's other workshop on the far side of the country, sees the
travel warning appear live (nothing saved), moves it again, sees the warning go, and saves; then
the facilitator signs in and finds the workshop on "my workshops"."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.db import connection

from programs.scheduling.models import Facilitator, Plan
from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.scheduling import factories
from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser

ACEH, PAPUA = "11.71", "91.71"  # Kota Banda Aceh and Kota Jayapura: two days of travel apart


@pytest.fixture
def scheduled(committed_db):
    from tenants.models import Region

    cohorts = dict(Region.objects.filter(code__in=[ACEH, PAPUA]).values_list("code", "cohort_id"))
    plan = factories.plan(year=2018, regions=(ACEH, PAPUA))
    ani = factories.facilitator("ani.browser@example.id", full_name="Ani Browser")
    aceh = factories.place(plan.workshops.get(region_id=ACEH, stage=1), date(2018, 7, 2), ani)
    papua = factories.place(plan.workshops.get(region_id=PAPUA, stage=1), date(2018, 7, 23), ani)
    try:
        yield {"plan": plan, "ani": ani, "aceh": aceh, "papua": papua}
    finally:
        Plan.objects.filter(pk=plan.pk).delete()
        user = ani.user
        Facilitator.objects.filter(pk=ani.pk).delete()
        user.delete()
        for code, cohort_id in cohorts.items():
            Region.objects.filter(code=code).update(cohort_id=cohort_id)


def outside_the_browser_loop(fn):
    """Django refuses queries in the thread where Playwright's event loop runs: ask in another."""

    def run():
        try:
            return fn()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def stored(workshop):
    return outside_the_browser_loop(lambda: type(workshop).objects.get(pk=workshop.pk))


def sign_in(page, url, email):  # noqa: F811
    page.goto(url)
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, email)
    page.wait_for_url(url)


def test_admin_moves_a_workshop_sees_the_live_travel_warning_and_the_facilitator_sees_it(scheduled, server, page):  # noqa: F811
    apex = f"http://sc100.test:{server}"
    plan, papua = scheduled["plan"], scheduled["papua"]
    sign_in(page, f"{apex}/jadwal/{plan.pk}/linimasa/", "ministry_admin@example.id")
    assert page.locator("h1").inner_text() == f"Linimasa {plan.name}"
    page.click(f'.tl-row[data-person="{scheduled["ani"].pk}"] a.tl-bar[data-workshop="{papua.pk}"]')
    page.wait_for_url(f"{apex}/jadwal/{plan.pk}/bimtek/{papua.pk}/")
    warnings = page.locator("#live-warnings")
    assert warnings.get_by_text("Tidak ada bentrok.").is_visible()

    # Two days after Aceh ends on 3 Jul leaves one free day; Aceh to Papua takes two.
    page.fill("input[name=starts]", "2018-07-05")
    travel = warnings.get_by_text("butuh 2 hari perjalanan")
    travel.wait_for()
    assert "Kota Banda Aceh" in travel.inner_text() and "Kota Jayapura" in travel.inner_text()

    # Bad input answers 400 with the field's message, shown in the same place.
    page.fill("input[name=ends]", "2018-07-01")
    warnings.get_by_text("sebelum tanggal mulai").wait_for()
    page.fill("input[name=ends]", "")
    travel.wait_for()

    page.fill("input[name=starts]", "2018-07-09")
    page.locator("#live-warnings").get_by_text("Tidak ada bentrok.").wait_for()
    assert page.locator("#live-warnings").get_by_text("butuh 2 hari perjalanan").count() == 0
    assert stored(papua).starts == date(2018, 7, 23)  # checking saved nothing

    page.fill("input[name=venue]", "Aula Sentani")
    page.click("#workshop-form button[type=submit]")
    page.get_by_text("disimpan").first.wait_for()
    saved = stored(papua)
    assert (saved.starts, saved.ends, saved.venue) == (date(2018, 7, 9), date(2018, 7, 10), "Aula Sentani")

    page.context.clear_cookies()
    sign_in(page, f"{apex}/saya/bimtek/", "ani.browser@example.id")
    row = page.locator(f"#bimtek-{papua.pk}")
    assert "Kota Jayapura" in row.inner_text() and "Aula Sentani" in row.inner_text()
    assert "9–10 Jul 2018" in row.inner_text() and "WIT" in row.inner_text()
    assert page.locator(f'a.tl-bar[data-workshop="{papua.pk}"]').is_visible()
