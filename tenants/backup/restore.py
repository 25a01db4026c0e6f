"""Restoring one workspace from its archive (``manage.py import_workspace FILE``).

The target is the archive's region, another region's existing workspace (``as_code``,
over-written after confirmation) or a region without a workspace (``new_region``: a copy
under another code). A region without a workspace gets its workspace row and domain here,
without the provisioning signal: the archive brings the content.

Everything in the database happens in one transaction: the old schema is dropped, the
dump replayed, the restored tables checked against the manifest's hashes, missing accounts
created, the public rows replaced and the restore written to the audit log. A failure at
any step rolls all of it back, so the old workspace stays as it was.

The dump creates its schema under the name it was taken from; for another target the
schema is renamed afterwards, inside the same transaction (any schema already holding that
name is parked under a temporary name meanwhile). A rename
keeps every object, and references between objects are by OID, so nothing in the dump's
text has to be rewritten. The files are unpacked beside the workspace's folder first and
swapped in at the end of the transaction; a failed commit swaps them back.
"""

import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.db.migrations.loader import MigrationLoader

from platform import audit
from tenants.backup import postgres, rows
from tenants.backup.archive import Archive, open_archive
from tenants.backup.errors import BackupError
from tenants.backup.media import MediaSwap, workspace_media_root
from tenants.backup.postgres import q
from tenants.cache import forget_host
from tenants.models import Domain, Region, Workspace
from tenants.services import schema_name_for, workspace_domain


@dataclass
class RestoreResult:
    workspace: Workspace
    source_region: str
    created: bool
    is_copy: bool
    public_rows: dict[str, int]
    accounts_created: int
    migrated: bool
    warnings: list[str] = field(default_factory=list)


def check_migrations(manifest: dict) -> bool:
    """Refuse an archive whose schema or instance had a migration this code lacks; returns
    whether the archive's workspace schema lacks migrations of this code (it is then
    migrated after the restore)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for side in ("tenant", "public"):
        for app, name in manifest["migrations"][side]:
            if (app, name) not in known:
                raise BackupError(
                    f"Archive made by a newer version: migration {name} of app {app} unknown here. "
                    "Restore it with the code that made it (or a later one)."
                )
    applied = {tuple(m) for m in manifest["migrations"]["tenant"]}
    return any(node not in applied for node in loader.graph.nodes)


def _target_region(manifest: dict, as_code: str | None, new_region: str | None) -> Region:
    code = new_region or as_code or manifest["region_code"]
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise BackupError(f"Unknown region code {code!r} (expected a Kemendagri code such as 35.74).")
    return region


def restore_workspace(
    *,
    path: Path,
    confirm: Callable[[Workspace, dict], bool],
    as_code: str | None = None,
    new_region: str | None = None,
) -> RestoreResult:
    """Restore the archive at ``path``. ``confirm(workspace, manifest)`` is asked before an
    existing workspace is over-written; a refusal stops the restore before any change."""
    if as_code and new_region:
        raise BackupError("Give either --as or --region, not both.")
    with open_archive(path) as archive:
        manifest = archive.manifest
        behind = check_migrations(manifest)
        region = _target_region(manifest, as_code, new_region)
        existing = Workspace.objects.filter(region=region).first()
        if existing is not None and new_region:
            raise BackupError(
                f"{region.name} ({region.code}) already has a workspace; --region makes a copy under a code "
                f"without one. To over-write it, use --as {region.code}."
            )
        if existing is not None and not confirm(existing, manifest):
            raise BackupError(f"Not confirmed: the workspace of {region.name} ({region.code}) was left as it was.")
        target = existing.schema_name if existing else schema_name_for(region)
        if existing is None and postgres.schema_exists(target):
            raise BackupError(f"Schema {target} exists without a workspace; check the database before restoring.")
        live_media = workspace_media_root(target)
        staging = live_media.with_name(f".{live_media.name}-restoring-{uuid.uuid4().hex[:8]}")
        try:
            archive.extract_media(staging)
            staging.mkdir(parents=True, exist_ok=True)
            result = _restore_database(archive, region, existing, target, MediaSwap(staging, live_media))
        finally:
            if staging.exists():
                shutil.rmtree(staging)
    for domain in result.workspace.domains.values_list("domain", flat=True):
        forget_host(domain)
    if behind:
        call_command("migrate_schemas", schema_name=target, interactive=False, verbosity=0)
        result.migrated = True
    return result


def _restore_database(
    archive: Archive, region: Region, existing: Workspace | None, target: str, media: MediaSwap
) -> RestoreResult:
    manifest = archive.manifest
    source = manifest["schema_name"]
    is_copy = region.code != manifest["region_code"]
    try:
        with transaction.atomic():
            Region.objects.select_for_update().get(pk=region.pk)
            if existing is not None:
                postgres.execute(f"DROP SCHEMA {q(target)} CASCADE")
            parked = None
            if source != target and postgres.schema_exists(source):
                parked = f"restore_parked_{uuid.uuid4().hex[:12]}"
                postgres.execute(f"ALTER SCHEMA {q(source)} RENAME TO {q(parked)}")
            postgres.replay_dump(archive.schema_lines())
            if source != target:
                postgres.execute(f"ALTER SCHEMA {q(source)} RENAME TO {q(target)}")
                if parked:
                    postgres.execute(f"ALTER SCHEMA {q(parked)} RENAME TO {q(source)}")
            _check_tables(manifest["tables"], postgres.table_fingerprints(target))
            accounts_created = rows.restore_accounts(archive.accounts())
            workspace = existing or Workspace.objects.create(schema_name=target, region=region)
            if not workspace.domains.exists():
                Domain.objects.create(domain=workspace_domain(region), tenant=workspace, is_primary=True)
            counts = rows.restore_public_rows(archive.public_rows(), workspace, is_copy=is_copy)
            audit.record(
                "workspace_restored",
                workspace=workspace,
                target=f"{region.name} ({region.code})",
                archive=archive.source,
                archive_region=manifest["region_code"],
                archive_created_at=manifest.get("created_at", ""),
                is_copy=is_copy,
                over_existing=existing is not None,
            )
            media.swap()
    except DatabaseError as exc:
        media.undo()
        raise BackupError(f"The restore failed in the database and was rolled back (nothing changed): {exc}") from exc
    except BaseException:
        media.undo()
        raise
    warning = media.finish()
    return RestoreResult(
        workspace=workspace,
        source_region=manifest["region_code"],
        created=existing is None,
        is_copy=is_copy,
        public_rows=counts,
        accounts_created=accounts_created,
        migrated=False,
        warnings=[warning] if warning else [],
    )


def _check_tables(expected: dict, restored: dict) -> None:
    differing = sorted(t for t in set(expected) | set(restored) if expected.get(t) != restored.get(t))
    if differing:
        raise BackupError(
            "The restored tables differ from the archive's manifest (nothing was restored): " + ", ".join(differing)
        )
