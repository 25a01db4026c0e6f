"""Framework versions as data: created (from a YAML file or a copy), exported, weighted, frozen.

A version is built from plain data (the same structure as its YAML file), validated as a
whole and written in one transaction: weights must total 100 %, every indicator must name
a component of the version and a known sub-dimension. A version used by a cycle is frozen;
``copy_as_new_version`` starts the next one from it. Writes take the actor, a ministry admin
(``assessments.framework.rules.check_can_manage_frameworks``; ``None`` for the platform's seeding).
"""

import re
from decimal import Decimal, InvalidOperation

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.framework import indicator_rules, selectors
from assessments.framework.models import Component, FrameworkVersion, Indicator, SubDimension
from assessments.framework.rules import check_can_manage_frameworks
from platform.audit import record

HUNDRED = Decimal(100)
ROUNDING_METHODS = [c for c, _ in FrameworkVersion.Rounding.choices]


def parse_decimal(value, where: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(_("%(where)s: “%(value)s” bukan angka.") % {"where": where, "value": value}) from None
    if not number.is_finite():
        raise ValidationError(_("%(where)s: “%(value)s” bukan angka.") % {"where": where, "value": value})
    return number


def _check_places(value: Decimal, where: str, places: int = 2) -> None:
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise ValidationError(
            _("%(where)s: paling banyak %(n)s desimal (“%(value)s”).") % {"where": where, "n": places, "value": value}
        )


def validate_weights(weights: list[Decimal]) -> None:
    """Each weight 0–100 % with at most two decimals, and together exactly 100 %."""
    weights = [Decimal(str(w)) for w in weights]
    for weight in weights:
        if not Decimal(0) <= weight <= HUNDRED:
            raise ValidationError({"components": _("Bobot komponen harus 0–100 %%, bukan %(w)s.") % {"w": weight}})
        _check_places(weight, _("Bobot komponen"))
    total = sum(weights, Decimal(0))
    if total != HUNDRED:
        raise ValidationError(
            {"components": _("Jumlah bobot komponen harus 100 %%, sekarang %(total)s %%.") % {"total": total}}
        )


def ensure_editable(version: FrameworkVersion) -> None:
    """Refuse to change a version a cycle uses (``ValidationError`` with the code ``frozen``)."""
    if version.is_frozen:
        raise ValidationError(
            _("Versi %(code)s sudah dipakai siklus penilaian dan dibekukan; salin sebagai versi baru.")
            % {"code": version.code},
            code="frozen",
        )


def read_version_data(data, *, current: FrameworkVersion | None = None) -> dict:
    """``data`` (the structure of ``export_version``: a YAML file, an API body) checked as a
    whole and read into values: ``code``, ``name``, ``year``, ``description``, ``scale_min``,
    ``scale_max``, ``decimals``, ``rounding``, ``components`` (``code``, ``name``, ``weight``)
    and ``indicators`` (``code``, ``component`` code, ``subdimension``, ``question``, ``weight``,
    ``levels``). Every reason for refusing it at once, keyed by the top-level key it concerns;
    the code may stay that of ``current`` (the version being replaced)."""
    if not isinstance(data, dict):
        raise ValidationError(_("Berkas kerangka harus berisi satu versi (pemetaan YAML)."))
    errors: dict[str, list[str]] = {}

    def add(field, *messages) -> None:
        errors.setdefault(field, []).extend(messages)

    def text(field, value, where, *, max_length, slug=False, required=True) -> str:
        if value is None or value == "":
            if required:
                add(field, _("%(where)s wajib diisi.") % {"where": where})
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            add(field, _("%(where)s harus berupa teks.") % {"where": where})
            return ""
        value = str(value).strip()
        if len(value) > max_length:
            add(field, _("%(where)s: paling panjang %(n)s karakter.") % {"where": where, "n": max_length})
        elif slug and not re.fullmatch(r"[-a-zA-Z0-9_]+", value):
            add(field, _("%(where)s: hanya huruf, angka, tanda hubung dan garis bawah.") % {"where": where})
        return value

    def mapping(field, value, where) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            add(field, _("%(where)s harus berupa pemetaan (kunci: nilai).") % {"where": where})
            return {}
        return value

    def sequence(field, value, where) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            add(field, _("%(where)s harus berupa daftar.") % {"where": where})
            return []
        return value

    def number(field, value, where, *, low, high, places=2):
        try:
            result = parse_decimal(value, where)
        except ValidationError as exc:
            add(field, *exc.messages)
            return None
        # The range first: the places of a number of 400 digits cannot be counted (``quantize``).
        if not low <= result <= high:
            add(field, _("%(where)s: %(value)s di luar rentang yang diizinkan.") % {"where": where, "value": result})
            return None
        try:
            _check_places(result, where, places)
        except ValidationError as exc:
            add(field, *exc.messages)
            return None
        return result

    def indicator_weight(value, *, where):
        try:
            weight = parse_decimal(value, where)
            indicator_rules.check_weight(weight, where=where)
        except ValidationError as exc:
            add("indicators", *exc.messages)
            return None
        return weight

    code = text("code", data.get("code"), _("Kode versi"), max_length=40, slug=True)
    taken = FrameworkVersion.objects.filter(code=code)
    if current is not None:
        taken = taken.exclude(pk=current.pk)
    if code and taken.exists():
        add("code", _("Versi dengan kode %(code)s sudah ada.") % {"code": code})
    name = text("name", data.get("name"), _("Nama versi"), max_length=200, required=False) or code
    description = text("description", data.get("description"), _("Keterangan"), max_length=10_000, required=False)
    year = data.get("year", timezone.localdate().year)
    if isinstance(year, bool) or not isinstance(year, int) or not 2017 <= year <= 2100:
        add("year", _("Tahun pedoman harus bilangan bulat 2017–2100."))
    scale = mapping("scale", data.get("scale"), _("Skala"))
    rounding = mapping("rounding", data.get("rounding"), _("Pembulatan"))
    scale_min = number("scale", scale.get("min", 0), _("skala minimum"), low=Decimal(0), high=Decimal("9999"))
    scale_max = number("scale", scale.get("max", 4), _("skala maksimum"), low=Decimal(0), high=Decimal("9999"))
    if scale_min is not None and scale_max is not None and scale_max <= scale_min:
        add("scale", _("Skor maksimum harus lebih besar dari skor minimum."))
    method = rounding.get("method", "half_up")
    if method not in ROUNDING_METHODS:
        add(
            "rounding",
            _("Aturan pembulatan “%(m)s” tidak dikenal (pilih: %(all)s).")
            % {"m": method, "all": ", ".join(ROUNDING_METHODS)},
        )
    decimals = rounding.get("decimals", 2)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 4:
        add("rounding", _("Jumlah desimal harus bilangan bulat 0–4."))

    components = []
    for n, comp in enumerate(sequence("components", data.get("components"), _("Komponen")), start=1):
        where = _("komponen %(n)s") % {"n": n}
        comp = mapping("components", comp, where)
        components.append(
            {
                "code": text("components", comp.get("code"), _("%(where)s, kode") % {"where": where},
                             max_length=30, slug=True),
                "name": text("components", comp.get("name"), _("%(where)s, nama") % {"where": where},
                             max_length=100, required=False),
                "weight": number("components", comp.get("weight"), _("%(where)s, bobot") % {"where": where},
                                 low=Decimal(0), high=HUNDRED),
            }
        )  # fmt: skip
    component_codes = [c["code"] for c in components if c["code"]]
    if len(set(component_codes)) != len(component_codes):
        add("components", _("Kode komponen ganda."))
    if not components:
        add("components", _("Versi harus memiliki komponen."))
    elif all(c["weight"] is not None for c in components):
        try:
            validate_weights([c["weight"] for c in components])
        except ValidationError as exc:
            add("components", *exc.messages)
    subdimensions = {s.code: s for s in SubDimension.objects.all()}
    indicators = []
    seen = set()
    for n, ind in enumerate(sequence("indicators", data.get("indicators"), _("Indikator")), start=1):
        ind = mapping("indicators", ind, _("indikator %(n)s") % {"n": n})
        ind_code = text("indicators", ind.get("code"), _("indikator %(n)s, kode") % {"n": n}, max_length=30)
        where = _("indikator %(n)s (%(code)s)") % {"n": n, "code": ind_code or "?"}
        if ind_code and ind_code in seen:
            add("indicators", _("%(where)s: kode kosong atau ganda.") % {"where": where})
        seen.add(ind_code)
        component = ind.get("component")
        if not isinstance(component, str) or component not in component_codes:
            add(
                "indicators",
                _("%(where)s: komponen “%(c)s” tidak ada di versi ini.") % {"where": where, "c": component},
            )
        subdimension = ind.get("subdimension")
        if not isinstance(subdimension, str) or subdimension not in subdimensions:
            add("indicators", _("%(where)s: subdimensi “%(s)s” tidak dikenal.") % {"where": where, "s": subdimension})
        levels = sequence("indicators", ind.get("levels"), _("%(where)s, tingkat") % {"where": where})
        try:
            indicator_rules.check_levels(levels, scale_min=scale_min, scale_max=scale_max, where=where)
        except ValidationError as exc:
            add("indicators", *exc.messages)
        weight = indicator_weight(ind.get("weight", 1), where=_("%(where)s, bobot") % {"where": where})
        indicators.append(
            {
                "code": ind_code,
                "component": component,
                "subdimension": subdimensions.get(subdimension) if isinstance(subdimension, str) else None,
                "question": text("indicators", ind.get("question"), _("%(where)s, pertanyaan") % {"where": where},
                                 max_length=5000, required=False) or ind_code,
                "weight": weight,
                "levels": list(levels),
            }
        )  # fmt: skip
    if not indicators:
        add("indicators", _("Versi harus memiliki indikator."))
    if errors:
        raise ValidationError(errors)
    return {
        "code": code,
        "name": name,
        "year": year,
        "description": description,
        "scale_min": scale_min,
        "scale_max": scale_max,
        "decimals": decimals,
        "rounding": method,
        "components": components,
        "indicators": indicators,
    }


@transaction.atomic
def create_version_from_data(*, actor, data: dict, audit_action: str = "framework_created") -> FrameworkVersion:
    """Create a version with its components and indicators from ``data`` (see ``export_version``);
    the audit log says how it came (``framework_created``, ``_copied`` or ``_imported``)."""
    check_can_manage_frameworks(actor)
    values = read_version_data(data)
    # The cached component names (ranking columns) learn the new version's once it is stored.
    transaction.on_commit(selectors.forget_labels)
    version = FrameworkVersion.objects.create(
        **{k: v for k, v in values.items() if k not in ("components", "indicators")}
    )
    by_code = {}
    for n, comp in enumerate(values["components"]):
        by_code[comp["code"]] = Component.objects.create(
            version=version, code=comp["code"], name=comp["name"] or comp["code"], weight=comp["weight"], order=n
        )
    Indicator.objects.bulk_create(
        [
            Indicator(
                version=version,
                code=ind["code"],
                component=by_code[ind["component"]],
                subdimension=ind["subdimension"],
                question=ind["question"],
                weight=ind["weight"],
                levels=ind["levels"],
                order=n,
            )
            for n, ind in enumerate(values["indicators"])
        ]
    )
    record(audit_action, actor=actor, target=audit_target(version))
    return version


def audit_target(version: FrameworkVersion) -> str:
    """The audit log's words for a version: its code and name."""
    return f"{version.code} · {version.name}"


def export_version(version: FrameworkVersion) -> dict:
    """The version as plain data: the structure of the YAML file."""
    return {
        "code": version.code,
        "name": version.name,
        "year": version.year,
        "description": version.description,
        "scale": {"min": str(version.scale_min), "max": str(version.scale_max)},
        "rounding": {"decimals": version.decimals, "method": version.rounding},
        "components": [
            {"code": c.code, "name": c.name, "weight": str(c.weight)} for c in version.components.order_by("order")
        ],
        "indicators": [
            {
                "code": i.code,
                "component": i.component.code,
                "subdimension": i.subdimension.code,
                "question": i.question,
                "weight": str(i.weight),
                "levels": i.levels,
            }
            for i in version.indicators.select_related("component", "subdimension").order_by("order")
        ],
    }


def export_version_yaml(version: FrameworkVersion) -> str:
    return yaml.safe_dump(export_version(version), allow_unicode=True, sort_keys=False)


def import_version_yaml(*, actor, text: str) -> FrameworkVersion:
    """A version from the text of its YAML file; every reason for refusing it is keyed ``file``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValidationError({"file": _("Berkas YAML tidak dapat dibaca: %(e)s") % {"e": exc}}) from None
    try:
        return create_version_from_data(actor=actor, data=data, audit_action="framework_imported")
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None


@transaction.atomic
def copy_as_new_version(*, actor, version: FrameworkVersion, code: str, name: str, year: int) -> FrameworkVersion:
    data = export_version(version) | {"code": code, "name": name, "year": year}
    new = create_version_from_data(actor=actor, data=data, audit_action="framework_copied")
    new.based_on = version
    new.save(update_fields=["based_on"])
    return new


@transaction.atomic
def set_component_weights(*, actor, version: FrameworkVersion, weights: dict[str, Decimal]) -> FrameworkVersion:
    """Change the weights of an unfrozen version (all at once, total 100 %)."""
    check_can_manage_frameworks(actor)
    ensure_editable(version)
    components = list(version.components.select_for_update())
    if set(weights) != {c.code for c in components}:
        raise ValidationError({"components": _("Bobot harus diberikan untuk setiap komponen.")})
    validate_weights(list(weights.values()))
    changed = [c.code for c in components if c.weight != weights[c.code]]
    for c in components:
        c.weight = weights[c.code]
        c.save(update_fields=["weight"])
    if changed:
        record("framework_edited", actor=actor, target=audit_target(version), weights=changed)
    return version


def freeze_version(*, version: FrameworkVersion) -> None:
    """Mark a version as used (called when a cycle starts using it); never unfrozen."""
    FrameworkVersion.objects.filter(pk=version.pk, frozen_at__isnull=True).update(frozen_at=timezone.now())
