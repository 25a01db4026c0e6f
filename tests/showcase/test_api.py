"""The showcase's national API: ministry staff read, ministry admins write, everyone else 404
(anonymous 401/403); creating a showcase, rebuilding, moving a slot, publishing; bad input
answers 400 with field errors and changes nothing."""

import pytest
from django.urls import get_resolver

from showcase.models import AgendaVersion, Showcase, Slot
from tests.showcase import factories
from tests.test_isolation import concrete, walk

H = "sc100.test"
API = "/api/v1/showcase/showcases/"
# The agenda's own endpoints; the submissions', decks' and run-of-show's APIs have their own
# role matrices (test_submissions_national_api, test_decks_views, test_live_views).
ROUTES = [
    (route, p)
    for route, p in walk(get_resolver("platform.urls_public").url_patterns)
    if p.name and p.name.startswith("api-showcase-") and p.callback.cls.__module__.startswith("showcase.api.")
]


def create_body(**changes) -> dict:
    body = {
        "cohort": 2018,
        "name": "Showcase API",
        "slug": "api-2018",
        "venue": "Jakarta",
        "starts_on": "2018-11-27",
        "ends_on": "2018-11-27",
        "day_starts_at": "08:00",
        "day_ends_at": "16:00",
        "submission_deadline": "2018-11-16T23:59:00+07:00",
        "stage_names": ["Utama", "Garuda"],
    }
    body.update(changes)
    return body


@pytest.fixture
def built(world):
    return factories.published(stages=("Utama", "Garuda"))


def url_of(route, built) -> str:
    slot = Slot.objects.filter(version__showcase=built).first()
    return concrete(route, {"slug": built.slug, "number": 1, "slot_pk": slot.pk})


@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "nobody"])
def test_outsiders_get_404_on_every_showcase_endpoint(world, client_for, built, who):
    client = client_for(world.users[who])
    before = (Showcase.objects.count(), AgendaVersion.objects.count(), Slot.objects.count())
    for route, _pattern in ROUTES:
        url = url_of(route, built)
        for method in ("get", "post", "patch"):
            response = getattr(client, method)(url, {}, content_type="application/json", HTTP_HOST=H)
            assert response.status_code == 404, f"{method} {url}: {response.status_code}"
    assert (Showcase.objects.count(), AgendaVersion.objects.count(), Slot.objects.count()) == before


def test_anonymous_is_refused(world, client, built):
    for route, _pattern in ROUTES:
        assert client.get(url_of(route, built), HTTP_HOST=H).status_code in (401, 403)


def test_an_analyst_reads_every_endpoint_and_writes_none(world, client_for, built):
    analyst = client_for(world.users["ministry_analyst"])
    for route, pattern in ROUTES:
        url = url_of(route, built)
        view = pattern.callback.cls
        if hasattr(view, "get"):
            assert analyst.get(url, HTTP_HOST=H).status_code == 200, url
        if hasattr(view, "post"):
            assert analyst.post(url, {}, content_type="application/json", HTTP_HOST=H).status_code == 403, url


def test_reading_a_showcase_its_versions_and_slots(world, client_for, built):
    admin = client_for(world.users["ministry_admin"])
    detail = admin.get(f"{API}{built.slug}/", HTTP_HOST=H).json()
    assert detail["presenters"] == ["35.74", "35.75"] and detail["published_version"] == 1
    assert [s["name"] for s in detail["stages"]] == ["Utama", "Garuda"]
    versions = admin.get(f"{API}{built.slug}/versions/", HTTP_HOST=H).json()["results"]
    assert versions[0]["number"] == 1 and versions[0]["is_published"] and versions[0]["slot_count"] > 0
    version = admin.get(f"{API}{built.slug}/versions/1/", HTTP_HOST=H).json()
    regions = [s["region"] for s in version["slots"] if s["kind"] == "presentation"]
    assert sorted(regions) == ["35.74", "35.75"]
    slots = admin.get(f"{API}{built.slug}/slots/", HTTP_HOST=H).json()["results"]
    assert len(slots) == len(version["slots"])
    one = admin.get(f"{API}{built.slug}/slots/{slots[0]['id']}/", HTTP_HOST=H).json()
    assert one["id"] == slots[0]["id"] and one["stage_name"] == "Utama"


def test_create_rebuild_move_and_publish(world, client_for):
    admin = client_for(world.users["ministry_admin"])
    created = admin.post(API, create_body(), content_type="application/json", HTTP_HOST=H)
    assert created.status_code == 201, created.content
    slug = created.json()["slug"]
    rebuilt = admin.post(f"{API}{slug}/rebuild/", HTTP_HOST=H)
    assert rebuilt.status_code == 200 and rebuilt.json()["number"] == 1
    presentation = next(s for s in rebuilt.json()["slots"] if s["kind"] == "presentation")
    garuda = next(s for s in created.json()["stages"] if s["name"] == "Garuda")
    moved = admin.post(
        f"{API}{slug}/slots/{presentation['id']}/move/",
        {"stage": garuda["id"], "position": 1},
        content_type="application/json",
        HTTP_HOST=H,
    )
    assert moved.status_code == 200 and moved.json()["stage"] == garuda["id"] and moved.json()["position"] == 0
    refused = admin.post(
        f"{API}{slug}/versions/1/publish/", {"confirm": False}, content_type="application/json", HTTP_HOST=H
    )
    assert refused.status_code == 400 and "confirm" in refused.json()
    published = admin.post(
        f"{API}{slug}/versions/1/publish/", {"confirm": True}, content_type="application/json", HTTP_HOST=H
    )
    assert published.status_code == 200 and published.json()["is_published"]
    again = admin.post(
        f"{API}{slug}/versions/1/publish/", {"confirm": True}, content_type="application/json", HTTP_HOST=H
    )
    assert again.status_code == 400 and "number" in again.json()
    patched = admin.patch(f"{API}{slug}/", {"venue": "Surabaya"}, content_type="application/json", HTTP_HOST=H)
    assert patched.status_code == 200 and patched.json()["venue"] == "Surabaya"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"cohort": 1999}, "cohort"),
        ({"ends_on": "2018-11-01"}, "ends_on"),
        ({"slug": "kelola"}, "slug"),
        ({"slug": "bukan slug!"}, "slug"),
        ({"presentation_minutes": 0}, "presentation_minutes"),
        ({"grouping": "alfabet"}, "grouping"),
        ({"day_ends_at": "07:00"}, "day_ends_at"),
        ({"starts_on": "kemarin"}, "starts_on"),
        ({"stage_names": ["A", "A"]}, "stage_names"),
    ],
)
def test_bad_input_gets_400_with_the_field(world, client_for, changes, field):
    admin = client_for(world.users["ministry_admin"])
    response = admin.post(API, create_body(**changes), content_type="application/json", HTTP_HOST=H)
    assert response.status_code == 400, response.content
    assert field in response.json(), response.json()
    assert not Showcase.objects.filter(slug="api-2018").exists()


def test_a_bad_move_gets_400(world, client_for, built):
    admin = client_for(world.users["ministry_admin"])
    slot = Slot.objects.filter(version__showcase=built).first()
    url = f"{API}{built.slug}/slots/{slot.pk}/move/"
    for body in ({}, {"direction": "sideways"}, {"stage": 999999}, {"position": 0, "direction": "up"}):
        response = admin.post(url, body, content_type="application/json", HTTP_HOST=H)
        assert response.status_code == 400, (body, response.content)
