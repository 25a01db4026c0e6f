"""Two-factor sign-in: ministry staff must enrol an authenticator and pass it at sign-in, region
users may; recovery codes work once; wrong codes are limited; tokens cannot bypass it.

These tests sign in the real way (the form, then the code), never with ``force_login``
(which the suite's fixture turns into a verified session)."""

from binascii import unhexlify

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from platform.accounts import two_factor
from platform.accounts.models import User
from platform.accounts.two_factor_views import PENDING_KEY
from tests.conftest import PASSWORD

APEX = "sc100.test"
P = "kota-probolinggo.sc100.test"
VERIFY = "/accounts/two-factor/"
ENROL = "/accounts/two-factor/enrol/"


def code_for(key_hex: str, *, ahead: int = 0) -> str:
    """The authenticator's current code (``ahead`` steps later: a code not yet used)."""
    return f"{totp(unhexlify(key_hex), drift=ahead):06d}"


def sign_in(client, email, host=APEX, **meta):
    return client.post("/accounts/login/", {"username": email, "password": PASSWORD}, HTTP_HOST=host, **meta)


@pytest.fixture
def analyst(db):
    return User.objects.create_user(
        email="analis.baru@example.id", password=PASSWORD, national_role=User.NationalRole.MINISTRY_ANALYST
    )


@pytest.fixture
def enrolled(analyst):
    """The analyst with a confirmed authenticator and recovery codes."""
    key = two_factor.new_key()
    device, codes = two_factor.enrol_authenticator(user=analyst, key=key, code=code_for(key))
    return analyst, device, codes


def test_a_ministry_analyst_without_a_device_is_sent_to_enrolment_everywhere(world, client, analyst):
    assert sign_in(client, analyst.email).status_code == 302
    response = client.get("/masterplans/", HTTP_HOST=APEX)
    assert response.status_code == 302 and response["Location"] == f"{ENROL}?next=%2Fmasterplans%2F"
    assert client.get("/", HTTP_HOST=P)["Location"].startswith(ENROL)
    assert client.get("/accounts/security/", HTTP_HOST=APEX)["Location"].startswith(ENROL)
    assert client.get(VERIFY, HTTP_HOST=APEX)["Location"].startswith(ENROL)
    api = client.get("/api/v1/snapshots/", HTTP_HOST=APEX)
    assert api.status_code == 403 and "dua langkah" in api.json()["detail"]


def test_enrolment_refuses_a_wrong_code_then_shows_the_recovery_codes_once(world, client, analyst):
    sign_in(client, analyst.email)
    page = client.get(f"{ENROL}?next=/masterplans/", HTTP_HOST=APEX)
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and 'id="totp-secret"' in html
    key = client.session[PENDING_KEY]
    assert two_factor.secret_text(two_factor.unsaved_device(analyst, key)) in html
    assert not TOTPDevice.objects.filter(user=analyst).exists()  # looking stores nothing

    wrong = f"{(int(code_for(key)) + 500000) % 1000000:06d}"
    response = client.post(ENROL, {"code": wrong}, HTTP_HOST=APEX)
    assert response.status_code == 200 and "Kode tidak cocok" in response.content.decode()
    assert client.post(ENROL, {"code": "12ab"}, HTTP_HOST=APEX).context["form"].errors["code"]
    assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 302

    response = client.post(ENROL, {"code": code_for(key), "next": "/masterplans/"}, HTTP_HOST=APEX)
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=analyst).confirmed
    assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 200
    # The same session is verified on a workspace host too (one session for every host).
    assert client.get("/", HTTP_HOST=P).status_code == 200
    # Shown once: the security page counts them, it does not show them.
    security = client.get("/accounts/security/", HTTP_HOST=APEX).content.decode()
    assert "Tersisa 10 kode pemulihan" in security and codes[0] not in security


