"""What every service of the masterplan shares: the stale-save error, the locked editable
masterplan, saving and deleting with the acting user in history, and the national refresh."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessments import rollup
from programs import selectors
from programs.models import Masterplan

STALE_MESSAGE = gettext_noop(
    "Data ini telah diubah orang lain sejak Anda membukanya. Simpanan Anda ditolak agar "
    "perubahan mereka tidak tertimpa; isian Anda masih ada di formulir. Buka versi terbaru "
    "di tab lain, bandingkan, lalu simpan lagi."
)


class StaleVersionError(Exception):
    """Someone saved the object after this user opened it; their save is refused."""

    def __init__(self, message: str, *, current_version: int):
        super().__init__(message)
        self.message = message
        self.current_version = current_version


def refused(message: str) -> PermissionDenied:
    return PermissionDenied(message)


def editable_masterplan() -> Masterplan:
    """The masterplan row, locked for this transaction; refuses when it is not a draft."""
    masterplan = Masterplan.objects.select_for_update().get(pk=selectors.masterplan().pk)
    if not masterplan.is_editable:
        raise ValidationError(
            _("Masterplan berstatus %(status)s: isinya hanya dapat dibaca. Buka revisi baru untuk mengubahnya.")
            % {"status": masterplan.get_status_display().lower()}
        )
    return masterplan


def save(obj, user) -> None:
    obj._history_user = user
    obj.full_clean()
    obj.save()


def delete(obj, user) -> None:
    obj._history_user = user
    obj.delete()


def changed() -> None:
    rollup.request_snapshot_refresh()
