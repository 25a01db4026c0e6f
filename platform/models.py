"""The platform's own rows (public schema)."""

from django.db import models


class QueuedTask(models.Model):
    """A task sent with ``platform.celery.send_after_commit`` that the broker has not taken yet.

    Written in the sender's transaction, so a committed job always has its task somewhere:
    either with the broker (the row is deleted once the broker accepted it) or here, sent
    again by ``platform.celery.resend_queued_tasks`` (beat) when the broker answers again.
    """

    name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    schema_name = models.CharField(max_length=63)
    countdown = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.name}@{self.schema_name}"