def test_sign_in_asks_for_the_code_and_is_not_complete_before_it(world, client, enrolled):
    analyst, device, _ = enrolled
    response = sign_in(client, analyst.email)
    assert response.status_code == 302
    assert client.get("/masterplans/", HTTP_HOST=APEX)["Location"] == f"{VERIFY}?next=%2Fmasterplans%2F"
    assert client.get("/", HTTP_HOST=P)["Location"].startswith(VERIFY)
    assert client.get(ENROL, HTTP_HOST=APEX)["Location"].startswith(VERIFY)  # no replacing it unverified
    assert client.get("/api/v1/workspace/", HTTP_HOST=P).status_code == 403

    response = client.post(VERIFY, {"code": code_for(device.key, ahead=1), "next": "/masterplans/"}, HTTP_HOST=APEX)
    assert response.status_code == 302 and response["Location"] == "/masterplans/"
    assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 200
    assert client.get("/", HTTP_HOST=P).status_code == 200  # carried over to the workspace host


def test_the_code_is_asked_on_a_workspace_host_too(world, client, enrolled):
    analyst, device, _ = enrolled
    sign_in(client, analyst.email, host=P)
    assert client.get("/", HTTP_HOST=P)["Location"] == f"{VERIFY}?next=%2F"
    assert client.post(VERIFY, {"code": code_for(device.key, ahead=1)}, HTTP_HOST=P).status_code == 302
    assert client.get("/", HTTP_HOST=P).status_code == 200
    assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 200


def test_a_recovery_code_works_once(world, client, enrolled):
    analyst, _, codes = enrolled
    sign_in(client, analyst.email)
    assert client.post(VERIFY, {"code": codes[0].upper()}, HTTP_HOST=APEX).status_code == 302
    assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 200
    client.post("/accounts/logout/", HTTP_HOST=APEX)

    sign_in(client, analyst.email)
    response = client.post(VERIFY, {"code": codes[0]}, HTTP_HOST=APEX)
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 302
    assert two_factor.recovery_codes_left(analyst) == 9


def test_new_recovery_codes_replace_the_old_ones(world, client, enrolled):
    analyst, device, codes = enrolled
    sign_in(client, analyst.email)
    client.post(VERIFY, {"code": code_for(device.key, ahead=1)}, HTTP_HOST=APEX)
    response = client.post("/accounts/security/recovery-codes/", HTTP_HOST=APEX)
    fresh = response.context["codes"]
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    assert two_factor.verify_code(analyst, fresh[1]) is not None
    assert two_factor.verify_code(analyst, codes[1]) is None


def test_a_region_user_is_not_forced(world, client):
    assert sign_in(client, "admin_probolinggo@example.id", host=P).status_code == 302
    assert client.get("/", HTTP_HOST=P).status_code == 200
    assert "Belum aktif" in client.get("/accounts/security/", HTTP_HOST=P).content.decode()


