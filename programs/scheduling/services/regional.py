"""What a region does with the national plan from its own workspace: the venue and notes of
its workshops while the ministry has not confirmed them. (Its preferred weeks and blackout
dates are ``registry.add_wish`` / ``delete_wish``.) Workspace services: they take the
workspace ``actor`` and the workspace's ``region``, never a region named by the caller's input."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programs.scheduling.models import Workshop

REGION_EDITABLE = ("venue", "notes")


def check_region_may_edit(workshop: Workshop) -> None:
    """A region changes only a workshop still proposed: a confirmed or locked one is the
    ministry's, a cancelled one no longer takes place."""
    if workshop.is_fixed:
        raise ValidationError(
            _("Bimtek %(stage)s sudah dikonfirmasi kementerian; tempat dan catatannya tidak dapat diubah lagi.")
            % {"stage": workshop.roman}
        )
    if workshop.status != Workshop.Status.PROPOSED:
        raise ValidationError(_("Bimtek %(stage)s dibatalkan.") % {"stage": workshop.roman})


@transaction.atomic
def update_workshop_by_region(*, actor, region, workshop: Workshop, venue: str, notes: str) -> Workshop:
    """The venue and notes of one of ``region``'s proposed workshops (a region admin, or a
    ministry admin in the workspace). Checked under the workshop's lock, so a confirmation by
    the ministry in the meantime wins."""
    if actor is None or not actor.can("can_edit_schedule_wishes"):
        raise PermissionDenied("can_edit_schedule_wishes")
    locked = Workshop.objects.select_for_update().filter(pk=workshop.pk, region=region).first()
    if locked is None:
        raise PermissionDenied("not this region's workshop")
    check_region_may_edit(locked)
    locked.venue = (venue or "").strip()
    locked.notes = (notes or "").strip()
    locked.full_clean(exclude=["plan", "region", "lead", "ministry_rep"])
    locked.save(update_fields=["venue", "notes", "updated_at"])
    return locked
