"""Celery beat scheduler, tenant-aware (tenant-schemas-celery).

The schedule is ``CELERY_BEAT_SCHEDULE`` in settings. An entry without ``tenant_schemas``
is sent once to every workspace schema, with the schema in the task headers; the template
schema new workspaces are cloned from is never one of them.
"""

from tenant_schemas_celery.scheduler import TenantAwarePersistentScheduler

from tenants.models import Workspace


class WorkspaceBeatScheduler(TenantAwarePersistentScheduler):
    @classmethod
    def get_queryset(cls):
        return Workspace.objects.filter(is_template=False)
