"""Security headers on an answer of every kind, and no inline script in any template.

Every answer carries the Content-Security-Policy (no inline script: script-src is 'self'
only), the Permissions-Policy and the Referrer-Policy; an answer to a signed-in person (a
page, an API answer, a download) is ``private, no-store``. The calendar feed, read by
calendar clients without a session, keeps its own ``private, no-cache`` (it revalidates
with its ETag).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.authtoken.models import Token

from programs.scheduling import feeds
from programs.scheduling.models import CalendarFeed
from tests.test_browser import page, server  # noqa: F401

APEX = "sc100.test"
P = "kota-probolinggo.sc100.test"
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def directives(response) -> dict:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_security_headers(response):
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert response["Permissions-Policy"] == PERMISSIONS
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer")


def cache_control(response) -> set:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def assert_not_stored(response):
    assert {"private", "no-store"} <= cache_control(response), response.get("Cache-Control")
    assert "public" not in cache_control(response)


@pytest.mark.parametrize(
    ("host", "path", "user"),
    [
        (APEX, "/", "ministry_admin"),  # apex page
        (P, "/", "viewer_probolinggo"),  # workspace page
        (APEX, "/api/v1/regions/", "ministry_analyst"),  # national API
        (P, "/api/v1/workspace/", "viewer_probolinggo"),  # workspace API
        (P, "/program/excel/templat/", "viewer_probolinggo"),  # a file download
    ],
)
def test_signed_in_answers_carry_the_headers_and_are_not_stored(world, client_for, host, path, user):
    response = client_for(world.users[user]).get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    assert_security_headers(response)
    assert_not_stored(response)


def test_an_api_answer_by_token_is_not_stored(world, client):
    token = Token.objects.create(user=world.users["admin_probolinggo"])
    response = client.get("/api/v1/workspace/", HTTP_HOST=P, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert_security_headers(response)
    assert_not_stored(response)


@pytest.mark.parametrize("host", [APEX, P])
def test_the_login_page_carries_the_headers(world, client, host):
    response = client.get("/accounts/login/", HTTP_HOST=host)
    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-store" in cache_control(response)  # never_cache: the page holds a CSRF token


def test_anonymous_api_answers_carry_the_headers(world, client):
    for host, path in ((APEX, "/api/v1/regions/"), (P, "/api/v1/workspace/")):
        response = client.get(path, HTTP_HOST=host)
        assert_security_headers(response)


def test_the_unknown_host_page_carries_the_headers(world, client):
    response = client.get("/", HTTP_HOST="tidak-ada.sc100.test")
    assert response.status_code == 404
    assert_security_headers(response)


def test_a_static_file_carries_the_headers_and_may_be_cached(world, client):
    response = client.get("/static/js/app.js", HTTP_HOST=APEX)
    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-store" not in cache_control(response)


def test_a_calendar_feed_keeps_its_revalidated_cache_control(world, client):
    feed = feeds.feed_for(world.users["ministry_admin"], CalendarFeed.Scope.MINISTRY)
    response = client.get(f"/kalender/{feed.token}.ics", HTTP_HOST=APEX)
    assert response.status_code == 200
    assert_security_headers(response)
    assert cache_control(response) == {"private", "no-cache"}
    assert response["Referrer-Policy"] == "no-referrer"


# --- in the browser: Chromium enforces the policy --------------------------------------------

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.effectiveDirective));
"""


@pytest.mark.browser
def test_the_pages_work_under_the_policy_and_it_blocks_inline_code(server, page):  # noqa: F811
    from tests.conftest import PASSWORD

    page.add_init_script(WATCH_VIOLATIONS)
    members = f"http://kota-probolinggo.sc100.test:{server}/members/"
    page.goto(members)
    page.fill("input[name=username]", "admin_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(members)
    assert page.evaluate("htmx.config.allowEval") is False
    assert page.evaluate("document.querySelectorAll('style').length") == 0  # no htmx indicator styles

    # A confirm dialog from data-confirm: dismissed, nothing is posted.
    before = page.locator("tbody tr").count()
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Keluarkan").first.click()
    page.wait_for_timeout(300)
    assert questions == ["Keluarkan anggota ini?"]
    assert page.url == members and page.locator("tbody tr").count() == before

    # The language select submits itself (data-autosubmit), and back.
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.select_option("select[name=language]", "id")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.evaluate("window.__violations") == []

    # The policy is enforced: an inline handler added to the page does not run.
    page.evaluate("document.querySelector('h1').setAttribute('onclick', 'document.title = \\'ran\\'')")
    page.click("h1")
    page.wait_for_timeout(200)
    assert page.title() != "ran"
    assert any(d.startswith("script-src") for d in page.evaluate("window.__violations"))


# --- templates ------------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)
HTMX_EVAL = re.compile(r"""\shx-on[:-]|\shx-vars=|hx-vals=["']\s*(js|javascript):|\bjavascript:""", re.IGNORECASE)
TEMPLATE_ROOTS = ("platform", "tenants", "programs", "assessments", "api")


def templates():
    base = Path(settings.BASE_DIR)
    for root in TEMPLATE_ROOTS:
        yield from sorted((base / root).rglob("templates/**/*.html"))


def test_no_template_holds_an_inline_script_or_event_handler():
    found = list(templates())
    assert len(found) > 50
    offenders = []
    for path in found:
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, HTMX_EVAL):
            offenders += [f"{path.relative_to(settings.BASE_DIR)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert offenders == [], "The Content-Security-Policy blocks inline script: " + "; ".join(offenders)


def test_the_pattern_catches_what_the_policy_blocks():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert INLINE_SCRIPT.search('<script type="module">x()</script>')
    assert not INLINE_SCRIPT.search('<script src="/static/js/app.js" defer></script>')
    assert INLINE_HANDLER.search('<select onchange="this.form.submit()">')
    assert not INLINE_HANDLER.search('<select data-autosubmit name="online">')
    assert HTMX_EVAL.search('<div hx-on::before-swap="x()">')
