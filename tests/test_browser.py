"""The journey a person must be able to finish, in Debian's Chromium driven by Playwright:
sign in on the own workspace, see it, and be refused another region's workspace.

The site runs in a real server process (gunicorn) on the test database; Chromium maps the
test domain to loopback, and one login covers every subdomain (shared cookie domain), as
in production.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_EXECUTABLE", "/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(committed_db):
    port = _free_port()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "platform.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SESSION_COOKIE_DOMAIN": ".sc100.test",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "platform.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stdout.read().decode())
    yield port
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def page():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: deploy/dev.sh test installs Debian's chromium package")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--host-resolver-rules=MAP sc100.test 127.0.0.1, MAP *.sc100.test 127.0.0.1",
            ],
        )
        page = browser.new_page(locale="id-ID")
        yield page
        browser.close()


def test_sign_in_open_own_workspace_and_be_refused_another(server, page):
    from tests.conftest import PASSWORD

    own = f"http://kota-probolinggo.sc100.test:{server}/"
    page.goto(own)
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "viewer_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(own)
    assert page.locator("h1").inner_text() == "Kota Probolinggo"
    assert page.get_by_text("Berikutnya dalam tahun Bimtek").is_visible()

    response = page.goto(f"http://kota-pasuruan.sc100.test:{server}/")
    assert response.status == 404
    assert page.get_by_text("Halaman tidak ditemukan").first.is_visible()
    assert "Pasuruan" not in page.locator("main").inner_text()

    # Still signed in at home.
    assert page.goto(own).status == 200
