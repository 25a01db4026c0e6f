"""Keyboard and phone in Chromium: the skip link is the first Tab stop and moves the focus to
the content; the menu marks the current page; scroll areas take the focus; on a phone
(390×844) the header and sub-navigation take no more than a fifth of the first screen."""

import pytest

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TOP_OF_PAGE = """() => {
  const parts = [document.querySelector("header.top"), document.querySelector(".subnav")].filter(Boolean);
  return Math.max(...parts.map((el) => el.getBoundingClientRect().bottom));
}"""


def _sign_in(page, base, email):  # noqa: F811
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, email)


def test_skip_link_current_page_and_scroll_areas_on_the_ranking(server, page):  # noqa: F811
    base = f"http://sc100.test:{server}"
    _sign_in(page, base, "ministry_admin@example.id")
    page.goto(f"{base}/assessments/ranking/")
    assert page.title().startswith("Peringkat nasional")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").inner_text() == "Langsung ke isi"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"

    current = page.locator("header nav a[aria-current=page]")
    assert current.count() == 1 and current.inner_text() == "Peringkat"
    assert current.evaluate("el => getComputedStyle(el).textDecorationLine") == "underline"

    page.goto(f"{base}/cohorts/")
    assert page.locator("header nav a[aria-current=page]").inner_text() == "Angkatan"
    areas = page.locator(".table-wrap")
    if areas.count():
        assert areas.first.get_attribute("tabindex") == "0"
        assert areas.first.get_attribute("role") == "region"
        assert areas.first.get_attribute("aria-label")


def test_on_a_phone_the_header_takes_at_most_a_fifth_of_the_screen(server, page):  # noqa: F811
    page.set_viewport_size(PHONE)
    workspace = f"http://kota-probolinggo.sc100.test:{server}"
    _sign_in(page, workspace, "admin_probolinggo@example.id")
    page.goto(f"{workspace}/")
    assert page.evaluate(TOP_OF_PAGE) <= PHONE["height"] / 5

    toggle = page.locator("button[data-nav-toggle]")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("header nav a[aria-current=page]").inner_text() == "Beranda"

    page.context.clear_cookies()  # one sign-in covers every host: sign in again as ministry staff
    national = f"http://sc100.test:{server}"
    _sign_in(page, national, "ministry_admin@example.id")
    page.goto(f"{national}/assessments/ranking/")
    assert page.evaluate(TOP_OF_PAGE) <= PHONE["height"] / 5
