"""The gate of the API views a facilitator uses for themselves, and the fetch-for-action helpers
of the objects those views touch (one 404 for an object missing and one the caller may not see).

Every other view of the national plan's API passes the core's ``HostAccessPermission`` with
the same ``rule`` as its page: writes there need a ministry admin. A facilitator also writes
(their own unavailability), so these views take ``OwnScheduleAccess`` instead: the ``rule``
lets the caller in, the helper below finds only what is theirs (staff: anyone's), and the
service decides who may change it (``add_unavailability`` refuses an analyst: 403).
"""

from django.http import Http404
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from programs.scheduling import rules
from programs.scheduling.models import Facilitator, Unavailability


class OwnScheduleAccess(BasePermission):
    """Signed in and let in by the view's ``rule``, else 404 (anonymous: 401/403)."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if not view.rule(user):
            raise NotFound()
        return True


def _may_see(user, facilitator: Facilitator) -> bool:
    own = rules.facilitator_of(user)
    return rules.can_view_scheduling(user) or (own is not None and own.pk == facilitator.pk)


def access_facilitator_availability(user, pk) -> Facilitator:
    """Facilitator ``pk`` whose unavailability ``user`` may see: ministry staff anyone's, a
    facilitator their own; otherwise 404, as for a facilitator that does not exist."""
    facilitator = Facilitator.objects.select_related("user").filter(pk=pk).first()
    if facilitator is None or not _may_see(user, facilitator):
        raise Http404("no such facilitator")
    return facilitator


def access_own_facilitator(user) -> Facilitator:
    """The caller's own registry entry, or 404 when they are no facilitator."""
    own = rules.facilitator_of(user)
    if own is None:
        raise Http404("not a facilitator")
    return own


def access_unavailability(user, pk) -> Unavailability:
    """Unavailability ``pk`` if it is the caller's own (staff: anyone's), else 404."""
    entry = Unavailability.objects.select_related("facilitator").filter(pk=pk).first()
    if entry is None or not _may_see(user, entry.facilitator):
        raise Http404("no such unavailability")
    return entry
