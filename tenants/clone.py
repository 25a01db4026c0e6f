"""Cloning the migrated template schema into a new workspace schema.

The template schema is migrated like every other schema; a new workspace copies its
structure from the catalogue instead of replaying every migration. The DDL is read from
``pg_catalog`` once (and again whenever the template's migrations change), with the
template's schema name as a placeholder, then replayed for each new schema in a single
round trip:

- tables with their columns, defaults, identity and NOT NULL (``CREATE TABLE … LIKE``),
- every constraint under its own name (primary keys, unique, check, exclusion, then
  foreign keys), so later migrations that name a constraint work on clones too,
- every other index under its own name, stand-alone sequences and column defaults that
  use them,
- the template's rows: ``django_migrations`` (so the clone records what it contains) and
  any reference data a tenant migration seeded, with identity sequences moved past them.

The stock ``clone_schema`` PL/pgSQL function of django-tenants takes 1–3 s per schema once
hundreds of schemas exist (it scans the whole catalogue); this takes a few milliseconds.
``tests/tenants/test_template_schema.py`` proves the result equals a migrated schema.
"""

import threading

from django.conf import settings
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name, schema_context

_lock = threading.Lock()
_cache: dict[str, object] = {"fingerprint": None, "ddl": None}
PLACEHOLDER = "\x00schema\x00"


class TemplateSchemaError(RuntimeError):
    """The template holds an object this cloner does not copy; provisioning stops."""


def _template() -> str:
    return settings.TENANT_TEMPLATE_SCHEMA


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _fingerprint(cursor) -> tuple:
    cursor.execute(f"SELECT count(*), coalesce(max(id), 0) FROM {_q(_template())}.django_migrations")
    return tuple(cursor.fetchone())


def _read_template_ddl(cursor) -> list[str]:
    tpl = _template()
    cursor.execute("SELECT oid FROM pg_namespace WHERE nspname = %s", [tpl])
    row = cursor.fetchone()
    if row is None:
        raise TemplateSchemaError(f"Template schema {tpl} does not exist: run `manage.py migrate`.")
    ns = row[0]
    # Names printed by pg_get_*def are unqualified for objects of the template itself
    # and qualified for anything elsewhere (public tables a workspace refers to).
    cursor.execute(f"SET LOCAL search_path = {_q(tpl)}")

    cursor.execute(
        "SELECT relkind, relname FROM pg_class WHERE relnamespace = %s AND relkind IN ('v', 'm', 'p', 'f')", [ns]
    )
    unsupported = cursor.fetchall()
    cursor.execute(
        "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relnamespace = %s AND NOT t.tgisinternal",
        [ns],
    )
    unsupported += cursor.fetchall()
    if unsupported:
        raise TemplateSchemaError(f"The template holds objects cloning does not copy yet: {unsupported}")

    ddl: list[str] = []
    cursor.execute(
        "SELECT c.relname FROM pg_class c LEFT JOIN pg_depend d ON d.objid = c.oid AND d.deptype = 'i' "
        "WHERE c.relnamespace = %s AND c.relkind = 'S' AND d.objid IS NULL ORDER BY c.relname",
        [ns],
    )
    for (seq,) in cursor.fetchall():  # sequences not made by an identity column (serial, stand-alone)
        ddl.append(f"CREATE SEQUENCE {PLACEHOLDER}.{_q(seq)}")

    cursor.execute("SELECT relname FROM pg_class WHERE relnamespace = %s AND relkind = 'r' ORDER BY relname", [ns])
    tables = [r[0] for r in cursor.fetchall()]
    for table in tables:
        ddl.append(
            f"CREATE TABLE {PLACEHOLDER}.{_q(table)} (LIKE {_q(tpl)}.{_q(table)} "
            "INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE)"
        )
    cursor.execute(
        "SELECT c.relname, a.attname, pg_get_expr(ad.adbin, ad.adrelid) FROM pg_attrdef ad "
        "JOIN pg_class c ON c.oid = ad.adrelid JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum "
        "WHERE c.relnamespace = %s AND pg_get_expr(ad.adbin, ad.adrelid) LIKE 'nextval(%%'",
        [ns],
    )
    for table, column, default in cursor.fetchall():  # serial-style defaults point at our sequences
        ddl.append(f"ALTER TABLE {PLACEHOLDER}.{_q(table)} ALTER COLUMN {_q(column)} SET DEFAULT {default}")

    # Rows the template's migrations wrote (django_migrations, seeded reference data) come
    # along before the constraints are added, as in a restore.
    for table in tables:
        ddl.append(f"INSERT INTO {PLACEHOLDER}.{_q(table)} OVERRIDING SYSTEM VALUE SELECT * FROM {_q(tpl)}.{_q(table)}")
    cursor.execute(
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE c.relnamespace = %s AND c.relkind = 'r' AND a.attidentity <> '' AND NOT a.attisdropped",
        [ns],
    )
    for table, column in cursor.fetchall():
        ddl.append(
            f"SELECT setval(pg_get_serial_sequence('{PLACEHOLDER}.{_q(table)}', '{column}'), "
            f"coalesce((SELECT max({_q(column)}) FROM {_q(tpl)}.{_q(table)}), 1), "
            f"(SELECT max({_q(column)}) IS NOT NULL FROM {_q(tpl)}.{_q(table)}))"
        )
    cursor.execute(
        "SELECT c.relname, co.conname, pg_get_constraintdef(co.oid) FROM pg_constraint co "
        "JOIN pg_class c ON c.oid = co.conrelid WHERE co.connamespace = %s AND co.contype IN ('p','u','x','c','f') "
        "ORDER BY position(co.contype::text in 'puxcf'), c.relname, co.conname",
        [ns],
    )
    for table, name, definition in cursor.fetchall():
        ddl.append(f"ALTER TABLE {PLACEHOLDER}.{_q(table)} ADD CONSTRAINT {_q(name)} {definition}")

    cursor.execute(
        "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE c.relnamespace = %s AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid) "
        "ORDER BY c.relname",
        [ns],
    )
    for (definition,) in cursor.fetchall():
        ddl.append(
            definition.replace(f" ON {_q(tpl)}.", f" ON {PLACEHOLDER}.").replace(f" ON {tpl}.", f" ON {PLACEHOLDER}.")
        )

    cursor.execute("SET LOCAL search_path = public")
    return ddl


def template_ddl(cursor) -> list[str]:
    """The template's DDL with a schema placeholder, cached until its migrations change."""
    fingerprint = _fingerprint(cursor)
    with _lock:
        if _cache["fingerprint"] != fingerprint or _cache["ddl"] is None:
            _cache["ddl"] = _read_template_ddl(cursor)
            _cache["fingerprint"] = fingerprint
        return list(_cache["ddl"])


def clone_template_schema(schema_name: str) -> None:
    """Create ``schema_name`` as a structural copy of the migrated template schema."""
    target = _q(schema_name)
    with schema_context(get_public_schema_name()), transaction.atomic(), connection.cursor() as cursor:
        statements = [f"CREATE SCHEMA {target}"] + [s.replace(PLACEHOLDER, target) for s in template_ddl(cursor)]
        # search_path = the new schema only: unqualified names in constraint definitions
        # (references between the workspace's own tables) resolve inside it.
        cursor.execute(f"SET LOCAL search_path = {target}")
        cursor.execute(";\n".join(statements[:1]))
        cursor.execute(";\n".join(statements[1:]))
        cursor.execute("SET LOCAL search_path = public")
