"""The ministry's submissions page in Debian's Chromium: a ministry admin opens it from the
showcase's builder, filters "belum mengirim", sends the reminders after the confirmation and
sees the confirmation; a real worker sends the e-mail to the region admin of the region that
has not submitted.

Runs against a real server (fixtures of ``tests/test_browser.py``) and a real worker; what it
writes is committed, so it removes it afterwards."""

import time

import pytest
from django.core import mail
from django.db import connections

from platform.audit.models import AuditEvent
from showcase.models import Showcase
from showcase.profiles.models import Submission
from tests import conftest
from tests.conftest import PASSWORD
from tests.showcase.samples_regional import showcase
from tests.showcase.test_submissions_national import submit
from tests.test_browser import page, server  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.worker]

SLUG = "kiriman-peramban"


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse ORM calls here; they are plain blocking calls of this test, so allow them."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def event(committed_db):
    """Kota Probolinggo submitted (with a gap), Kota Pasuruan has not (named before ``page``,
    so it is removed after Chromium is closed)."""
    found = showcase(slug=SLUG, codes=("35.74", "35.75"), deadline_in_days=5)
    submit(found, "35.74", missing=["photos"])
    yield found
    Submission.objects.filter(showcase=found).delete()
    AuditEvent.objects.filter(action="showcase_reminder_sent", target=found.name).delete()
    Showcase.objects.filter(pk=found.pk).delete()


def test_admin_filters_the_missing_regions_and_reminds_them(worker, event, server, page):  # noqa: F811
    mail.outbox = []
    try:
        journey(f"http://sc100.test:{server}", page)
    finally:
        connections.close_all()
    deadline = time.monotonic() + 30
    while not mail.outbox:
        assert time.monotonic() < deadline, "the worker sent no reminder"
        time.sleep(0.2)
    assert [m.to for m in mail.outbox] == [["admin_pasuruan@example.id"]]
    assert f"http://kota-pasuruan.sc100.test/showcase/{SLUG}/" in mail.outbox[0].body


def journey(base, page):  # noqa: F811
    from playwright.sync_api import expect

    page.goto(f"{base}/showcase/kelola/{SLUG}/")
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    second_factor = getattr(conftest, "pass_second_factor_in_browser", None)
    if second_factor is not None:
        second_factor(page, "ministry_admin@example.id")
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/")

    page.get_by_role("link", name="Kiriman daerah").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/kiriman/")
    counts = page.locator("#submission-counts")
    expect(counts).to_contain_text("Sudah mengirim: 1")
    expect(counts).to_contain_text("Belum mengirim: 1")
    expect(counts).to_contain_text("Ada kekurangan: 1")
    expect(counts).to_contain_text("hari lagi")
    expect(page.locator("#submissions tbody tr")).to_have_count(2)

    page.select_option("select[name=status]", "missing")
    page.get_by_role("button", name="Terapkan").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/kiriman/?status=missing")
    rows = page.locator("#submissions tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Kota Pasuruan")
    expect(rows.first).to_contain_text("Belum mengirim")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Kirim pengingat ke daerah yang belum mengirim").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/kiriman/")
    expect(page.locator(".messages")).to_contain_text("Pengingat sedang dikirim ke admin 1 daerah yang belum mengirim.")
