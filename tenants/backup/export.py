"""Writing one workspace's archive (``manage.py export_workspace 35.74 FILE``).

Everything the archive says about the database is read in one snapshot: a REPEATABLE READ
transaction exports its snapshot and ``pg_dump --snapshot`` reads the same one, so the
dump, the manifest's hashes and the public rows agree even while people keep working.
"""

import tempfile
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import get_public_schema_name

from tenants.backup import archive, postgres, rows
from tenants.backup.errors import BackupError
from tenants.backup.media import workspace_media_root
from tenants.models import Region, Workspace


def find_workspace(region_code: str) -> Workspace:
    region = Region.objects.filter(code=region_code).first()
    if region is None:
        raise BackupError(f"Unknown region code {region_code!r} (expected a Kemendagri code such as 35.74).")
    workspace = Workspace.objects.filter(region=region).first()
    if workspace is None:
        raise BackupError(f"{region.name} ({region.code}) has no workspace.")
    return workspace


def export_workspace(*, region_code: str, path: Path) -> dict:
    """Write the archive of a region's workspace to ``path``; returns its manifest."""
    workspace = find_workspace(region_code)
    schema = workspace.schema_name
    media_root = workspace_media_root(schema)
    with tempfile.TemporaryDirectory(prefix="workspace-export-") as scratch:
        dump = Path(scratch) / archive.SCHEMA
        with transaction.atomic():
            postgres.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            postgres.dump_schema(schema, dump, snapshot=snapshot)
            public_rows, account_ids = rows.serialize_public_rows(workspace)
            account_ids |= rows.tenant_account_ids(schema)
            manifest = {
                "format": archive.FORMAT,
                "format_version": archive.FORMAT_VERSION,
                "region_code": workspace.region_id,
                "region_name": workspace.region.name,
                "schema_name": schema,
                "created_at": timezone.now().isoformat(),
                "migrations": {
                    "tenant": postgres.applied_migrations(schema),
                    "public": postgres.applied_migrations(get_public_schema_name()),
                },
                "tables": postgres.table_fingerprints(schema),
                "public_rows": {label: len(items) for label, items in public_rows.items()},
                "accounts": len(account_ids),
            }
            accounts = rows.serialize_accounts(account_ids)
        media = archive.media_files(media_root)
        manifest["media"] = {name: archive.sha256_of(file) for name, file in media.items()}
        try:
            archive.write_archive(
                path, manifest=manifest, schema_sql=dump, public_rows=public_rows, accounts=accounts, media=media
            )
        except OSError as exc:
            raise BackupError(f"Could not write {path}: {exc}") from exc
    return manifest
