"""Who may do what with assessments in a workspace: the capabilities and the state changes they allow.

The national side (frameworks, rankings) has its own rules: ``assessments.framework.rules``.
"""

from tenants.access import MINISTRY_ADMIN, register_capability
from tenants.models import Membership

Role = Membership.Role

# Fill the region's self-assessment (scores and evidence).
register_capability("can_self_assess", roles={Role.REGION_ADMIN, Role.OPD_EDITOR})
register_capability("can_start_assessment", roles={Role.REGION_ADMIN, MINISTRY_ADMIN})
# Assessors: a facilitator currently assigned to the region, or a ministry admin.
register_capability("can_verify", roles={Role.FACILITATOR, MINISTRY_ADMIN})
register_capability("can_reopen_assessment", roles={MINISTRY_ADMIN})
# Change a response at all: self-assessors and assessors (each only their own fields).
register_capability(
    "can_work_on_responses", roles={Role.REGION_ADMIN, Role.OPD_EDITOR, Role.FACILITATOR, MINISTRY_ADMIN}
)

# A state change and the capability it needs.
ACTION_CAPABILITY = {
    "submit": "can_self_assess",
    "return": "can_verify",
    "verify": "can_verify",
    "finalize": "can_verify",
    "reopen": "can_reopen_assessment",
}


def can_change_state(actor, action: str) -> bool:
    """May ``actor`` (an ``Actor``, or the ``WorkspaceAccess`` of a request) take ``action``?"""
    capability = ACTION_CAPABILITY.get(action)
    return bool(capability) and actor.can(capability)
