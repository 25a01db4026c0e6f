"""A visitor opens a region's public showcase profile on a phone (390 px): the roadmap is a
list with every program's name whole in readable type, not the figure scaled down to a few
pixels; on a desktop the figure is shown. Everything here is committed (a real server
process), so the test removes what it wrote."""

import pytest

from showcase.models import Showcase
from tests.showcase.samples_regional import showcase
from tests.showcase.test_profiles import _publish, _record
from tests.test_browser import page, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

SLUG = "profil-ponsel-2018"
WIDER_THAN_SCREEN = """() => [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 5).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""


@pytest.fixture
def published(committed_db):
    event = showcase(slug=SLUG)
    _record(event)
    _publish(event)
    yield event
    Showcase.objects.filter(slug=SLUG).delete()


def test_the_public_profile_lists_the_roadmap_on_a_phone(published, server, page):  # noqa: F811
    problems = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    url = f"http://sc100.test:{server}/showcase/{SLUG}/35.74/"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
    listed = page.locator(".sc-roadmap-list")
    assert listed.is_visible() and not page.locator(".sc-roadmap-figure").is_visible()
    name = listed.locator("li .title").first
    assert name.inner_text() == "★ e-Sambat"
    assert float(name.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12
    # the page never scrolls sideways (the slides once grew to their widest child: 483 px)
    wider = page.evaluate(WIDER_THAN_SCREEN)
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), wider

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    assert page.locator(".sc-roadmap-figure").is_visible() and not listed.is_visible()
    assert problems == []
