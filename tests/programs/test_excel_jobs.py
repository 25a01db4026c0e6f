"""Large Excel files are imported by a background job: queued from the preview, run in the
workspace's schema (by a real worker below), all or nothing, progress and outcome shown."""

import io
import time

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client

from programs import excel
from programs.excel import jobs
from programs.models import Funding, Indicator, Milestone, Opd, Program, ProgramImport
from tenants.models import Membership, Workspace
from tests.programs.test_excel import HOST, _program_row, _upload, filled, good_file


@pytest.fixture
def small_inline_limit(monkeypatch):
    monkeypatch.setattr(excel, "IMPORT_INLINE_MAX", 2)


@pytest.fixture
def diskominfo(probolinggo):
    from tests.programs import factories

    return factories.opd()


def _queue(client, content) -> ProgramImport:
    preview_url = _upload(client, content)["Location"]
    response = client.post(preview_url, HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"].startswith("/program/excel/jobs/"), response
    return ProgramImport.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def test_a_large_file_is_queued_then_imported_all_at_once(
    world, client_for, diskominfo, small_inline_limit, uploads, django_capture_on_commit_callbacks, monkeypatch
):
    client = client_for(world.users["admin_probolinggo"])
    preview = client.get(_upload(client, good_file(3))["Location"], HTTP_HOST=HOST).content.decode()
    assert "diimpor di latar belakang" in preview
    with django_capture_on_commit_callbacks() as callbacks:
        job = _queue(client, good_file(3))
    assert len(callbacks) == 1  # the task is sent once the job row is committed
    assert (job.status, job.total, job.requested_by_id) == ("queued", 3, world.users["admin_probolinggo"].pk)
    assert job.file_name == "program.xlsx"  # the name on the officer's computer, shown with the job
    assert Program.objects.count() == 0
    page = client.get(f"/program/excel/jobs/{job.pk}/", HTTP_HOST=HOST, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in page and "Menunggu" in page

    seen = []
    original = excel.import_programs

    def watching(**kwargs):
        progress = kwargs["progress"]
        kwargs["progress"] = lambda done, total: (progress(done, total), seen.append(excel.job_progress(job)))
        return original(**kwargs)

    monkeypatch.setattr(jobs, "import_programs", watching)  # the name the job calls
    excel.run_import_job(job_id=job.pk)
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]  # what the page polls while the job runs
    job.refresh_from_db()
    assert (job.status, job.created, job.updated) == ("done", 3, 0)
    assert Program.objects.count() == 3 and Funding.objects.count() == 6
    assert Program.history.filter(history_type="+").count() == 3  # written with history, as by the form
    assert Indicator.history.filter(history_user_id=world.users["admin_probolinggo"].pk).count() == 3
    assert not default_storage.exists(job.upload_name)
    done = client.get(f"/program/excel/jobs/{job.pk}/", HTTP_HOST=HOST).content.decode()
    assert "Impor selesai: 3 program baru, 0 program diperbarui." in done and "every 2s" not in done
    excel_page = client.get("/program/excel/", HTTP_HOST=HOST).content.decode()
    assert f"/program/excel/jobs/{job.pk}/" in excel_page and "program.xlsx" in excel_page


def test_a_job_refused_at_run_time_keeps_every_problem_and_writes_nothing(
    world, client_for, diskominfo, small_inline_limit, uploads
):
    client = client_for(world.users["admin_probolinggo"])
    job = _queue(client, good_file(3))
    # Meanwhile someone adds a program with the title of the file's second row.
    from tests.programs import factories

    factories.program(world, diskominfo, title="Program 1")
    excel.run_import_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and Program.objects.count() == 1
    [problem] = job.problems
    assert (problem["sheet"], problem["row"]) == ("Program", 3) and "Program 1" in problem["message"]
    page = client.get(f"/program/excel/jobs/{job.pk}/", HTTP_HOST=HOST).content.decode()
    assert "Berkas ditolak: 1 masalah" in page and "Program 1" in page


def test_a_requester_who_lost_the_right_meanwhile_imports_nothing(
    world, client_for, diskominfo, small_inline_limit, uploads
):
    client = client_for(world.users["admin_probolinggo"])
    job = _queue(client, good_file(3))
    membership = Membership.objects.get(user=world.users["admin_probolinggo"], workspace=world.probolinggo)
    membership.role = Membership.Role.VIEWER
    membership.save()
    excel.run_import_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and Program.objects.count() == 0
    assert "tidak lagi berhak" in job.problems[0]["message"]


def test_a_small_file_is_still_imported_in_the_request(world, client_for, diskominfo, uploads):
    client = client_for(world.users["admin_probolinggo"])
    preview_url = _upload(client, good_file(2))["Location"]
    assert client.post(preview_url, HTTP_HOST=HOST)["Location"] == "/program/"
    assert Program.objects.count() == 2 and not ProgramImport.objects.exists()


def test_a_bad_file_is_never_queued(world, client_for, diskominfo, small_inline_limit, uploads):
    client = client_for(world.users["admin_probolinggo"])
    rows = [_program_row(title=f"P{i}", lead_opd="DINKES") for i in range(3)]
    preview_url = _upload(client, filled(programs=rows))["Location"]
    assert client.post(preview_url, HTTP_HOST=HOST).status_code == 400
    assert not ProgramImport.objects.exists()


@pytest.mark.parametrize("who", ["admin_pasuruan", "facilitator_expired", "nobody"])
def test_outsiders_never_see_a_job(world, client_for, probolinggo, who):
    job = ProgramImport.objects.create(upload_name="x", total=3, problems=[{"message": "rahasia"}], status="failed")
    connection.set_schema_to_public()
    assert client_for(world.users[who]).get(f"/program/excel/jobs/{job.pk}/", HTTP_HOST=HOST).status_code == 404


# --- with a real worker (committed data, undone at the end) -------------------------------------


@pytest.fixture
def committed_opd(committed_db):
    workspace = Workspace.objects.get(region_id="35.74")
    connection.set_tenant(workspace)
    opd = Opd.objects.create(acronym="DISKOMINFO", name="Dinas Komunikasi dan Informatika")
    connection.set_schema_to_public()
    yield workspace
    connection.set_tenant(workspace)
    ids = list(Program.objects.filter(lead_opd=opd).values_list("pk", flat=True))
    for model in (Indicator, Funding, Milestone):
        model.history.filter(program_id__in=ids).delete()
    Program.history.filter(id__in=ids).delete()
    Program.objects.filter(pk__in=ids).delete()
    ProgramImport.objects.all().delete()
    opd.delete()
    connection.set_schema_to_public()


@pytest.mark.worker
def test_the_worker_imports_a_large_file_in_the_workspace_schema(worker, committed_opd, small_inline_limit):
    from platform.accounts.models import User

    admin = Client()
    admin.force_login(User.objects.get(email="admin_probolinggo@example.id"))
    connection.set_tenant(committed_opd)
    content = good_file(4)
    connection.set_schema_to_public()
    file = io.BytesIO(content)
    file.name = "program.xlsx"
    preview_url = admin.post("/program/excel/", {"file": file}, HTTP_HOST=HOST)["Location"]
    job_url = admin.post(preview_url, HTTP_HOST=HOST)["Location"]
    assert job_url.startswith("/program/excel/jobs/")
    deadline = time.monotonic() + 60
    page = ""
    while time.monotonic() < deadline:
        page = admin.get(job_url, HTTP_HOST=HOST, HTTP_HX_REQUEST="true").content.decode()
        if "every 2s" not in page:
            break
        time.sleep(0.3)
    assert "Impor selesai: 4 program baru" in page, page
    connection.set_tenant(committed_opd)
    assert Program.objects.filter(title__startswith="Program ").count() == 4
    connection.set_schema_to_public()
    # Kota Pasuruan's schema got nothing.
    connection.set_tenant(Workspace.objects.get(region_id="35.75"))
    assert not Program.objects.filter(title__startswith="Program ").exists()
    connection.set_schema_to_public()
