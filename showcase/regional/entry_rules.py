"""The rules of a showcase entry, in one place: the form, the service and the demo call them.

- At most ``showcase.max_quick_wins`` featured programs, each a quick win of the workspace.
- A pitch of one paragraph, at most ``PITCH_MAX_CHARS`` characters.
- Images (logo, photos) are JPEG or PNG by their content (``platform.uploads``), no larger
  than the commitment scans may be (``programs.files.MAX_SCAN_BYTES``), and whole: Pillow
  must decode them (a truncated or corrupt file is refused). At most ``MAX_PHOTOS`` photos.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from platform import uploads
from platform.uploads import FileKind
from programs.files import MAX_SCAN_BYTES
from showcase.regional.models import MAX_PHOTOS, PITCH_MAX_CHARS

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
    """The image's kind (JPEG or PNG), as large as a commitment scan may be (``platform.uploads``)."""
    return uploads.check_image(upload, max_bytes=MAX_SCAN_BYTES, field=field)


def check_photo_count(existing: int, added: int, removed: int = 0, *, field: str | None = "photos") -> None:
    if existing - removed + added > MAX_PHOTOS:
        raise _error(field, _("Paling banyak %(max)s foto.") % {"max": MAX_PHOTOS})
