"""What every service of the masterplan shares: the stale-save error, the locked editable
masterplan, saving and deleting with the acting user in history, and the national refresh."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessments import rollup
from programs import rules, selectors
from programs.models import Masterplan, Program

STALE_MESSAGE = gettext_noop(
    "Data ini telah diubah orang lain sejak Anda membukanya. Simpanan Anda ditolak agar "
    "perubahan mereka tidak tertimpa; isian Anda masih ada di formulir. Buka versi terbaru "
    "di tab lain, bandingkan, lalu simpan lagi."
)
NOT_YOUR_PROGRAM = gettext_noop("Program ini dipimpin OPD lain; Anda hanya dapat membacanya.")
STALE_CONTENT_MESSAGE = gettext_noop(
    "Isi ini diubah orang lain sejak Anda membukanya, jadi tidak disimpan. Isian Anda masih di bawah: "
    "buka halaman ini di tab baru untuk melihat versi terbaru, lalu gabungkan."
)


class StaleVersionError(Exception):
    """Someone saved the object after this user opened it; their save is refused."""

    def __init__(self, message: str, *, current_version: int):
        super().__init__(message)
        self.message = message
        self.current_version = current_version


class StaleContentError(Exception):
    """Content without a version number (readiness, SWOT, strategies) was saved by someone
    else since this user opened it (its fingerprint differs); their save is refused."""

    def __init__(self, *, current_fingerprint: str):
        self.message = _(STALE_CONTENT_MESSAGE)
        super().__init__(self.message)
        self.current_fingerprint = current_fingerprint


def check_fingerprint(expected: str | None, current: str) -> None:
    """Refuse a save that started from other content than the stored one (``None``: the
    caller saw no earlier content, a seed or an import, and writes regardless)."""
    if expected is not None and expected != current:
        raise StaleContentError(current_fingerprint=current)


def refuse_unless(allowed: bool, message: str) -> None:
    """The actor's right, checked with a rule of ``programs.rules``: ``PermissionDenied`` with
    ``message`` (the reason a page shows) when refused."""
    if not allowed:
        raise PermissionDenied(message)


def editable_masterplan() -> Masterplan:
    """The masterplan row, locked for this transaction; refuses when it is not a draft."""
    masterplan = Masterplan.objects.select_for_update().get(pk=selectors.masterplan().pk)
    if not masterplan.is_editable:
        raise ValidationError(
            _("Masterplan berstatus %(status)s: isinya hanya dapat dibaca. Buka revisi baru untuk mengubahnya.")
            % {"status": masterplan.get_status_display().lower()}
        )
    return masterplan


def locked_program_for_edit(actor, program_pk) -> Program:
    """The program ``program_pk`` locked for this transaction and read again, if ``actor`` may
    edit it now (``rules.can_edit_program``; its lead OPD may have changed since the fetch)."""
    program = Program.objects.select_for_update().get(pk=program_pk)
    refuse_unless(rules.can_edit_program(actor, program), _(NOT_YOUR_PROGRAM))
    return program


def assign(obj, fields: dict, names) -> None:
    """Set on ``obj`` those of ``names`` that ``fields`` holds (the others keep their value)."""
    for name in names:
        if name in fields:
            setattr(obj, name, fields[name])


def save(obj, user, *, validate_constraints: bool = True) -> None:
    obj._history_user = user
    obj.full_clean(validate_constraints=validate_constraints)
    obj.save()


def violated_constraint(exc: IntegrityError) -> str | None:
    """The name of the database constraint an ``IntegrityError`` reports, if any."""
    return getattr(getattr(exc.__cause__, "diag", None), "constraint_name", None)


def delete(obj, user) -> None:
    obj._history_user = user
    obj.delete()


def changed() -> None:
    rollup.request_snapshot_refresh()
