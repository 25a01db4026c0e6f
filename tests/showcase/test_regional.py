"""The region's showcase preparation in its workspace: the entry's rules (quick wins up to the
showcase's maximum, the deadline, images), the page, the live preview and the profile data."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from programs.files import MAX_SCAN_BYTES
from programs.models import Masterplan
from showcase.regional import services
from showcase.regional.models import ShowcaseEntry
from showcase.regional.profile_data import Choices, profile_data
from tests.programs import factories
from tests.showcase.samples_regional import image_bytes, showcase, upload

P = "kota-probolinggo.sc100.test"


@pytest.fixture
def probolinggo(world):
    connection.set_tenant(world.probolinggo)
    yield world.probolinggo
    connection.set_schema_to_public()


@pytest.fixture
def quick_wins(world, probolinggo):
    lead = factories.opd()
    return [
        factories.program(world, lead, title="e-Sambat", is_quick_win=True),
        factories.program(world, lead, title="Peta Wisata Digital", is_quick_win=True),
        factories.program(world, lead, title="Go Nik", is_quick_win=False),
    ]


def _post(client, event, **fields):
    data = {"presenter_name": "Habib Hadi", "presenter_title": "Wali Kota", "pitch": "", "show_vision": "on"}
    data.update(fields)
    return client.post(f"/showcase/{event.slug}/", data, HTTP_HOST=P)


def test_the_page_lists_the_showcases_the_region_presents_at_and_defaults_to_the_regional_head(
    world, client_for, probolinggo
):
    event = showcase(max_quick_wins=2)
    client = client_for(world.users["admin_probolinggo"])
    listing = client.get("/showcase/", HTTP_HOST=P)
    assert event.name in listing.content.decode()
    page = client.get(f"/showcase/{event.slug}/", HTTP_HOST=P)
    assert page.status_code == 200
    form = page.context["form"]
    # No commitment sheet of the regional head: the member with the regional head's role.
    assert form.initial["presenter_name"] == "Head Probolinggo"
    assert form.initial["presenter_title"] == "Wali Kota"


def test_a_region_that_does_not_present_gets_404(world, client_for, probolinggo):
    event = showcase(slug="lain", codes=("35.75",))
    client = client_for(world.users["admin_probolinggo"])
    assert client.get(f"/showcase/{event.slug}/", HTTP_HOST=P).status_code == 404


def test_region_admin_saves_quick_wins_up_to_the_showcase_maximum(world, client_for, quick_wins):
    event = showcase(max_quick_wins=1)
    client = client_for(world.users["admin_probolinggo"])
    refused = _post(client, event, featured=[quick_wins[0].pk, quick_wins[1].pk])
    assert refused.status_code == 400
    assert "Pilih paling banyak 1 quick win." in refused.content.decode()
    assert not ShowcaseEntry.objects.exists()

    saved = _post(client, event, featured=[quick_wins[1].pk], pitch="Kota  kecil,\n\nlayanan besar.")
    assert saved.status_code == 302
    entry = ShowcaseEntry.objects.get(showcase_id=event.pk)
    assert [p.title for p in entry.featured.all()] == ["Peta Wisata Digital"]
    assert entry.pitch == "Kota kecil, layanan besar."  # one paragraph
    assert entry.status == ShowcaseEntry.Status.DRAFT


def test_a_program_that_is_not_a_quick_win_is_refused(world, quick_wins):
    event = showcase()
    actor = factories.actor(world, "admin_probolinggo")
    with pytest.raises(ValidationError, match="Bukan quick win: Go Nik"):
        services.save_entry(
            actor=actor,
            showcase=event,
            featured=[quick_wins[2]],
            show_vision=True,
            presenter_name="",
            presenter_title="",
            pitch="",
        )


def test_a_pitch_over_the_limit_is_refused(world, client_for, probolinggo):
    event = showcase()
    response = _post(client_for(world.users["admin_probolinggo"]), event, pitch="kata " * 200)
    assert response.status_code == 400
    assert "Paparan singkat terlalu panjang" in response.content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n" + b"0" * 200, "bukan gambar JPEG atau PNG"),
        (image_bytes("PNG", size=(200, 200))[:300], "rusak atau tidak lengkap"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "rusak atau tidak lengkap"),
        (image_bytes("JPEG")[:-200], "rusak atau tidak lengkap"),
    ],
    ids=["pdf-named-png", "truncated-png", "png-header-only", "truncated-jpeg"],
)
def test_bad_images_get_a_clear_message(world, client_for, probolinggo, content, message):
    event = showcase()
    response = _post(client_for(world.users["admin_probolinggo"]), event, logo=upload("logo.png", content))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ShowcaseEntry.objects.exists()


def test_an_image_over_the_scan_limit_is_refused(world, client_for, probolinggo):
    event = showcase()
    big = image_bytes() + b"\x00" * MAX_SCAN_BYTES
    response = _post(client_for(world.users["admin_probolinggo"]), event, photo=upload("foto.png", big))
    assert response.status_code == 400
    assert "Berkas terlalu besar" in response.content.decode()


def test_logo_and_photo_are_stored_in_the_workspace_and_served_to_members_only(world, client_for, probolinggo):
    event = showcase()
    client = client_for(world.users["admin_probolinggo"])
    response = _post(
        client,
        event,
        logo=upload("logo.jpg", image_bytes("JPEG"), "image/jpeg"),
        photo=upload("alun.png", image_bytes()),
        photo_caption="Alun-alun",
    )
    assert response.status_code == 302
    entry = ShowcaseEntry.objects.get(showcase_id=event.pk)
    assert entry.logo.name.endswith(".jpg") and entry.photos.get().caption == "Alun-alun"
    logo = client.get(f"/showcase/{event.slug}/logo/", HTTP_HOST=P)
    assert logo.status_code == 200 and logo["Content-Type"] == "image/jpeg"
    viewer = client_for(world.users["viewer_probolinggo"])
    assert viewer.get(f"/showcase/{event.slug}/foto/{entry.photos.get().pk}/", HTTP_HOST=P).status_code == 200
    outsider = client_for(world.users["admin_pasuruan"])
    assert outsider.get(f"/showcase/{event.slug}/logo/", HTTP_HOST=P).status_code == 404


def test_readers_see_the_page_but_cannot_change_it(world, client_for, quick_wins):
    event = showcase()
    viewer = client_for(world.users["viewer_probolinggo"])
    page = viewer.get(f"/showcase/{event.slug}/", HTTP_HOST=P)
    assert page.status_code == 200 and 'id="entry-form"' not in page.content.decode()
    assert _post(viewer, event, featured=[quick_wins[0].pk]).status_code == 404
    assert viewer.post(f"/showcase/{event.slug}/kirim/", HTTP_HOST=P).status_code == 404


def test_after_the_deadline_only_the_ministry_changes_the_submission(world, client_for, quick_wins):
    event = showcase(deadline_in_days=-1)
    admin = client_for(world.users["admin_probolinggo"])
    refused = _post(admin, event, featured=[quick_wins[0].pk])
    assert refused.status_code == 403
    assert "hanya kementerian yang dapat mengubah kiriman" in refused.content.decode()
    submit = admin.post(f"/showcase/{event.slug}/kirim/", HTTP_HOST=P, follow=True)
    assert "Batas pengiriman showcase sudah lewat" in submit.content.decode()
    assert not ShowcaseEntry.objects.exists()

    ministry = client_for(world.users["ministry_admin"])
    assert _post(ministry, event, featured=[quick_wins[0].pk]).status_code == 302
    assert ministry.post(f"/showcase/{event.slug}/kirim/", HTTP_HOST=P).status_code == 302
    assert ShowcaseEntry.objects.get(showcase_id=event.pk).is_submitted


def test_the_preview_follows_the_form_without_saving(world, client_for, quick_wins):
    event = showcase(max_quick_wins=1)
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(
        f"/showcase/{event.slug}/pratinjau/",
        {"featured": [quick_wins[1].pk], "pitch": "Kota layanan prima.", "presenter_name": "Habib Hadi"},
        HTTP_HOST=P,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Peta Wisata Digital" in body and "Kota layanan prima." in body and "Habib Hadi" in body
    assert "e-Sambat" not in body.split("Quick win unggulan")[1].split("Roadmap")[0]
    assert 'class="chart roadmap"' in body  # the workspace's roadmap drawing
    assert not ShowcaseEntry.objects.exists()
    too_many = client.post(
        f"/showcase/{event.slug}/pratinjau/", {"featured": [q.pk for q in quick_wins[:2]]}, HTTP_HOST=P
    )
    assert too_many.status_code == 200 and "Pilih paling banyak 1 quick win." in too_many.content.decode()


def test_profile_data_carries_the_regions_own_figures(world, quick_wins):
    Masterplan.objects.update(vision="Probolinggo kota layanan cerdas")
    event = showcase()
    data, missing = profile_data(
        showcase=event,
        choices=Choices((quick_wins[0].pk,), True, "Habib Hadi", "Wali Kota", "Paparan.", False, 0),
    )
    assert data["region"] == {"code": "35.74", "name": "Kota Probolinggo", "province": "Jawa Timur"}
    assert data["vision"] == "Probolinggo kota layanan cerdas"
    [qw] = data["quick_wins"]
    assert qw["title"] == "e-Sambat" and qw["dimension"]["code"] == "governance"
    assert qw["budget"] == "150000000.00" and qw["funding"] == [{"source": "APBD", "amount": "150000000.00"}]
    assert qw["lead_opd"]["acronym"] == "DISKOMINFO"
    assert qw["indicators"][0]["targets"] == [[2025, "60"], [2026, "80"]]
    governance = next(d for d in data["dimensions"] if d["code"] == "governance")
    assert governance["programs"] == 3 and governance["quick_wins"] == 2
    assert Decimal(governance["budget"]) == Decimal("450000000")
    assert data["budget"]["total"] == "450000000.00"
    assert len(data["roadmap"]["programs"]) == 3
    assert set(missing) == {"logo", "photos", "index"}


def test_submitting_marks_the_entry_and_a_change_after_it_keeps_it_submitted(world, quick_wins):
    event = showcase()
    actor = factories.actor(world, "admin_probolinggo")
    services.save_entry(
        actor=actor,
        showcase=event,
        featured=[quick_wins[0]],
        show_vision=True,
        presenter_name="Habib Hadi",
        presenter_title="Wali Kota",
        pitch="",
    )
    entry = services.submit_entry(actor=actor, showcase=event)
    assert entry.is_submitted and entry.submitted_by == world.users["admin_probolinggo"]
    submission = services.publish_entry(showcase_id=event.pk)
    assert submission.region_id == "35.74" and submission.revision == 1
    assert submission.data["quick_wins"][0]["title"] == "e-Sambat"


def test_an_unknown_actor_is_refused(world, probolinggo):
    event = showcase()
    with pytest.raises(PermissionDenied):
        services.submit_entry(actor=None, showcase=event)
    event.submission_deadline = timezone.now() - timedelta(days=1)
    with pytest.raises(PermissionDenied, match="Batas pengiriman"):
        services.submit_entry(actor=factories.actor(world, "admin_probolinggo"), showcase=event)
