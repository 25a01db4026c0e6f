"""Talking to PostgreSQL for a backup: finding and running ``pg_dump`` with Django's
database settings, replaying a plain-SQL dump inside Django's own transaction, and the
content fingerprint of a schema's tables.

The dump is replayed through Django's connection rather than by ``psql`` so that the
schema, the public rows and the accounts of a restore are written in one transaction:
a failure anywhere rolls all of it back and leaves the old workspace as it was. Session
settings in the dump (``SET …``, ``set_config(…, false)``) are made transaction-local, so
they end with the restore instead of leaking into the connection.
"""

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

from django.db import connection

from tenants.backup.errors import BackupError

COPY_LINE = re.compile(r"^COPY .+ FROM stdin;\s*$")
SESSION_SET = re.compile(r"^SET (?!LOCAL )", re.MULTILINE)
SESSION_SET_CONFIG = re.compile(r"(pg_catalog\.set_config\('[^']+', '[^']*', )false\)")


def q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def find_pg_tool(name: str) -> str:
    """The newest PostgreSQL client ``name`` (``pg_dump``): from the PostgreSQL bin
    directories (as ``deploy/dev.sh`` looks for the server), else from ``PATH``."""

    def version(path: str) -> tuple:
        return tuple(int(p) for p in re.findall(r"\d+", Path(path).parent.parent.name)) or (0,)

    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        candidate = os.path.join(directory, name)
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found (looked in /usr/lib/postgresql/*/bin and on PATH). "
            "Install the PostgreSQL client tools (Debian: postgresql-client) matching the server's version."
        )
    return found


def client_env() -> dict[str, str]:
    """The environment that points libpq tools at Django's database (no password on the command line)."""
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("NAME", "PGDATABASE")):
        if settings.get(key):
            env[variable] = str(settings[key])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return env


def dump_schema(schema: str, target: Path, *, snapshot: str | None = None) -> None:
    """``pg_dump -n schema`` as plain SQL into ``target``, reading ``snapshot`` when given
    (the exporting transaction's, so the dump and the manifest see the same data)."""
    command = [find_pg_tool("pg_dump"), "--format=plain", "--encoding=UTF8", "--no-owner", "--no-privileges"]
    command += [f"--schema={schema}", f"--file={target}"]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    result = subprocess.run(command, env=client_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")


def _transaction_local(sql: str) -> str:
    return SESSION_SET_CONFIG.sub(r"\1true)", SESSION_SET.sub("SET LOCAL ", sql))


def replay_dump(lines) -> None:
    """Run a plain-SQL dump (an iterable of text lines) on Django's connection, in the
    current transaction: statements in batches, table data through COPY."""
    pending: list[str] = []
    with connection.cursor() as cursor:

        def flush():
            sql = "".join(pending).strip()
            pending.clear()
            if sql:
                cursor.execute(_transaction_local(sql))

        lines = iter(lines)
        for line in lines:
            if line.startswith("\\"):
                # psql meta-commands: \restrict / \unrestrict guard psql against a hostile dump;
                # nothing here interprets them. Anything else is not a dump of ours.
                if line.startswith(("\\restrict ", "\\unrestrict ")):
                    continue
                raise BackupError(f"Unexpected psql command in the schema dump: {line.strip()[:60]}")
            if COPY_LINE.match(line):
                flush()
                with cursor.copy(line.strip().rstrip(";")) as copy:
                    for row in lines:
                        if row in ("\\.\n", "\\."):
                            break
                        copy.write(row)
                continue
            pending.append(line)
        flush()
    # The dump cleared search_path for the rest of the transaction; make Django set it again.
    connection.set_schema_to_public()


def schema_tables(schema: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY c.relname",
            [schema],
        )
        return [row[0] for row in cursor.fetchall()]


def table_fingerprints(schema: str) -> dict[str, dict]:
    """Per table of ``schema``: its row count and the md5 of its rows' texts in sorted order."""
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in schema_tables(schema):
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "
                f"FROM {q(schema)}.{q(table)} t"
            )
            rows, digest = cursor.fetchone()
            fingerprints[table] = {"rows": rows, "md5": digest}
    return fingerprints


def applied_migrations(schema: str) -> list[list[str]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app, name FROM {q(schema)}.django_migrations ORDER BY id")
        return [list(row) for row in cursor.fetchall()]


def schema_exists(schema: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema])
        return cursor.fetchone() is not None


def execute(sql: str, params=None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
