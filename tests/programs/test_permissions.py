"""The permission matrix: every page and endpoint of the masterplan × every workspace role.

Roles: region admin, OPD editor of the program's lead OPD, OPD editor of another OPD,
Dewan Smart City, regional head, viewer and a facilitator on a current assignment.
(Outsiders, expired facilitators and anonymous visitors are walked over every URL by
``tests/test_isolation.py``.) A route missing from the table fails the completeness test.
"""

import pytest
from django.db import connection
from django.urls import get_resolver

from programs.models import Opd
from tests.programs import factories as f
from tests.programs.samples import samples
from tests.test_isolation import concrete, walk

P = "kota-probolinggo.sc100.test"
ROLES = ["admin", "editor_own", "editor_other", "council", "head", "viewer", "facilitator"]
USERS = {
    "admin": "admin_probolinggo",
    "editor_own": "editor_probolinggo",
    "editor_other": "editor_probolinggo",
    "council": "council_probolinggo",
    "head": "head_probolinggo",
    "viewer": "viewer_probolinggo",
    "facilitator": "facilitator_current",
}


def expect(**by_role):
    """Expected status per role; ``rest`` for the roles not named."""
    rest = by_role.pop("rest", None)
    return {role: by_role.get(role, rest) for role in ROLES}


READ = expect(rest=200)
ADMIN_PAGE = expect(admin=200, rest=404)
ADMIN_POST = expect(admin=302, rest=404)
OWN_PAGE = expect(admin=200, editor_own=200, rest=404)
OWN_POST = expect(admin=302, editor_own=302, rest=404)
COMMENT_POST = expect(admin=302, editor_own=302, editor_other=302, council=302, facilitator=302, rest=404)

# url name -> (method, expected by role)
PAGES = {
    "masterplan": ("get", READ),
    "masterplan-transition": ("post", expect(rest=302)),  # refused in the service, with a message
    "checklist": ("get", READ),
    "changes": ("get", READ),
    "buku-one": ("get", READ),
    "buku-one-edit": ("get", ADMIN_PAGE),
    "readiness-edit": ("get", ADMIN_PAGE),
    "swot-edit": ("get", ADMIN_PAGE),
    "buku-two": ("get", READ),
    "dimension": ("get", READ),
    "dimension-edit": ("get", ADMIN_PAGE),
    "quick-wins": ("get", READ),
    "program-list": ("get", READ),
    "program-create": ("get", expect(admin=200, editor_own=200, editor_other=200, rest=404)),
    "program-detail": ("get", READ),
    # Another OPD's program: its editor is told why (403); outsiders still get 404.
    "program-edit": ("get", expect(admin=200, editor_own=200, editor_other=403, rest=404)),
    "program-delete": ("post", OWN_POST),
    "program-history": ("get", READ),
    "program-restore": ("post", OWN_POST),
    "risk-create": ("get", OWN_PAGE),
    "risk-edit": ("get", OWN_PAGE),
    "risk-delete": ("post", OWN_POST),
    "directory": ("get", READ),
    "opd-create": ("get", ADMIN_PAGE),
    "opd-edit": ("get", ADMIN_PAGE),
    "opd-delete": ("post", ADMIN_POST),
    "person-create": ("get", ADMIN_PAGE),
    "person-edit": ("get", ADMIN_PAGE),
    "person-delete": ("post", ADMIN_POST),
    "opd-editor-assign": ("post", ADMIN_POST),
    "comment-create": ("post", COMMENT_POST),
    # The sample comment is the facilitator's: its author or a region admin resolves it.
    "comment-resolve": ("post", expect(admin=302, facilitator=302, rest=404)),
    "notifications": ("get", READ),
    "notification-count": ("get", READ),
    # the API: reads for every member; writes by the same rules
    "api-bimtek-stage-list": ("get", READ),
    "api-dimension-list": ("get", READ),
    "api-funding-source-list": ("get", READ),
    "api-opd-list": ("get", READ),
    "api-opd-detail": ("get", READ),
    "api-program-list": ("get", READ),
    "api-program-detail": ("get", READ),
    "api-risk-list": ("get", READ),
    "api-risk-detail": ("get", READ),
    "api-masterplan": ("get", READ),
    "api-masterplan-transitions": ("get", READ),
}
API_WRITES = {
    # (url name, method, body builder) -> expected by role
    # Another OPD's program is out of an OPD editor's reach: 404, as on the page.
    ("api-program-detail", "delete"): expect(admin=204, editor_own=204, rest=404),
    ("api-risk-detail", "delete"): expect(admin=204, editor_own=204, rest=404),
    ("api-risk-detail", "patch"): expect(admin=200, editor_own=200, rest=404),
    ("api-risk-list", "post"): expect(admin=201, editor_own=201, rest=404),
    ("api-opd-list", "post"): expect(admin=201, rest=404),
    ("api-opd-detail", "patch"): expect(admin=200, rest=404),
    ("api-masterplan-transitions", "post"): expect(admin=201, rest=403),
}
API_BODIES = {
    ("api-risk-detail", "patch"): {"likelihood": 5},
    ("api-risk-list", "post"): {"description": "Anggaran terlambat", "likelihood": 3, "impact": 4, "owner": "BPKAD"},
    ("api-opd-list", "post"): {"acronym": "DINKES", "name": "Dinas Kesehatan", "head": "dr. Sari"},
    ("api-opd-detail", "patch"): {"head": "Kepala baru"},
    ("api-masterplan-transitions", "post"): {"action": "submit", "acknowledge_failing": True, "reason": "Lanjut"},
}


