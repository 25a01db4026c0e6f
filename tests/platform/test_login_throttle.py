"""Login throttling: 5 failures per e-mail + IP, and a higher limit per IP across accounts,
with the client's address taken from the proxy's X-Forwarded-For only when a proxy is trusted."""

import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt

from tests.conftest import PASSWORD
from tests.platform.test_settings import PRODUCTION_ENV, ROOT

LOGIN = "/accounts/login/"
HOST = "sc100.test"
PROXY = "10.0.0.2"  # the nginx in front of the web processes


def sign_in(client, email, password, **meta):
    return client.post(LOGIN, {"username": email, "password": password}, HTTP_HOST=HOST, **meta)


@pytest.fixture
def ip_limit(settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 8
    settings.TRUSTED_PROXY_COUNT = 0
    return settings


def test_one_address_trying_every_account_is_locked_out(world, client, ip_limit):
    for n in range(7):
        response = sign_in(client, f"target{n}@example.id", "tebakan-1", REMOTE_ADDR="198.51.100.7")
        assert response.status_code == 200  # wrong password: the form again, no lockout yet
    sign_in(client, "target7@example.id", "tebakan-1", REMOTE_ADDR="198.51.100.7")

    # The address is now locked for every account, even with the right password.
    response = sign_in(client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    assert "_auth_user_id" not in client.session

    # Another address is not affected.
    response = sign_in(client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 302


def test_the_lockout_shows_on_the_failure_that_reaches_the_limit(world, client, ip_limit):
    for n in range(7):
        assert sign_in(client, f"target{n}@example.id", "x", REMOTE_ADDR="198.51.100.9").status_code == 200
    assert sign_in(client, "target7@example.id", "x", REMOTE_ADDR="198.51.100.9").status_code == 429


def test_per_account_limit_of_five_stays_below_the_address_limit(world, client, ip_limit):
    """An office behind one NAT address: one person's five failures lock only that person."""
    for _ in range(5):
        sign_in(client, "editor_probolinggo@example.id", "salah", REMOTE_ADDR="203.0.113.10")
    locked = sign_in(client, "editor_probolinggo@example.id", PASSWORD, REMOTE_ADDR="203.0.113.10")
    assert locked.status_code == 429
    colleague = sign_in(client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR="203.0.113.10")
    assert colleague.status_code == 302


def test_successful_sign_in_clears_only_its_own_failures(world, client, ip_limit):
    for n in range(6):
        sign_in(client, f"target{n}@example.id", "x", REMOTE_ADDR="203.0.113.20")
    sign_in(client, "viewer_probolinggo@example.id", "x", REMOTE_ADDR="203.0.113.20")
    assert sign_in(client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR="203.0.113.20").status_code == 302
    client.logout()
    # The attacker's six failures on other accounts still count: two more lock the address.
    sign_in(client, "target6@example.id", "x", REMOTE_ADDR="203.0.113.20")
    assert sign_in(client, "target7@example.id", "x", REMOTE_ADDR="203.0.113.20").status_code == 429


def test_trusted_proxy_counts_forwarded_addresses_apart(world, client, ip_limit):
    ip_limit.TRUSTED_PROXY_COUNT = 1
    for n in range(8):
        sign_in(client, f"target{n}@example.id", "x", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.21")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.21"}

    locked = sign_in(
        client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.21"
    )
    assert locked.status_code == 429
    other = sign_in(
        client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.22"
    )
    assert other.status_code == 302


def test_trusted_proxy_ignores_what_the_client_put_in_front(world, client, ip_limit):
    """nginx appends the address it saw; anything before it came from the client."""
    ip_limit.TRUSTED_PROXY_COUNT = 1
    for n in range(8):
        forged = f"192.0.2.{n}, 198.51.100.31"
        sign_in(client, f"target{n}@example.id", "x", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forged)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.31"}
    forged = "192.0.2.99, 198.51.100.31"
    locked = sign_in(client, "viewer_probolinggo@example.id", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forged)
    assert locked.status_code == 429


def test_without_trusted_proxy_the_header_cannot_spoof_the_address(world, client, ip_limit):
    for n in range(8):
        sign_in(client, f"target{n}@example.id", "x", REMOTE_ADDR="198.51.100.41", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.41"}
    locked = sign_in(
        client,
        "viewer_probolinggo@example.id",
        PASSWORD,
        REMOTE_ADDR="198.51.100.41",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert locked.status_code == 429


def test_a_malformed_forwarded_header_falls_back_to_the_peer(world, client, ip_limit):
    ip_limit.TRUSTED_PROXY_COUNT = 1
    response = sign_in(client, "target0@example.id", "x", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="not-an-address")
    assert response.status_code == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [PROXY]


def test_settings_defaults():
    from django.conf import settings

    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.TRUSTED_PROXY_COUNT == 0  # locally nobody sits in front of runserver

    code = "from django.conf import settings as s; print(s.TRUSTED_PROXY_COUNT, s.LOGIN_IP_FAILURE_LIMIT)"
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "TRUSTED_PROXY_COUNT"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "30"]  # production sits behind the documented nginx
