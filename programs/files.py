"""Files of the workspace: the *lembar komitmen* (commitment sheets) and their signed scans.

A scan is accepted by what its bytes are (PDF, JPEG or PNG, recognised from the first
bytes by the platform's one sniffer, ``platform.uploads``), not by its name or the browser's content type, and up to
``settings.KOMITMEN_SCAN_MAX_BYTES`` (10 MB unless set). It is stored in the workspace's
default storage (``TenantFileSystemStorage`` keeps it under the schema's directory) with a
random name, and read back only through ``open_scan`` by the authorised download view.
Writes: region admins only, one transaction, history kept; a replaced or deleted scan's
file is removed after commit.
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platform import formats as local_formats
from platform.uploads import FileKind, save_file, sniff_upload
from programs import rules
from programs.models import LembarKomitmen, Opd
from programs.rules import Actor

MAX_SCAN_BYTES = getattr(settings, "KOMITMEN_SCAN_MAX_BYTES", 10 * 1024 * 1024)
# What a signed scan may be, by the kind its first bytes show (``platform.uploads``), and the
# file-name endings each kind may carry.
SCAN_KINDS = {"pdf": ("pdf",), "jpeg": ("jpg", "jpeg"), "png": ("png",)}


def check_scan(upload) -> FileKind:
    """The scan's kind (PDF, JPEG or PNG); ``ValidationError`` in words a regional officer reads."""
    if upload.size > MAX_SCAN_BYTES:
        raise ValidationError(
            {
                "scan": _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
                % {"size": local_formats.megabytes(upload.size), "max": local_formats.megabytes(MAX_SCAN_BYTES)}
            }
        )
    kind = sniff_upload(upload)
    if kind is None or kind.name not in SCAN_KINDS:
        raise ValidationError(
            {
                "scan": _(
                    "Isi berkas bukan PDF, JPEG atau PNG. Unggah pindaian lembar komitmen dalam salah satu jenis itu."
                )
            }
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in SCAN_KINDS[kind.name]:
        raise ValidationError(
            {
                "scan": _(
                    "Nama berkas berakhiran .%(ext)s, tetapi isinya %(kind)s. Periksa berkasnya lalu unggah lagi."
                )
                % {"ext": extension or "?", "kind": kind.extension.upper()}
            }
        )
    return kind


def _refuse_unless_admin(actor: Actor) -> None:
    if not rules.can_edit_masterplan(actor):
        raise PermissionDenied(_("Hanya admin daerah yang mengelola lembar komitmen."))


@transaction.atomic
def save_lembar_komitmen(
    *,
    actor: Actor,
    sheet: LembarKomitmen | None = None,
    kind: str,
    opd: Opd | None,
    signatory: str,
    position: str,
    signed_on: date,
    scan=None,
) -> LembarKomitmen:
    """Create or update a commitment sheet; ``scan`` (an uploaded file) replaces the stored one."""
    _refuse_unless_admin(actor)
    sheet = LembarKomitmen.objects.select_for_update().get(pk=sheet.pk) if sheet else LembarKomitmen()
    if kind == LembarKomitmen.Kind.REGIONAL_HEAD:
        opd = None
    elif opd is None:
        raise ValidationError({"opd": _("Pilih OPD yang kepalanya menandatangani.")})
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": _("Tanggal tanda tangan tidak boleh di masa depan.")})
    others = LembarKomitmen.objects.exclude(pk=sheet.pk)
    if kind == LembarKomitmen.Kind.REGIONAL_HEAD and others.filter(kind=kind).exists():
        raise ValidationError({"kind": _("Lembar komitmen kepala daerah sudah ada; ubah yang itu.")})
    if opd is not None and others.filter(opd=opd).exists():
        raise ValidationError({"opd": _("Lembar komitmen %(opd)s sudah ada; ubah yang itu.") % {"opd": opd.acronym}})
    if sheet.pk is None and scan is None:
        raise ValidationError({"scan": _("Unggah pindaian lembar komitmen yang sudah ditandatangani.")})
    sheet.kind, sheet.opd, sheet.signatory, sheet.position, sheet.signed_on = (
        kind,
        opd,
        signatory.strip(),
        position.strip(),
        signed_on,
    )
    old_file = sheet.scan.name if sheet.scan else ""
    if scan is not None:
        file_kind = check_scan(scan)
        sheet.scan_name = scan.name.rsplit("/", 1)[-1][:200]
        sheet.scan_type, sheet.scan_size = file_kind.content_type, scan.size
        sheet.uploaded_by, sheet.uploaded_at = actor.user, timezone.now()
    sheet._history_user = actor.user
    sheet.full_clean(exclude=["scan"])
    if scan is not None:  # removed again if the row is not written (the transaction rolls back)
        save_file(sheet.scan, f"{uuid.uuid4().hex}.{file_kind.extension}", scan)
    sheet.save()
    if scan is not None and old_file:
        transaction.on_commit(lambda: _delete_file(old_file))
    return sheet


@transaction.atomic
def delete_lembar_komitmen(*, actor: Actor, sheet: LembarKomitmen) -> None:
    _refuse_unless_admin(actor)
    name = sheet.scan.name if sheet.scan else ""
    sheet._history_user = actor.user
    sheet.delete()
    if name:
        transaction.on_commit(lambda: _delete_file(name))


def open_scan(sheet: LembarKomitmen):
    """The stored scan opened for reading (``FileNotFoundError`` when it is gone)."""
    if not sheet.scan:
        raise FileNotFoundError(sheet.pk)
    return sheet.scan.open("rb")


def _delete_file(name: str) -> None:
    from django.core.files.storage import default_storage

    default_storage.delete(name)
