"""Large files: the background import job. The preview queues a ``ProgramImport``; the
tenant-aware task imports the file as its requester (whose rights are checked again),
keeps the progress in the cache for the page to poll and every problem on the job row."""

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platform.celery import send_after_commit
from programs.excel.importer import import_programs
from programs.excel.layout import PROGRESS_TTL_SECONDS
from programs.excel.problems import Problem, WorkbookRefused
from programs.excel.uploads import upload_data
from programs.models import ProgramImport
from programs.rules import Actor


def _progress_key(job_id: int) -> str:
    return f"program-import-progress:{job_id}"  # the cache key carries the schema as well


def job_progress(job: ProgramImport) -> tuple[int, int]:
    """(programs saved, programs in the file) of a running job, from the cache."""
    done, total = cache.get(_progress_key(job.pk), (0, job.total))
    return done, total or job.total


def request_import(*, actor: Actor, token: str, total: int) -> ProgramImport:
    """Queue the import of an uploaded (and previewed) file; the job takes over the upload."""
    upload = upload_data(token=token, user=actor.user)
    job = ProgramImport.objects.create(
        upload_name=upload["f"], file_name=upload["o"], total=total, requested_by=actor.user
    )
    send_after_commit("programs.tasks.import_program_file", job.pk)
    return job


def run_import_job(*, job_id: int) -> ProgramImport:
    """The job's work (in the workspace's schema): import the file as its requester, who must
    still be allowed to; record the outcome, or every problem, on the job row."""
    from platform.accounts.models import User
    from tenants.selectors import workspace_access

    job = ProgramImport.objects.get(pk=job_id)
    if job.is_finished:
        return job
    job.status = ProgramImport.Status.RUNNING
    job.save(update_fields=["status"])
    # The programs and the job's outcome commit together: a job delivered again (its worker
    # lost) finds it finished, or nothing of it written, never half the programs.
    try:
        with transaction.atomic():
            job = ProgramImport.objects.select_for_update().get(pk=job_id)
            if job.is_finished:
                return job
            user = User.objects.filter(pk=job.requested_by_id).first()
            access = workspace_access(user=user, workspace=connection.tenant) if user else None
            problems: list[Problem] = []
            result = None
            if access is None or not access.can_edit_programs:
                problems = [Problem(_("Pengunggah tidak lagi berhak mengubah program di ruang kerja ini."))]
            else:
                try:
                    with default_storage.open(job.upload_name, "rb") as handle:
                        content = handle.read()
                except FileNotFoundError:
                    problems = [Problem(_("Berkas unggahan tidak ditemukan lagi. Unggah lagi."))]
                else:
                    try:
                        result = import_programs(
                            actor=Actor(user=user, access=access),
                            content=content,
                            progress=lambda done, total: cache.set(
                                _progress_key(job.pk), (done, total), PROGRESS_TTL_SECONDS
                            ),
                        )
                    except WorkbookRefused as exc:
                        problems = exc.problems
            job.finished_at = timezone.now()
            if result is not None:
                job.status, job.created, job.updated = ProgramImport.Status.DONE, result.created, result.updated
            else:
                job.status = ProgramImport.Status.FAILED
                job.problems = [
                    {"message": str(p.message), "sheet": p.sheet, "row": p.row, "column": p.column, "header": p.header}
                    for p in problems
                ]
            job.save()
    except Exception:  # a crash, not a refused workbook: nothing was imported; the job says so
        failed = Problem(_("Impor berhenti karena kesalahan sistem; tidak ada program yang berubah. Coba impor lagi."))
        ProgramImport.objects.filter(pk=job_id).update(
            status=ProgramImport.Status.FAILED,
            finished_at=timezone.now(),
            problems=[{"message": str(failed.message), "sheet": "", "row": None, "column": "", "header": ""}],
        )
        raise
    try:
        default_storage.delete(job.upload_name)
    except FileNotFoundError:
        pass
    cache.delete(_progress_key(job.pk))
    return job
