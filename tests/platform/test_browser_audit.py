"""The audit log in Chromium: someone fails to sign in, then a ministry admin signs in, opens
the log from the menu, filters it by action and sees that failed attempt with its address."""

import pytest

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser

TRIED = "coba.coba@example.id"


@pytest.fixture
def cleanup(committed_db):
    """Removes the rows the journey wrote; requested before the browser, so it runs after the
    browser is closed (Django refuses ORM calls beside Playwright's running event loop)."""
    from axes.models import AccessAttempt

    from platform.audit.models import AuditEvent

    mark = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    AuditEvent.objects.filter(pk__gt=mark).delete()
    AccessAttempt.objects.filter(username=TRIED).delete()


def _sign_in(page, base, email, password):  # noqa: F811
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def test_a_ministry_admin_finds_a_failed_sign_in_in_the_log(cleanup, server, page):  # noqa: F811
    base = f"http://sc100.test:{server}"
    _sign_in(page, base, TRIED, "tebakan-salah")
    assert "/accounts/login/" in page.url  # refused: the form again

    _sign_in(page, base, "ministry_admin@example.id", PASSWORD)
    pass_second_factor_in_browser(page, "ministry_admin@example.id")
    page.click("header nav >> text=Log audit")
    page.wait_for_url(f"{base}/audit/")
    assert page.locator("h1").inner_text() == "Log audit"

    page.select_option("select[name=action]", "signin_failed")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/audit/?*action=signin_failed*")
    rows = page.locator("#audit-log tbody tr")
    assert rows.count() >= 1
    first = rows.first.inner_text()
    assert TRIED in first and "Gagal masuk" in first and "127.0.0.1" in first
    assert "ministry_admin@example.id" not in page.locator("#audit-log tbody").inner_text()