def test_a_region_user_who_enrolled_is_asked_for_the_code(world, client):
    email = "admin_probolinggo@example.id"
    sign_in(client, email, host=P)
    client.get(ENROL, HTTP_HOST=P)
    key = client.session[PENDING_KEY]
    assert client.post(ENROL, {"code": code_for(key)}, HTTP_HOST=P).status_code == 200
    client.post("/accounts/logout/", HTTP_HOST=P)

    sign_in(client, email, host=P)
    assert client.get("/", HTTP_HOST=P)["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(key, ahead=1)}, HTTP_HOST=P)
    assert client.get("/", HTTP_HOST=P).status_code == 200

    # Optional for them: they may turn it off again, and are then not asked.
    client.post("/accounts/security/remove/", HTTP_HOST=P)
    assert not two_factor.has_second_factor(world.users["admin_probolinggo"])
    client.post("/accounts/logout/", HTTP_HOST=P)
    sign_in(client, email, host=P)
    assert client.get("/", HTTP_HOST=P).status_code == 200


def test_ministry_staff_cannot_turn_it_off(world, client, enrolled):
    analyst, device, _ = enrolled
    sign_in(client, analyst.email)
    client.post(VERIFY, {"code": code_for(device.key, ahead=1)}, HTTP_HOST=APEX)
    client.post("/accounts/security/remove/", HTTP_HOST=APEX)
    assert two_factor.has_second_factor(analyst)


def test_a_wrong_code_slows_the_next_try_even_with_the_right_code(world, client, enrolled):
    analyst, device, _ = enrolled
    sign_in(client, analyst.email)
    client.post(VERIFY, {"code": "000000" if code_for(device.key, ahead=1) != "000000" else "111111"}, HTTP_HOST=APEX)
    response = client.post(VERIFY, {"code": code_for(device.key, ahead=1)}, HTTP_HOST=APEX)
    assert "coba lagi dalam" in response.content.decode()
    assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 302


def test_guessing_codes_locks_the_account_out_and_signing_in_again_does_not_reset_it(world, client, enrolled):
    analyst, device, _ = enrolled
    right = code_for(device.key, ahead=1)
    wrong = f"{(int(right) + 1) % 1000000:06d}"
    sign_in(client, analyst.email)
    for _ in range(3):
        assert client.post(VERIFY, {"code": wrong}, HTTP_HOST=APEX).status_code == 200
    client.post("/accounts/logout/", HTTP_HOST=APEX)
    assert sign_in(client, analyst.email).status_code == 302  # the password alone clears nothing
    assert client.post(VERIFY, {"code": wrong}, HTTP_HOST=APEX).status_code == 200
    locked = client.post(VERIFY, {"code": wrong}, HTTP_HOST=APEX)
    assert locked.status_code == 429 and "Terlalu banyak percobaan masuk" in locked.content.decode()
    assert "_auth_user_id" not in client.session  # signed out
    assert sign_in(client, analyst.email).status_code == 429  # and the password step is locked too


def test_a_right_code_clears_the_failures(world, client, enrolled):
    from axes.models import AccessAttempt

    analyst, device, _ = enrolled
    sign_in(client, "analis.baru@example.id")
    client.post(VERIFY, {"code": "abcdefgh"}, HTTP_HOST=APEX)  # a wrong recovery code
    assert AccessAttempt.objects.filter(username=analyst.email).exists()
    assert client.post(VERIFY, {"code": code_for(device.key, ahead=1)}, HTTP_HOST=APEX).status_code == 302
    assert not AccessAttempt.objects.filter(username=analyst.email).exists()


def test_tokens_of_people_with_a_second_factor_are_refused(world, client, enrolled):
    analyst, _, _ = enrolled
    refused = client.get(
        "/api/v1/snapshots/", HTTP_HOST=APEX, HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=analyst).key}"
    )
    assert refused.status_code == 403 and "dua langkah" in refused.json()["detail"]
    minister = world.users["ministry_admin"]
    assert (
        client.get(
            "/api/v1/snapshots/", HTTP_HOST=APEX, HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=minister).key}"
        ).status_code
        == 403
    )

    region_admin = world.users["admin_probolinggo"]
    auth = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=region_admin).key}"}
    assert client.get("/api/v1/workspace/", HTTP_HOST=P, **auth).status_code == 200
    key = two_factor.new_key()
    two_factor.enrol_authenticator(user=region_admin, key=key, code=code_for(key))
    assert client.get("/api/v1/workspace/", HTTP_HOST=P, **auth).status_code == 403


def test_a_verified_session_reads_its_device_from_the_cache(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.users["ministry_analyst"])  # the suite's fixture: a verified session
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/masterplans/", HTTP_HOST=APEX).status_code == 200
    assert not [q for q in queries.captured_queries if "otp_" in q["sql"]]


def test_the_demo_ministry_logins_have_the_published_authenticator(world, analyst):
    from base64 import b32decode

    from deploy.demo.two_factor import DEMO_TOTP_SECRET, give_demo_authenticator

    give_demo_authenticator(analyst)
    give_demo_authenticator(analyst)  # idempotent
    device = TOTPDevice.objects.get(user=analyst)
    assert two_factor.verify_code(analyst, f"{totp(b32decode(DEMO_TOTP_SECRET)):06d}") == device
