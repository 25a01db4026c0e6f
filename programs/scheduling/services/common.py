"""Shared pieces of the scheduling services: the national permission check, date ranges."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def require(user, rule) -> None:
    """Refuse ``user`` unless ``rule(user)``; services never trust the caller's page."""
    if user is None or not rule(user):
        raise PermissionDenied(getattr(rule, "__name__", "refused"))


def check_range(starts: date | None, ends: date | None, *, start_field: str = "starts", end_field: str = "ends"):
    """Both dates given and in order, or a ValidationError on the right field."""
    errors = {}
    if starts is None:
        errors[start_field] = _("Tanggal mulai wajib diisi.")
    if ends is None:
        errors[end_field] = _("Tanggal akhir wajib diisi.")
    if not errors and ends < starts:
        errors[end_field] = _("Tanggal akhir (%(ends)s) sebelum tanggal mulai (%(starts)s).") % {
            "ends": ends.strftime("%d-%m-%Y"),
            "starts": starts.strftime("%d-%m-%Y"),
        }
    if errors:
        raise ValidationError(errors)


def overlapping(queryset, starts: date, ends: date, *, exclude_pk=None):
    """Rows of ``queryset`` (with ``starts``/``ends``) that share a day with ``starts…ends``."""
    rows = queryset.filter(starts__lte=ends, ends__gte=starts)
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    return rows
