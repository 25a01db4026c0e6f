"""The planning journey in Debian's Chromium: a ministry admin opens a plan for the 2018 cohort,
presses "Usulkan", a real Celery worker solves it while the progress bar polls, the version
page explains the plan (reasons, workload chart) and the admin confirms it.

Everything here is committed (a real server process and a real worker), so the test removes
what it wrote at the end."""

import time

import pytest
from django.core import mail
from django.db import connections

from programs.scheduling.models import AccessWindow, Facilitator, Plan, Workshop
from tenants.models import Membership
from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.scheduling import factories as f
from tests.test_browser import page, server  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.worker]

NAME = "Bimtek 2018 uji peramban"


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse ORM calls here; they are plain blocking calls of this test, so allow them."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def experts(committed_db):
    people = [f.facilitator(f"peramban{i}@example.id", province=p) for i, p in enumerate(["35", "33", "31"])]
    yield people
    Plan.objects.filter(name=NAME).delete()
    AccessWindow.objects.filter(facilitator__in=people).delete()
    users = [p.user for p in people]
    Membership.objects.filter(user__in=users).delete()
    Facilitator.objects.filter(pk__in=[p.pk for p in people]).delete()
    for user in users:
        user.delete()


def test_admin_opens_proposes_reads_and_confirms_a_plan(server, worker, experts, page):  # noqa: F811
    try:
        journey(f"http://sc100.test:{server}", page)
    finally:
        # Inside Playwright's loop the ORM had a connection of its own (per context): close it
        # here, in that context, or the test database cannot be dropped at the end.
        connections.close_all()


def journey(base, page):  # noqa: F811
    page.goto(f"{base}/jadwal/baru/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "ministry_admin@example.id")
    page.wait_for_url(f"{base}/jadwal/baru/")

    page.select_option("select[name=cohort]", label="2018")
    page.fill("input[name=name]", NAME)
    page.fill("input[name=window_start]", "2018-06-01")
    page.fill("input[name=window_end]", "2018-10-31")
    page.fill("input[name=time_limit_seconds]", "5")
    page.get_by_role("button", name="Buka rencana").click()
    page.wait_for_url(f"{base}/jadwal/*/")
    assert page.get_by_text("dibuka dengan 8 Bimtek").is_visible()
    plan = Plan.objects.get(name=NAME)

    mail.outbox = []
    page.get_by_role("button", name="Usulkan", exact=True).click()
    page.wait_for_url(f"{base}/jadwal/jobs/*/")
    assert page.get_by_role("progressbar").is_visible()
    version_link = page.get_by_role("link", name="Lihat versi 1")
    version_link.wait_for(timeout=90_000)  # the worker solved it; the polled fragment shows the link
    assert page.get_by_role("progressbar").get_attribute("aria-valuenow") == "100"
    version_link.click()
    page.wait_for_url(f"{base}/jadwal/{plan.pk}/versi/1/")

    assert page.locator("#workload li").count() == 3  # a bar per facilitator
    assert page.locator("#reasons ul.reasons li").count() >= 8  # why each of the eight got its date and lead
    assert page.locator("#solver-status .badge").first.is_visible()
    page.get_by_role("button", name="Konfirmasi versi ini").click()
    page.wait_for_url(f"{base}/jadwal/{plan.pk}/versi/1/")
    assert page.get_by_text("Versi 1 dikonfirmasi: 8 Bimtek dikonfirmasi").is_visible()
    assert page.get_by_role("button", name="Konfirmasi versi ini").count() == 0
    assert set(plan.workshops.values_list("status", flat=True)) == {Workshop.Status.CONFIRMED}

    deadline = time.monotonic() + 30  # the worker sends the confirmation e-mails after the commit
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.2)
    assert any(m.to == ["admin_probolinggo@example.id"] for m in mail.outbox)
