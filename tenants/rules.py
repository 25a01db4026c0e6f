"""Who may do what in the core: the national layer's predicates and the workspace capabilities
of the core (members, the workspace's own dates). Apps declare theirs in their own ``rules.py``."""

from tenants.access import MINISTRY_ADMIN, register_capability
from tenants.models import Membership

# Invite and remove members.
register_capability("can_manage_members", roles={Membership.Role.REGION_ADMIN, MINISTRY_ADMIN})
# Give someone the facilitator role: the ministry only (the national plan does it as the
# facilitator's access window); a region must not appoint the assessor of its own assessment.
register_capability("can_appoint_facilitators", roles={MINISTRY_ADMIN})
# The workspace's own settings and dates (e.g. the Bimtek stage dates).
register_capability("can_edit_workspace", roles={Membership.Role.REGION_ADMIN, MINISTRY_ADMIN})


def can_view_registry(user) -> bool:
    return user.is_authenticated and user.is_active


def can_manage_cohorts(user) -> bool:
    return user.is_authenticated and user.is_ministry_admin
