"""The two workspaces every installation has: the public schema (the national layer) and
the template schema that new workspaces are cloned from. The template's schema itself is
created and migrated by ``migrate`` (see tenants.migration_executor)."""

from django.conf import settings
from django.db import migrations


def create(apps, schema_editor):
    Workspace = apps.get_model("tenants", "Workspace")
    Workspace.objects.get_or_create(schema_name="public")
    Workspace.objects.get_or_create(schema_name=settings.TENANT_TEMPLATE_SCHEMA, defaults={"is_template": True})


def remove(apps, schema_editor):
    Workspace = apps.get_model("tenants", "Workspace")
    Workspace.objects.filter(schema_name__in=["public", settings.TENANT_TEMPLATE_SCHEMA]).delete()


class Migration(migrations.Migration):
    dependencies = [("tenants", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
