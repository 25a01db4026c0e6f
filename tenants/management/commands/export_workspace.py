"""Write one region's workspace to an archive: ``manage.py export_workspace 35.74 FILE``.

The archive (a .tar, gzipped when FILE ends in .gz or .tgz) holds the schema dump, the
workspace's public rows and accounts, its files and a manifest with the migrations, a row
count and content hash per table and a hash per file. See ``tenants.backup``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.backup import BackupError
from tenants.backup.export import export_workspace


class Command(BaseCommand):
    help = "Write the archive of one region's workspace (schema, public rows, files) to FILE."

    def add_arguments(self, parser):
        parser.add_argument("region", metavar="PP.RR", help="region code, e.g. 35.74")
        parser.add_argument("file", help="archive to write (.tar, or .tar.gz / .tgz to compress)")

    def handle(self, *args, region, file, **options):
        try:
            manifest = export_workspace(region_code=region, path=Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{manifest['region_name']} ({manifest['region_code']}): {len(manifest['tables'])} tables, "
                f"{rows} rows, {sum(manifest['public_rows'].values())} public rows, "
                f"{len(manifest['media'])} files written to {file}."
            )
        )
