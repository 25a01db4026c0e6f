"""Celery beat scheduler: django-celery-beat's database schedule, tenant-aware.

A periodic task marked for all tenants runs once in every workspace schema, but never in
the template schema new workspaces are cloned from.
"""

from tenant_schemas_celery.db_scheduler import TenantAwareDatabaseScheduler

from tenants.models import Workspace


class WorkspaceBeatScheduler(TenantAwareDatabaseScheduler):
    @classmethod
    def get_queryset(cls):
        return Workspace.objects.filter(is_template=False)
