"""Plan pages: the list, opening a plan and its settings (bad input gets field errors), the
plan's workshops with filters and live warnings (constant queries), "Propose" giving one job
per plan, the job page polled while the solver runs, and who is refused."""

from datetime import date

import pytest

from programs.scheduling import services
from programs.scheduling.models import Plan, PlanVersion, SolveJob, Workshop
from programs.scheduling.solver.instance import Weights
from tenants.models import Cohort, Region
from tests.scheduling import factories as f

H = "sc100.test"


def _get(client, url, **extra):
    return client.get(url, HTTP_HOST=H, **extra)


def _post(client, url, data=None):
    return client.post(url, data or {}, HTTP_HOST=H)


def plan_data(cohort, **changes) -> dict:
    data = {
        "cohort": cohort.pk if cohort else "",
        "name": "Bimtek 2018",
        "window_start": "2018-06-01",
        "window_end": "2018-10-31",
        "workshop_days": 2,
        "min_gap_days": 21,
        "access_days_before": 14,
        "access_days_after": 30,
        "time_limit_seconds": 10,
        **{f"weight_{name}": value for name, value in Weights().__dict__.items()},
    }
    data.update(changes)
    return data


@pytest.fixture
def cohort(world):
    return Cohort.objects.get(year=2018)


# --- the list and opening a plan --------------------------------------------------------------


def test_staff_see_the_plans_and_only_admins_may_open_one(world, client_for):
    plan = f.plan()
    admin = _get(client_for(world.users["ministry_admin"]), "/jadwal/").content.decode()
    assert plan.name in admin and "/jadwal/baru/" in admin and "belum ada" in admin
    analyst = client_for(world.users["ministry_analyst"])
    page = _get(analyst, "/jadwal/")
    assert page.status_code == 200 and plan.name in page.content.decode()
    assert "/jadwal/baru/" not in page.content.decode()
    assert _get(analyst, "/jadwal/baru/").status_code == 404
    assert _post(analyst, "/jadwal/baru/", plan_data(plan.cohort)).status_code == 404
    assert Plan.objects.count() == 1


def test_the_list_shows_the_latest_version_and_its_status(world, client_for):
    plan = f.plan()
    services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=None, solver_status="optimal")
    services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=None, solver_status="feasible")
    page = _get(client_for(world.users["ministry_analyst"]), "/jadwal/").content.decode()
    assert f"/jadwal/{plan.pk}/versi/2/" in page and "Terbaik dalam batas waktu" in page
    assert "8" in page  # workshops of the plan


def test_an_admin_opens_a_plan_with_its_weights(world, client_for, cohort):
    client = client_for(world.users["ministry_admin"])
    assert "weight_same_lead" in _get(client, "/jadwal/baru/").content.decode()
    response = _post(client, "/jadwal/baru/", plan_data(cohort, weight_travel=7, weight_friday=0))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jadwal/{plan.pk}/"
    assert (plan.cohort, plan.window_start, plan.window_end, plan.time_limit_seconds) == (
        cohort,
        date(2018, 6, 1),
        date(2018, 10, 31),
        10,
    )
    assert plan.weights == {**Weights().__dict__, "travel": 7, "friday": 0}
    assert plan.workshops.count() == 8  # two regions, four stages
    assert "dibuka dengan 8 Bimtek" in _get(client, response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"window_end": "2018-05-01"}, "window_end", "sebelum jendela mulai"),
        ({"window_start": "bukan tanggal"}, "window_start", "Masukkan tanggal yang valid"),
        ({"name": ""}, "name", "harus diisi"),
        ({"workshop_days": 9}, "workshop_days", "lebih kecil dari atau sama dengan 5"),
        ({"time_limit_seconds": 0}, "time_limit_seconds", "lebih besar dari atau sama dengan 1"),
        ({"weight_balance": -1}, "weight_balance", "lebih besar dari atau sama dengan 0"),
        ({"weight_travel": "banyak"}, "weight_travel", "angka bilangan"),
        ({"cohort": 99999}, "cohort", "Masukkan pilihan yang valid"),
    ],
)
def test_bad_plan_input_gets_a_400_with_the_field_error(world, client_for, cohort, changes, field, message):
    client = client_for(world.users["ministry_admin"])
    response = _post(client, "/jadwal/baru/", {**plan_data(cohort), **changes})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field]), errors
    assert not Plan.objects.exists()


