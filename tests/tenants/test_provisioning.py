"""Provisioning workspaces by cloning the template schema; cohorts; the command line."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_exists

from programs.models import BimtekStage
from tenants.models import Cohort, Domain, ProvisioningJob, Region, Workspace
from tenants.services import create_cohort, provision_workspace


def test_provisioning_clones_a_working_workspace(world, client_for):
    region = Region.objects.get(code="35.13")
    result = provision_workspace(region=region)
    assert result.created
    assert result.workspace.schema_name == "kabupaten_probolinggo"
    assert schema_exists("kabupaten_probolinggo")
    assert Domain.objects.get(tenant=result.workspace).domain == "kabupaten-probolinggo.sc100.test"
    connection.set_tenant(result.workspace)
    assert BimtekStage.objects.count() == 4
    connection.set_schema_to_public()
    response = client_for(world.users["ministry_admin"]).get("/", HTTP_HOST="kabupaten-probolinggo.sc100.test")
    assert response.status_code == 200


def test_provisioning_is_idempotent(world):
    region = Region.objects.get(code="35.74")
    result = provision_workspace(region=region)
    assert not result.created and result.workspace == world.probolinggo
    assert Workspace.objects.filter(region=region).count() == 1


def test_workspace_data_stays_in_its_own_schema(world):
    connection.set_tenant(world.probolinggo)
    BimtekStage.objects.filter(number=1).update(notes="hanya Probolinggo")
    connection.set_tenant(world.pasuruan)
    assert BimtekStage.objects.get(number=1).notes == ""
    assert not BimtekStage.objects.filter(notes="hanya Probolinggo").exists()


def test_command_provisions_regions_and_reports(world, capsys):
    call_command("provision_workspaces", "--region", "35.13", "--region", "35.74", "--no-progress")
    out = capsys.readouterr().out
    assert "2 region(s) selected, 1 already have a workspace" in out
    assert "Created 1 workspace(s)" in out
    assert Workspace.objects.filter(region_id="35.13").exists()
    call_command("provision_workspaces", "--region", "35.13", "--no-progress")
    assert "Nothing to do" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "99.99"], "Unknown region code(s): 99.99"),
        (["--region", "35.13", "--region", "3574"], "Not a region code of the form PP.RR"),
        (["--cohort", "1999"], "No cohort 1999. Known cohorts: 2018"),
    ],
)
def test_command_refuses_bad_input_and_changes_nothing(world, args, message):
    before = Workspace.objects.count()
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("provision_workspaces", *args, "--no-progress")
    assert Workspace.objects.count() == before


def test_command_needs_a_target(world):
    with pytest.raises(CommandError):
        call_command("provision_workspaces")


def test_command_provisions_a_cohort(world):
    create_cohort(
        actor=world.users["ministry_admin"], year=2019, mou_date=date(2019, 4, 1), region_codes=["35.13", "35.14"]
    )
    call_command("provision_workspaces", "--cohort", "2019", "--no-progress")
    assert set(Workspace.objects.filter(region__cohort__year=2019).values_list("region_id", flat=True)) == {
        "35.13",
        "35.14",
    }
    connection.set_tenant(Workspace.objects.get(region_id="35.14"))
    assert BimtekStage.objects.get(number=1).planned_date == date(2019, 7, 1)


# --- cohorts from the UI ------------------------------------------------------------------------


def test_ministry_admin_creates_a_cohort(world, client_for):
    client = client_for(world.users["ministry_admin"])
    response = client.post(
        "/cohorts/new/",
        {"year": "2024", "mou_date": "2024-05-02", "region_codes": "35.13, 35.14\n33.72"},
        HTTP_HOST="sc100.test",
    )
    assert response.status_code == 302 and response["Location"] == "/cohorts/2024/"
    cohort = Cohort.objects.get(year=2024)
    assert cohort.mou_date == date(2024, 5, 2)
    assert set(cohort.regions.values_list("code", flat=True)) == {"35.13", "35.14", "33.72"}
    page = client.get("/cohorts/2024/", HTTP_HOST="sc100.test")
    assert page.context["missing"] == 3


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        ({"year": "2024", "region_codes": "35.13 99.99"}, "region_codes", "99.99"),
        ({"year": "2024", "region_codes": "3513"}, "region_codes", "3513"),
        ({"year": "2018", "region_codes": "35.13"}, "year", "2018"),
        ({"year": "2024", "region_codes": "35.74"}, "regions", "Kota Probolinggo"),
        ({"year": "abc", "region_codes": "35.13"}, "year", ""),
    ],
)
def test_bad_cohort_input_gets_a_form_error_and_writes_nothing(world, client_for, data, field, text):
    client = client_for(world.users["ministry_admin"])
    response = client.post("/cohorts/new/", data, HTTP_HOST="sc100.test")
    assert response.status_code == 400
    errors = response.context["form"].errors
    message = " ".join(errors.get(field, []) + errors.get("__all__", []))
    assert message and text in message
    assert not Cohort.objects.filter(year=2024).exists()
    assert Region.objects.get(code="35.13").cohort_id is None


def test_region_staff_cannot_create_cohorts_or_provision(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    assert client.get("/cohorts/new/", HTTP_HOST="sc100.test").status_code == 404
    assert client.post("/cohorts/2018/provision/", HTTP_HOST="sc100.test").status_code == 404
    assert not ProvisioningJob.objects.exists()


def test_provision_button_records_a_job_once(world, client_for, django_capture_on_commit_callbacks):
    create_cohort(actor=world.users["ministry_admin"], year=2024, mou_date=None, region_codes=["35.13"])
    client = client_for(world.users["ministry_admin"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post("/cohorts/2024/provision/", HTTP_HOST="sc100.test")
        client.post("/cohorts/2024/provision/", HTTP_HOST="sc100.test")
    assert ProvisioningJob.objects.filter(cohort__year=2024).count() == 1
    assert len(callbacks) == 1


def test_a_second_provisioning_of_a_cohort_is_refused_while_one_is_pending(world, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    from tenants.services import start_provisioning

    cohort = create_cohort(actor=world.users["ministry_admin"], year=2025, mou_date=None, region_codes=["35.13"])
    with django_capture_on_commit_callbacks(execute=False):
        start_provisioning(actor=world.users["ministry_admin"], cohort=cohort)
        with pytest.raises(ValidationError, match="sedang berjalan"):
            start_provisioning(actor=world.users["ministry_admin"], cohort=cohort)
    assert ProvisioningJob.objects.filter(cohort=cohort).count() == 1
