"""The cohort page's provisioning button is disabled (and says why) while a job is pending or
running; the job's polling reloads the page once the job ends, which enables it again."""

import pytest

from tenants.models import ProvisioningJob
from tenants.services import create_cohort

APEX = "sc100.test"


def button(body: str, action: str = "provision") -> str:
    start = body.index("<button", body.index(f'action="/cohorts/2024/{action}/"'))
    return body[start : body.index(">", start) + 1]


@pytest.mark.parametrize("status", [ProvisioningJob.Status.PENDING, ProvisioningJob.Status.RUNNING])
def test_the_button_is_disabled_while_a_job_runs(world, client_for, status):
    cohort = create_cohort(actor=world.users["ministry_admin"], year=2024, mou_date=None, region_codes=["35.13"])
    ProvisioningJob.objects.create(cohort=cohort, requested_by=world.users["ministry_admin"], status=status, total=1)
    body = client_for(world.users["ministry_admin"]).get("/cohorts/2024/", HTTP_HOST=APEX).content.decode()
    assert button(body) == '<button type="submit" disabled aria-disabled="true" aria-describedby="provision-busy">'
    assert 'id="provision-busy"' in body and 'hx-trigger="every 1s"' in body
    # Adding a region provisions it too: that button waits for the job alike.
    assert button(body, "regions") == '<button type="submit" disabled aria-disabled="true" aria-describedby="add-busy">'


def test_the_button_is_enabled_without_a_job_and_after_a_failed_one(world, client_for):
    cohort = create_cohort(actor=world.users["ministry_admin"], year=2024, mou_date=None, region_codes=["35.13"])
    client = client_for(world.users["ministry_admin"])
    assert button(client.get("/cohorts/2024/", HTTP_HOST=APEX).content.decode()) == '<button type="submit">'
    job = ProvisioningJob.objects.create(cohort=cohort, status=ProvisioningJob.Status.FAILED, total=1, error="x")
    body = client.get("/cohorts/2024/", HTTP_HOST=APEX).content.decode()
    assert button(body) == '<button type="submit">' and "provision-busy" not in body
    assert button(body, "regions") == '<button type="submit">' and "add-busy" not in body
    polled = client.get(f"/jobs/{job.pk}/", HTTP_HOST=APEX, HTTP_HX_REQUEST="true")
    assert polled["HX-Refresh"] == "true"  # the page reloads: its button is enabled again
