"""A job that dies half-way leaves none of its rows and a status that says so (the in-process
half of "a worker killed mid-job": the crash is raised inside the job's transaction)."""

import pytest

from programs import excel, services
from programs.models import Program
from tests.programs.conftest import probolinggo, uploads  # noqa: F401
from tests.programs.test_excel import good_file
from tests.programs.test_excel_jobs import _queue, diskominfo, small_inline_limit  # noqa: F401


def test_an_import_that_crashes_half_way_writes_no_program_and_fails_with_a_message(
    world,
    client_for,
    diskominfo,  # noqa: F811
    small_inline_limit,  # noqa: F811
    uploads,  # noqa: F811
    monkeypatch,
):
    client = client_for(world.users["admin_probolinggo"])
    job = _queue(client, good_file(3))
    original, saved = services.save_program, []

    def dies_after_two(**kwargs):
        if len(saved) == 2:
            raise RuntimeError("the worker dies here")
        saved.append(original(**kwargs))
        return saved[-1]

    monkeypatch.setattr(services, "save_program", dies_after_two)  # as the importer calls it
    with pytest.raises(RuntimeError):
        excel.run_import_job(job_id=job.pk)
    job.refresh_from_db()
    assert len(saved) == 2 and Program.objects.count() == 0  # the two saved ones were rolled back
    assert job.status == "failed" and "tidak ada program yang berubah" in job.problems[0]["message"]

    monkeypatch.undo()
    again = excel.run_import_job(job_id=job.pk)  # delivered again: a finished job is left alone
    assert again.status == "failed" and Program.objects.count() == 0
