"""The day in Chromium, three screens of one browser together: a ministry admin at the
operator's screen makes the presenter's secret link, the podium laptop opens it and a visitor
opens the public screen (neither signed in). Start shows the opening on both other screens
within a second and a half; "+1 min" moves the presenter's countdown; "next" moves all three."""

import re
import time

import pytest

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser

SLUG = "live-browser"
IN_STEP_MS = 1500


@pytest.fixture
def day(committed_db):
    """The published day (committed; removed after the browser is closed)."""
    from showcase.models import Showcase
    from tenants.models import Region
    from tests.showcase.samples_live import CODES, published_day

    Showcase.objects.filter(slug=SLUG).delete()
    showcase = published_day(slug=SLUG)
    yield showcase, showcase.stages.get().pk, Region.objects.get(code=CODES[0]).name
    Showcase.objects.filter(slug=SLUG).delete()


def test_operator_presenter_and_public_screens_stay_in_step(day, server, page):  # noqa: F811
    from playwright.sync_api import expect

    showcase, stage_pk, first_region = day
    base = f"http://sc100.test:{server}"
    operator_url = f"{base}/showcase/kelola/{SLUG}/langsung/{stage_pk}/"

    page.goto(operator_url)
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "ministry_admin@example.id")
    page.wait_for_url(operator_url)
    page.get_by_role("button", name="Buat tautan").click()
    link = page.locator("input[data-select-on-click]").input_value()
    assert "/showcase/kelola/penyaji/" in link

    visitors = page.context.browser.new_context(locale="id-ID")  # not signed in
    presenter = visitors.new_page()
    presenter.goto(link)
    public = visitors.new_page()
    public.goto(f"{base}/showcase/{SLUG}/layar/{stage_pk}/")
    expect(presenter.locator("h1[data-live=current]")).to_have_text("Belum mulai")
    expect(public.locator("[data-live=current]")).to_have_text("Belum mulai")

    # Start: the opening on the other two screens within a second and a half.
    clicked = time.monotonic()
    page.get_by_role("button", name="Mulai / lanjut").click()
    expect(presenter.locator("h1[data-live=current]")).to_have_text("Pembukaan", timeout=IN_STEP_MS)
    expect(public.locator("[data-live=current]")).to_have_text("Pembukaan", timeout=IN_STEP_MS)
    assert time.monotonic() - clicked < IN_STEP_MS / 1000 + 1  # the click's own page load included
    countdown = presenter.locator("[data-live=countdown]")
    expect(countdown).to_have_text(re.compile(r"^29:[0-5]\d$"))  # 30 minutes, counting down
    expect(page.locator("[data-live=countdown]")).to_have_text(re.compile(r"^29:[0-5]\d$"))

    # +1 min: the presenter's countdown jumps a minute up.
    page.get_by_role("button", name="+1 menit").click()
    expect(countdown).to_have_text(re.compile(r"^30:[0-5]\d$"), timeout=IN_STEP_MS)

    # A message reaches the presenter, not the public screen.
    page.fill("input[name=text]", "Mohon bersiap")
    page.get_by_role("button", name="Kirim pesan").click()
    expect(presenter.locator("[data-live=message]")).to_have_text("Mohon bersiap", timeout=IN_STEP_MS)
    assert "Mohon bersiap" not in public.locator("main").inner_text()

    # Next: all three screens show the first presenter; the presenter's next one is named.
    page.get_by_role("button", name="Berikutnya", exact=True).click()
    expect(page.locator("h1 [data-live=current]")).to_have_text(first_region, timeout=IN_STEP_MS)
    expect(presenter.locator("h1[data-live=current]")).to_have_text(first_region, timeout=IN_STEP_MS)
    expect(public.locator("[data-live=current]")).to_have_text(first_region, timeout=IN_STEP_MS)
    expect(presenter.locator("[data-live=message]")).to_have_text("")
    expect(countdown).to_have_text(re.compile(r"^(10:00|09:[0-5]\d)$"))

    # A reload (or a second operator) resumes the same state.
    public.reload()
    expect(public.locator("[data-live=current]")).to_have_text(first_region)
    visitors.close()


def test_after_the_day_the_report_compares_plan_and_reality(day, server, page):  # noqa: F811
    """The operator runs the first slot, then opens the report: the opening has its planned
    and actual start, and the CSV downloads."""
    from playwright.sync_api import expect

    showcase, stage_pk, _first_region = day
    base = f"http://sc100.test:{server}"
    operator_url = f"{base}/showcase/kelola/{SLUG}/langsung/{stage_pk}/"
    page.goto(operator_url)
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "ministry_admin@example.id")
    page.wait_for_url(operator_url)
    page.get_by_role("button", name="Mulai / lanjut").click()
    page.get_by_role("button", name="Berikutnya", exact=True).click()

    page.goto(f"{base}/showcase/kelola/{SLUG}/langsung/laporan/")
    expect(page.locator("h1")).to_contain_text("Rencana dan kenyataan")
    first_row = page.locator("table").nth(1).locator("tbody tr").first
    expect(first_row.locator("td").nth(2)).to_contain_text(re.compile(r"\d{2}:\d{2}"))  # the actual start
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
