"""In Chromium the ministry admin types a version's scale the Indonesian way: "0,00" stays in
its box (a number box showed it empty and refused to save), the settings save, and the
version's page shows the scale with a decimal comma. Desktop and phone widths.

The version is committed for the server process, so the fixture removes it afterwards.
"""

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest

from tests.conftest import sign_in_in_browser, watch_browser_problems
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture
def draft(committed_db):
    from assessments.framework import selectors
    from assessments.framework.models import FrameworkVersion
    from assessments.framework.services import copy_as_new_version, seed_standard_versions
    from tenants.access import SYSTEM

    seeded = not FrameworkVersion.objects.exists()
    seed_standard_versions()
    source = FrameworkVersion.objects.order_by("-year").first()
    version = copy_as_new_version(actor=SYSTEM, version=source, code="pedoman-2041", name="Pedoman 2041", year=2041)
    selectors.forget_labels()
    yield version
    FrameworkVersion.objects.filter(pk=version.pk).delete()
    if seeded:
        FrameworkVersion.objects.all().delete()
    selectors.forget_labels()


def saved_scale(pk):
    """Read from another thread: Django refuses queries in Playwright's event loop thread."""

    def read():
        from django.db import connection

        from assessments.framework.models import FrameworkVersion

        try:
            return tuple(FrameworkVersion.objects.values_list("scale_min", "scale_max").get(pk=pk))
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(read).result()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_ministry_admin_types_a_scale_with_a_decimal_comma(draft, server, page, viewport):  # noqa: F811
    base = f"http://sc100.test:{server}"
    page.set_viewport_size(viewport)
    problems = watch_browser_problems(page)
    sign_in_in_browser(page, base, "ministry_admin@example.id")
    page.goto(f"{base}/frameworks/{draft.pk}/settings/")

    page.fill("input[name=scale_min]", "0,00")
    page.fill("input[name=scale_max]", "4,5")
    assert page.input_value("input[name=scale_min]") == "0,00"  # a number box would read ""
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/frameworks/{draft.pk}/")
    assert "0–4,5" in page.locator("main").inner_text()
    assert saved_scale(draft.pk) == (Decimal("0"), Decimal("4.5"))
    assert problems == []
