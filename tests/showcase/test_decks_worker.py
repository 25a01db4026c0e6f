"""Decks on a real Celery worker (in a thread, on the real Redis broker): a submission builds
its region's deck, the job page shows its progress, and a changed submission builds it again
with the new data. What these tests write is committed, so they remove it at the end."""

import time

import pytest
from django.test import Client

from platform.accounts.models import User
from showcase.decks.models import DeckBuild
from showcase.models import Showcase
from showcase.profiles.models import Submission
from showcase.profiles.storage import public_storage
from tests.showcase.samples_decks import submit
from tests.showcase.samples_regional import showcase

pytestmark = pytest.mark.worker
APEX = "sc100.test"


@pytest.fixture
def event(committed_db):
    made = showcase(slug="deck-worker")
    yield made
    for build in DeckBuild.objects.filter(showcase=made):
        for field in (build.pptx, build.pdf, build.archive):
            if field:
                field.delete(save=False)
    DeckBuild.objects.filter(showcase=made).delete()
    for submission in Submission.objects.filter(showcase=made):
        if submission.logo:
            public_storage().delete(submission.logo.name)
    Submission.objects.filter(showcase=made).delete()
    Showcase.objects.filter(pk=made.pk).delete()


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_submission_builds_its_deck_and_a_change_builds_it_again(worker, event):
    submit(event, "35.74", quick_win="e-Sambat")
    first = wait_for(lambda: DeckBuild.objects.filter(showcase=event, region_id="35.74", status="done").first())
    assert (first.done, first.total, first.submission_revision) == (3, 3, 1)
    client = Client()
    client.force_login(User.objects.get(email="ministry_admin@example.id"))
    page = client.get(f"/showcase/kelola/{event.slug}/deck/{first.pk}/", HTTP_HOST=APEX).content.decode()
    assert "3/3" in page and "hx-trigger" not in page and "Unduh PPTX" in page
    submit(event, "35.74", quick_win="e-Sambat Plus")  # the region changed its submission
    second = wait_for(
        lambda: DeckBuild.objects.filter(
            showcase=event, region_id="35.74", status="done", submission_revision=2
        ).first()
    )
    assert second.pk != first.pk and second.data_taken_at is not None
    download = client.get(f"/showcase/kelola/{event.slug}/deck/{second.pk}/pdf/", HTTP_HOST=APEX)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_job_page_shows_progress_while_all_decks_are_built(worker, event):
    for code in ("35.74", "35.75"):
        submit(event, code)
    wait_for(lambda: DeckBuild.objects.filter(showcase=event, status="done", region__isnull=False).count() == 2)
    client = Client()
    client.force_login(User.objects.get(email="ministry_admin@example.id"))
    response = client.post(f"/showcase/kelola/{event.slug}/deck/bangun/", HTTP_HOST=APEX)
    url = response["Location"]
    seen = set()

    def finished():
        fragment = client.get(url, HTTP_HOST=APEX, HTTP_HX_REQUEST="true").content.decode()
        seen.add(fragment.count("hx-trigger"))
        return "Unduh ZIP" in fragment and fragment

    fragment = wait_for(finished)
    assert "hx-trigger" not in fragment and "Unduh PDF gabungan" in fragment and "3/3" in fragment
    build = DeckBuild.objects.get(showcase=event, region=None)
    assert build.status == "done" and build.archive and build.pdf
