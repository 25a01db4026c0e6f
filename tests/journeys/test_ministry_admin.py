"""The ministry admin's journey (signed in with the second factor): the national registry
searched, the ranking, the comparison, the framework version's pages (its weights and
settings read in Indonesian numbers), the cohort page, the facilitators' schedule pages, a
showcase created, and the audit log."""

import pytest

from tests.journeys import data

pytestmark = pytest.mark.browser

SLUG = "perjalanan-2018"


@pytest.fixture
def undone(committed_db):
    with (
        data.showcase_removed(SLUG),
        data.published_results(2040, 2041),
        data.facilitator_in_registry("fasilitator.perjalanan@example.id") as expert,
        data.framework_versions() as version,
    ):
        expert.version = version
        yield expert


def test_ministry_admin_daily_work(undone, journey):
    page = journey.page
    main = page.locator("main")
    journey.sign_in("ministry_admin@example.id")

    # The national registry, searched in place.
    journey.visit(journey.url("/"))
    page.get_by_label("Cari").fill("Probolinggo")
    page.wait_for_url("**q=Probolinggo**")
    registry = page.locator("#registry")
    registry.get_by_text("Kota Probolinggo").first.wait_for()
    assert "Kota Pasuruan" not in registry.inner_text()
    journey.check()

    journey.visit(journey.url("/assessments/ranking/?period=2041-2"))
    assert "Kota Probolinggo" in main.locator("table").first.inner_text()
    journey.visit(journey.url("/assessments/compare/"))
    journey.visit(journey.url("/assessments/compare/?region=35.74&region=35.75"))
    assert "Kota Pasuruan" in main.inner_text()
    for path in ("/frameworks/", "/frameworks/{}/", "/frameworks/{}/settings/"):
        journey.visit(journey.url(path.format(undone.version.pk)))
    journey.visit(journey.url("/cohorts/"))
    journey.visit(journey.url("/cohorts/2018/"))
    assert "Kota Probolinggo" in main.inner_text()
    journey.visit(journey.url("/fasilitator/"))
    assert "Dr. Perjalanan Fasilitator" in main.inner_text()
    journey.visit(journey.url(f"/fasilitator/{undone.pk}/bimtek/"))
    journey.visit(journey.url("/jadwal/"))

    # A showcase for the 2018 cohort.
    journey.visit(journey.url("/showcase/kelola/"))
    journey.visit(journey.url("/showcase/kelola/baru/"))
    page.select_option("select[name=cohort]", label="2018")
    page.fill("input[name=name]", "Showcase perjalanan 2018")
    page.fill("input[name=slug]", SLUG)
    page.fill("input[name=venue]", "Balai Kartini, Jakarta")
    page.fill("input[name=starts_on]", "2018-11-27")
    page.fill("input[name=ends_on]", "2018-11-27")
    page.fill("input[name=day_starts_at]", "08:00")
    page.fill("input[name=day_ends_at]", "16:00")
    page.fill("input[name=submission_deadline]", "2018-11-16T23:59")
    page.fill("input[name=break_every]", "0")
    journey.submit(main.get_by_role("button", name="Buat showcase"))
    assert page.url.endswith(f"/showcase/kelola/{SLUG}/")
    assert "Showcase perjalanan 2018" in main.inner_text()

    journey.visit(journey.url("/audit/"))
