"""Cloning the migrated template schema into a new workspace schema.

Uses the ``clone_schema`` PL/pgSQL function shipped with django-tenants. The function is
installed once (it is a 4,500-line definition; re-creating it for every workspace would
double the cost of provisioning), and the template's rows are copied with the structure so
the clone's ``django_migrations`` says exactly what the template has applied.
"""

from django.conf import settings
from django.db import connection
from django_tenants.clone import CloneSchema


def _clone_function_installed() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.proname = 'clone_schema'"
        )
        return cursor.fetchone() is not None


def clone_template_schema(schema_name: str) -> None:
    cloner = CloneSchema()
    connection.set_schema_to_public()
    if not _clone_function_installed():
        cloner._create_clone_schema_function()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT clone_schema(%s, %s, 'DATA')", [settings.TENANT_TEMPLATE_SCHEMA, schema_name]
        )
