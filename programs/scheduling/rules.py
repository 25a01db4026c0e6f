"""Who may do what with the national plan.

- Ministry admins keep the registry, travel days and holidays, open plans, propose, edit,
  confirm and lock, and record anyone's unavailability.
- Ministry analysts read every plan.
- A facilitator (a registry entry with a user account) reads their own workshops and edits
  their own unavailability, nobody else's.
- In a workspace, the region admin proposes preferred weeks and blackout dates and sees the
  region's workshops; members who can read the workspace see them too.
"""

from tenants.access import MINISTRY_ADMIN, MINISTRY_ANALYST, register_capability
from tenants.models import Membership

Role = Membership.Role

# The region's workshops (dates, venue, people) on its workspace.
register_capability(
    "can_view_workshops",
    roles={
        Role.REGION_ADMIN,
        Role.OPD_EDITOR,
        Role.COUNCIL,
        Role.REGIONAL_HEAD,
        Role.VIEWER,
        Role.FACILITATOR,
        MINISTRY_ADMIN,
        MINISTRY_ANALYST,
    },
)
# The region's preferred weeks and blackout dates, and the venue/notes of a workshop not yet confirmed.
register_capability("can_edit_schedule_wishes", roles={Role.REGION_ADMIN, MINISTRY_ADMIN})


def can_manage_scheduling(user) -> bool:
    return user.is_authenticated and user.is_ministry_admin


def can_view_scheduling(user) -> bool:
    return user.is_authenticated and user.is_ministry_staff


def facilitator_of(user):
    """The user's registry entry (``Facilitator``) or ``None``; cached on the user object."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_facilitator_entry"):
        from programs.scheduling.models import Facilitator

        user._facilitator_entry = Facilitator.objects.filter(user=user).select_related("home_province").first()
    return user._facilitator_entry


def is_facilitator(user) -> bool:
    return facilitator_of(user) is not None


def can_view_own_schedule(user) -> bool:
    """ "My workshops" and "my unavailability": a facilitator, or ministry staff."""
    return is_facilitator(user) or can_view_scheduling(user)
