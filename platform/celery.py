"""The Celery application, and the one way to send a task (``send_after_commit``).

Tasks are tenant-aware (tenant-schemas-celery): a task sent while a workspace schema is
active carries that schema in its headers and the worker runs it in the same schema, so a
task can never read or write another region's data by accident.

Nothing asked for is lost when Redis (the broker) is down: every task is first written to
``platform.models.QueuedTask`` in the sender's transaction, sent after the commit and only
then forgotten. A task the broker refused stays there, the person who asked is told so
(``BrokerNoticeMiddleware``), and beat sends it again (``resend_queued_tasks``) once the
broker answers. A task may therefore, rarely, arrive twice (sent, then the process dies
before forgetting it), as it may after a worker is lost (``acks_late``): tasks are idempotent.
"""

import contextvars
import logging
import os
from datetime import timedelta

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform.settings.local")

logger = logging.getLogger(__name__)

app = CeleryApp("smartcity")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Queued rows younger than this are still being sent by their own request.
RESEND_AFTER_SECONDS = 30
RESEND_BATCH = 500

_refused = contextvars.ContextVar("platform_celery_refused", default=False)


def send_after_commit(task, *args, countdown: int | None = None, **kwargs) -> None:
    """Send ``task`` (a task or its name) once the current transaction commits; the one way to send.

    The schema active *now* travels in the headers, so the worker runs the task in the
    workspace it was sent from even if the sender switches schema before the commit; a
    rolled-back transaction sends nothing. Outside a transaction it is sent at once. If the
    broker is unreachable the task waits in ``QueuedTask`` and is sent again later.
    """
    from django.db import connection, transaction

    from platform.models import QueuedTask

    queued = QueuedTask.objects.create(
        name=getattr(task, "name", task),
        args=list(args),
        kwargs=kwargs,
        schema_name=connection.schema_name,
        countdown=countdown,
    )
    transaction.on_commit(lambda: _publish(queued))


def _publish(queued) -> bool:
    """Hand one queued task to the broker and forget it; ``False`` (and kept) if refused."""
    from platform.models import QueuedTask

    try:
        app.send_task(
            queued.name,
            args=queued.args,
            kwargs=queued.kwargs,
            countdown=queued.countdown,
            headers={"_schema_name": queued.schema_name},
        )
    except Exception as exc:  # any broker failure: the row stays, beat sends it again
        _refused.set(True)
        QueuedTask.objects.filter(pk=queued.pk).update(attempts=queued.attempts + 1)
        logger.warning("broker refused %s (%s: %s); kept to send again", queued, type(exc).__name__, exc)
        return False
    QueuedTask.objects.filter(pk=queued.pk).delete()
    return True


@app.task(name="platform.resend_queued_tasks")
def resend_queued_tasks(older_than_seconds: int = RESEND_AFTER_SECONDS) -> int:
    """Send again the tasks the broker refused (beat, every minute); returns how many went."""
    from django.db import transaction
    from django.utils import timezone

    from platform.models import QueuedTask

    sent = 0
    with transaction.atomic():
        due = QueuedTask.objects.select_for_update(skip_locked=True).filter(
            created_at__lte=timezone.now() - timedelta(seconds=older_than_seconds)
        )
        for queued in due[:RESEND_BATCH]:
            queued.countdown = None  # it is late already
            if not _publish(queued):
                break  # the broker is still away: the rest waits for the next round
            sent += 1
    if sent:
        logger.warning("sent %s queued tasks again", sent)
    return sent


class BrokerNoticeMiddleware:
    """Tells the person whose request queued a job that the queue is away (the job is kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _refused.set(False)
        try:
            response = self.get_response(request)
            if _refused.get():
                from django.contrib import messages
                from django.utils.translation import gettext as _

                messages.warning(
                    request,
                    _(
                        "Antrean pekerjaan latar sedang terganggu. Permintaan Anda sudah tersimpan dan "
                        "akan dijalankan otomatis begitu antrean pulih; sampai saat itu statusnya menunggu."
                    ),
                    fail_silently=True,
                )
            return response
        finally:
            _refused.reset(token)
