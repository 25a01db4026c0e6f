"""A region admin prepares the showcase in the browser: picks a quick win, writes the pitch,
sees the preview follow, saves and submits; a real worker writes the public row and the
public profile page then shows it.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``) and a
real worker; what it writes is committed, so it removes it afterwards.
"""

import time

import pytest
from django.db import connection, connections
from django.utils import timezone

from programs.models import Funding, Opd, Program
from showcase.models import AgendaVersion, Showcase
from showcase.profiles.models import Submission
from showcase.profiles.storage import public_storage
from showcase.regional.models import ShowcaseEntry
from tenants.models import Workspace
from tests.programs import factories
from tests.showcase.samples_regional import showcase
from tests.test_browser import page, server  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.worker]


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse ORM calls here; they are plain blocking calls of this test, so allow them."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def prepared(committed_db):
    event = showcase(slug="uji-browser", max_quick_wins=2)
    AgendaVersion.objects.create(showcase=event, number=1, published_at=timezone.now())
    probolinggo = Workspace.objects.get(region_id="35.74")
    connection.set_tenant(probolinggo)
    lead = factories.opd(acronym="DISPAR", name="Dinas Pariwisata")
    programs = []
    for title in ("Peta Wisata Digital", "Festival Kota Pintar"):
        data = factories.program_data(lead, title=title, is_quick_win=True)
        fields = {k: v for k, v in data.items() if k not in ("partner_opds", "indicators", "funding", "milestones")}
        program = Program.objects.create(**fields)
        for row in data["funding"]:
            Funding.objects.create(program=program, **row)
        programs.append(program)
    connection.set_schema_to_public()
    yield event, programs
    connection.set_tenant(probolinggo)
    ShowcaseEntry.objects.filter(showcase_id=event.pk).delete()
    Program.objects.filter(lead_opd__acronym="DISPAR").delete()
    Opd.objects.filter(acronym="DISPAR").delete()
    connection.set_schema_to_public()
    for submission in Submission.objects.filter(showcase=event):
        for name in [submission.logo.name, *(p["name"] for p in submission.photos)]:
            if name:
                public_storage().delete(name)
        submission.delete()
    Showcase.objects.filter(pk=event.pk).delete()


def test_region_admin_prepares_previews_and_submits_then_the_profile_shows_it(
    worker,
    prepared,
    server,  # noqa: F811
    page,  # noqa: F811
):
    try:
        journey(server, page, *prepared)
    finally:
        # Inside Playwright's loop the ORM had a connection of its own (per context): close it
        # here, in that context, or the test database cannot be dropped at the end.
        connections.close_all()


def journey(server, page, event, programs):  # noqa: F811
    from playwright.sync_api import expect

    from tests.conftest import PASSWORD

    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.goto(f"{base}/showcase/{event.slug}/")
    page.fill("input[name=username]", "admin_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/showcase/{event.slug}/")

    preview = page.locator("#sc-preview")
    expect(preview).to_contain_text("Belum ada quick win yang dipilih.")
    page.check(f"input[name=featured][value='{programs[1].pk}']")
    expect(page.locator("#sc-preview")).to_contain_text("Festival Kota Pintar")
    page.fill("#id_pitch", "Probolinggo kota wisata yang melayani.")
    expect(page.locator("#sc-preview")).to_contain_text("Probolinggo kota wisata yang melayani.")

    page.click("#entry-form button[type=submit]")
    page.wait_for_url(f"{base}/showcase/{event.slug}/")
    expect(page.locator(".messages")).to_contain_text("Persiapan showcase disimpan")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".sc-submit button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Terkirim")
    expect(page.locator("#entry-status")).to_contain_text("Terkirim")

    deadline = time.monotonic() + 30
    while not Submission.objects.filter(showcase=event, region_id="35.74").exists():
        assert time.monotonic() < deadline, "the worker wrote no public row"
        time.sleep(0.2)

    response = page.goto(f"http://sc100.test:{server}/showcase/{event.slug}/35.74/")
    assert response.status == 200
    main = page.locator("main")
    expect(main).to_contain_text("Probolinggo kota wisata yang melayani.")
    expect(main).to_contain_text("Festival Kota Pintar")
    assert "Peta Wisata Digital" not in main.locator(".sc-quick-win").all_inner_texts()[0]
