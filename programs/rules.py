"""Who may do what in the masterplan workspace, as named predicates.

Role-wide capabilities come from ``tenants.selectors.WorkspaceAccess`` (resolved once per
request); the rules here add what depends on the object: an OPD editor edits only the
programs their own OPD leads. Services check these too, so a page, the API and an import
cannot disagree.
"""

from dataclasses import dataclass
from functools import cached_property

from tenants.access import MINISTRY_ADMIN, MINISTRY_ANALYST, register_capability
from tenants.access import Actor as WorkspaceActor
from tenants.models import Membership

Role = Membership.Role

# Buku I/II, the directory, every program and risk, submit and publish.
register_capability("can_edit_masterplan", roles={Role.REGION_ADMIN, MINISTRY_ADMIN})
# Some programs at least: OPD editors only those their OPD leads (``can_edit_program``).
register_capability("can_edit_programs", roles={Role.REGION_ADMIN, MINISTRY_ADMIN, Role.OPD_EDITOR})
# Approve or return a submitted masterplan: the Dewan Smart City.
register_capability("can_review", roles={Role.COUNCIL})
# Facilitators (only while assigned: expired ones have no access) and working members.
register_capability(
    "can_comment", roles={Role.REGION_ADMIN, Role.OPD_EDITOR, Role.COUNCIL, Role.FACILITATOR, MINISTRY_ADMIN}
)

# Ask for a workflow step (submit, approve, return, publish, reopen): every member and the
# ministry admin may ask; the service decides which step each may take.
register_capability("can_take_workflow_steps", roles={*Role.values, MINISTRY_ADMIN})
# Ask for the masterplan book (PDF): whoever reads the workspace, ministry staff included (the
# book shows only what they can already read).
register_capability("can_request_book", roles={*Role.values, MINISTRY_ADMIN, MINISTRY_ANALYST})


@dataclass
class Actor(WorkspaceActor):
    """The user acting in the current workspace, with what the masterplan needs to know of them."""

    @cached_property
    def opd_id(self) -> int | None:
        """The OPD an OPD editor works for (``None`` for other roles or when not yet set)."""
        if self.access.role != Membership.Role.OPD_EDITOR:
            return None
        from programs.selectors import opd_id_of

        return opd_id_of(user=self.user)


def can_edit_bimtek_stages(actor: Actor) -> bool:
    """The dates of the Bimtek stages are the workspace's (``tenants.rules``)."""
    return actor.access.can_edit_workspace


def can_edit_masterplan(actor: Actor) -> bool:
    return actor.access.can_edit_masterplan


def can_create_program(actor: Actor) -> bool:
    return actor.access.can_edit_masterplan or actor.opd_id is not None


def can_edit_program(actor: Actor, program) -> bool:
    if actor.access.can_edit_masterplan:
        return True
    return actor.opd_id is not None and program.lead_opd_id == actor.opd_id


def can_lead_with(actor: Actor, opd) -> bool:
    """May this actor name ``opd`` as a program's lead OPD?"""
    return actor.access.can_edit_masterplan or (actor.opd_id is not None and opd.pk == actor.opd_id)


def can_request_book(actor: Actor) -> bool:
    return actor.access.can_request_book


def can_review(actor: Actor) -> bool:
    return actor.access.can_review


def can_comment(actor: Actor) -> bool:
    return actor.access.can_comment


def can_resolve_comment(actor: Actor, comment) -> bool:
    return actor.access.can_comment and (actor.access.can_edit_masterplan or comment.author_id == actor.user.pk)
