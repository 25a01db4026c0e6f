"""Editing a version that no cycle uses yet: its settings, its indicators, or all of it at once
from its data (the structure of its YAML file, e.g. an API body), by ministry admins."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments.framework import indicator_rules
from assessments.framework.models import FrameworkVersion, Indicator
from assessments.framework.rules import check_can_manage_frameworks
from assessments.framework.services.versions import (
    audit_target,
    ensure_editable,
    export_version,
    read_version_data,
    set_component_weights,
)
from platform.audit import record

SETTINGS = ("name", "year", "scale_min", "scale_max", "decimals", "rounding", "description")


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
    changed = [name for name in SETTINGS if name in fields and getattr(locked, name) != fields[name]]
    for name in SETTINGS:
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
    if changed:
        record("framework_edited", actor=actor, target=audit_target(locked), settings=changed)
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
    names = ("code", "component", "subdimension", "question", "weight", "levels")
    changed = [name for name in names if name in fields and getattr(indicator, name, None) != fields[name]]
    added = indicator.pk is None
    for name in names:
        if name in fields:
            setattr(indicator, name, fields[name])
    if indicator.component.version_id != locked.pk:
        raise ValidationError({"component": _("Komponen ini bukan bagian dari versi tersebut.")})
    indicator_rules.check_indicator(indicator, version=locked)
    indicator.full_clean()
    indicator.save()
    if added or changed:
        record("framework_edited", actor=actor, target=audit_target(locked), indicator=indicator.code, changed=changed)
    return indicator


@transaction.atomic
def delete_indicator(*, actor, version: FrameworkVersion, indicator: Indicator) -> None:
    locked = _locked_editable(actor, version)
    if indicator.version_id != locked.pk:
        raise ValidationError(_("Indikator ini bukan bagian dari versi tersebut."))
    if locked.indicators.count() <= 1:
        raise ValidationError(_("Versi harus memiliki indikator: indikator terakhir tidak dapat dihapus."))
    indicator.delete()
    record("framework_edited", actor=actor, target=audit_target(locked), indicator=indicator.code, removed=True)


@transaction.atomic
def replace_version_content(*, actor, version: FrameworkVersion, data, partial: bool = False) -> FrameworkVersion:
    """Make an unfrozen version what ``data`` says (the structure of ``export_version``, read
    by ``read_version_data`` as a whole; with ``partial`` the keys left out keep their stored
    value): its settings, its component weights and its indicators (matched by code: changed,
    added, or removed when left out), through the services above, in one transaction.

    As on the screens, the version's code and its components' codes and names stay; a new set
    of components is a new version (``copy_as_new_version``)."""
    locked = _locked_editable(actor, version)
    if partial and isinstance(data, dict):
        data = export_version(locked) | data
    values = read_version_data(data, current=locked)
    components = {c.code: c for c in locked.components.order_by("order")}
    errors = {}
    if values["code"] != locked.code:
        errors["code"] = [_("Kode versi tidak dapat diubah; salin sebagai versi baru.")]
    given = [(c["code"], c["name"] or c["code"]) for c in values["components"]]
    if given != [(c.code, c.name) for c in components.values()]:
        errors["components"] = [
            _("Hanya bobot komponen yang dapat diubah; komponen lain berarti versi baru (salin versi ini).")
        ]
    if errors:
        raise ValidationError(errors)
    # Every new level lies within the new scale (read above), an old one may not: the scale
    # spans both while the indicators change, then becomes the new one.
    update_version_settings(
        actor=actor,
        version=locked,
        scale_min=min(locked.scale_min, values["scale_min"]),
        scale_max=max(locked.scale_max, values["scale_max"]),
    )
    set_component_weights(actor=actor, version=locked, weights={c["code"]: c["weight"] for c in values["components"]})
    stored = {i.code: i for i in locked.indicators.all()}
    ordered = []
    for n, item in enumerate(values["indicators"]):
        indicator = save_indicator(
            actor=actor,
            version=locked,
            indicator=stored.pop(item["code"], None),
            code=item["code"],
            component=components[item["component"]],
            subdimension=item["subdimension"],
            question=item["question"],
            weight=item["weight"],
            levels=item["levels"],
        )
        indicator.order = n
        ordered.append(indicator)
    for indicator in stored.values():
        delete_indicator(actor=actor, version=locked, indicator=indicator)
    Indicator.objects.bulk_update(ordered, ["order"])
    return update_version_settings(actor=actor, version=locked, **{name: values[name] for name in SETTINGS})
