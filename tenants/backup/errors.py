"""The one error of backups and restores: a message for the person at the command line."""


class BackupError(Exception):
    """A backup or restore refused or failed; ``str(error)`` says why, for the operator."""
