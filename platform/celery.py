"""The Celery application.

Tasks are tenant-aware (tenant-schemas-celery): a task sent while a workspace schema is
active carries that schema in its headers and the worker runs it in the same schema, so a
task can never read or write another region's data by accident.
"""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform.settings.local")

app = CeleryApp("smartcity")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def send_after_commit(task, *args, countdown: int | None = None, **kwargs) -> None:
    """Send ``task`` (a task or its name) once the current transaction commits; the one way to send.

    The schema active *now* travels in the headers, so the worker runs the task in the
    workspace it was sent from even if the sender switches schema before the commit; a
    rolled-back transaction sends nothing. Outside a transaction it is sent at once.
    """
    from django.db import connection, transaction

    name = getattr(task, "name", task)
    headers = {"_schema_name": connection.schema_name}
    transaction.on_commit(lambda: app.send_task(name, args=args, kwargs=kwargs, countdown=countdown, headers=headers))
