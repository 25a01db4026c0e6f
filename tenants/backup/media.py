"""Where a workspace's files live, and replacing them as one step of a restore.

The default storage (``TenantFileSystemStorage``) keeps each workspace's files in a folder
of its own under ``MEDIA_ROOT``, named after the schema; the file fields store names
relative to it (``evidence/3/17/laporan.pdf``), so a workspace's files move as one folder.
"""

import shutil
import uuid
from pathlib import Path

from django.core.files.storage import default_storage
from django_tenants.utils import schema_context

from tenants.backup.errors import BackupError


def workspace_media_root(schema: str) -> Path:
    with schema_context(schema):
        location = getattr(default_storage, "location", None)
    if location is None:
        raise BackupError("The default file storage keeps no local folder; this backup reads files from disk.")
    return Path(location)


class MediaSwap:
    """Put a prepared folder in place of a workspace's folder, reversibly until ``finish``."""

    def __init__(self, prepared: Path, live: Path):
        self.prepared, self.live = prepared, live
        self.parked = live.with_name(f".{live.name}-replaced-{uuid.uuid4().hex[:8]}")
        self.swapped = False

    def swap(self) -> None:
        if self.live.exists():
            self.live.rename(self.parked)
        self.prepared.rename(self.live)
        self.swapped = True

    def undo(self) -> None:
        if not self.swapped:
            return
        if self.live.exists():
            shutil.rmtree(self.live)
        if self.parked.exists():
            self.parked.rename(self.live)
        self.swapped = False

    def finish(self) -> str:
        """Remove the replaced files; returns a warning for the operator if that failed
        (the restore itself is complete by then)."""
        if not self.parked.exists():
            return ""
        try:
            shutil.rmtree(self.parked)
        except OSError as exc:
            return f"The replaced files were kept in {self.parked} ({exc}); remove them by hand."
        return ""
