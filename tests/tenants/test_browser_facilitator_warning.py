"""In Chromium the ministry admin invites a facilitator to Kota Probolinggo for a period that
has already ended: the page warns and asks for confirmation, keeps what was typed, and invites
once the box is ticked. Desktop and phone widths.

What it writes is committed for the server process, so the fixture removes it afterwards.
"""

import pytest

from tests.conftest import sign_in_in_browser, watch_browser_problems
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser
EMAIL = "fasilitator.lama@ugm.ac.id"


@pytest.fixture
def no_invited_facilitator(committed_db):
    from platform.accounts.models import User

    yield
    User.objects.filter(email=EMAIL).delete()  # with the membership


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_an_ended_period_is_confirmed_before_the_invitation(no_invited_facilitator, server, page, viewport):  # noqa: F811
    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.set_viewport_size(viewport)
    problems = watch_browser_problems(page)
    # Ministry staff sign in on the national site; one sign-in covers every host.
    sign_in_in_browser(page, f"http://sc100.test:{server}", "ministry_admin@example.id")
    page.goto(f"{base}/members/")

    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Peran").select_option("facilitator")
    page.get_by_label("Berlaku mulai").fill("2025-02-03")
    page.get_by_label("Berlaku sampai").fill("2025-12-31")
    page.get_by_role("button", name="Undang", exact=True).click()
    page.wait_for_load_state()

    warning = page.locator("#period-warning")
    assert "sudah berakhir pada 31 Desember 2025" in warning.inner_text()
    assert page.get_by_label("E-mail").input_value() == EMAIL
    assert EMAIL not in page.locator("table").inner_text()  # nothing saved yet
    page.get_by_label("Ya, tetap undang untuk masa penugasan yang sudah berakhir").check()
    page.get_by_role("button", name="Undang", exact=True).click()
    page.wait_for_url(f"{base}/members/")
    assert f"{EMAIL} diundang." in page.locator("main").inner_text()
    row = page.locator("tr", has_text=EMAIL)
    assert "Fasilitator" in row.inner_text() and "berakhir" in row.inner_text()
    assert page.locator("#period-warning").count() == 0
    assert problems == []
