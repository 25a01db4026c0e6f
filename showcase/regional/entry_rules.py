"""The rules of a showcase entry, in one place: the form, the service and the demo call them.

- At most ``showcase.max_quick_wins`` featured programs, each a quick win of the workspace.
- A pitch of one paragraph, at most ``PITCH_MAX_CHARS`` characters.
- Images (logo, photos) are JPEG or PNG by their content (``platform.uploads``), no larger
  than the commitment scans may be (``programs.files.MAX_SCAN_BYTES``), and whole: Pillow
  must decode them (a truncated or corrupt file is refused). At most ``MAX_PHOTOS`` photos.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from platform.uploads import FileKind, sniff_upload
from programs.files import MAX_SCAN_BYTES
from showcase.regional.models import MAX_PHOTOS, PITCH_MAX_CHARS

IMAGE_KINDS = {"jpeg": "JPEG", "png": "PNG"}  # sniffed kind → Pillow's format name
ACCEPT = ".jpg,.jpeg,.png,image/jpeg,image/png"


def _error(field: str | None, message: str) -> ValidationError:
    """On ``field`` for a service's caller, or a plain message inside a form field's own clean."""
    return ValidationError({field: message} if field else message)


def max_image_mb() -> float:
    return round(MAX_SCAN_BYTES / 1024 / 1024, 1)


def check_featured(programs, *, max_quick_wins: int, field: str | None = "featured") -> None:
    programs = list(programs)
    if len(programs) > max_quick_wins:
        raise _error(
            field,
            _("Pilih paling banyak %(max)s quick win.") % {"max": max_quick_wins},
        )
    not_quick = [p.title for p in programs if not p.is_quick_win]
    if not_quick:
        raise _error(
            field, _("Bukan quick win: %(titles)s. Tandai dulu sebagai quick win.") % {"titles": ", ".join(not_quick)}
        )


def normalised_pitch(pitch: str) -> str:
    """The pitch as one paragraph: line breaks and runs of spaces become one space."""
    return " ".join((pitch or "").split())


def check_pitch(pitch: str, *, field: str | None = "pitch") -> str:
    pitch = normalised_pitch(pitch)
    if len(pitch) > PITCH_MAX_CHARS:
        raise _error(
            field,
            _("Paparan singkat terlalu panjang (%(n)s karakter); paling banyak %(max)s.")
            % {"n": len(pitch), "max": PITCH_MAX_CHARS},
        )
    return pitch


def check_image(upload, *, field: str | None) -> FileKind:
    """The image's kind (JPEG or PNG); ``ValidationError`` in words a regional officer reads."""
    if upload.size > MAX_SCAN_BYTES:
        raise _error(
            field,
            _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
            % {"size": round(upload.size / 1024 / 1024, 1), "max": max_image_mb()},
        )
    kind = sniff_upload(upload)
    if kind is None or kind.name not in IMAGE_KINDS:
        raise _error(field, _("Isi berkas bukan gambar JPEG atau PNG. Unggah foto atau logo berjenis itu."))
    try:
        with Image.open(upload) as image:
            image.verify()  # structure and checksums
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()  # every pixel: a truncated file fails here
            readable = image.format == IMAGE_KINDS[kind.name]
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        readable = False
    finally:
        upload.seek(0)
    if not readable:
        raise _error(
            field, _("Gambar rusak atau tidak lengkap dan tidak dapat dibuka. Simpan ulang gambarnya lalu unggah lagi.")
        )
    return kind


def check_photo_count(existing: int, added: int, removed: int = 0, *, field: str | None = "photos") -> None:
    if existing - removed + added > MAX_PHOTOS:
        raise _error(field, _("Paling banyak %(max)s foto.") % {"max": MAX_PHOTOS})
