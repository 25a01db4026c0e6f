"""What an uploaded file really is, read from its first bytes: the one sniffer of every upload.

A file's name and declared content type are the sender's claim; its first bytes are not.
Every upload (commitment scans, evidence files, Excel workbooks) is recognised here, by one
table of signatures. OOXML documents (XLSX, DOCX, PPTX) are ZIP containers: the sniffer says
``zip`` and the caller opens the container when it needs to know more.

Files are written with ``save_file`` into ``UploadStorage``: a full disk is a clear form
error, never half a file, and a file whose transaction rolled back is removed again.
"""

import contextlib
import logging
import os
import threading
import weakref
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext, gettext_lazy
from django_tenants.files.storage import TenantFileSystemStorage

from platform import formats as local_formats

logger = logging.getLogger(__name__)

HEAD_BYTES = 16  # enough for every signature below


@dataclass(frozen=True)
class FileKind:
    name: str  # "pdf", "jpeg", "png", "zip"
    content_type: str
    extension: str  # the canonical one, without the dot


PDF = FileKind("pdf", "application/pdf", "pdf")
JPEG = FileKind("jpeg", "image/jpeg", "jpg")
PNG = FileKind("png", "image/png", "png")
ZIP = FileKind("zip", "application/zip", "zip")

SIGNATURES: tuple[tuple[bytes, FileKind], ...] = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"PK\x03\x04", ZIP),
)


def sniff(head: bytes) -> FileKind | None:
    """The kind of a file from its first bytes (at least ``HEAD_BYTES`` when it has them), else ``None``."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def sniff_upload(upload) -> FileKind | None:
    """The kind of an uploaded file (anything with ``seek`` and ``read``); leaves it at its start."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return sniff(head)


# --- Storing files: the one way to write a FileField ---------------------------------------

IMAGE_FORMATS = {"jpeg": "JPEG", "png": "PNG"}  # sniffed kind → Pillow's format name


def check_image(upload, *, max_bytes: int, field: str | None = None) -> FileKind:
    """A JPEG or PNG upload, whole: its size, its content (not its name) and every pixel
    decoded (a truncated or corrupt file is refused). The kind, or a ``ValidationError`` on
    ``field`` (a plain message when ``None``, for a form field's own clean)."""
    from PIL import Image, UnidentifiedImageError  # only the image uploads need Pillow

    def error(message: str) -> ValidationError:
        return ValidationError({field: message} if field else message)

    if upload.size > max_bytes:
        raise error(
            gettext("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
            % {"size": local_formats.megabytes(upload.size), "max": local_formats.megabytes(max_bytes)}
        )
    kind = sniff_upload(upload)
    if kind is None or kind.name not in IMAGE_FORMATS:
        raise error(gettext("Isi berkas bukan gambar JPEG atau PNG. Unggah foto atau logo berjenis itu."))
    try:
        with Image.open(upload) as image:
            image.verify()  # structure and checksums
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()  # every pixel: a truncated file fails here
            readable = image.format == IMAGE_FORMATS[kind.name]
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        readable = False
    finally:
        upload.seek(0)
    if not readable:
        raise error(
            gettext("Gambar rusak atau tidak lengkap dan tidak dapat dibuka. Simpan ulang gambarnya lalu unggah lagi.")
        )
    return kind


STORAGE_FAILED = gettext_lazy(
    "Berkas tidak dapat disimpan karena ruang penyimpanan server penuh atau tidak tersedia. "
    "Tidak ada yang berubah; coba lagi nanti atau hubungi admin."
)


class UploadStorage(TenantFileSystemStorage):
    """The workspace's file storage (django-tenants), which never leaves half a file behind:
    a write that fails (a full disk) removes what it had written and raises ``OSError``."""

    _writing = threading.local()

    def get_available_name(self, name, max_length=None):
        name = super().get_available_name(name, max_length=max_length)
        self._writing.name = name  # the name _save really writes to, after any collision
        return name

    def _save(self, name, content):
        self._writing.name = name
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError:
            partial = self.path(self._writing.name)
            with contextlib.suppress(OSError):
                os.remove(partial)
            raise


def save_file(field_file, name: str, content) -> str:
    """Write ``content`` into ``field_file`` (``instance.file``) without saving the instance.

    A write that fails (disk full) is a ``ValidationError`` with a message for the person
    and leaves no file; inside a transaction, the file is removed again if that transaction
    (or the savepoint it was written in) rolls back, so no file outlives its row and no row
    points to a missing file. Returns the stored name.
    """
    field_name = getattr(getattr(field_file, "field", None), "name", None) or NON_FIELD_ERRORS
    try:
        field_file.save(name, content, save=False)
    except OSError as exc:
        logger.error("storing %s failed: %s", name, exc)
        raise ValidationError({field_name: STORAGE_FAILED}) from exc
    delete_on_rollback(field_file.storage, field_file.name)
    return field_file.name


class _KeepOnCommit:
    """The ``on_commit`` callback of a stored file: if Django drops it without running it (a
    rollback of the transaction or of the savepoint it was registered in), the file goes."""

    def __init__(self, storage, name):
        self.committed = False
        weakref.finalize(self, _delete_unless_committed, self.__dict__, storage, name)

    def __call__(self):
        self.committed = True


def _delete_unless_committed(state: dict, storage, name: str) -> None:
    if not state["committed"]:
        with contextlib.suppress(OSError):
            storage.delete(name)


def delete_on_rollback(storage, name: str) -> None:
    """Delete the stored file ``name`` if the current transaction rolls back (nothing outside one)."""
    if connection.in_atomic_block:
        transaction.on_commit(_KeepOnCommit(storage, name))
