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