def test_a_cohort_without_regions_is_refused(world, client_for):
    empty = Cohort.objects.create(year=2031)
    response = _post(client_for(world.users["ministry_admin"]), "/jadwal/baru/", plan_data(empty))
    assert response.status_code == 400
    assert "Angkatan 2031 belum memiliki daerah." in response.context["form"].errors["cohort"]
    assert not Plan.objects.exists()


def test_settings_are_edited_and_bad_input_is_refused(world, client_for):
    plan = f.plan(created_by=world.users["ministry_admin"])
    client = client_for(world.users["ministry_admin"])
    form = _get(client, f"/jadwal/{plan.pk}/ubah/")
    assert form.status_code == 200 and 'value="2018-06-01"' in form.content.decode()
    assert "cohort" not in form.context["form"].fields  # the cohort is fixed once workshops exist
    data = plan_data(plan.cohort, name="Bimtek 2018 (revisi)", min_gap_days=28, weight_balance=9)
    assert _post(client, f"/jadwal/{plan.pk}/ubah/", data).status_code == 302
    plan.refresh_from_db()
    assert (plan.name, plan.min_gap_days, plan.weights["balance"]) == ("Bimtek 2018 (revisi)", 28, 9)
    bad = _post(client, f"/jadwal/{plan.pk}/ubah/", plan_data(plan.cohort, window_end="2018-01-01"))
    assert bad.status_code == 400 and "window_end" in bad.context["form"].errors
    plan.refresh_from_db()
    assert plan.window_end == date(2018, 10, 31)
    assert _get(client_for(world.users["ministry_analyst"]), f"/jadwal/{plan.pk}/ubah/").status_code == 404
    assert _get(client, "/jadwal/99999/ubah/").status_code == 404


# --- the plan page ----------------------------------------------------------------------------


def test_the_plan_page_shows_dates_people_and_the_live_warnings(world, client_for):
    plan = f.plan()
    ani = f.facilitator("ani@ugm.example.id", full_name="Ani Wijaya")
    budi = f.facilitator("budi@ui.example.id", full_name="Budi Santoso")
    w1, w2 = plan.workshops.filter(stage=1).order_by("region_id")
    f.place(w1, date(2018, 8, 6), ani)
    f.place(w2, date(2018, 8, 7), ani)  # Ani in two cities at once
    w1.co_facilitators.add(budi)
    w1.venue = "Gedung Bangkit"
    w1.save()
    page = _get(client_for(world.users["ministry_analyst"]), f"/jadwal/{plan.pk}/").content.decode()
    assert "6–7 Agu 2018" in page and "7–8 Agu 2018" in page
    assert "Ani Wijaya" in page and "+ Budi Santoso" in page and "Gedung Bangkit" in page
    assert "aturan wajib dilanggar" in page and 'class="has-warning"' in page
    assert f"/jadwal/{plan.pk}/bimtek/{w1.pk}/" in page and f"/jadwal/{plan.pk}/linimasa/" in page
    assert "/susun/" not in page and "/ubah/" not in page  # the analyst reads only
    assert len(services.warnings(plan)) >= 1
    f.place(w2, date(2018, 9, 3), ani)
    calm = _get(client_for(world.users["ministry_admin"]), f"/jadwal/{plan.pk}/").content.decode()
    assert "aturan wajib dilanggar" not in calm and f"/jadwal/{plan.pk}/susun/" in calm


