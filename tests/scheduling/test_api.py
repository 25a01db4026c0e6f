"""The national plan's API on the apex: who reaches every endpoint, who writes, and the
registry's endpoints (facilitators, unavailability, travel, holidays) with their 400s."""

from dataclasses import dataclass
from datetime import date

import pytest

from platform.accounts.models import User
from programs.scheduling import services
from programs.scheduling.models import (
    Facilitator,
    NationalHoliday,
    PlanVersion,
    SolveJob,
    TravelTime,
    Unavailability,
    Workshop,
)
from tests.scheduling import factories

A = "sc100.test"
API = "/api/v1/scheduling/"
JSON = "application/json"


@dataclass
class Sched:
    me: Facilitator  # facilitator_current's entry ("facilitator self")
    other: Facilitator  # another facilitator ("facilitator other")
    official: Facilitator
    plan: object
    workshop: Workshop
    version: PlanVersion
    job: SolveJob
    away: Unavailability  # an unavailability of ``me``
    holiday: NationalHoliday


@pytest.fixture
def sched(world):
    me = factories.facilitator(world.users["facilitator_current"].email)
    other = factories.facilitator("other.expert@ui.ac.id", province="31", institution="Universitas Indonesia")
    official = factories.facilitator("pejabat@kominfo.go.id", kind=Facilitator.Kind.OFFICIAL)
    plan = factories.plan()
    workshop = plan.workshops.get(region_id="35.74", stage=1)
    factories.place(workshop, date(2018, 7, 2), me)
    version = services.record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=world.users["ministry_admin"])
    job = SolveJob.objects.create(plan=plan, status=SolveJob.Status.DONE, version=version, percent=100)
    away = Unavailability.objects.create(facilitator=me, starts=date(2018, 8, 1), ends=date(2018, 8, 3), reason="Cuti")
    holiday = NationalHoliday.objects.get_or_create(date=date(2018, 8, 17), defaults={"name": "Kemerdekaan"})[0]
    return Sched(me, other, official, plan, workshop, version, job, away, holiday)


ROLES = {
    "ministry_admin": "ministry_admin",
    "analyst": "ministry_analyst",
    "self": "facilitator_current",
    "other": "other.expert",
    "region_admin": "admin_probolinggo",
    "nobody": "nobody",
    "anonymous": None,
}


def client_as(world, client_for, role):
    name = ROLES[role]
    if name is None:
        return client_for(None)
    user = world.users.get(name) or User.objects.get(email__startswith=f"{name}@")
    return client_for(user)


def url(s: Sched, path: str) -> str:
    return API + path.format(
        plan=s.plan.pk,
        w=s.workshop.pk,
        me=s.me.pk,
        other=s.other.pk,
        away=s.away.pk,
        holiday=s.holiday.pk,
        job=s.job.pk,
        n=s.version.number,
    )


STAFF_READ = [
    "facilitators/",
    "facilitators/{other}/",
    "plans/",
    "plans/{plan}/",
    "plans/{plan}/workshops/",
    "plans/{plan}/workshops/{w}/",
    "plans/{plan}/warnings/",
    "plans/{plan}/versions/",
    "plans/{plan}/versions/{n}/",
    "plans/{plan}/compare/?a={n}&b={n}",
    "jobs/{job}/",
    "travel/?origin=35",
    "holidays/",
    "holidays/{holiday}/",
]
STAFF_ONLY = {"ministry_admin": 200, "analyst": 200, "self": 404, "other": 404, "region_admin": 404, "nobody": 404}
OWN = {"ministry_admin": 200, "analyst": 200, "self": 200, "other": 404, "region_admin": 404, "nobody": 404}
MINE = {"ministry_admin": 404, "analyst": 404, "self": 200, "other": 200, "region_admin": 404, "nobody": 404}
READS = (
    [(path, STAFF_ONLY) for path in STAFF_READ]
    + [("facilitators/{me}/unavailability/", OWN), ("unavailability/{away}/", OWN)]
    + [("me/", MINE), ("me/unavailability/", MINE)]
)


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("path", "expected"), READS, ids=[p for p, _ in READS])
def test_who_reads_each_endpoint(world, client_for, sched, role, path, expected):
    response = client_as(world, client_for, role).get(url(sched, path), HTTP_HOST=A)
    if role == "anonymous":
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == expected[role], (role, path, response.content[:300])


