"""Reminders to the regions that have not submitted: a ministry admin presses the button, a
real worker sends one e-mail per region admin of a region still missing, with the deadline
and the link to the region's workspace page; the request is in the audit log. Who may ask,
and when a reminder is refused."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from platform.accounts.models import User
from platform.audit.models import AuditEvent
from showcase.models import Showcase
from showcase.profiles import reminders
from showcase.profiles.models import Submission
from tenants.access import SYSTEM
from tests.showcase.samples_regional import showcase
from tests.showcase.test_submissions_national import APEX, submit


def _event(slug: str) -> Showcase:
    """Kota Probolinggo submitted; Kota Pasuruan (workspace, one region admin) and Kota Kediri
    (no workspace) have not."""
    event = showcase(slug=slug, codes=("35.74", "35.75", "35.71"), deadline_in_days=3)
    submit(event, "35.74")
    return event


@pytest.fixture
def committed_event(committed_db):
    event = _event("pengingat-uji")
    yield event
    Submission.objects.filter(showcase=event).delete()
    AuditEvent.objects.filter(action="showcase_reminder_sent", target=event.name).delete()
    event.delete()


@pytest.mark.worker
def test_the_button_sends_one_email_per_region_admin_of_a_missing_region(worker, committed_event):
    mail.outbox = []
    client = Client()
    client.force_login(User.objects.get(email="ministry_admin@example.id"))
    response = client.post(f"/showcase/kelola/{committed_event.slug}/kiriman/pengingat/", HTTP_HOST=APEX, follow=True)
    assert response.status_code == 200
    assert "Pengingat sedang dikirim ke admin 2 daerah yang belum mengirim." in response.content.decode()
    deadline = time.monotonic() + 30
    while not mail.outbox:
        assert time.monotonic() < deadline, "the worker sent no e-mail"
        time.sleep(0.2)
    time.sleep(0.5)  # nothing more is coming
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["admin_pasuruan@example.id"]
    assert "Kota Pasuruan" in message.subject
    assert f"http://kota-pasuruan.sc100.test/showcase/{committed_event.slug}/" in message.body
    assert reminders.deadline_text(committed_event) in message.body
    assert "hari lagi" in message.body
    audit = AuditEvent.objects.get(action="showcase_reminder_sent", target=committed_event.name)
    assert audit.actor.email == "ministry_admin@example.id"
    assert audit.details == {"showcase": committed_event.slug, "regions": ["35.75", "35.71"]}


def test_a_region_that_submitted_before_the_worker_ran_gets_nothing(world, db):
    event = _event("pengingat-telat")
    submit(event, "35.75")
    mail.outbox = []
    assert reminders.send_reminders(showcase_id=event.pk, region_codes=["35.75", "35.71"]) == 0
    assert mail.outbox == []


def test_only_current_active_region_admins_are_written_to(world, db):
    from tenants.models import Membership

    event = _event("pengingat-anggota")
    probolinggo_admin = world.users["admin_probolinggo"]
    Submission.objects.filter(showcase=event, region_id="35.74").delete()
    ended = Membership.objects.get(user=probolinggo_admin, workspace=world.probolinggo)
    ended.valid_until = timezone.localdate() - timedelta(days=1)
    ended.save(update_fields=["valid_until"])
    User.objects.filter(pk=world.users["admin_pasuruan"].pk).update(is_active=False)
    mail.outbox = []
    assert reminders.send_reminders(showcase_id=event.pk, region_codes=["35.74", "35.75"]) == 0
    User.objects.filter(pk=world.users["admin_pasuruan"].pk).update(is_active=True)
    assert reminders.send_reminders(showcase_id=event.pk, region_codes=["35.74", "35.75"]) == 1
    assert [m.to for m in mail.outbox] == [["admin_pasuruan@example.id"]]


def test_reminders_after_the_deadline_are_refused(world, db):
    event = _event("pengingat-lewat")
    event.submission_deadline = timezone.now() - timedelta(minutes=1)
    event.save(update_fields=["submission_deadline"])
    with pytest.raises(ValidationError):
        reminders.request_reminders(actor=world.users["ministry_admin"], showcase=event)
    assert not AuditEvent.objects.filter(action="showcase_reminder_sent").exists()


@pytest.mark.parametrize("who", ["ministry_analyst", "admin_pasuruan", None])
def test_only_ministry_admins_ask_for_reminders(world, db, who):
    event = _event("pengingat-hak")
    with pytest.raises(PermissionDenied):
        reminders.request_reminders(actor=world.users[who] if who else None, showcase=event)


def test_the_platform_may_ask_for_reminders(world, db):
    event = _event("pengingat-sistem")
    assert reminders.request_reminders(actor=SYSTEM, showcase=event) == 2


def test_the_page_shows_why_a_reminder_was_refused(world, client_for, db):
    event = _event("pengingat-semua")
    submit(event, "35.75")
    submit(event, "35.71")
    client = client_for(world.users["ministry_admin"])
    response = client.post(f"/showcase/kelola/{event.slug}/kiriman/pengingat/", HTTP_HOST=APEX, follow=True)
    assert "Semua daerah sudah mengirim" in response.content.decode()