def test_the_plan_page_filters_by_stage_status_and_province(world, client_for):
    plan = f.plan(regions=("35.74", "35.75", "11.71"))
    plan.workshops.filter(region_id="35.74", stage=2).update(status=Workshop.Status.CANCELLED)
    client = client_for(world.users["ministry_admin"])
    by_stage = _get(client, f"/jadwal/{plan.pk}/?stage=3").context["workshops"]
    assert {w.stage for w in by_stage} == {3} and len(by_stage) == 3
    cancelled = _get(client, f"/jadwal/{plan.pk}/?status=cancelled").context["workshops"]
    assert [(w.region_id, w.stage) for w in cancelled] == [("35.74", 2)]
    aceh = Region.objects.get(code="11.71").province_id
    by_province = _get(client, f"/jadwal/{plan.pk}/?province={aceh}").context["workshops"]
    assert {w.region_id for w in by_province} == {"11.71"}
    bad = _get(client, f"/jadwal/{plan.pk}/?stage=9&status=gone")
    assert bad.status_code == 400
    assert set(bad.context["form"].errors) == {"stage", "status"}


def test_the_plan_page_uses_a_constant_number_of_queries(world, client_for, django_assert_max_num_queries):
    leads = [f.facilitator(f"lead{i}@example.id") for i in range(6)]
    helper = f.facilitator("helper@example.id")

    def placed_plan(codes, year):
        plan = f.plan(year=year, regions=codes)
        for i, w in enumerate(plan.workshops.order_by("region_id", "stage")):
            f.place(w, date(2018, 6, 4 + (i % 20)), leads[i % len(leads)])
            w.co_facilitators.add(helper)
        services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=None, solver_status="optimal")
        SolveJob.objects.create(plan=plan, status=SolveJob.Status.DONE, percent=100)
        return plan

    small = placed_plan(["35.74", "35.75"], 2018)
    codes = list(Region.objects.exclude(code__in=["35.74", "35.75"]).values_list("code", flat=True)[:50])
    large = placed_plan(codes, 2019)
    assert large.workshops.count() == 200
    client = client_for(world.users["ministry_admin"])
    _get(client, f"/jadwal/{small.pk}/")
    with django_assert_max_num_queries(20) as few:
        assert _get(client, f"/jadwal/{small.pk}/").status_code == 200
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert _get(client, f"/jadwal/{large.pk}/").status_code == 200
    with django_assert_max_num_queries(8) as listing:
        assert _get(client, "/jadwal/").status_code == 200
    f.plan(year=2020, regions=codes[:3])
    with django_assert_max_num_queries(len(listing.captured_queries)):
        assert _get(client, "/jadwal/").status_code == 200


# --- the solver job ---------------------------------------------------------------------------


def test_two_presses_of_propose_get_one_job(world, client_for, django_capture_on_commit_callbacks):
    plan = f.plan()
    first, second = client_for(world.users["ministry_admin"]), client_for(world.users["ministry_admin"])
    with django_capture_on_commit_callbacks() as sent:
        one = _post(first, f"/jadwal/{plan.pk}/susun/")
        two = _post(second, f"/jadwal/{plan.pk}/susun/", {"replan": "1"})
    job = SolveJob.objects.get()
    assert one["Location"] == two["Location"] == f"/jadwal/jobs/{job.pk}/"
    assert len(sent) == 1 and not job.replan  # one task queued, for the first press
    assert "sudah menyusun rencana ini" in _get(second, two["Location"]).content.decode()
    assert services.start_solve(user=world.users["ministry_admin"], plan=plan).pk == job.pk


