"""The plans' API on the apex: opening plans, hand edits with live warnings, the solver's one
job per plan, versions, comparison and confirmation; bad input is a 400, never a 500."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programs.scheduling import services
from programs.scheduling.models import Facilitator, Plan, PlanVersion, SolveJob, Workshop
from tests.scheduling import factories

A = "sc100.test"
API = "/api/v1/scheduling/"
JSON = "application/json"


@pytest.fixture
def admin(world, client_for):
    return client_for(world.users["ministry_admin"])


@pytest.fixture
def plan():
    return factories.plan()


@pytest.fixture
def ani():
    return factories.facilitator("ani@ugm.ac.id", stages=(1, 2))


def workshop(plan, region="35.74", stage=1) -> Workshop:
    return plan.workshops.get(region_id=region, stage=stage)


def test_admin_opens_a_plan_for_a_cohort(world, admin):
    response = admin.post(
        API + "plans/",
        {
            "cohort": 2018,
            "name": "Bimtek 2018",
            "window_start": "2018-06-01",
            "window_end": "2018-10-31",
            "min_gap_days": 28,
            "weights": {"same_lead": 20, "travel": 2},
        },
        content_type=JSON,
        HTTP_HOST=A,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["cohort"] == 2018 and body["workshop_count"] == 8 and body["min_gap_days"] == 28
    assert body["weights"] == {"same_lead": 20, "travel": 2} and body["latest_version"] is None
    assert Plan.objects.get(pk=body["id"]).created_by == world.users["ministry_admin"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"cohort": 1999}, "cohort"),
        ({"window_end": "2018-05-01"}, "window_end"),
        ({"window_start": "2018-02-30"}, "window_start"),
        ({"weights": {"luck": 3}}, "weights"),
        ({"weights": {"travel": -1}}, "weights"),
        ({"weights": [1, 2]}, "weights"),
        ({"name": "Bim\x00tek"}, "name"),
        ({"workshop_days": 9}, "workshop_days"),
        ({"time_limit_seconds": 0}, "time_limit_seconds"),
    ],
)
def test_bad_plan_input_is_a_400_on_the_field(world, admin, change, field):
    body = {"cohort": 2018, "name": "Bimtek", "window_start": "2018-06-01", "window_end": "2018-10-31", **change}
    response = admin.post(API + "plans/", body, content_type=JSON, HTTP_HOST=A)
    assert response.status_code == 400 and field in response.json(), response.content
    assert not Plan.objects.exists()


def test_a_cohort_without_regions_is_refused(world, admin):
    from tenants.models import Cohort

    Cohort.objects.create(year=2031)
    response = admin.post(
        API + "plans/",
        {"cohort": 2031, "name": "Kosong", "window_start": "2031-06-01", "window_end": "2031-10-31"},
        content_type=JSON,
        HTTP_HOST=A,
    )
    assert response.status_code == 400 and "cohort" in response.json()


def test_plan_settings_change_and_refuse_an_inverted_window(world, admin, plan):
    ok = admin.patch(API + f"plans/{plan.pk}/", {"min_gap_days": 14}, content_type=JSON, HTTP_HOST=A)
    assert ok.status_code == 200 and ok.json()["min_gap_days"] == 14
    bad = admin.patch(API + f"plans/{plan.pk}/", {"window_end": "2018-01-01"}, content_type=JSON, HTTP_HOST=A)
    assert bad.status_code == 400 and "window_end" in bad.json()
    plan.refresh_from_db()
    assert plan.window_end == date(2018, 10, 31)
    assert admin.patch(API + "plans/999999/", {"name": "x"}, content_type=JSON, HTTP_HOST=A).status_code == 404


def test_workshop_filters_and_unknown_references(world, admin, plan, ani):
    factories.place(workshop(plan), date(2018, 7, 2), ani, status=Workshop.Status.CONFIRMED)

    def ids(query):
        response = admin.get(API + f"plans/{plan.pk}/workshops/{query}", HTTP_HOST=A)
        assert response.status_code == 200, response.content
        return [(r["region"], r["stage"]) for r in response.json()["results"]]

    assert len(ids("")) == 8
    assert ids("?stage=1") == [("35.74", 1), ("35.75", 1)]
    assert ids("?status=confirmed") == [("35.74", 1)]
    assert ids("?region=35.75&stage=4") == [("35.75", 4)]
    assert len(ids("?province=35")) == 8 and ids("?province=31") == []
    for bad in ("?region=99.99", "?province=99", "?stage=7", "?status=done"):
        response = admin.get(API + f"plans/{plan.pk}/workshops/{bad}", HTTP_HOST=A)
        assert response.status_code == 400, bad
    row = admin.get(API + f"plans/{plan.pk}/workshops/?stage=1&region=35.74", HTTP_HOST=A).json()["results"][0]
    assert row["lead"]["name"] == "Ani" and row["timezone"] == "Asia/Jakarta" and row["starts"] == "2018-07-02"


def test_hand_edit_shows_the_live_warnings_of_that_workshop(world, admin, plan, ani):
    factories.place(workshop(plan, "35.74"), date(2018, 7, 2), ani)
    pasuruan = factories.place(workshop(plan, "35.75"), date(2018, 7, 9), ani)
    path = API + f"plans/{plan.pk}/workshops/{pasuruan.pk}/"
    assert admin.get(path, HTTP_HOST=A).json()["warnings"] == []
    clash = admin.patch(path, {"starts": "2018-07-03"}, content_type=JSON, HTTP_HOST=A)
    assert clash.status_code == 200, clash.content
    body = clash.json()
    assert body["starts"] == "2018-07-03" and body["ends"] == "2018-07-04"  # the plan's two days
    assert body["warnings"] and all(pasuruan.pk in w["workshops"] for w in body["warnings"])
    assert any("Ani" in w["message"] for w in body["warnings"])
    plan_warnings = admin.get(API + f"plans/{plan.pk}/warnings/", HTTP_HOST=A).json()
    assert {w["code"] for w in plan_warnings} >= {w["code"] for w in body["warnings"]}
    fixed = admin.patch(path, {"starts": "2018-07-16", "venue": "Gedung Sasana Krida"}, content_type=JSON, HTTP_HOST=A)
    assert fixed.json()["warnings"] == [] and fixed.json()["venue"] == "Gedung Sasana Krida"
    assert PlanVersion.objects.filter(plan=plan, kind=PlanVersion.Kind.EDIT).count() == 1  # one edit session


def test_bad_hand_edits_are_400s_on_the_field(world, admin, plan, ani):
    other_expert = factories.facilitator("budi@ui.ac.id", stages=(3, 4))
    official = factories.facilitator("pejabat@kominfo.go.id", kind=Facilitator.Kind.OFFICIAL)
    w = workshop(plan)
    path = API + f"plans/{plan.pk}/workshops/{w.pk}/"
    for body, field in [
        ({"lead": other_expert.pk}, "lead"),  # leads III–IV, not I
        ({"ministry_rep": ani.pk}, "ministry_rep"),  # an expert, not an official
        ({"lead": 999999}, "lead"),
        ({"co_facilitators": [official.pk, 999999]}, "co_facilitators"),
        ({"starts": "2018-07-10", "ends": "2018-07-01"}, "ends"),
        ({"starts": "kemarin"}, "starts"),
        ({"ends": "2018-07-10"}, "starts"),
        ({"status": "confirmed"}, "status"),  # no date, no lead
        ({"status": "done"}, "status"),
        ({"venue": "Aula\x00"}, "venue"),
    ]:
        response = admin.patch(path, body, content_type=JSON, HTTP_HOST=A)
        assert response.status_code == 400 and field in response.json(), (body, response.content)
    w.refresh_from_db()
    assert (w.starts, w.lead, w.status) == (None, None, Workshop.Status.PROPOSED)
    assert admin.patch(path, "{oops", content_type=JSON, HTTP_HOST=A).status_code == 400
    ok = admin.patch(
        path, {"ministry_rep": official.pk, "co_facilitators": [other_expert.pk]}, content_type=JSON, HTTP_HOST=A
    )
    assert ok.status_code == 200 and ok.json()["ministry_rep"]["id"] == official.pk


def test_a_locked_workshop_is_only_unlocked(world, admin, plan, ani):
    w = factories.place(workshop(plan), date(2018, 7, 2), ani, status=Workshop.Status.LOCKED)
    path = API + f"plans/{plan.pk}/workshops/{w.pk}/"
    refused = admin.patch(path, {"venue": "Aula"}, content_type=JSON, HTTP_HOST=A)
    assert refused.status_code == 400 and "dikunci" in refused.json()["non_field_errors"][0]
    assert admin.patch(path, {"status": "confirmed"}, content_type=JSON, HTTP_HOST=A).status_code == 200


def test_a_workshop_of_another_plan_is_404(world, admin, plan):
    other = factories.plan(year=2019, regions=("35.01",))
    w = workshop(other, "35.01")
    assert admin.get(API + f"plans/{plan.pk}/workshops/{w.pk}/", HTTP_HOST=A).status_code == 404
    assert (
        admin.patch(API + f"plans/{plan.pk}/workshops/{w.pk}/", {}, content_type=JSON, HTTP_HOST=A).status_code == 404
    )


def test_two_presses_of_propose_get_one_job(world, admin, plan, client_for):
    first = admin.post(API + f"plans/{plan.pk}/propose/", HTTP_HOST=A)
    assert first.status_code == 202 and first.json()["status"] == "pending"
    second = client_for(world.users["ministry_admin"]).post(API + f"plans/{plan.pk}/replan/", HTTP_HOST=A)
    assert second.status_code == 200 and second.json()["id"] == first.json()["id"]
    assert SolveJob.objects.filter(plan=plan).count() == 1
    job = admin.get(API + f"jobs/{first.json()['id']}/", HTTP_HOST=A).json()
    assert job["plan"] == plan.pk and job["replan"] is False and job["version"] is None


def test_a_proposal_runs_and_its_version_explains_itself(world, admin, plan):
    """The job's body run in the test (the worker's own test drives Celery): the version carries
    the solver's status, reasons per workshop and stats."""
    for email, province in [("a@ugm.ac.id", "35"), ("b@ui.ac.id", "31"), ("c@itb.ac.id", "32")]:
        factories.facilitator(email, province=province)
    job = admin.post(API + f"plans/{plan.pk}/propose/", HTTP_HOST=A).json()
    services.run_solve(job["id"])
    done = admin.get(API + f"jobs/{job['id']}/", HTTP_HOST=A).json()
    assert done["status"] == "done" and done["percent"] == 100 and done["version"] == 1
    version = admin.get(API + f"plans/{plan.pk}/versions/1/", HTTP_HOST=A).json()
    assert version["kind"] == "proposal" and version["solver_status"] in ("optimal", "feasible")
    assert version["is_best_found"] == (version["solver_status"] == "feasible")
    assert len(version["snapshot"]) == 8 and version["conflicts"] == []
    assert set(version["reasons"]) == {str(row["id"]) for row in version["snapshot"]}
    assert version["stats"]
    listed = admin.get(API + f"plans/{plan.pk}/versions/", HTTP_HOST=A).json()
    assert [v["number"] for v in listed["results"]] == [1] and "snapshot" not in listed["results"][0]


