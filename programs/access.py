"""Fetch-for-action: one helper per object kind of the masterplan workspace.

Each returns the object the actor may act on, or raises ``Http404``: the *same* 404 for an
object that does not exist and for one the actor may not touch (an OPD editor and another
OPD's program), so a page, the API and a task answer alike and confirm nothing. The rules
themselves are the named predicates of ``programs.rules``; the services check them again
under their lock (an object may change hands between the fetch and the write).

``*_for_edit`` helpers serve writes; the plain ones serve reads (any member, the workspace
gate having run).
"""

from django.db import connection
from django.http import Http404

from programs import rules
from programs.models import (
    BimtekStage,
    Comment,
    Dimension,
    LembarKomitmen,
    Opd,
    Person,
    Program,
    ProgramRevision,
    Risk,
)
from programs.rules import Actor
from tenants.models import Membership
from tenants.selectors import current_members_of


def _get(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404() from None


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise Http404()


def _get_if(allowed: bool, queryset, **lookup):
    """``queryset.get(**lookup)`` for an actor ``allowed`` by a role-wide rule; the same 404
    when not allowed as for a missing row."""
    _refuse_unless(allowed)
    return _get(queryset, **lookup)


def access_program(actor: Actor, pk) -> Program:
    """A program to read: every member reads every program."""
    return _get(Program.objects.all(), pk=pk)


def access_new_program(actor: Actor) -> None:
    """The right to create a program: region admins, and OPD editors once linked to their OPD
    (one not yet linked gets the 404 of a page they cannot use)."""
    _refuse_unless(rules.can_create_program(actor))


def access_program_for_edit(actor: Actor, pk) -> Program:
    """A program to change, delete or restore: region admins any, OPD editors their OPD's."""
    program = _get(Program.objects.all(), pk=pk)
    _refuse_unless(rules.can_edit_program(actor, program))
    return program


def access_revision_for_restore(actor: Actor, program_pk, pk) -> tuple[Program, ProgramRevision]:
    """A saved version of a program the actor may edit, with that program."""
    program = access_program_for_edit(actor, program_pk)
    return program, _get(ProgramRevision.objects.all(), pk=pk, program=program)


def access_risk_for_edit(actor: Actor, program_pk, pk) -> Risk:
    """A risk of a program the actor may edit (the risk must belong to that program)."""
    risk = _get(Risk.objects.select_related("program"), pk=pk, program_id=program_pk)
    _refuse_unless(rules.can_edit_program(actor, risk.program))
    return risk


def access_opd_for_edit(actor: Actor, pk) -> Opd:
    return _get_if(rules.can_edit_masterplan(actor), Opd.objects.all(), pk=pk)


def access_person_for_edit(actor: Actor, pk) -> Person:
    return _get_if(rules.can_edit_masterplan(actor), Person.objects.all(), pk=pk)


def access_lembar_komitmen_for_edit(actor: Actor, pk) -> LembarKomitmen:
    return _get_if(rules.can_edit_masterplan(actor), LembarKomitmen.objects.all(), pk=pk)


def access_comment_for_resolve(actor: Actor, pk) -> Comment:
    """A comment the actor may mark resolved: their own, or any for a region admin."""
    comment = _get(Comment.objects.all(), pk=pk)
    _refuse_unless(rules.can_resolve_comment(actor, comment))
    return comment


def access_dimension_for_edit(actor: Actor, code) -> Dimension:
    """A dimension whose Buku I/II content (SWOT, strategy) the actor may change."""
    return _get_if(rules.can_edit_masterplan(actor), Dimension.objects.all(), code=code)


def access_bimtek_stage_for_edit(actor: Actor, number) -> BimtekStage:
    """A Bimtek stage whose dates the actor may change (the workspace's dates)."""
    return _get_if(rules.can_edit_bimtek_stages(actor), BimtekStage.objects.all(), number=number)


def access_opd_editor_for_assign(actor: Actor, user_pk):
    """The user of a current OPD-editor membership of this workspace, to link to an OPD: only
    those, as the service requires (a user of another workspace, a past member or one with
    another role is the 404 of a missing one)."""
    members = current_members_of(workspace=connection.tenant).filter(role=Membership.Role.OPD_EDITOR)
    return _get_if(rules.can_edit_masterplan(actor), members.select_related("user"), user_id=user_pk).user
