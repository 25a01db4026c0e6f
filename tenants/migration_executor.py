"""``migrate_schemas`` executor that skips workspaces already at the latest migration.

django-tenants runs the full ``migrate`` command in every schema even when there is nothing
to do (≈ 0.1 s each, a minute for 514 schemas). Before handing the list of schemas to the
stock executor, this one asks PostgreSQL in a single query which schemas have every
migration on disk recorded, and drops those. The remaining schemas (typically none, or all
of them after a deploy that adds a migration) go to the multiprocessing executor when there
are several. It also creates the template schema if it is missing, so a fresh database gets
a migrated template in the same ``migrate`` run.
"""

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django_tenants.migration_executors import get_executor as stock_get_executor
from django_tenants.migration_executors.multiproc import MultiprocessingExecutor
from django_tenants.migration_executors.standard import StandardExecutor
from django_tenants.utils import get_public_schema_name

PARALLEL_THRESHOLD = 8


def migrations_on_disk() -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(f"{app}.{name}" for app, name in loader.graph.nodes)


def schemas_behind(schemas: list[str]) -> list[str]:
    """The schemas (of ``schemas``) missing at least one migration that exists on disk."""
    if not schemas:
        return []
    expected = migrations_on_disk()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid "
            "WHERE c.relname = 'django_migrations' AND c.relkind = 'r' AND n.nspname = ANY(%s)",
            [list(schemas)],
        )
        with_table = {row[0] for row in cursor.fetchall()}
        up_to_date: set[str] = set()
        present = [s for s in schemas if s in with_table]
        # One statement for all schemas; chunks keep the statement size reasonable.
        for start in range(0, len(present), 200):
            chunk = present[start : start + 200]
            parts = [
                "SELECT %s AS schema_name, count(DISTINCT app || '.' || name) AS applied "
                f"FROM \"{schema}\".django_migrations WHERE app || '.' || name = ANY(%s)"
                for schema in chunk
            ]
            params: list = []
            for schema in chunk:
                params += [schema, expected]
            cursor.execute(" UNION ALL ".join(parts), params)
            up_to_date |= {name for name, applied in cursor.fetchall() if applied == len(expected)}
    return [s for s in schemas if s not in up_to_date]


def ensure_template_schema() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{settings.TENANT_TEMPLATE_SCHEMA}"')


class SkipUpToDateExecutor(MultiprocessingExecutor):
    codename = "skip-up-to-date"

    def _is_plain_migrate(self) -> bool:
        options = self.options
        return not (
            options.get("app_label")
            or options.get("migration_name")
            or options.get("fake")
            or options.get("fake_initial")
            or options.get("plan")
            or options.get("check_unapplied")
            or options.get("prune")
        )

    def run_migrations(self, tenants=None):
        tenants = list(tenants or [])
        public = get_public_schema_name()
        if public in tenants:
            StandardExecutor(self.args, self.options).run_migrations([public])
            tenants.remove(public)
        if not tenants:
            return
        if settings.TENANT_TEMPLATE_SCHEMA in tenants:
            ensure_template_schema()
        if self._is_plain_migrate():
            skipped = len(tenants)
            tenants = schemas_behind(tenants)
            skipped -= len(tenants)
            if int(self.options.get("verbosity", 1)) >= 1:
                self._log(f"{skipped} schema(s) already up to date, {len(tenants)} to migrate")
        if len(tenants) >= PARALLEL_THRESHOLD:
            super().run_migrations(tenants)
        elif tenants:
            StandardExecutor(self.args, self.options).run_migrations(tenants)

    def _log(self, message: str) -> None:
        import sys

        sys.stdout.write(f"[{self.codename}] {message}\n")


def get_executor(codename=None):
    if codename in (None, "", SkipUpToDateExecutor.codename):
        return SkipUpToDateExecutor
    return stock_get_executor(codename)