# The pages and endpoints of this matrix; other modules of the app keep matrices of their own.
VIEW_AREAS = ("bimtek", "masterplan", "buku", "programs", "history", "risks", "directory", "comments")
MODULES = {*(f"programs.views.{area}" for area in VIEW_AREAS), "programs.api.views"}


def programs_routes():
    resolver = get_resolver("platform.urls_tenant")
    return {
        p.name: route
        for route, p in walk(resolver.url_patterns)
        if p.name
        and (p.callback.__module__ in MODULES or getattr(getattr(p.callback, "cls", None), "__module__", "") in MODULES)
    }


ROUTES = programs_routes()


def test_every_masterplan_route_is_in_the_matrix():
    assert set(ROUTES) - {"bimtek-stage-edit"} == set(PAGES) | {name for name, _ in API_WRITES}


@pytest.fixture
def objects(world):
    connection.set_tenant(world.probolinggo)
    values = samples(world, world.probolinggo)
    connection.set_schema_to_public()
    return values


def _as(world, role):
    connection.set_tenant(world.probolinggo)
    lead = Opd.objects.get(pk=f.opd().pk)
    if role == "editor_own":
        f.link_editor(world, lead)
    elif role == "editor_other":
        f.link_editor(world, f.opd("DLH", "Dinas Lingkungan Hidup"))
    connection.set_schema_to_public()
    return world.users[USERS[role]]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_and_read_endpoint_matrix(world, client_for, objects, role, name):
    method, expected = PAGES[name]
    client = client_for(_as(world, role))
    url = concrete(ROUTES[name], objects)
    response = getattr(client, method)(url, HTTP_HOST=P)
    assert response.status_code == expected[role], f"{method.upper()} {url} as {role}: {response.status_code}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method"), sorted(API_WRITES))
def test_api_write_matrix(world, client_for, objects, role, name, method):
    client = client_for(_as(world, role))
    url = concrete(ROUTES[name], objects)
    body = API_BODIES.get((name, method), {})
    response = getattr(client, method)(url, body, content_type="application/json", HTTP_HOST=P)
    assert response.status_code == API_WRITES[(name, method)][role], (
        f"{method.upper()} {url} as {role}: {response.status_code} {response.content[:300]}"
    )
