"""Backing up and restoring one workspace: its schema, its public rows and its files in
one archive (``export_workspace`` / ``import_workspace``).

Apps declare their public rows of a workspace with ``register_public_rows`` from their
``AppConfig.ready``; the core knows none of their models.
"""

from tenants.backup.errors import BackupError
from tenants.backup.registry import register_public_rows, registered_public_rows

__all__ = ["BackupError", "register_public_rows", "registered_public_rows"]