# (method, path, body, status for an admin); everyone but a ministry admin is refused:
# analysts 403 (staff who may not write), the others 404, anonymous 401/403.
STAFF_WRITES = [
    (
        "post",
        "facilitators/",
        {"email": "baru@itb.ac.id", "full_name": "Dr. Baru", "institution": "ITB", "home_province": "32"},
        201,
    ),
    ("patch", "facilitators/{other}/", {"institution": "Universitas Airlangga"}, 200),
    ("put", "facilitators/{other}/", {"institution": "UNAIR", "home_province": "35", "stages": [2, 1]}, 200),
    ("delete", "facilitators/{other}/", None, 204),
    (
        "post",
        "plans/",
        {"cohort": 2018, "name": "Bimtek 2018 B", "window_start": "2018-06-01", "window_end": "2018-10-31"},
        201,
    ),  # fmt: skip
    ("patch", "plans/{plan}/", {"name": "Bimtek 2018 (revisi)", "weights": {"travel": 3}}, 200),
    ("patch", "plans/{plan}/workshops/{w}/", {"venue": "Aula Bappeda"}, 200),
    ("post", "plans/{plan}/propose/", None, 202),
    ("post", "plans/{plan}/replan/", None, 202),
    ("post", "plans/{plan}/versions/{n}/confirm/", None, 200),
    ("patch", "travel/", {"origin": "35", "destination": "94", "days": 3}, 200),
    ("post", "holidays/", {"date": "2018-11-03", "name": "Cuti bersama"}, 201),
    ("delete", "holidays/{holiday}/", None, 204),
]
NOT_ADMIN = {"analyst": 403, "self": 404, "other": 404, "region_admin": 404, "nobody": 404}


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("method", "path", "body", "ok"), STAFF_WRITES, ids=[f"{m} {p}" for m, p, *_ in STAFF_WRITES])
def test_only_ministry_admins_write(world, client_for, sched, role, method, path, body, ok):
    client = client_as(world, client_for, role)
    kwargs = {"data": body, "content_type": JSON} if body is not None else {}
    response = getattr(client, method)(url(sched, path), HTTP_HOST=A, **kwargs)
    if role == "anonymous":
        assert response.status_code in (401, 403)
    elif role == "ministry_admin":
        assert response.status_code == ok, response.content[:500]
    else:
        assert response.status_code == NOT_ADMIN[role], (role, response.content[:300])


AWAY = {"starts": "2018-09-10", "ends": "2018-09-12", "reason": "Seminar"}
OWN_WRITES = [
    ("post", "facilitators/{me}/unavailability/", AWAY,
     {"ministry_admin": 201, "analyst": 403, "self": 201, "other": 404, "region_admin": 404, "nobody": 404}),
    ("delete", "unavailability/{away}/", None,
     {"ministry_admin": 204, "analyst": 403, "self": 204, "other": 404, "region_admin": 404, "nobody": 404}),
    ("post", "me/unavailability/", AWAY,
     {"ministry_admin": 404, "analyst": 404, "self": 201, "other": 201, "region_admin": 404, "nobody": 404}),
]  # fmt: skip


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("method", "path", "body", "expected"), OWN_WRITES, ids=[p for _, p, *_ in OWN_WRITES])
def test_a_facilitator_writes_only_their_own_unavailability(
    world, client_for, sched, role, method, path, body, expected
):
    before = Unavailability.objects.count()
    client = client_as(world, client_for, role)
    kwargs = {"data": body, "content_type": JSON} if body is not None else {}
    response = getattr(client, method)(url(sched, path), HTTP_HOST=A, **kwargs)
    if role == "anonymous":
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == expected[role], (role, response.content[:300])
    changed = Unavailability.objects.count() != before
    assert changed == (response.status_code in (201, 204))


def test_me_is_the_callers_entry_with_their_unavailability(world, client_for, sched):
    client = client_for(world.users["facilitator_current"])
    me = client.get(API + "me/", HTTP_HOST=A).json()
    assert me["id"] == sched.me.pk and me["email"] == "facilitator_current@example.id"
    rows = client.get(API + "me/unavailability/", HTTP_HOST=A).json()
    assert [(r["starts"], r["reason"]) for r in rows] == [("2018-08-01", "Cuti")]
    made = client.post(API + "me/unavailability/", AWAY, content_type=JSON, HTTP_HOST=A)
    assert made.status_code == 201 and made.json()["facilitator"] == sched.me.pk


