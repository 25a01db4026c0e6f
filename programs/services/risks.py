"""The risk register of a quick win: risks written and deleted by whoever may edit the program."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programs import rules
from programs.models import Program, Risk
from programs.rules import Actor
from programs.services.common import NOT_YOUR_PROGRAM, assign, changed, delete, editable_masterplan, refuse_unless, save

RISK_FIELDS = ("description", "likelihood", "impact", "mitigation", "owner")


@transaction.atomic
def save_risk(*, actor: Actor, program: Program, risk: Risk | None = None, **fields) -> Risk:
    """A risk of a quick win (``description``, ``likelihood``, ``impact``, ``mitigation``, ``owner``)."""
    editable_masterplan()
    refuse_unless(rules.can_edit_program(actor, program), _(NOT_YOUR_PROGRAM))
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
    refuse_unless(rules.can_edit_program(actor, risk.program), _(NOT_YOUR_PROGRAM))
    delete(risk, actor.user)
    changed()
