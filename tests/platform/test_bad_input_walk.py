"""Bad input on every door: every page's forms and every API operation, never a 500.

The walk is generated, so a new page or endpoint is covered the day it is added:

- pages: every URL pattern of both hosts (as in tests/test_isolation.py, with the same
  samples for ids), fetched as the host's administrator (Kota Probolinggo's region admin, a
  ministry admin on the apex). Every form found on the page is sent back with every field
  (hidden ones and buttons too) set to a NUL character, 100 000 characters, a value no number,
  date or choice accepts, or two values where one is expected. A page answers with its form
  and errors (200), a redirect (302) or a 4xx. The page itself is also asked for page
  99999999999999999999.
- API: every operation of both OpenAPI schemas, with the objects of tests/api/objects.py for
  ids. Bodies: JSON nested 100 000 deep, NUL in every string, 100 000 characters, and every
  field of the wrong type (a string for a number, an object for a string, a list for a scalar,
  a scalar for a list or an object); queries: the same in every parameter, and page
  99999999999999999999; ids out of range. Refusals are 4xx.
"""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver
from drf_spectacular.generators import SchemaGenerator

from tests.api import objects
from tests.test_isolation import _app_samples, concrete, walk

APEX = "sc100.test"
P = "kota-probolinggo.sc100.test"
NUL = "ab\x00cd"
LONG = "x" * 100_000
HUGE = "99999999999999999999"
NOT_A_VALUE = "-99999999999999999999.5e999"  # no integer, decimal, date, e-mail or choice
FORM_JUNK = {"nul": NUL, "long": LONG, "not-a-value": NOT_A_VALUE, "list": [NOT_A_VALUE, NUL]}
SKIPPED_ACTIONS = {"/accounts/logout/"}  # sending it signs the walker out; tested in accounts
JSON = "application/json"


def fine_for_a_page(status: int) -> bool:
    return status in (200, 302, 303) or 400 <= status < 500


def no_server_error(status: int) -> bool:
    return status < 500


def refused(status: int) -> bool:
    return 400 <= status < 500


# --- pages --------------------------------------------------------------------------------


