"""Background jobs of the assessments app (thin; each runs in the schema it was sent from)."""

from celery import shared_task

from assessments import snapshots


@shared_task(name="assessments.tasks.refresh_region_snapshot", acks_late=True)
def refresh_region_snapshot() -> dict:
    return snapshots.refresh_region_snapshot()
