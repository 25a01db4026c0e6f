"""Both OpenAPI schemas, fuzzed by schemathesis against the application in-process.

The schemas are the ones ``/api/v1/schema/`` serves (drf-spectacular with the national and the
workspace URL conf), generated once at collection; the first test pins that the served ones are
the same. Every operation gets a bounded number of examples (the schema's examples, then at most
five generated ones, valid and invalid, with a fixed seed and no shrinking; the exhaustive
coverage phase is left to tests/platform/test_bad_input_walk.py), sent through the WSGI
application with the host that routes it: the apex signed in as a ministry admin, Kota
Probolinggo's workspace as its region admin. No answer may be a server error, and each must
have a status code, a content type and a body that the schema declares. Valid examples get
the path ids of real objects (the isolation walk's ``tests/<app>/samples.py``); writes stay in
the test's transaction.
"""

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi import checks

from tests.api import objects

APEX = "sc100.test"
P = "kota-probolinggo.sc100.test"
URLCONF = {"national": "api.urls_national_schema", "workspace": "api.urls_workspace_schema"}
CONFIG = {
    "seed": 12,
    "generation": {"deterministic": True, "no-shrink": True, "max-examples": 5},
    "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
}
CHECKS = [
    not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


def generated(urlconf: str) -> dict:
    return SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)


def in_test_transaction(handler):
    """The WSGI app as Django's test client runs it: the end of a request must not close the
    database connection that holds the test's transaction."""

    def application(environ, start_response):
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            result = handler(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                result.close()
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)

    return application


def load(name: str):
    loaded = schemathesis.openapi.from_dict(generated(URLCONF[name]), config=SchemathesisConfig.from_dict(CONFIG))
    loaded.app = in_test_transaction(get_wsgi_application())
    return loaded


national = load("national")
workspace = load("workspace")
SETTINGS = hypothesis_settings(suppress_health_check=list(HealthCheck), deadline=None, database=None)


@pytest.mark.parametrize(
    ("name", "host", "who"), [("national", APEX, "ministry_admin"), ("workspace", P, "viewer_probolinggo")]
)
def test_the_served_schemas_are_the_tested_ones(world, client_for, name, host, who):
    served = client_for(world.users[who]).get("/api/v1/schema/", {"format": "json"}, HTTP_HOST=host)
    assert served.status_code == 200, served.content
    assert served.json()["paths"] == generated(URLCONF[name])["paths"]


@pytest.fixture
def national_ids(world) -> dict:
    return objects.national_ids(world)


@pytest.fixture
def workspace_ids(world) -> dict:
    return objects.workspace_ids(world)


def with_sample_ids(case, ids: dict) -> None:
    """Valid examples reach real objects (tests/api/objects.py); negative examples keep their
    generated junk."""
    if case.meta is not None and case.meta.generation.mode.is_negative:
        return
    values = objects.path_values(case.operation.path, ids)
    if values:
        case.path_parameters.update(values)


def signed_in(client) -> dict:
    """Call arguments of a signed-in test client's session, as a browser sends them: the
    session cookie, and the CSRF cookie with its header (session authentication checks it on
    writes). The client comes from ``client_for``, so it is signed in as every test signs in."""
    csrf = get_random_string(32)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"cookies": {settings.SESSION_COOKIE_NAME: session, "csrftoken": csrf}, "headers": {"X-CSRFToken": csrf}}


@pytest.fixture
def ministry_admin_session(world, client_for) -> dict:
    return signed_in(client_for(world.users["ministry_admin"]))


@pytest.fixture
def region_admin_session(world, client_for) -> dict:
    return signed_in(client_for(world.users["admin_probolinggo"]))


@national.parametrize()
@SETTINGS
def test_the_national_api_conforms_to_its_schema(case, ministry_admin_session, national_ids):
    with_sample_ids(case, national_ids)
    case.call_and_validate(base_url=f"http://{APEX}", checks=CHECKS, **ministry_admin_session)


@workspace.parametrize()
@SETTINGS
def test_the_workspace_api_conforms_to_its_schema(case, region_admin_session, workspace_ids):
    with_sample_ids(case, workspace_ids)
    case.call_and_validate(base_url=f"http://{P}", checks=CHECKS, **region_admin_session)
