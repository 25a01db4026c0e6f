"""The directory: OPDs, the people of the Dewan Smart City and Tim Pelaksana, and which OPD
each OPD editor works for. Region admins keep it."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from programs import rules
from programs.models import Opd, OpdEditor, Person
from programs.rules import Actor
from programs.services.common import assign, delete, refuse_unless, save


@transaction.atomic
def save_opd(*, actor: Actor, opd: Opd | None = None, name: str, acronym: str, head: str = "") -> Opd:
    refuse_unless(rules.can_edit_masterplan(actor), _("Hanya admin daerah yang mengelola daftar OPD."))
    opd = opd or Opd()
    opd.name, opd.acronym, opd.head = name.strip(), acronym.strip(), head.strip()
    if Opd.objects.filter(acronym__iexact=opd.acronym).exclude(pk=opd.pk).exists():
        raise ValidationError(
            {"acronym": _("Singkatan %(acronym)s sudah dipakai OPD lain.") % {"acronym": opd.acronym}}
        )
    save(opd, actor.user)
    return opd


@transaction.atomic
def delete_opd(*, actor: Actor, opd: Opd) -> None:
    refuse_unless(rules.can_edit_masterplan(actor), _("Hanya admin daerah yang mengelola daftar OPD."))
    if opd.led_programs.exists():
        raise ValidationError(
            _("%(opd)s masih menjadi pelaksana program; pindahkan programnya dahulu.") % {"opd": opd.acronym}
        )
    if opd.lembar_komitmen.exists():
        raise ValidationError(
            _("%(opd)s memiliki lembar komitmen yang ditandatangani; lembar itu disimpan sebagai arsip.")
            % {"opd": opd.acronym}
        )
    delete(opd, actor.user)


@transaction.atomic
def save_person(*, actor: Actor, person: Person | None = None, **fields) -> Person:
    """A person of the Dewan Smart City or the Tim Pelaksana (``body``, ``name``, ``position``,
    ``opd``, ``sector``, ``contact``)."""
    refuse_unless(rules.can_edit_masterplan(actor), _("Hanya admin daerah yang mengelola direktori."))
    person = person or Person()
    assign(person, fields, ("body", "name", "position", "opd", "sector", "contact"))
    save(person, actor.user)
    return person


@transaction.atomic
def delete_person(*, actor: Actor, person: Person) -> None:
    refuse_unless(rules.can_edit_masterplan(actor), _("Hanya admin daerah yang mengelola direktori."))
    delete(person, actor.user)


@transaction.atomic
def assign_opd_editor(*, actor: Actor, user, opd: Opd | None) -> OpdEditor | None:
    """Link an OPD editor to their OPD (``None`` removes the link)."""
    from tenants.models import Membership
    from tenants.selectors import membership_for

    refuse_unless(rules.can_edit_masterplan(actor), _("Hanya admin daerah yang menetapkan OPD editor."))
    membership = membership_for(user=user, workspace=connection.tenant)
    if membership is None or membership.role != Membership.Role.OPD_EDITOR:
        raise ValidationError({"user": _("Pengguna ini bukan editor OPD di ruang kerja ini.")})
    if opd is None:
        OpdEditor.objects.filter(user_id=user.pk).delete()
        return None
    link, _created = OpdEditor.objects.update_or_create(user_id=user.pk, defaults={"opd": opd})
    return link
