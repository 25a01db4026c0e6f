"""Restore one workspace from an archive of ``export_workspace``:

    manage.py import_workspace FILE              the archive's own region
    manage.py import_workspace FILE --as 35.74   over that region's workspace
    manage.py import_workspace FILE --region 35.75   as a copy under a code without a workspace

Over-writing an existing workspace asks for confirmation (or ``--yes``); without a terminal
and without ``--yes`` the command refuses. The restore is one transaction: if it fails, the
old workspace is left as it was. See ``tenants.backup.restore``.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.backup import BackupError
from tenants.backup.restore import restore_workspace


class Command(BaseCommand):
    help = "Restore one workspace (schema, public rows, files) from an archive of export_workspace."

    def add_arguments(self, parser):
        parser.add_argument("file", help="archive written by export_workspace")
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--as", dest="as_code", metavar="PP.RR", help="restore over this region's workspace")
        target.add_argument(
            "--region",
            dest="new_region",
            metavar="PP.RR",
            help="restore as a copy under this region (no workspace yet)",
        )
        parser.add_argument("--yes", action="store_true", help="over-write an existing workspace without asking")

    def handle(self, *args, file, as_code=None, new_region=None, yes=False, **options):
        def confirm(workspace, manifest):
            if yes:
                return True
            if not sys.stdin.isatty():
                raise BackupError(
                    f"{workspace} ({workspace.region_id}) already has a workspace and there is no terminal to "
                    "confirm over-writing it: run again with --yes."
                )
            answer = input(
                f"Over-write the workspace of {workspace} ({workspace.region_id}) with the archive of "
                f"{manifest['region_code']} made {manifest.get('created_at', '?')}? Type the region code to confirm: "
            )
            return answer.strip() == workspace.region_id

        try:
            result = restore_workspace(path=Path(file), confirm=confirm, as_code=as_code, new_region=new_region)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        workspace = result.workspace
        what = "copy of " + result.source_region if result.is_copy else "workspace"
        self.stdout.write(
            self.style.SUCCESS(
                f"{workspace} ({workspace.region_id}): {what} restored into schema {workspace.schema_name}"
                f"{' (new workspace)' if result.created else ''}; public rows "
                + ", ".join(f"{label} {n}" for label, n in result.public_rows.items())
                + f"; {result.accounts_created} account(s) created"
                + ("; schema migrated to this code's migrations" if result.migrated else "")
                + "."
            )
        )
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
