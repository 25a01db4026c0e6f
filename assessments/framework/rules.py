"""Who may do what on the national side of assessments (apex pages, national API, services)."""

from django.core.exceptions import PermissionDenied

from tenants.access import SYSTEM


def can_view_national_assessments(user) -> bool:
    """Frameworks, rankings, comparisons and snapshots: ministry staff (admins and analysts) only."""
    return user.is_authenticated and user.is_ministry_staff


def can_manage_frameworks(user) -> bool:
    """Framework versions, published history and ranking publications: ministry admins."""
    return user.is_authenticated and user.is_ministry_admin


def check_can_manage_frameworks(actor) -> None:
    """Refuse a service call by anyone but a ministry admin (``PermissionDenied``).

    ``actor`` is the signed-in user, or ``tenants.access.SYSTEM`` for the platform itself
    (seeding the standard versions, demo data, management commands), never for a request;
    ``None`` is refused.
    """
    if actor is SYSTEM:
        return
    if actor is None or not can_manage_frameworks(actor):
        raise PermissionDenied()


def user_of(actor):
    """The user to record for ``actor`` (``None`` for the platform itself)."""
    return None if actor is SYSTEM else actor
