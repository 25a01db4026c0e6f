"""Bad input on the core's doors gets a clear 4xx, never a 500: e-mails longer than their
columns (sign-in, invitations on the page and in the API), deeply nested JSON on any API
endpoint, and NUL characters in API bodies and in the addresses of pages."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from platform.accounts.models import User
from programs.models import Program
from tenants.models import Membership
from tests.programs.test_api import BODY, setup_opds

P = "kota-probolinggo.sc100.test"
APEX = "sc100.test"
JSON = "application/json"
LONG_EMAIL = "a" * 250 + "@example.id"  # 261 characters: valid in form, longer than the column


def test_sign_in_with_an_overlong_email_is_a_form_error(world, client):
    response = client.post("/accounts/login/", {"username": "x" * 290 + "@example.id", "password": "p"}, HTTP_HOST=APEX)
    assert response.status_code in (200, 400)
    assert response.context["form"].errors["username"]
    assert not AccessAttempt.objects.exists()


def test_inviting_an_overlong_email_on_the_page_is_a_field_error(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/members/", {"email": LONG_EMAIL, "role": "viewer"}, HTTP_HOST=P)
    assert response.status_code == 400 and response.context["form"].errors["email"]
    assert not User.objects.filter(email=LONG_EMAIL).exists() and mail.outbox == []


def test_inviting_an_overlong_email_through_the_api_is_a_400_on_the_field(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/api/v1/members/", {"email": LONG_EMAIL, "role": "viewer"}, content_type=JSON, HTTP_HOST=P)
    assert response.status_code == 400 and "email" in response.json(), response.content
    assert not Membership.objects.filter(user__email=LONG_EMAIL).exists() and mail.outbox == []


def test_an_overlong_facilitator_email_through_the_national_api_is_a_400_on_the_field(world, client_for):
    body = {"email": LONG_EMAIL, "institution": "UGM", "home_province": "35"}
    client = client_for(world.users["ministry_admin"])
    response = client.post("/api/v1/scheduling/facilitators/", body, content_type=JSON, HTTP_HOST=APEX)
    assert response.status_code == 400 and "email" in response.json(), response.content
    assert not User.objects.filter(email=LONG_EMAIL).exists()


NESTED = "[" * 100000


def test_deeply_nested_json_on_a_workspace_endpoint_is_a_400(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/api/v1/members/", NESTED, content_type=JSON, HTTP_HOST=P)
    assert response.status_code == 400
    assert "bersarang" in response.json()["detail"]


def test_deeply_nested_json_on_an_apex_endpoint_is_a_400(world, client_for):
    client = client_for(world.users["ministry_admin"])
    response = client.post("/api/v1/scheduling/holidays/", NESTED, content_type=JSON, HTTP_HOST=APEX)
    assert response.status_code == 400
    assert "bersarang" in response.json()["detail"]


def test_json_nested_deeper_than_any_request_needs_is_a_400(world, client_for):
    """Deep enough to survive the decoder, too deep for code that walks it afterwards."""
    client = client_for(world.users["admin_probolinggo"])
    body = '{"email": "a@b.id", "role": "viewer", "x": ' + "[" * 500 + "]" * 500 + "}"
    response = client.post("/api/v1/members/", body, content_type=JSON, HTTP_HOST=P)
    assert response.status_code == 400 and "bersarang" in response.json()["detail"]
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"dimension": "bran\x00ding"}, "dimension"),
        ({"lead_opd": "DISKOM\x00INFO"}, "lead_opd"),
        ({"partner_opds": ["DLH", "D\x00LH"]}, "partner_opds[1]"),
        ({"funding": [{"source": "ap\x00bd", "year": 2025, "amount": "1"}]}, "funding[0].source"),
        ({"indicators": [{"name": "i", "targets": {"20\x0025": "1"}}]}, "indicators[0].targets"),
    ],
)
def test_a_nul_anywhere_in_a_program_body_is_a_400_naming_the_field(world, client_for, change, path):
    setup_opds(world)
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/api/v1/programs/", {**BODY, **change}, content_type=JSON, HTTP_HOST=P)
    assert response.status_code == 400, response.content
    assert any(key.startswith(path) for key in response.json()), response.json()
    connection.set_tenant(world.probolinggo)
    assert not Program.objects.exists()


def test_a_nul_in_form_encoded_api_input_is_a_400(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post("/api/v1/members/", {"email": "a\x00@b.id", "role": "viewer"}, HTTP_HOST=P)
    assert response.status_code == 400 and "email" in response.json(), response.content
    assert mail.outbox == []


@pytest.mark.parametrize(
    "url",
    [
        "/masterplan/dimensi/bran%00ding/",
        "/masterplan/dimensi/branding/?tab=%00",
        "/program/?dimension=%00",
        "/api/v1/programs/?dimension=bran%00ding",
        "/api/v1/programs/%00/",
    ],
)
def test_a_nul_in_a_workspace_address_is_a_400(world, client_for, url):
    response = client_for(world.users["admin_probolinggo"]).get(url, HTTP_HOST=P)
    assert response.status_code == 400


def test_an_overlong_email_in_the_facilitator_import_is_a_row_error(world, client_for):
    from tests.scheduling.test_registry_import import xlsx

    client = client_for(world.users["ministry_admin"])
    content = xlsx([[LONG_EMAIL, "Ahli", "UGM", "35", "ahli", "1", 5, "ya"]])
    uploaded = SimpleUploadedFile("fasilitator.xlsx", content)
    response = client.post("/fasilitator/impor/", {"file": uploaded}, HTTP_HOST=APEX, follow=True)
    assert response.status_code == 400  # the preview of a file with errors
    [row] = response.context["preview"].results
    assert [error.header for error in row.errors] == ["email"], row.errors
