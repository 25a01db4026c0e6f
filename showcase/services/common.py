"""Shared pieces of the showcase services: the permission check and the showcase's lock."""

from django.core.exceptions import PermissionDenied

from showcase.models import Showcase
from tenants.access import SYSTEM


def require(actor, rule) -> None:
    """Refuse ``actor`` unless ``rule(actor)`` (the platform itself, ``SYSTEM``, passes);
    ``None`` is refused like anyone without the right."""
    if actor is SYSTEM:
        return
    if actor is None or not rule(actor):
        raise PermissionDenied(getattr(rule, "__name__", "refused"))


def user_of(actor):
    """The user to record as author (``None`` for the platform)."""
    return None if actor is SYSTEM else actor


def lock(showcase: Showcase) -> Showcase:
    """The showcase row, locked until the end of the transaction: every write to its agenda
    takes this lock first, so two admins' edits run one after the other."""
    return Showcase.objects.select_for_update().get(pk=showcase.pk)
