"""A real Celery worker (in a thread, on the real Redis broker) runs tenant-aware tasks.

These tests commit what they write, so each undoes it at the end.
"""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_exists

from platform.accounts.models import User
from programs.models import BimtekStage
from programs.tasks import send_bimtek_reminders
from tenants.models import Cohort, Domain, ProvisioningJob, Region, Workspace

pytestmark = pytest.mark.worker


def _workspace(code):
    return Workspace.objects.get(region_id=code)


@pytest.fixture
def due_stage(committed_db):
    """Bimtek II of Kota Probolinggo planned in three days (and restored afterwards)."""
    probolinggo = _workspace("35.74")
    connection.set_tenant(probolinggo)
    stage = BimtekStage.objects.get(number=2)
    saved = (stage.planned_date, stage.reminded_on)
    BimtekStage.objects.filter(pk=stage.pk).update(
        planned_date=timezone.localdate() + timedelta(days=3), reminded_on=None
    )
    connection.set_schema_to_public()
    yield probolinggo
    connection.set_tenant(probolinggo)
    BimtekStage.objects.filter(pk=stage.pk).update(planned_date=saved[0], reminded_on=saved[1])
    connection.set_schema_to_public()


def test_task_runs_in_the_schema_it_was_sent_from(worker, due_stage):
    mail.outbox = []
    connection.set_tenant(due_stage)
    result = send_bimtek_reminders.delay()
    connection.set_schema_to_public()
    assert result.get(timeout=30) == {"schema": "kota_probolinggo", "reminded": 1}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["admin_probolinggo@example.id"]
    assert "Bimtek II" in mail.outbox[0].subject and "Kota Probolinggo" in mail.outbox[0].subject
    connection.set_tenant(due_stage)
    assert BimtekStage.objects.get(number=2).reminded_on == timezone.localdate()
    # Sent again the same day: nothing more to say.
    again = send_bimtek_reminders.delay()
    connection.set_schema_to_public()
    assert again.get(timeout=30) == {"schema": "kota_probolinggo", "reminded": 0}


def test_the_same_task_from_another_workspace_never_touches_the_first(worker, due_stage):
    mail.outbox = []
    connection.set_tenant(_workspace("35.75"))
    result = send_bimtek_reminders.delay()
    connection.set_schema_to_public()
    assert result.get(timeout=30) == {"schema": "kota_pasuruan", "reminded": 0}
    assert mail.outbox == []
    connection.set_tenant(due_stage)
    assert BimtekStage.objects.get(number=2).reminded_on is None


@pytest.fixture
def cohort_2024(committed_db):
    cohort = Cohort.objects.create(year=2024)
    Region.objects.filter(code__in=["35.13", "35.14"]).update(cohort=cohort)
    yield cohort
    connection.set_schema_to_public()
    for workspace in Workspace.objects.filter(region__cohort=cohort):
        Domain.objects.filter(tenant=workspace).delete()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{workspace.schema_name}" CASCADE')
        workspace.delete()
    ProvisioningJob.objects.filter(cohort=cohort).delete()
    Region.objects.filter(cohort=cohort).update(cohort=None)
    cohort.delete()


def test_provisioning_from_the_ui_runs_on_the_worker_with_progress(worker, cohort_2024):
    client = Client()
    client.force_login(User.objects.get(email="ministry_admin@example.id"))
    response = client.post("/cohorts/2024/provision/", HTTP_HOST="sc100.test")
    assert response.status_code == 302
    job = ProvisioningJob.objects.get(cohort=cohort_2024)
    deadline = timezone.now() + timedelta(seconds=60)
    while timezone.now() < deadline:
        job.refresh_from_db()
        if job.status in (ProvisioningJob.Status.DONE, ProvisioningJob.Status.FAILED):
            break
        time.sleep(0.2)
    assert (job.status, job.done, job.total, job.error) == ("done", 2, 2, "")
    assert schema_exists("kabupaten_probolinggo") and schema_exists("kabupaten_pasuruan")
    progress = client.get(f"/jobs/{job.pk}/", HTTP_HOST="sc100.test").content.decode()
    assert "2/2" in progress and "hx-trigger" not in progress  # finished: polling stops
    polled = client.get(f"/jobs/{job.pk}/", HTTP_HOST="sc100.test", HTTP_HX_REQUEST="true")
    assert polled["HX-Refresh"] == "true"  # the page reloads once to show the new workspaces
    cohort_page = client.get("/cohorts/2024/", HTTP_HOST="sc100.test")
    assert cohort_page.context["missing"] == 0 and "Siapkan ruang kerja" not in cohort_page.content.decode()
    assert client.get("/", HTTP_HOST="kabupaten-pasuruan.sc100.test").status_code == 200
