"""The national plan's API on a region host (``/api/v1/schedule/``): the region's workshops and
wishes, always of the host's region; outsiders get 404 and writes need a region admin."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programs.scheduling.models import RegionWish, Workshop
from tests.scheduling import factories

P = "kota-probolinggo.sc100.test"
API = "/api/v1/schedule/"
JSON = "application/json"
BLACKOUT = {"kind": "blackout", "starts": "2018-08-13", "ends": "2018-08-19", "note": "Hari jadi kota"}


@pytest.fixture
def region_plan(world):
    plan = factories.plan()
    lead = factories.facilitator("ani@ugm.ac.id", institution="Universitas Gadjah Mada")
    for region in ("35.74", "35.75"):
        factories.place(plan.workshops.get(region_id=region, stage=1), date(2018, 7, 2), lead)
    plan.workshops.filter(region_id="35.74", stage=4).update(status=Workshop.Status.CANCELLED)
    mine = RegionWish.objects.create(
        region_id="35.74", kind="preferred", starts=date(2018, 7, 2), ends=date(2018, 7, 8)
    )
    theirs = RegionWish.objects.create(
        region_id="35.75", kind="blackout", starts=date(2018, 7, 2), ends=date(2018, 7, 8)
    )
    return plan, mine, theirs


READERS = ["admin_probolinggo", "viewer_probolinggo", "facilitator_current", "ministry_admin", "ministry_analyst"]
OUTSIDERS = ["admin_pasuruan", "facilitator_expired", "nobody"]


@pytest.mark.parametrize("who", READERS)
def test_members_read_the_regions_workshops_and_wishes(world, client_for, region_plan, who):
    client = client_for(world.users[who])
    workshops = client.get(API + "workshops/", HTTP_HOST=P)
    assert workshops.status_code == 200
    rows = workshops.json()["results"]
    assert [r["stage"] for r in rows] == [1, 2, 3]  # the cancelled Bimtek IV is left out
    assert rows[0]["lead"] == {"id": rows[0]["lead"]["id"], "name": "Ani", "institution": "Universitas Gadjah Mada"}
    assert rows[0]["starts"] == "2018-07-02" and "region" not in rows[0]
    wishes = client.get(API + "wishes/", HTTP_HOST=P).json()["results"]
    assert [w["id"] for w in wishes] == [region_plan[1].pk]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_on_every_schedule_endpoint(world, client_for, region_plan, who):
    client = client_for(world.users[who])
    _, mine, _ = region_plan
    for method, path, body in [
        ("get", "workshops/", None),
        ("get", "wishes/", None),
        ("post", "wishes/", BLACKOUT),
        ("delete", f"wishes/{mine.pk}/", None),
    ]:
        kwargs = {"data": body, "content_type": JSON} if body else {}
        response = getattr(client, method)(API + path, HTTP_HOST=P, **kwargs)
        assert response.status_code == 404, (method, path, response.status_code)
    assert RegionWish.objects.filter(pk=mine.pk).exists() and RegionWish.objects.count() == 2


def test_anonymous_gets_nothing(world, client_for, region_plan):
    client = client_for(None)
    for path in ("workshops/", "wishes/", f"wishes/{region_plan[1].pk}/"):
        assert client.get(API + path, HTTP_HOST=P).status_code in (401, 403)
        assert client.delete(API + path, HTTP_HOST=P).status_code in (401, 403)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("admin_probolinggo", 201),
        ("ministry_admin", 201),
        ("viewer_probolinggo", 404),
        ("editor_probolinggo", 404),
        ("facilitator_current", 404),
        ("ministry_analyst", 404),
    ],
)
def test_only_the_region_admin_and_the_ministry_write_wishes(world, client_for, region_plan, who, expected):
    client = client_for(world.users[who])
    response = client.post(API + "wishes/", BLACKOUT, content_type=JSON, HTTP_HOST=P)
    assert response.status_code == expected
    _, mine, _ = region_plan
    deleted = client.delete(API + f"wishes/{mine.pk}/", HTTP_HOST=P)
    assert deleted.status_code == (204 if expected == 201 else 404)
    assert RegionWish.objects.filter(pk=mine.pk).exists() == (expected != 201)
    if expected == 201:
        made = RegionWish.objects.get(pk=response.json()["id"])
        assert made.region_id == "35.74" and made.created_by == world.users[who]


def test_writes_never_reach_another_region(world, client_for, region_plan):
    client = client_for(world.users["admin_probolinggo"])
    _, _, theirs = region_plan
    assert client.delete(API + f"wishes/{theirs.pk}/", HTTP_HOST=P).status_code == 404
    assert RegionWish.objects.filter(pk=theirs.pk).exists()
    # A region in the body is ignored: the wish is always the host's region's.
    made = client.post(API + "wishes/", {**BLACKOUT, "region": "35.75"}, content_type=JSON, HTTP_HOST=P)
    assert made.status_code == 201 and RegionWish.objects.get(pk=made.json()["id"]).region_id == "35.74"
    # The workshop list on Pasuruan's host shows Pasuruan's only.
    pasuruan = client_for(world.users["admin_pasuruan"]).get(API + "workshops/", HTTP_HOST="kota-pasuruan.sc100.test")
    assert {r["id"] for r in pasuruan.json()["results"]} == set(
        region_plan[0].workshops.filter(region_id="35.75").values_list("pk", flat=True)
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "blackout", "starts": "2018-08-19", "ends": "2018-08-13"}, "ends"),
        ({"kind": "preferred", "starts": "2018-07-05", "ends": "2018-07-12"}, "starts"),  # overlaps 2–8 Jul
        ({"kind": "holiday", "starts": "2018-08-13", "ends": "2018-08-19"}, "kind"),
        ({"kind": "blackout", "starts": "13-08-2018x", "ends": "2018-08-19"}, "starts"),
        ({"kind": "blackout", "starts": "2018-01-01", "ends": "2018-12-31"}, "ends"),  # over 120 days
        ({**BLACKOUT, "note": "ha\x00ri"}, "note"),
        ({"starts": "2018-08-13", "ends": "2018-08-19"}, "kind"),
    ],
)
def test_bad_wishes_are_400s_on_the_field(world, client_for, region_plan, body, field):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(API + "wishes/", body, content_type=JSON, HTTP_HOST=P)
    assert response.status_code == 400 and field in response.json(), response.content
    assert RegionWish.objects.filter(region_id="35.74").count() == 1


def test_garbage_json_is_a_400(world, client_for, region_plan):
    client = client_for(world.users["admin_probolinggo"])
    assert client.post(API + "wishes/", "{kind:", content_type=JSON, HTTP_HOST=P).status_code == 400


def test_list_queries_do_not_grow(world, client_for, region_plan, django_assert_max_num_queries):
    client = client_for(world.users["admin_probolinggo"])
    counts = {}
    for path in ("workshops/", "wishes/"):
        with CaptureQueriesContext(connection) as queries:
            client.get(API + path, HTTP_HOST=P)
        counts[path] = len(queries)
    co = factories.facilitator("co@ui.ac.id")
    for year in (2019, 2020):
        later = factories.plan(year=year, regions=("35.74",))
        for w in later.workshops.all():
            factories.place(w, date(year, 7, 1 + w.stage * 7), co).co_facilitators.add(co)
    for month in (9, 10, 11):
        RegionWish.objects.create(
            region_id="35.74", kind="blackout", starts=date(2018, month, 1), ends=date(2018, month, 3)
        )
    for path in ("workshops/", "wishes/"):
        with django_assert_max_num_queries(counts[path], info=path):
            assert client.get(API + path, HTTP_HOST=P).status_code == 200