def test_compare_lists_the_changes_in_words(world, admin, plan, ani):
    user = world.users["ministry_admin"]
    services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=user)
    factories.place(workshop(plan), date(2018, 7, 2), ani)
    services.record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=user)
    response = admin.get(API + f"plans/{plan.pk}/compare/?a=1&b=2", HTTP_HOST=A)
    assert response.status_code == 200, response.content
    changes = response.json()["changes"]
    assert len(changes) == 1 and changes[0]["fields"] == ["dates", "lead"]
    assert changes[0]["description"].startswith("Bimtek I Kota Probolinggo: tanggal")
    assert "Ani" in changes[0]["description"]
    for query, field in [("?a=1", "b"), ("?a=x&b=2", "a"), ("?a=1&b=7", "b"), ("?a=0&b=1", "a")]:
        bad = admin.get(API + f"plans/{plan.pk}/compare/{query}", HTTP_HOST=A)
        assert bad.status_code == 400 and field in bad.json(), (query, bad.content)


def test_confirm_only_the_latest_version(world, admin, plan, ani, django_capture_on_commit_callbacks):
    user = world.users["ministry_admin"]
    factories.place(workshop(plan), date(2018, 7, 2), ani)
    services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=user, solver_status="optimal")
    services.record_version(plan=plan, kind=PlanVersion.Kind.EDIT, user=user)
    old = admin.post(API + f"plans/{plan.pk}/versions/1/confirm/", HTTP_HOST=A)
    assert old.status_code == 400 and "terbaru" in old.json()["non_field_errors"][0]
    assert admin.post(API + f"plans/{plan.pk}/versions/9/confirm/", HTTP_HOST=A).status_code == 404
    response = admin.post(API + f"plans/{plan.pk}/versions/2/confirm/", HTTP_HOST=A)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["confirmed"] == 1 and body["opened"] == 1 and body["version"]["confirmed_at"]
    assert workshop(plan).status == Workshop.Status.CONFIRMED
    again = admin.post(API + f"plans/{plan.pk}/versions/2/confirm/", HTTP_HOST=A)
    assert again.status_code == 400


