"""A workspace cloned from the template must be identical to one built by migrations.

If the template were not migrated with everything else, new workspaces would silently miss
columns; if the clone function renamed constraints, later migrations would fail only on
cloned schemas. This compares the catalogue of both: tables, columns (type, nullability,
default, identity), indexes, constraints and sequences.
"""

import pytest
from django.core.management import call_command
from django.db import connection

from tenants.clone import clone_template_schema
from tenants.migration_executor import migrations_on_disk, schemas_behind

CLONED, MIGRATED = "zz_check_cloned", "zz_check_migrated"


def catalogue(schema: str) -> dict[str, set]:
    def rows(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql, [schema])
            return {tuple(str(v).replace(schema, "<schema>") for v in row) for row in cursor.fetchall()}

    return {
        "tables": rows("SELECT table_name FROM information_schema.tables WHERE table_schema = %s"),
        "columns": rows(
            "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, ''), is_identity, "
            "coalesce(character_maximum_length, 0) FROM information_schema.columns WHERE table_schema = %s"
        ),
        "indexes": rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = %s"),
        "constraints": rows(
            "SELECT cl.relname, co.conname, co.contype, pg_get_constraintdef(co.oid) FROM pg_constraint co "
            "JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = co.connamespace "
            "WHERE n.nspname = %s"
        ),
        "sequences": rows(
            "SELECT sequence_name, data_type, increment FROM information_schema.sequences WHERE sequence_schema = %s"
        ),
    }


def row_count(schema, table):
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT count(*) FROM "{schema}"."{table}"')
        return cursor.fetchone()[0]


def applied(schema):
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations')
        return set(cursor.fetchall())


@pytest.fixture
def two_schemas(db):
    """Both schemas are made inside the test's transaction and vanish with its rollback."""
    connection.set_schema_to_public()


def test_cloned_workspace_schema_equals_a_migrated_one(two_schemas):
    clone_template_schema(CLONED)
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE SCHEMA "{MIGRATED}"')
    call_command("migrate_schemas", schema_name=MIGRATED, interactive=False, verbosity=0)
    connection.set_schema_to_public()

    cloned, migrated = catalogue(CLONED), catalogue(MIGRATED)
    assert cloned["tables"], "the template schema has no tables"
    for part in ("tables", "columns", "indexes", "constraints", "sequences"):
        assert cloned[part] == migrated[part], (
            f"{part} differ: only cloned {cloned[part] - migrated[part]}, only migrated {migrated[part] - cloned[part]}"
        )
    assert applied(CLONED) == applied(MIGRATED)
    for (table,) in cloned["tables"]:  # rows seeded by migrations come along too
        assert row_count(CLONED, table) == row_count(MIGRATED, table), table
    assert not schemas_behind([CLONED, MIGRATED])


def test_migration_executor_finds_schemas_behind(two_schemas):
    clone_template_schema(CLONED)
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{CLONED}".django_migrations WHERE app = %s', ["programs"])
    assert schemas_behind([CLONED, "workspace_template"]) == [CLONED]
    assert len(migrations_on_disk()) == len(applied("workspace_template"))
