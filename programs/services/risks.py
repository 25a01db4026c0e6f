"""The risk register of a quick win: risks written and deleted by whoever may edit the program."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programs.models import Program, Risk
from programs.rules import Actor
from programs.services.common import assign, changed, delete, editable_masterplan, locked_program_for_edit, save

RISK_FIELDS = ("description", "likelihood", "impact", "mitigation", "owner")


@transaction.atomic
def save_risk(*, actor: Actor, program: Program, risk: Risk | None = None, **fields) -> Risk:
    """A risk of a quick win (``description``, ``likelihood``, ``impact``, ``mitigation``, ``owner``).
    The program is locked and read again: the rule is checked on its lead OPD of now."""
    editable_masterplan()
    program = locked_program_for_edit(actor, program.pk)
    if not program.is_quick_win:
        raise ValidationError(_("Daftar risiko hanya untuk program quick win."))
    risk = risk or Risk(program=program)
    if risk.program_id != program.pk:
        raise ValidationError(_("Risiko ini bukan milik program tersebut."))
    assign(risk, fields, RISK_FIELDS)
    save(risk, actor.user)
    changed()
    return risk


@transaction.atomic
def delete_risk(*, actor: Actor, risk: Risk) -> None:
    editable_masterplan()
    locked_program_for_edit(actor, risk.program_id)
    delete(risk, actor.user)
    changed()
