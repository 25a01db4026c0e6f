"""Workspace background jobs (thin; each runs in the schema it was sent from)."""

from celery import shared_task
from django.db import connection
from django.utils import timezone

from programs import services


@shared_task(acks_late=True)
def send_bimtek_reminders() -> dict:
    count = services.send_bimtek_reminders(today=timezone.localdate())
    return {"schema": connection.schema_name, "reminded": count}


@shared_task(acks_late=True)
def build_masterplan_book(book_id: int) -> dict:
    from programs.book import build_book

    book = build_book(book_id=book_id)
    return {"schema": connection.schema_name, "book": book.pk, "status": book.status, "pages": book.pages}


@shared_task(name="programs.tasks.import_program_file", acks_late=True)
def import_program_file(job_id: int) -> dict:
    from programs.excel import run_import_job

    job = run_import_job(job_id=job_id)
    return {"schema": connection.schema_name, "job": job.pk, "status": job.status, "created": job.created}