class FormParser(HTMLParser):
    """The forms of a page: method, action, and the names of their fields and file fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action") or "", "fields": {}, "files": set()})
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            if (attrs.get("type") or "").lower() == "file":
                self.forms[-1]["files"].add(attrs["name"])
            elif attrs["name"] != "csrfmiddlewaretoken":
                self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        pass


def page_routes(urlconf: str) -> list:
    return [
        route
        for route, pattern in walk(get_resolver(urlconf).url_patterns)
        if not route.startswith(("api/", "admin/")) and pattern.name != "logout"
    ]


WORKSPACE_PAGES = page_routes("platform.urls_tenant")
APEX_PAGES = page_routes("platform.urls_public")


@pytest.fixture
def page_samples(world) -> dict:
    from django.db import connection

    connection.set_tenant(world.probolinggo)
    values = _app_samples(world, world.probolinggo)
    connection.set_schema_to_public()
    national = objects.national_ids(world)
    return {"code": "35.74", "year": 2018, "number": 1, "pk": national[("facilitators", "id")], **values}


def send_forms(client, host: str, url: str):
    """Fetch the page, send each of its forms back with every kind of junk; yield what came back."""
    response = client.get(url, HTTP_HOST=host)
    yield "GET", url, "", response.status_code
    yield "GET", url, "page", client.get(url, {"page": HUGE}, HTTP_HOST=host).status_code
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return
    parser = FormParser()
    parser.feed(response.content.decode(errors="replace"))
    for form in parser.forms:
        action = urlsplit(form["action"])
        if action.netloc and action.netloc != host:
            continue
        target = action.path or url
        if target in SKIPPED_ACTIONS:
            continue
        for kind, junk in FORM_JUNK.items():
            data = dict.fromkeys(form["fields"], junk)
            if form["method"] == "get":
                status = client.get(target, data, HTTP_HOST=host).status_code
            else:
                for name in form["files"]:
                    data[name] = SimpleUploadedFile(f"{kind}.xlsx", str(junk).encode())
                status = client.post(target, data, HTTP_HOST=host).status_code
            yield form["method"].upper(), target, kind, status


def walk_pages(client, host, route, samples):
    sent = send_forms(client, host, concrete(route, samples))
    return [
        f"{method} {target} [{kind}]: {status}" for method, target, kind, status in sent if not fine_for_a_page(status)
    ]


@pytest.mark.parametrize("route", WORKSPACE_PAGES)
def test_every_workspace_form_refuses_junk_without_a_server_error(world, client_for, page_samples, route):
    client = client_for(world.users["admin_probolinggo"])
    assert walk_pages(client, P, route, page_samples) == []


@pytest.mark.parametrize("route", APEX_PAGES)
def test_every_apex_form_refuses_junk_without_a_server_error(world, client_for, page_samples, route):
    client = client_for(world.users["ministry_admin"])
    assert walk_pages(client, APEX, route, page_samples) == []


def test_the_walk_really_sends_the_forms_it_finds(world, client_for):
    """The counterpart of the walk: it finds the invitation form on the members page and sends
    it back with every kind of junk, and the page answers each with its form and errors."""
    sent = list(send_forms(client_for(world.users["admin_probolinggo"]), P, "/members/"))
    posts = {kind: status for method, target, kind, status in sent if method == "POST" and target == "/members/"}
    assert posts == dict.fromkeys(FORM_JUNK, 400)


# --- API ----------------------------------------------------------------------------------


def operations(urlconf: str) -> list:
    schema = SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                found.append((method, path, operation, schema))
    return found


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        return resolve(schema, node["allOf"][0])
    return node


def body_schema(operation: dict, schema: dict) -> dict | None:
    content = operation.get("requestBody", {}).get("content", {})
    if JSON not in content:
        return None
    return resolve(schema, content[JSON]["schema"])


def wrong_type(node: dict):
    kind = node.get("type")
    if kind in ("integer", "number", "boolean"):
        return "keine Zahl"
    if kind == "array":
        return "not a list"
    if kind == "object":
        return 12
    return {"an": "object"}


def api_bodies(body: dict, schema: dict) -> dict:
    """Junk bodies by kind, every writable field at once (a serializer checks every field)."""
    properties = {
        name: resolve(schema, node) for name, node in body.get("properties", {}).items() if not node.get("readOnly")
    }
    strings = [name for name, node in properties.items() if node.get("type", "string") == "string"]
    return {
        "nul": {name: NUL for name in strings},
        "long": {name: LONG for name in strings},
        "wrong-type": {name: wrong_type(node) for name, node in properties.items()},
        "list-for-scalar": {name: [1, "x"] for name, node in properties.items() if node.get("type") != "array"},
        "nested-items": {name: [[{"a": [NUL]}]] for name, node in properties.items() if node.get("type") == "array"},
    }


def call(client, method, url, host, **kwargs):
    return getattr(client, method)(url, HTTP_HOST=host, **kwargs).status_code


def walk_operation(client, host, method, path, operation, schema, ids):
    url = path.format(**{name: ids.get(name, 1) for name in re.findall(r"{(\w+)}", path)})
    results = []  # (what was sent, status, acceptable)
    if re.search(r"{\w+}", path):
        huge = re.sub(r"{\w+}", HUGE, path)
        results.append((f"{method.upper()} {huge}", call(client, method, huge, host), refused))
    parameters = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
    for kind, junk in {"nul": NUL, "long": LONG, "list": [NOT_A_VALUE, NUL], "not-a-value": NOT_A_VALUE}.items():
        if parameters:
            query = urlencode({name: junk for name in parameters}, doseq=True)
            ok = refused if kind == "nul" else fine_for_a_page
            results.append((f"{method.upper()} {url} ?{kind}", call(client, method, f"{url}?{query}", host), ok))
    if method == "get":
        results.append((f"GET {url} ?page", call(client, "get", url, host, data={"page": HUGE}), fine_for_a_page))
    body = body_schema(operation, schema)
    if method in ("post", "put", "patch"):
        nested = call(client, method, url, host, data="[" * 100_000, content_type=JSON)
        # An operation with a body refuses it; one without never reads it (and may accept the call).
        results.append((f"{method.upper()} {url} nested", nested, refused if body else no_server_error))
        for kind, data in api_bodies(body or {}, schema).items():
            if not data:
                continue
            status = call(client, method, url, host, data=json.dumps(data), content_type=JSON)
            ok = fine_for_a_page if kind == "long" else refused
            results.append((f"{method.upper()} {url} {kind}", status, ok))
    return [f"{sent}: {status}" for sent, status, ok in results if not ok(status)]


NATIONAL_OPERATIONS = operations("api.urls_national_schema")
WORKSPACE_OPERATIONS = operations("api.urls_workspace_schema")


def _ids(found):
    return [f"{method.upper()} {path}" for method, path, _, _ in found]


@pytest.mark.parametrize(("method", "path", "operation", "schema"), NATIONAL_OPERATIONS, ids=_ids(NATIONAL_OPERATIONS))
def test_every_national_api_operation_refuses_junk_with_a_4xx(world, client_for, method, path, operation, schema):
    ids = objects.national_ids(world)
    values = objects.path_values(path, ids)
    client = client_for(world.users["ministry_admin"])
    assert walk_operation(client, APEX, method, path, operation, schema, values) == []


@pytest.mark.parametrize(
    ("method", "path", "operation", "schema"), WORKSPACE_OPERATIONS, ids=_ids(WORKSPACE_OPERATIONS)
)
def test_every_workspace_api_operation_refuses_junk_with_a_4xx(world, client_for, method, path, operation, schema):
    values = objects.path_values(path, objects.workspace_ids(world))
    client = client_for(world.users["admin_probolinggo"])
    assert walk_operation(client, P, method, path, operation, schema, values) == []


@pytest.mark.parametrize(
    ("host", "who", "url"),
    [(P, "admin_probolinggo", "/api/v1/programs/abc/"), (APEX, "ministry_admin", "/api/v1/regions/x/")],
)
def test_an_unknown_api_address_is_a_json_404(world, client_for, host, who, url):
    response = client_for(world.users[who]).get(url, HTTP_HOST=host)
    assert response.status_code == 404 and response["Content-Type"] == JSON
    assert response.json()["detail"]


def test_a_nul_in_an_api_address_is_a_json_400(world, client_for):
    response = client_for(world.users["admin_probolinggo"]).get("/api/v1/programs/?dimension=a%00b", HTTP_HOST=P)
    assert response.status_code == 400 and response["Content-Type"] == JSON
    assert "NUL" in response.json()["detail"]
