"""The remaining national screens of the plan, in Chromium: a ministry admin corrects one cell of
the travel table (its mirror follows), adds a national holiday of a new year and is told why a
second one on the same day is refused, and compares two versions of a plan from their selects."""

from datetime import date

import pytest

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser
ACEH, PAPUA = "11", "91"


@pytest.fixture
def scene(committed_db):
    """A plan with two versions (one workshop moved between them); everything written here and
    by the journey is removed after the browser is closed (requested before it)."""
    from platform.accounts.models import User
    from programs.scheduling import services
    from programs.scheduling.models import NationalHoliday, Plan, PlanVersion, TravelTime
    from programs.scheduling.solver.travel import travel_days_by_rule
    from tests.scheduling import factories

    admin = User.objects.get(email="ministry_admin@example.id")
    ani = factories.facilitator("ani.referensi@example.id", full_name="Ani Referensi")
    plan = factories.plan(regions=("35.74",))
    workshop = factories.place(plan.workshops.get(stage=1), date(2018, 7, 2), ani)
    services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=admin)
    factories.place(workshop, date(2018, 7, 9), ani)
    services.record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=admin)
    yield plan
    Plan.objects.filter(pk=plan.pk).delete()
    user = ani.user
    ani.delete()
    user.delete()
    NationalHoliday.objects.filter(date__year=2027).delete()
    for a, b in ((ACEH, PAPUA), (PAPUA, ACEH)):
        TravelTime.objects.filter(origin_id=a, destination_id=b).update(days=travel_days_by_rule(a, b))


def test_admin_corrects_travel_adds_a_holiday_and_compares_versions(scene, server, page):  # noqa: F811
    base = f"http://sc100.test:{server}"
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "ministry_admin@example.id")

    # travel: the cell Aceh → Papua, picked from the grid, corrected to 3 days; Papua → Aceh follows
    page.goto(f"{base}/jadwal/perjalanan/")
    page.click(f'#grid a[href="?origin={ACEH}&destination={PAPUA}#edit"]')
    assert page.input_value("#travel-form [name=origin]") == ACEH
    assert page.input_value("#travel-form [name=destination]") == PAPUA
    page.fill("#travel-form [name=days]", "3")
    page.click("#travel-form button[type=submit]")
    page.wait_for_load_state()
    for a, b in ((ACEH, PAPUA), (PAPUA, ACEH)):
        assert page.locator(f'#grid a[href="?origin={a}&destination={b}#edit"] strong').inner_text() == "3"

    # holidays: a year not yet in the data, one holiday added, the same day refused in words
    page.goto(f"{base}/jadwal/libur/?tahun=2027")
    page.fill("#holiday-form [name=date]", "2027-01-01")
    page.fill("#holiday-form [name=name]", "Tahun Baru Masehi")
    page.click("#holiday-form button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{base}/jadwal/libur/?tahun=2027")
    assert "Tahun Baru Masehi" in page.locator("main").inner_text()
    page.fill("#holiday-form [name=date]", "2027-01-01")
    page.fill("#holiday-form [name=name]", "Lagi")
    page.click("#holiday-form button[type=submit]")
    page.wait_for_load_state()
    assert "sudah tercatat sebagai hari libur" in page.locator("#holiday-form").inner_text()

    # compare: the two versions chosen in the selects; the moved workshop listed in words
    page.goto(f"{base}/jadwal/{scene.pk}/banding/")
    page.select_option("select[name=a]", "1")
    page.select_option("select[name=b]", "2")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "1 Bimtek berubah" in page.locator("#change-count").inner_text()
    assert "Bimtek I Kota Probolinggo" in page.locator("main").inner_text()
    assert "9–10 Jul 2018" in page.locator("main").inner_text()  # dates as Indonesians write them
