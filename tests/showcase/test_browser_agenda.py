"""The showcase journey in Debian's Chromium: a ministry admin creates the 2018 cohort's
showcase, builds its agenda, moves a presentation with the keyboard ("turun" focused, Enter),
publishes it after the confirmation page; then an anonymous visitor opens the public page, in
Indonesian and in English, and no page breaks the Content-Security-Policy.

Everything here is committed (a real server process), so the test removes what it wrote."""

import pytest
from django.db import connections

from showcase.models import Showcase, Slot
from tests import conftest
from tests.conftest import PASSWORD
from tests.test_browser import page, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

SLUG = "peramban-2018"
NAME = "Showcase Peramban 2018"


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse ORM calls here; they are plain blocking calls of this test, so allow them."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def cleanup(committed_db):
    """Removes the showcase once Chromium is closed (named before ``page``, so it ends after it:
    outside Playwright's event loop, on the test's own connection)."""
    yield
    Showcase.objects.filter(slug=SLUG).delete()


def test_admin_builds_moves_and_publishes_then_the_public_reads_it(server, cleanup, page):  # noqa: F811
    try:
        journey(f"http://sc100.test:{server}", page)
    finally:
        connections.close_all()


def journey(base, page):  # noqa: F811
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{base}/showcase/kelola/baru/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    second_factor = getattr(conftest, "pass_second_factor_in_browser", None)
    if second_factor is not None:
        second_factor(page, "ministry_admin@example.id")
    page.wait_for_url(f"{base}/showcase/kelola/baru/")

    page.select_option("select[name=cohort]", label="2018")
    page.fill("input[name=name]", NAME)
    page.fill("input[name=slug]", SLUG)
    page.fill("input[name=venue]", "Balai Kartini, Jakarta")
    page.fill("input[name=starts_on]", "2018-11-27")
    page.fill("input[name=ends_on]", "2018-11-27")
    page.fill("input[name=day_starts_at]", "08:00")
    page.fill("input[name=day_ends_at]", "16:00")
    page.fill("input[name=submission_deadline]", "2018-11-16T23:59")
    page.fill("input[name=break_every]", "0")
    page.fill("textarea[name=stage_names]", "Balai Kartini\nRuang Garuda")
    page.get_by_role("button", name="Buat showcase").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/")
    assert page.get_by_text("Agenda belum disusun").is_visible()

    page.get_by_role("button", name="Susun ulang").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/")
    assert page.get_by_text("Agenda versi 1 disusun ulang.").is_visible()
    showcase = Showcase.objects.get(slug=SLUG)
    first = Slot.objects.filter(version__showcase=showcase, kind="presentation").order_by(
        "stage__position", "position"
    )[0]
    stage_slots = list(Slot.objects.filter(stage=first.stage, version=first.version).order_by("position"))
    assert stage_slots.index(first) + 1 < len(stage_slots)  # something follows it on its stage

    # The keyboard: focus the slot's "turun" button and press Enter (no mouse, no script needed).
    page.get_by_role("button", name=f"Turunkan {first.region.name}").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/#slot-{first.pk}")
    assert page.get_by_text(f"{first.region.name} dipindah.").is_visible()
    moved = Slot.objects.get(pk=first.pk)
    assert moved.position == first.position + 1 and moved.starts_at > first.starts_at

    page.get_by_role("link", name="Terbitkan").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/terbitkan/")
    page.get_by_role("button", name="Ya, terbitkan").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/")
    assert page.get_by_text("Agenda versi 1 diterbitkan.").is_visible()
    assert page.locator("#embed-script").input_value().startswith("<script src=")

    visitor = page.context.browser.new_context(locale="id-ID").new_page()
    visitor.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    visitor.goto(f"{base}/showcase/{SLUG}/")
    assert visitor.get_by_role("heading", name=NAME).is_visible()
    assert visitor.get_by_text("Kota Probolinggo").first.is_visible()
    assert visitor.get_by_text("WIB").first.is_visible()
    assert visitor.locator("html").get_attribute("lang") == "id"
    with visitor.expect_navigation():
        visitor.select_option("select[name=language]", "en")  # the language switch submits itself
    assert visitor.locator("html").get_attribute("lang") == "en"
    assert visitor.get_by_text("Kota Pasuruan").first.is_visible()
    visitor.set_viewport_size({"width": 375, "height": 740})  # a phone: no sideways scrolling
    assert visitor.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    visitor.goto(f"{base}/showcase/kelola/{SLUG}/")
    assert "/accounts/login/" in visitor.url
    assert not violations, violations
