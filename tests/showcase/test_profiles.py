"""The public profile of a region at a showcase: the public row (revisions, images, the
change signal), who sees the page (anonymous only once the agenda is published and the
region has submitted; ministry staff preview before), and the agenda builder's hooks."""

from datetime import timedelta

import pytest
from django.utils import timezone

from showcase import selectors as showcase_selectors
from showcase.models import AgendaVersion
from showcase.profiles.models import Submission
from showcase.profiles.services import Image, record_submission
from showcase.profiles.signals import submission_changed
from tests.showcase.samples_regional import image_bytes, showcase

APEX = "sc100.test"
SUBMITTED_AT = timezone.now() - timedelta(hours=1)


def _data(pitch="Kota layanan prima.", budget="150000000.00"):
    return {
        "region": {"code": "35.74", "name": "Kota Probolinggo", "province": "Jawa Timur"},
        "showcase": {"slug": "uji-2018", "name": "Showcase uji-2018"},
        "presenter": {"name": "Habib Hadi", "title": "Wali Kota"},
        "pitch": pitch,
        "vision": "Probolinggo kota layanan cerdas",
        "quick_wins": [
            {
                "title": "e-Sambat",
                "dimension": {"code": "governance", "label": "Smart Governance"},
                "sub_dimension": "Layanan publik",
                "targets": "90% pengaduan selesai dalam 5 hari",
                "indicators": [{"name": "Pengaduan selesai", "unit": "%", "baseline": "40", "targets": [[2026, "80"]]}],
                "budget": budget,
                "funding": [{"source": "APBD", "amount": budget}],
                "lead_opd": {"acronym": "DISKOMINFO", "name": "Dinas Kominfo"},
                "start_year": 2025,
                "end_year": 2027,
            }
        ],
        "dimensions": [
            {"code": "governance", "label": "Smart Governance", "programs": 1, "quick_wins": 1, "budget": budget}
        ],
        "roadmap": {
            "dimensions": [{"code": "governance", "label": "Smart Governance"}],
            "programs": [
                {
                    "title": "e-Sambat",
                    "dimension": "governance",
                    "horizon": "short",
                    "start_year": 2025,
                    "end_year": 2027,
                    "is_quick_win": True,
                }
            ],
        },
        "budget": {"by_source": [{"source": "APBD", "amount": budget}], "total": budget},
        "index": {
            "latest": {"label": "2021 Tahap II", "value": "2.73", "rank": 12},
            "trend": [
                {"year": 2019, "stage": 2, "label": "2019 Tahap II", "value": "3.17"},
                {"year": 2021, "stage": 2, "label": "2021 Tahap II", "value": "2.73"},
            ],
            "scale_max": "4",
        },
    }


def _record(event, *, code="35.74", logo=True, **data_overrides):
    data = _data(**data_overrides)
    return record_submission(
        showcase_id=event.pk,
        region_code=code,
        presenter_name="Habib Hadi",
        presenter_title="Wali Kota",
        pitch=data["pitch"],
        vision=data["vision"],
        data=data,
        missing=["photos"],
        logo=Image(image_bytes(), "png") if logo else None,
        photos=[Image(image_bytes("JPEG"), "jpg", "Alun-alun")],
        data_taken_at=timezone.now(),
        submitted_at=SUBMITTED_AT,
    )


def _publish(event):
    AgendaVersion.objects.create(showcase=event, number=1, published_at=timezone.now())


def test_a_change_raises_the_revision_and_signals_it_after_commit(world, django_capture_on_commit_callbacks):
    event = showcase()
    heard = []

    def listener(sender, submission, created, **kwargs):
        heard.append((submission.revision, created))

    submission_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            first = _record(event)
        with django_capture_on_commit_callbacks(execute=True):
            same = _record(event)
        with django_capture_on_commit_callbacks(execute=True):
            changed = _record(event, pitch="Pitch baru.")
    finally:
        submission_changed.disconnect(listener)
    assert (first.revision, same.revision, changed.revision) == (1, 1, 2)
    assert heard == [(1, True), (2, False)]
    assert Submission.objects.get(showcase=event, region_id="35.74").pitch == "Pitch baru."


