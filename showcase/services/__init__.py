"""Services of the showcase (re-exported here; callers import from this package). Every
service takes the acting user first (``actor``; ``tenants.access.SYSTEM`` for the platform)."""

from showcase.services.agenda import move_slot, publish_version, rebuild_agenda
from showcase.services.events import (
    add_presenter,
    add_stage,
    create_showcase,
    remove_presenter,
    remove_stage,
    rename_stage,
    update_showcase,
)

__all__ = [
    "add_presenter",
    "add_stage",
    "create_showcase",
    "move_slot",
    "publish_version",
    "rebuild_agenda",
    "remove_presenter",
    "remove_stage",
    "rename_stage",
    "update_showcase",
]