def test_the_job_page_polls_while_running_and_links_the_version_when_done(world, client_for):
    plan = f.plan()
    job = SolveJob.objects.create(plan=plan, status=SolveJob.Status.RUNNING, percent=40, message="Rencana ke-3")
    client = client_for(world.users["ministry_analyst"])
    page = _get(client, f"/jadwal/jobs/{job.pk}/").content.decode()
    assert "Menyusun jadwal" in page and 'aria-valuenow="40"' in page and "Rencana ke-3" in page
    fragment = _get(client, f"/jadwal/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
    text = fragment.content.decode()
    assert 'hx-trigger="every 1s"' in text and "<html" not in text
    version = services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=None, solver_status="optimal")
    SolveJob.objects.filter(pk=job.pk).update(status=SolveJob.Status.DONE, percent=100, version=version)
    done = _get(client, f"/jadwal/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "every 1s" not in done and f"/jadwal/{plan.pk}/versi/1/" in done
    SolveJob.objects.filter(pk=job.pk).update(status=SolveJob.Status.FAILED, message="Tidak ada fasilitator aktif")
    failed = _get(client, f"/jadwal/jobs/{job.pk}/").content.decode()
    assert "Gagal" in failed and "Tidak ada fasilitator aktif" in failed
    assert _get(client, "/jadwal/jobs/99999/").status_code == 404


def test_the_plan_page_shows_the_running_job(world, client_for):
    plan = f.plan()
    SolveJob.objects.create(plan=plan, status=SolveJob.Status.RUNNING, percent=55)
    page = _get(client_for(world.users["ministry_admin"]), f"/jadwal/{plan.pk}/").content.decode()
    assert 'aria-valuenow="55"' in page and "every 1s" in page


def test_the_solver_writes_a_version_the_pages_explain(world, client_for):
    plan = f.plan(time_limit_seconds=5)
    for i, province in enumerate(["35", "33", "31"]):
        f.facilitator(f"expert{i}@example.id", province=province)
    job = services.start_solve(user=world.users["ministry_admin"], plan=plan)
    job = services.run_solve(job.pk)
    assert job.status == SolveJob.Status.DONE and job.version is not None
    assert services.warnings(plan) == []
    client = client_for(world.users["ministry_admin"])
    page = _get(client, f"/jadwal/{plan.pk}/versi/{job.version.number}/").content.decode()
    assert 'id="workload"' in page and 'class="reasons"' in page
    assert "Konfirmasi versi ini" in page
    assert f"/jadwal/{plan.pk}/versi/1/" in _get(client, f"/jadwal/jobs/{job.pk}/").content.decode()


# --- who is refused ---------------------------------------------------------------------------

READ = ["/jadwal/", "/jadwal/{plan}/", "/jadwal/jobs/{job}/", "/jadwal/{plan}/versi/1/", "/jadwal/{plan}/banding/"]
WRITE = ["/jadwal/baru/", "/jadwal/{plan}/ubah/", "/jadwal/{plan}/susun/", "/jadwal/{plan}/versi/1/konfirmasi/"]


@pytest.fixture
def plan_with_job(world):
    plan = f.plan()
    services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=None, solver_status="optimal")
    job = SolveJob.objects.create(plan=plan, status=SolveJob.Status.DONE)
    return plan, job


@pytest.mark.parametrize("who", ["admin_probolinggo", "admin_pasuruan", "facilitator_current", "nobody"])
def test_outsiders_get_404_on_every_plan_page(world, client_for, plan_with_job, who):
    plan, job = plan_with_job
    if who == "facilitator_current":
        f.facilitator("facilitator_current@example.id")  # in the registry, still no national staff
    client = client_for(world.users[who])
    for url in READ + WRITE:
        url = url.format(plan=plan.pk, job=job.pk)
        assert _get(client, url).status_code == 404, url
        assert _post(client, url, plan_data(plan.cohort)).status_code == 404, url
    assert SolveJob.objects.count() == 1 and Plan.objects.count() == 1
    assert PlanVersion.objects.get().confirmed_at is None


def test_anonymous_is_sent_to_sign_in(world, client, plan_with_job):
    plan, job = plan_with_job
    for url in READ + WRITE:
        response = _get(client, url.format(plan=plan.pk, job=job.pk))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_analyst_reads_and_every_write_is_refused(world, client_for, plan_with_job):
    plan, job = plan_with_job
    client = client_for(world.users["ministry_analyst"])
    for url in READ:
        assert _get(client, url.format(plan=plan.pk, job=job.pk)).status_code == 200, url
    for url in WRITE:
        assert _post(client, url.format(plan=plan.pk, job=job.pk), plan_data(plan.cohort)).status_code == 404, url
    assert SolveJob.objects.count() == 1 and PlanVersion.objects.get().confirmed_at is None