def test_anonymous_sees_a_profile_only_once_the_agenda_is_published(world, client):
    event = showcase()
    _record(event)
    url = f"/showcase/{event.slug}/35.74/"
    before = client.get(url, HTTP_HOST=APEX)
    assert before.status_code == 302 and "/accounts/login/" in before["Location"]
    assert client.get(url + "logo/", HTTP_HOST=APEX).status_code == 302
    _publish(event)
    page = client.get(url, HTTP_HOST=APEX)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Kota layanan prima." in body and "Probolinggo kota layanan cerdas" in body and "e-Sambat" in body
    assert "Rp 150.000.000" in body and 'class="chart roadmap"' in body and "2,73" in body
    assert "Pratinjau untuk staf" not in body
    # the roadmap also as a list, which a phone shows instead of the scaled-down figure
    listed = body[body.index('class="sc-roadmap-list"') :]
    assert "<h4>Smart Governance</h4>" in listed and "★ e-Sambat" in listed and "2025–2027 · " in listed
    logo = client.get(url + "logo/", HTTP_HOST=APEX)
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png"
    assert client.get(url + "foto/1/", HTTP_HOST=APEX)["Content-Type"] == "image/jpeg"
    assert client.get(url + "foto/2/", HTTP_HOST=APEX).status_code == 404


def test_a_region_without_a_submission_has_no_public_profile(world, client, client_for):
    event = showcase()
    _publish(event)
    url = f"/showcase/{event.slug}/35.75/"
    assert client.get(url, HTTP_HOST=APEX).status_code == 302
    assert client_for(world.users["ministry_admin"]).get(url, HTTP_HOST=APEX).status_code == 404


@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "nobody"])
def test_signed_in_outsiders_get_404_before_publication(world, client_for, who):
    event = showcase()
    _record(event)
    assert client_for(world.users[who]).get(f"/showcase/{event.slug}/35.74/", HTTP_HOST=APEX).status_code == 404


@pytest.mark.parametrize("who", ["ministry_admin", "ministry_analyst"])
def test_ministry_staff_preview_before_publication(world, client_for, who):
    event = showcase()
    _record(event)
    page = client_for(world.users[who]).get(f"/showcase/{event.slug}/35.74/", HTTP_HOST=APEX)
    assert page.status_code == 200 and "Pratinjau untuk staf kementerian" in page.content.decode()


def test_the_profile_is_in_english_too(world, client):
    event = showcase()
    _record(event)
    _publish(event)
    client.cookies["django_language"] = "en"
    page = client.get(f"/showcase/{event.slug}/35.74/", HTTP_HOST=APEX, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and '<html lang="en">' in page.content.decode()


def test_the_agenda_builder_hears_what_each_region_lacks(world):
    event = showcase()
    _record(event)
    readiness = showcase_selectors.readiness_of(event)
    assert readiness["35.75"][0] == "belum ada kiriman profil"  # other apps' checks (decks) follow
    assert readiness["35.74"][0] == "belum ada foto"
    assert showcase_selectors.featured_dimensions(event) == {"35.74": "governance"}


def test_replaced_images_leave_the_public_storage(world, django_capture_on_commit_callbacks):
    from showcase.profiles.storage import public_storage

    event = showcase()
    with django_capture_on_commit_callbacks(execute=True):
        first = _record(event)
    old_logo = first.logo.name
    assert public_storage().exists(old_logo)
    with django_capture_on_commit_callbacks(execute=True):
        second = _record(event, logo=False)
    assert not second.logo and not public_storage().exists(old_logo)
    assert public_storage().exists(second.photos[0]["name"])
    public_storage().delete(second.photos[0]["name"])


def test_a_late_submission_keeps_its_times(world):
    event = showcase()
    submission = _record(event)
    assert submission.data_taken_at <= timezone.now() < submission.data_taken_at + timedelta(minutes=1)
