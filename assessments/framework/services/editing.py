"""Editing a version that no cycle uses yet: its settings and its indicators (ministry admins)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments.framework import indicator_rules
from assessments.framework.models import FrameworkVersion, Indicator
from assessments.framework.rules import check_can_manage_frameworks
from assessments.framework.services.versions import ensure_editable


def _locked_editable(actor, version: FrameworkVersion) -> FrameworkVersion:
    """The version row locked for this transaction (a cycle starting meanwhile waits), or
    ``ValidationError`` when it is frozen (``PermissionDenied`` for anyone but an admin)."""
    check_can_manage_frameworks(actor)
    locked = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(locked)
    return locked


@transaction.atomic
def update_version_settings(*, actor, version: FrameworkVersion, **fields) -> FrameworkVersion:
    """Name, guideline year, score scale, rounding rule and description of an unfrozen version.

    A scale that leaves a level score of an indicator outside is refused (the indicator's own
    rule, ``indicator_rules.check_levels``), naming each indicator to fix first."""
    locked = _locked_editable(actor, version)
    for name in ("name", "year", "scale_min", "scale_max", "decimals", "rounding", "description"):
        if name in fields:
            setattr(locked, name, fields[name])
    locked.full_clean()
    outside = []
    for indicator in locked.indicators.order_by("order"):
        try:
            indicator_rules.check_levels(
                indicator.levels, scale_min=locked.scale_min, scale_max=locked.scale_max, where=indicator.code
            )
        except ValidationError as exc:
            outside.extend(exc.messages)
    if outside:
        raise ValidationError({"scale_max": outside})
    locked.save()
    return locked


@transaction.atomic
def save_indicator(*, actor, version: FrameworkVersion, indicator: Indicator | None = None, **fields) -> Indicator:
    """Add (``indicator=None``) or change a question of an unfrozen version: ``code``,
    ``component``, ``subdimension``, ``question``, ``weight``, ``levels``."""
    locked = _locked_editable(actor, version)
    if indicator is None:
        last = locked.indicators.order_by("-order").values_list("order", flat=True).first()
        indicator = Indicator(version=locked, order=(last or 0) + 1)
    elif indicator.version_id != locked.pk:
        raise ValidationError(_("Indikator ini bukan bagian dari versi tersebut."))
    for name in ("code", "component", "subdimension", "question", "weight", "levels"):
        if name in fields:
            setattr(indicator, name, fields[name])
    if indicator.component.version_id != locked.pk:
        raise ValidationError({"component": _("Komponen ini bukan bagian dari versi tersebut.")})
    indicator_rules.check_indicator(indicator, version=locked)
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def delete_indicator(*, actor, version: FrameworkVersion, indicator: Indicator) -> None:
    locked = _locked_editable(actor, version)
    if indicator.version_id != locked.pk:
        raise ValidationError(_("Indikator ini bukan bagian dari versi tersebut."))
    if locked.indicators.count() <= 1:
        raise ValidationError(_("Versi harus memiliki indikator: indikator terakhir tidak dapat dihapus."))
    indicator.delete()
