"""A ministry admin in Debian's Chromium changes the deck template's primary colour, builds one
region's deck again, watches the job finish (htmx polling) and downloads the PPTX, whose
title slide has the new colour. A real server and a real worker; what is written is
committed, so the test removes it afterwards."""

import io
import time

import pytest
from django.db import connections
from pptx import Presentation

from showcase.decks.models import DeckBuild, DeckTemplate
from showcase.models import Showcase
from showcase.profiles.models import Submission
from showcase.profiles.storage import public_storage
from tests import conftest
from tests.conftest import PASSWORD
from tests.showcase.samples_decks import submit
from tests.showcase.samples_regional import showcase
from tests.test_browser import page, server  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.worker]
SLUG = "deck-peramban"


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def prepared(committed_db, worker):
    template = DeckTemplate.objects.get()
    saved = {f: getattr(template, f) for f in ("primary_colour", "revision", "slide_order")}
    event = showcase(slug=SLUG)
    submit(event, "35.74", quick_win="e-Sambat")
    deadline = time.monotonic() + 60
    while not DeckBuild.objects.filter(showcase=event, status="done").exists():  # the submission's own build
        assert time.monotonic() < deadline
        time.sleep(0.2)
    yield event
    for build in DeckBuild.objects.filter(showcase=event):
        for field in (build.pptx, build.pdf, build.archive):
            if field:
                field.delete(save=False)
    DeckBuild.objects.filter(showcase=event).delete()
    for submission in Submission.objects.filter(showcase=event):
        if submission.logo:
            public_storage().delete(submission.logo.name)
    Submission.objects.filter(showcase=event).delete()
    Showcase.objects.filter(pk=event.pk).delete()
    DeckTemplate.objects.filter(pk=template.pk).update(**saved)


def test_an_admin_changes_the_colour_builds_a_deck_and_downloads_it(prepared, server, page):  # noqa: F811
    try:
        journey(f"http://sc100.test:{server}", page)
    finally:
        connections.close_all()


def journey(base, page):  # noqa: F811
    page.goto(f"{base}/showcase/kelola/{SLUG}/deck/")
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    conftest.pass_second_factor_in_browser(page, "ministry_admin@example.id")
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/deck/")
    page.get_by_role("link", name="Ubah templat").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/deck/templat/")
    page.fill("input[name=primary_colour]", "#7a1f5c")
    page.get_by_role("button", name="Simpan templat").click()
    page.wait_for_url(f"{base}/showcase/kelola/{SLUG}/deck/")
    row = page.locator("#deck-35\\.74")
    assert "perlu dibangun ulang" in row.inner_text()
    row.get_by_role("button", name="Bangun ulang").click()
    page.wait_for_url("**/deck/*/")
    page.wait_for_selector("#download-pptx", timeout=60_000)  # the fragment polls until the job is done
    assert "3/3" in page.inner_text(".job")
    with page.expect_download() as info:
        page.click("#download-pptx")
    download = info.value
    assert download.suggested_filename.endswith(".pptx")
    with open(download.path(), "rb") as handle:
        presentation = Presentation(io.BytesIO(handle.read()))
    assert str(presentation.slides[0].background.fill.fore_color.rgb) == "7A1F5C"
    texts = " ".join(s.text_frame.text for s in presentation.slides[0].shapes if s.has_text_frame)
    assert "Kota Probolinggo" in texts