# --- facilitators -----------------------------------------------------------------------------


def test_admin_adds_a_facilitator_by_email_reusing_an_account(world, client_for, sched):
    client = client_for(world.users["ministry_admin"])
    response = client.post(
        API + "facilitators/",
        {"email": "Nobody@Example.id", "institution": "UGM", "home_province": "34", "stages": [3, 1, 3]},
        content_type=JSON,
        HTTP_HOST=A,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["email"] == "nobody@example.id" and body["stages"] == [1, 3] and body["home_province"] == "34"
    assert Facilitator.objects.get(pk=body["id"]).user == world.users["nobody"]
    fresh = client.post(
        API + "facilitators/",
        {"email": "ahli.baru@ugm.ac.id", "full_name": "Dr. Ahli Baru", "institution": "UGM", "home_province": "34"},
        content_type=JSON,
        HTTP_HOST=A,
    )
    assert fresh.status_code == 201 and fresh.json()["full_name"] == "Dr. Ahli Baru"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "x@ugm.ac.id", "institution": "UGM", "home_province": "99"}, "home_province"),
        ({"email": "x@ugm.ac.id", "institution": "UGM", "home_province": "35", "stages": [5]}, "stages"),
        ({"email": "bukan-email", "institution": "UGM", "home_province": "35"}, "email"),
        ({"email": "x@ugm.ac.id", "institution": "U\x00GM", "home_province": "35"}, "institution"),
        ({"email": "x@ugm.ac.id", "institution": "UGM", "home_province": "35", "kind": "dukun"}, "kind"),
        ({"email": "x@ugm.ac.id", "institution": "UGM", "home_province": "35", "max_per_month": 0}, "max_per_month"),
        ({"email": "facilitator_current@example.id", "institution": "UGM", "home_province": "35"}, "email"),
    ],
)
def test_bad_facilitator_input_is_a_400_on_the_field(world, client_for, sched, body, field):
    client = client_for(world.users["ministry_admin"])
    users = User.objects.count()
    response = client.post(API + "facilitators/", body, content_type=JSON, HTTP_HOST=A)
    assert response.status_code == 400 and field in response.json(), response.content
    assert User.objects.count() == users  # a refused entry leaves no account behind


def test_garbage_json_is_a_400(world, client_for, sched):
    client = client_for(world.users["ministry_admin"])
    for path in ("facilitators/", "plans/", "holidays/", f"facilitators/{sched.me.pk}/unavailability/"):
        assert client.post(API + path, "{not json", content_type=JSON, HTTP_HOST=A).status_code == 400
    assert client.patch(API + "travel/", "[1,", content_type=JSON, HTTP_HOST=A).status_code == 400
    assert client.get(API + "facilitators/?q=a%00b", HTTP_HOST=A).status_code == 400


def test_deleting_an_assigned_facilitator_is_refused_with_the_workshops(world, client_for, sched):
    response = client_for(world.users["ministry_admin"]).delete(API + f"facilitators/{sched.me.pk}/", HTTP_HOST=A)
    assert response.status_code == 400
    assert "Bimtek I Kota Probolinggo (02-07-2018)" in response.json()["non_field_errors"][0]
    assert Facilitator.objects.filter(pk=sched.me.pk).exists()


def test_facilitator_filters(world, client_for, sched):
    client = client_for(world.users["ministry_analyst"])

    def emails(query):
        response = client.get(API + "facilitators/" + query, HTTP_HOST=A)
        assert response.status_code == 200, response.content
        return {r["email"] for r in response.json()["results"]}

    assert emails("?province=31") == {"other.expert@ui.ac.id"}
    assert emails("?kind=official") == {"pejabat@kominfo.go.id"}
    assert "pejabat@kominfo.go.id" not in emails("?stage=2")
    assert emails("?q=Indonesia") == {"other.expert@ui.ac.id"}
    for bad in ("?province=99", "?stage=9", "?kind=x"):
        assert client.get(API + "facilitators/" + bad, HTTP_HOST=A).status_code == 400, bad


