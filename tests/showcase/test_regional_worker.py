"""Submitting with a real Celery worker: the tenant write, then the task in the region's
schema, then the public row with the region's own figures; a change re-sends it.

These tests commit what they write, so they undo it at the end.
"""

import time

import pytest
from django.db import connection, transaction

from programs.models import Funding, Opd, Program
from showcase.models import Showcase
from showcase.profiles.models import Submission
from showcase.profiles.storage import public_storage
from showcase.regional import services
from showcase.regional.models import ShowcaseEntry
from tenants.models import Workspace
from tests.programs import factories
from tests.showcase.samples_regional import image_bytes, showcase, upload

pytestmark = pytest.mark.worker


@pytest.fixture
def prepared(committed_db):
    from platform.accounts.models import User
    from tests.conftest import World

    world = World(
        probolinggo=Workspace.objects.get(region_id="35.74"),
        pasuruan=Workspace.objects.get(region_id="35.75"),
        users={u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.id")},
    )
    event = showcase(slug="uji-worker")
    connection.set_tenant(world.probolinggo)
    # Written directly, not through the program service: its snapshot refresh would leave
    # committed national figures behind for other tests.
    lead = factories.opd(acronym="DISHUB", name="Dinas Perhubungan")
    data = factories.program_data(lead, title="Bus Sekolah Pintar", is_quick_win=True)
    fields = {k: v for k, v in data.items() if k not in ("partner_opds", "indicators", "funding", "milestones")}
    quick_win = Program.objects.create(**fields)
    for row in data["funding"]:
        Funding.objects.create(program=quick_win, **row)
    connection.set_schema_to_public()
    yield world, event, quick_win
    connection.set_tenant(world.probolinggo)
    for entry in ShowcaseEntry.objects.all():
        for photo in entry.photos.all():
            photo.image.delete(save=False)
        if entry.logo:
            entry.logo.delete(save=False)
        entry.delete()
    Program.objects.filter(lead_opd__acronym="DISHUB").delete()
    Opd.objects.filter(acronym="DISHUB").delete()
    connection.set_schema_to_public()
    for submission in Submission.objects.filter(showcase=event):
        for name in [submission.logo.name, *(p["name"] for p in submission.photos)]:
            if name:
                public_storage().delete(name)
        submission.delete()
    Showcase.objects.filter(pk=event.pk).delete()


def _wait_for(showcase_id, revision, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = Submission.objects.filter(showcase_id=showcase_id, revision__gte=revision).first()
        if found is not None:
            return found
        time.sleep(0.2)
    pytest.fail(f"no public submission revision {revision} after {timeout}s")


def test_submitting_writes_the_public_row_and_a_change_resends_it(worker, prepared):
    world, event, quick_win = prepared
    connection.set_tenant(world.probolinggo)
    actor = factories.actor(world, "admin_probolinggo")
    with transaction.atomic():
        services.save_entry(
            actor=actor,
            showcase=event,
            featured=[quick_win],
            show_vision=True,
            presenter_name="Habib Hadi",
            presenter_title="Wali Kota",
            pitch="Probolinggo melayani.",
            logo=upload("logo.png", image_bytes()),
        )
        services.submit_entry(actor=actor, showcase=event)
    connection.set_schema_to_public()

    first = _wait_for(event.pk, 1)
    assert first.region_id == "35.74" and first.pitch == "Probolinggo melayani."
    [qw] = first.data["quick_wins"]
    assert qw["title"] == "Bus Sekolah Pintar" and qw["lead_opd"]["acronym"] == "DISHUB"
    assert qw["budget"] == "150000000.00"
    assert first.data["region"]["name"] == "Kota Probolinggo"
    assert "quick_wins" not in first.missing and "logo" not in first.missing
    assert public_storage().exists(first.logo.name)
    assert not Submission.objects.filter(showcase=event, region_id="35.75").exists()

    connection.set_tenant(world.probolinggo)
    with transaction.atomic():
        services.save_entry(
            actor=actor,
            showcase=event,
            featured=[],
            show_vision=True,
            presenter_name="Habib Hadi",
            presenter_title="Wali Kota",
            pitch="Probolinggo melayani, lebih cepat.",
        )
    connection.set_schema_to_public()
    second = _wait_for(event.pk, 2)
    assert second.pitch == "Probolinggo melayani, lebih cepat."
    assert second.data["quick_wins"] == [] and "quick_wins" in second.missing
