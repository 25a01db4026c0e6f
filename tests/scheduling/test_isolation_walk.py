"""The national plan's isolation, walked over every apex URL pattern of scheduling (pages and
API) like the workspace walk: a region admin, a facilitator who is in the registry but on no
workshop, and a signed-in person with no role get nothing of anyone else — 404 (or 403 from
the API) on every staff URL and every method, and on their own pages ("my workshops", "my
unavailability", "my calendars") never another facilitator's data; nothing changes.

The calendar feed itself (``schedule-feed``) is reached by its secret token only; its tests
(test_feeds.py) cover unknown, reset and revoked tokens.
"""

from datetime import date

import pytest
from django.urls import get_resolver

from programs.scheduling import services
from programs.scheduling.models import (
    CalendarFeed,
    Facilitator,
    NationalHoliday,
    PlanVersion,
    SolveJob,
    Unavailability,
    Workshop,
)
from tests.scheduling import factories
from tests.test_isolation import concrete, walk

APEX = "sc100.test"
SECRET = "ani.rahasia@ugm.ac.id"
OWN = {
    "schedule-mine",
    "schedule-my-unavailability",
    "schedule-my-unavailability-delete",
    "schedule-my-feeds",
    "schedule-feed-reset",
    "api-schedule-me",
    "api-schedule-my-unavailability",
}
ROUTES = [
    (route, p)
    for route, p in walk(get_resolver("platform.urls_public").url_patterns)
    if p.name and (p.name.startswith("schedule-") or p.name.startswith("api-schedule-")) and p.name != "schedule-feed"
]


@pytest.fixture
def scene(world):
    admin = world.users["ministry_admin"]
    ani = factories.facilitator(SECRET, full_name="Ani Rahasia")
    unassigned = factories.facilitator("belum.ditugaskan@ui.ac.id", full_name="Belum Ditugaskan")
    plan = factories.plan()
    workshop = factories.place(plan.workshops.get(region_id="35.74", stage=1), date(2018, 7, 2), ani)
    entry = Unavailability.objects.create(
        facilitator=ani, starts=date(2018, 9, 3), ends=date(2018, 9, 7), reason="Cuti"
    )
    version = services.record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=admin)
    job = SolveJob.objects.create(plan=plan, requested_by=admin, status=SolveJob.Status.DONE, version=version)
    holiday = NationalHoliday.objects.get_or_create(date=date(2018, 8, 17), defaults={"name": "Kemerdekaan"})[0]
    feed = CalendarFeed.objects.create(owner=ani.user, scope=CalendarFeed.Scope.FACILITATOR)
    values = {"plan_pk": plan.pk, "number": version.number, "entry_pk": entry.pk, "token": "tidak-ada"}
    pk_of = {
        "schedule-job": job.pk,
        "api-schedule-job": job.pk,
        "schedule-holiday-delete": holiday.pk,
        "api-schedule-holiday-detail": holiday.pk,
        "schedule-feed-reset": feed.pk,
        "api-schedule-unavailability-detail": entry.pk,
    }
    users = {
        "admin_probolinggo": world.users["admin_probolinggo"],
        "unassigned_facilitator": unassigned.user,
        "nobody": world.users["nobody"],
    }
    return {"values": values, "pk_of": pk_of, "ani": ani, "workshop": workshop, "users": users}


def _url(route, pattern, scene) -> str:
    pk = scene["pk_of"].get(pattern.name)
    if pk is None:
        on_workshop = pattern.name.startswith(("schedule-workshop", "api-schedule-workshop"))
        pk = scene["workshop"].pk if on_workshop else scene["ani"].pk
    return concrete(route, {**scene["values"], "pk": pk})


def _state():
    """What the walk must leave as it was (an outsider's own calendar link may be created)."""
    return (
        Facilitator.objects.count(),
        Unavailability.objects.count(),
        list(Workshop.objects.order_by("pk").values_list("starts", "lead_id", "status")),
        PlanVersion.objects.count(),
        SolveJob.objects.count(),
        NationalHoliday.objects.count(),
        list(CalendarFeed.objects.filter(owner__email=SECRET).values_list("token", flat=True)),
    )


@pytest.mark.parametrize("who", ["admin_probolinggo", "unassigned_facilitator", "nobody"])
@pytest.mark.parametrize(("route", "pattern"), ROUTES, ids=[r for r, _ in ROUTES])
def test_outsiders_get_nothing_on_every_scheduling_url(world, client_for, scene, who, route, pattern):
    client = client_for(scene["users"][who])
    url = _url(route, pattern, scene)
    before = _state()
    methods = ("get", "post", "put", "patch", "delete") if url.startswith("/api/") else ("get", "post")
    for method in methods:
        response = getattr(client, method)(url, HTTP_HOST=APEX)
        where = f"{method.upper()} {url} as {who}: {response.status_code}"
        assert response.status_code < 500, where
        assert SECRET.encode() not in response.content and b"Ani Rahasia" not in response.content, where
        if pattern.name not in OWN:
            # the API may also answer 405 to a method the endpoint never takes (before any lookup)
            assert response.status_code in ((403, 404, 405) if url.startswith("/api/") else (404,)), where
    assert _state() == before


def test_the_walk_reaches_every_scheduling_url_as_a_ministry_admin(world, client_for, scene):
    """The counterpart: the refusals above come from the rules, not from broken URLs."""
    client = client_for(world.users["ministry_admin"])
    for route, pattern in ROUTES:
        url = _url(route, pattern, scene)
        view = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
        if pattern.name in OWN or view is None or not hasattr(view, "get"):
            continue
        if pattern.name.endswith("compare"):
            url += f"?a={scene['values']['number']}&b={scene['values']['number']}"
        response = client.get(url, HTTP_HOST=APEX)
        expected = (200, 302, 400) if pattern.name.endswith("compare") else (200, 302)  # itself: empty or a 400
        assert response.status_code in expected, f"GET {url}: {response.status_code}"
