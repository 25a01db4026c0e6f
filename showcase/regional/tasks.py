"""Background jobs of the showcase preparation (thin; each runs in the schema it was sent from)."""

from celery import shared_task
from django.db import connection


@shared_task(name="showcase.regional.tasks.publish_showcase_entry", acks_late=True)
def publish_showcase_entry(showcase_id: int) -> dict:
    from showcase.regional.services import publish_entry

    submission = publish_entry(showcase_id=showcase_id)
    return {
        "schema": connection.schema_name,
        "submission": submission.pk if submission else None,
        "revision": submission.revision if submission else None,
    }