def test_list_queries_do_not_grow_with_the_plan(world, admin, ani, django_assert_max_num_queries):
    small = factories.plan(regions=("35.74",))
    co = factories.facilitator("co@ugm.ac.id")
    factories.place(workshop(small), date(2018, 7, 2), ani).co_facilitators.add(co)
    services.record_version(plan=small, kind=PlanVersion.Kind.EDIT, user=world.users["ministry_admin"])
    paths = [f"plans/{small.pk}/workshops/", "plans/", f"plans/{small.pk}/versions/"]
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            assert admin.get(API + path, HTTP_HOST=A).status_code == 200
        counts[path] = len(queries)
    codes = ["35.01", "35.02", "35.03", "35.04", "35.05", "35.06", "35.07", "35.08", "35.09", "35.10"]
    big = factories.plan(regions=codes)
    Workshop.objects.filter(plan=small).delete()
    Workshop.objects.filter(plan=big).update(plan=small)
    for w in small.workshops.all()[:12]:
        factories.place(w, date(2018, 7, 2), ani)
        w.co_facilitators.add(co)
    for year in (2020, 2021, 2022):
        factories.plan(year=year, regions=("35.11",))
    for _ in range(4):
        services.record_version(plan=small, kind=PlanVersion.Kind.EDIT, user=world.users["ministry_admin"])
    for path in paths:
        with django_assert_max_num_queries(counts[path], info=path):
            assert admin.get(API + path, HTTP_HOST=A).status_code == 200