def test_facilitator_list_queries_do_not_grow(world, client_for, sched, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.users["ministry_admin"])
    with CaptureQueriesContext(connection) as few:
        client.get(API + "facilitators/", HTTP_HOST=A)
    for k in range(8):
        factories.facilitator(f"ahli{k}@ugm.ac.id")
    with django_assert_max_num_queries(len(few)):
        assert client.get(API + "facilitators/", HTTP_HOST=A).json()["count"] == 11


# --- unavailability ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"starts": "2018-09-12", "ends": "2018-09-10", "reason": "Cuti"}, "ends"),
        ({"starts": "2018-08-02", "ends": "2018-08-05", "reason": "Cuti"}, "starts"),  # overlaps 1–3 Aug
        ({"starts": "2018-13-01", "ends": "2018-09-10", "reason": "Cuti"}, "starts"),
        ({"starts": "2018-09-10", "ends": "2018-09-12", "reason": "   "}, "reason"),
        ({"starts": "2018-09-10", "ends": "2018-09-12", "reason": "Cu\x00ti"}, "reason"),
    ],
)
def test_bad_unavailability_is_a_400_on_the_field(world, client_for, sched, body, field):
    client = client_for(world.users["facilitator_current"])
    response = client.post(API + "me/unavailability/", body, content_type=JSON, HTTP_HOST=A)
    assert response.status_code == 400 and field in response.json(), response.content
    assert Unavailability.objects.filter(facilitator=sched.me).count() == 1


def test_unavailability_list_queries_do_not_grow(world, client_for, sched, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.users["facilitator_current"])
    with CaptureQueriesContext(connection) as few:
        client.get(API + "me/unavailability/", HTTP_HOST=A)
    for month in range(1, 7):
        Unavailability.objects.create(
            facilitator=sched.me, starts=date(2019, month, 1), ends=date(2019, month, 2), reason="Cuti"
        )
    with django_assert_max_num_queries(len(few)):
        assert len(client.get(API + "me/unavailability/", HTTP_HOST=A).json()) == 7


# --- travel and holidays -----------------------------------------------------------------------


def test_travel_correction_follows_the_mirror_and_refuses_bad_cells(world, client_for, sched):
    client = client_for(world.users["ministry_admin"])
    response = client.patch(
        API + "travel/", {"origin": "35", "destination": "94", "days": 4}, content_type=JSON, HTTP_HOST=A
    )
    assert response.status_code == 200
    assert {(c["origin"], c["destination"], c["days"]) for c in response.json()} == {("35", "94", 4), ("94", "35", 4)}
    assert TravelTime.objects.get(origin_id="94", destination_id="35").days == 4
    for body, field in [
        ({"origin": "99", "destination": "94", "days": 1}, "origin"),
        ({"origin": "35", "destination": "94", "days": 9}, "days"),
        ({"origin": "35", "destination": "35", "days": 1}, "days"),
        ({"origin": "35", "destination": "94", "days": "dua"}, "days"),
    ]:
        bad = client.patch(API + "travel/", body, content_type=JSON, HTTP_HOST=A)
        assert bad.status_code == 400 and field in bad.json(), (body, bad.content)
    table = client.get(API + "travel/", HTTP_HOST=A).json()
    assert len(table) == TravelTime.objects.count() == 38 * 38
    assert client.get(API + "travel/?origin=99", HTTP_HOST=A).status_code == 400


def test_holidays_by_year_and_bad_input(world, client_for, sched):
    client = client_for(world.users["ministry_admin"])
    rows = client.get(API + "holidays/?year=2018", HTTP_HOST=A).json()["results"]
    assert "2018-08-17" in {r["date"] for r in rows} and all(r["date"].startswith("2018") for r in rows)
    duplicate = client.post(API + "holidays/", {"date": "2018-08-17", "name": "Lagi"}, content_type=JSON, HTTP_HOST=A)
    assert duplicate.status_code == 400 and "date" in duplicate.json()
    blank = client.post(API + "holidays/", {"date": "2018-08-18", "name": " "}, content_type=JSON, HTTP_HOST=A)
    assert blank.status_code == 400 and "name" in blank.json()
    assert client.get(API + "holidays/?year=dua", HTTP_HOST=A).status_code == 400
