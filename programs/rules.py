"""Who may do what in the masterplan workspace, as named predicates.

Role-wide capabilities come from ``tenants.selectors.WorkspaceAccess`` (resolved once per
request); the rules here add what depends on the object: an OPD editor edits only the
programs their own OPD leads. Services check these too, so a page, the API and an import
cannot disagree.
"""

from dataclasses import dataclass
from functools import cached_property

from tenants.models import Membership


@dataclass
class Actor:
    """The user acting in the current workspace, with their access there."""

    user: object
    access: object  # tenants.selectors.WorkspaceAccess

    @cached_property
    def opd_id(self) -> int | None:
        """The OPD an OPD editor works for (``None`` for other roles or when not yet set)."""
        if self.access.role != Membership.Role.OPD_EDITOR:
            return None
        from programs.selectors import opd_id_of

        return opd_id_of(user=self.user)


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


def can_review(actor: Actor) -> bool:
    return actor.access.can_review


def can_comment(actor: Actor) -> bool:
    return actor.access.can_comment


def can_resolve_comment(actor: Actor, comment) -> bool:
    return actor.access.can_comment and (actor.access.can_edit_masterplan or comment.author_id == actor.user.pk)
