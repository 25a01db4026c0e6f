"""The workspace archive: one tar (optionally gzipped) file.

Members:

- ``manifest.json``: format and version, region code and name, schema name, creation
  time, the migrations applied in the workspace schema and in the public schema, per table
  its row count and content hash, per media file its SHA-256, the counts of public rows;
- ``schema.sql``: ``pg_dump -n <schema>`` as plain SQL;
- ``public_rows.json``: the workspace's public rows per registered label, as Django's JSON
  serializer writes them, and ``accounts.json``: the accounts those rows and the schema
  refer to;
- ``media/…``: the workspace's files, by their name in its storage.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from tenants.backup.errors import BackupError

FORMAT = "smartcity100-workspace"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SCHEMA = "schema.sql"
PUBLIC_ROWS = "public_rows.json"
ACCOUNTS = "accounts.json"
MEDIA_PREFIX = "media/"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root: Path) -> dict[str, Path]:
    """Every file under a workspace's media folder, by its name in the storage (``a/b.pdf``)."""
    if not root.is_dir():
        return {}
    return {path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*")) if path.is_file()}


def media_hashes(root: Path) -> dict[str, str]:
    return {name: sha256_of(path) for name, path in media_files(root).items()}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def write_archive(
    path: Path, *, manifest: dict, schema_sql: Path, public_rows: dict, accounts: list, media: dict[str, Path]
) -> None:
    """Write the archive under a temporary name and move it into place when complete, so a
    failed or interrupted backup never leaves a truncated file under the expected name."""
    mode = "w:gz" if path.name.endswith((".gz", ".tgz")) else "w"
    partial = path.with_name(f".{path.name}.partial")
    try:
        # Readable by its owner only: the archive holds the accounts' password hashes.
        partial.touch(mode=0o600)
        partial.chmod(0o600)
        with tarfile.open(partial, mode) as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
            tar.add(schema_sql, arcname=SCHEMA, filter=_anonymous)
            _add_bytes(tar, PUBLIC_ROWS, json.dumps(public_rows).encode())
            _add_bytes(tar, ACCOUNTS, json.dumps(accounts).encode())
            for name, file in media.items():
                tar.add(file, arcname=MEDIA_PREFIX + name, recursive=False, filter=_anonymous)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Members carry no owner of the machine that wrote them, and no group or world access."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o600
    return info


class Archive:
    """An opened archive: its manifest checked for our format, members read on demand."""

    def __init__(self, tar: tarfile.TarFile, source: str):
        self.tar, self.source = tar, source
        self.manifest = self._json(MANIFEST)
        if not isinstance(self.manifest, dict) or self.manifest.get("format") != FORMAT:
            raise BackupError(f"{source} is not a Smart City 100 workspace archive (its manifest is not ours).")
        if self.manifest.get("format_version") != FORMAT_VERSION:
            raise BackupError(
                f"{source} has archive format version {self.manifest.get('format_version')}; "
                f"this code reads version {FORMAT_VERSION}."
            )
        for key in ("region_code", "schema_name", "migrations", "tables", "media"):
            if key not in self.manifest:
                raise BackupError(f"{source}: the manifest has no {key}.")

    def _member(self, name: str):
        try:
            handle = self.tar.extractfile(name)
        except KeyError:
            handle = None
        if handle is None:
            raise BackupError(f"{self.source} is not a Smart City 100 workspace archive (no {name}).")
        return handle

    def _json(self, name: str):
        try:
            return json.load(self._member(name))
        except (ValueError, UnicodeDecodeError) as exc:
            raise BackupError(f"{self.source}: {name} is not valid JSON ({exc}).") from exc

    def public_rows(self) -> dict:
        return self._json(PUBLIC_ROWS)

    def accounts(self) -> list:
        return self._json(ACCOUNTS)

    def schema_lines(self) -> Iterator[str]:
        return io.TextIOWrapper(self._member(SCHEMA), encoding="utf-8")

    def extract_media(self, target: Path) -> None:
        """Write the media files under ``target``, checking each against the manifest's hash."""
        expected = dict(self.manifest["media"])
        for member in self.tar.getmembers():
            if not member.name.startswith(MEDIA_PREFIX):
                continue
            name = member.name[len(MEDIA_PREFIX) :]
            parts = PurePosixPath(name).parts
            if not member.isfile() or not parts or ".." in parts or PurePosixPath(name).is_absolute():
                raise BackupError(f"{self.source}: refusing the media member {member.name!r}.")
            if name not in expected:
                raise BackupError(f"{self.source}: media file {name} is not in the manifest.")
            destination = target.joinpath(*parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with open(destination, "wb") as out:
                shutil.copyfileobj(self.tar.extractfile(member), out)
            if sha256_of(destination) != expected.pop(name):
                raise BackupError(f"{self.source}: media file {name} does not match its hash in the manifest.")
        if expected:
            raise BackupError(f"{self.source}: media files missing from the archive: {', '.join(sorted(expected))}")


@contextmanager
def open_archive(path: Path) -> Iterator[Archive]:
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    try:
        tar = tarfile.open(path, "r:*")
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise BackupError(f"{path} is not a Smart City 100 workspace archive (not a tar file: {exc}).") from exc
    with tar:
        yield Archive(tar, str(path))
