"""Tenant isolation, walked over every URL pattern of both URL confs.

The list of URLs is generated from the URL conf, so a new page or endpoint is covered the
day it is added. On a workspace host, a user of another region, a facilitator whose
assignment has ended, and a signed-in person with no role at all get 404 on every pattern
and every method; anonymous visitors are sent to sign in (pages) or refused (API). Only
the views explicitly marked ``public_on_workspace_host`` (sign-in, password reset,
language, health) are exempt, and that list is pinned here.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tenants.models import Membership

P = "kota-probolinggo.sc100.test"
PUBLIC_ON_WORKSPACE_HOST = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
    "health",
}


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p


def concrete(route: str, sample: dict) -> str:
    def fill(match):
        name = match.group(2)
        return str(sample.get(name, "1"))

    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(sample.get(m.group(1), "1")), route)  # re_path groups
    url = re.sub(r"<(?:(\w+):)?(\w+)>", fill, url)
    return "/" + url.replace("^", "").replace("$", "").replace("\\", "")


def workspace_urls():
    return [(route, p) for route, p in walk(get_resolver("platform.urls_tenant").url_patterns)]


def test_the_exempt_views_are_exactly_the_pinned_ones():
    exempt = {p.name for _, p in workspace_urls() if getattr(p.callback, "public_on_workspace_host", False)}
    assert exempt == PUBLIC_ON_WORKSPACE_HOST


GATED = [(route, p) for route, p in workspace_urls() if p.name not in PUBLIC_ON_WORKSPACE_HOST]


def _app_samples(world, workspace) -> dict:
    """URL parameter values from each app's ``tests/<app>/samples.py`` (or ``samples_<part>.py``,
    when several apps share a test package).

    An app whose URLs take object ids provides ``samples(world, workspace) -> dict`` there
    (parameter name → an existing object's value in ``workspace``), so the walk below
    reaches real objects. Parameter names must be unique across apps.
    """
    import importlib
    import pkgutil

    import tests

    values = {}
    for package in pkgutil.iter_modules(tests.__path__):
        if package.ispkg:
            found = pkgutil.iter_modules([f"{tests.__path__[0]}/{package.name}"])
            for name in sorted(m.name for m in found if m.name == "samples" or m.name.startswith("samples_")):
                samples = importlib.import_module(f"tests.{package.name}.{name}")
                values.update(samples.samples(world, workspace))
    return values


@pytest.fixture
def sample(world):
    from django.db import connection

    member = Membership.objects.get(user=world.users["viewer_probolinggo"])
    connection.set_tenant(world.probolinggo)
    values = {"pk": member.pk, "number": 1, **_app_samples(world, world.probolinggo)}
    connection.set_schema_to_public()
    return values


@pytest.mark.parametrize("who", ["admin_pasuruan", "facilitator_expired", "nobody"])
@pytest.mark.parametrize(("route", "pattern"), GATED, ids=[r for r, _ in GATED])
def test_outsiders_get_404_on_every_workspace_url(world, client_for, sample, who, route, pattern):
    client = client_for(world.users[who])
    url = concrete(route, sample)
    before = Membership.objects.filter(workspace=world.probolinggo).count()
    for method in ("get", "post", "put", "patch", "delete"):
        response = getattr(client, method)(url, HTTP_HOST=P)
        assert response.status_code == 404, f"{method.upper()} {url} as {who}: {response.status_code}"
        assert b"viewer_probolinggo" not in response.content
    assert Membership.objects.filter(workspace=world.probolinggo).count() == before


@pytest.mark.parametrize(("route", "pattern"), GATED, ids=[r for r, _ in GATED])
def test_anonymous_gets_nothing_on_every_workspace_url(world, client, sample, route, pattern):
    url = concrete(route, sample)
    for method in ("get", "post", "delete"):
        response = getattr(client, method)(url, HTTP_HOST=P)
        if url.startswith("/api/"):
            assert response.status_code in (401, 403), f"{method.upper()} {url}: {response.status_code}"
        else:
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
        assert b"viewer_probolinggo" not in response.content


@pytest.mark.parametrize(("route", "pattern"), GATED, ids=[r for r, _ in GATED])
def test_a_member_reaches_every_workspace_url(world, client_for, sample, route, pattern):
    """The counterpart: the 404s above come from the gate, not from broken URLs."""
    client = client_for(world.users["admin_probolinggo"])
    url = concrete(route, sample)
    allowed = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
    method = "get" if allowed is None or hasattr(allowed, "get") else "post"
    response = getattr(client, method)(url, HTTP_HOST=P)
    assert response.status_code in (200, 302, 405), f"{method.upper()} {url}: {response.status_code}"


# --- the apex host ---------------------------------------------------------------------------

# The calendar feed answers without a session (calendar apps cannot sign in): its secret token
# is the credential, and an unknown token gets 404 (tests/scheduling/test_feeds.py).
# A published showcase's agenda, iCal file and widget are public (a showcase without a published
# agenda answers 404: tests/showcase/test_public.py).
NATIONAL_PUBLIC = PUBLIC_ON_WORKSPACE_HOST | {"schedule-feed", "showcase-public", "showcase-ics", "showcase-widget"}
MINISTRY_ADMIN_ONLY = {"cohort-create", "cohort-provision", "provisioning-job", "audit-log"}


def national_urls():
    return [
        (route, p)
        for route, p in walk(get_resolver("platform.urls_public").url_patterns)
        if not route.startswith("admin/") and p.name not in NATIONAL_PUBLIC
    ]


NATIONAL = national_urls()


@pytest.mark.parametrize(("route", "pattern"), NATIONAL, ids=[r for r, _ in NATIONAL])
def test_anonymous_gets_nothing_on_the_apex(world, client, route, pattern):
    url = concrete(route, {"code": "35.74", "year": 2018, "pk": 1})
    response = client.get(url, HTTP_HOST="sc100.test")
    if url.startswith("/api/"):
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("route", "pattern"),
    [(r, p) for r, p in NATIONAL if p.name in MINISTRY_ADMIN_ONLY],
    ids=[r for r, p in NATIONAL if p.name in MINISTRY_ADMIN_ONLY],
)
@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "ministry_analyst"])
def test_only_ministry_admins_reach_cohort_management(world, client_for, who, route, pattern):
    url = concrete(route, {"year": 2018, "pk": 1})
    client = client_for(world.users[who])
    for method in ("get", "post"):
        assert getattr(client, method)(url, HTTP_HOST="sc100.test").status_code == 404


def test_django_admin_refuses_non_staff(world, client_for):
    response = client_for(world.users["admin_probolinggo"]).get("/admin/", HTTP_HOST="sc100.test")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_national_api_is_read_only_for_everyone(world, client_for):
    client = client_for(world.users["ministry_admin"])
    assert client.post("/api/v1/regions/", {"code": "99.99"}, HTTP_HOST="sc100.test").status_code == 405
