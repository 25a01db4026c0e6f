"""Who may prepare the region's showcase entry, as capabilities and named predicates.

- Region admins and ministry admins edit the entry and submit it; every reader of the
  workspace sees the page and its preview.
- Before the showcase's deadline both may change it; after the deadline only a ministry
  admin (or the platform itself) may change a submission.
"""

from django.utils import timezone

from tenants.access import MINISTRY_ADMIN, register_capability
from tenants.models import Membership

register_capability("can_prepare_showcase", roles={Membership.Role.REGION_ADMIN, MINISTRY_ADMIN})


def can_prepare_showcase(actor) -> bool:
    return actor is not None and actor.can("can_prepare_showcase")


def is_past_deadline(showcase, *, now=None) -> bool:
    return (now or timezone.now()) > showcase.submission_deadline


def can_change_after_deadline(actor) -> bool:
    """Only the ministry (or the platform) changes a submission once the deadline has passed."""
    access = getattr(actor, "access", None)
    return actor is not None and (access is None or access.role == MINISTRY_ADMIN)


def can_change_entry(actor, showcase, *, now=None) -> bool:
    if not can_prepare_showcase(actor):
        return False
    return not is_past_deadline(showcase, now=now) or can_change_after_deadline(actor)
