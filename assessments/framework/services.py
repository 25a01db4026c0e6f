"""Writes of the public side: framework versions, published history, region snapshots.

A version is built from plain data (the same structure as its YAML file), validated as a
whole and written in one transaction: weights must total 100 %, every indicator must name
a component of the version and a known sub-dimension. A version used by a cycle is frozen;
``copy_as_new_version`` starts the next one from it.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import yaml
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.framework.models import (
    Component,
    FrameworkVersion,
    Indicator,
    PublishedResult,
    RankingPublication,
    RegionSnapshot,
    Stage,
    SubDimension,
)

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
    if version.is_frozen:
        raise ValidationError(
            _("Versi %(code)s sudah dipakai siklus penilaian dan dibekukan; salin sebagai versi baru.")
            % {"code": version.code}
        )


@transaction.atomic
def create_version_from_data(*, data: dict) -> FrameworkVersion:
    """Create a version with its components and indicators from ``data`` (see ``export_version``)."""
    if not isinstance(data, dict):
        raise ValidationError(_("Berkas kerangka harus berisi satu versi (pemetaan YAML)."))
    errors: list[str] = []

    def text(value, where, *, max_length, slug=False, required=True) -> str:
        if value is None or value == "":
            if required:
                errors.append(_("%(where)s wajib diisi.") % {"where": where})
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            errors.append(_("%(where)s harus berupa teks.") % {"where": where})
            return ""
        value = str(value).strip()
        if len(value) > max_length:
            errors.append(_("%(where)s: paling panjang %(n)s karakter.") % {"where": where, "n": max_length})
        elif slug and not re.fullmatch(r"[-a-zA-Z0-9_]+", value):
            errors.append(_("%(where)s: hanya huruf, angka, tanda hubung dan garis bawah.") % {"where": where})
        return value

    def mapping(value, where) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            errors.append(_("%(where)s harus berupa pemetaan (kunci: nilai).") % {"where": where})
            return {}
        return value

    def sequence(value, where) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            errors.append(_("%(where)s harus berupa daftar.") % {"where": where})
            return []
        return value

    def number(value, where, *, low, high, places=2, strict_low=False):
        try:
            result = parse_decimal(value, where)
            _check_places(result, where, places)
        except ValidationError as exc:
            errors.extend(exc.messages)
            return None
        if result < low or (strict_low and result == low) or result > high:
            errors.append(_("%(where)s: %(value)s di luar rentang yang diizinkan.") % {"where": where, "value": result})
            return None
        return result

    code = text(data.get("code"), _("Kode versi"), max_length=40, slug=True)
    if code and FrameworkVersion.objects.filter(code=code).exists():
        errors.append(_("Versi dengan kode %(code)s sudah ada.") % {"code": code})
    name = text(data.get("name"), _("Nama versi"), max_length=200, required=False) or code
    description = text(data.get("description"), _("Keterangan"), max_length=10_000, required=False)
    year = data.get("year", timezone.localdate().year)
    if isinstance(year, bool) or not isinstance(year, int) or not 2017 <= year <= 2100:
        errors.append(_("Tahun pedoman harus bilangan bulat 2017–2100."))
    scale = mapping(data.get("scale"), _("Skala"))
    rounding = mapping(data.get("rounding"), _("Pembulatan"))
    scale_min = number(scale.get("min", 0), _("skala minimum"), low=Decimal(0), high=Decimal("9999"))
    scale_max = number(scale.get("max", 4), _("skala maksimum"), low=Decimal(0), high=Decimal("9999"))
    if scale_min is not None and scale_max is not None and scale_max <= scale_min:
        errors.append(_("Skor maksimum harus lebih besar dari skor minimum."))
    method = rounding.get("method", "half_up")
    if method not in ROUNDING_METHODS:
        errors.append(
            _("Aturan pembulatan “%(m)s” tidak dikenal (pilih: %(all)s).")
            % {"m": method, "all": ", ".join(ROUNDING_METHODS)}
        )
    decimals = rounding.get("decimals", 2)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 4:
        errors.append(_("Jumlah desimal harus bilangan bulat 0–4."))

    components = []
    for n, comp in enumerate(sequence(data.get("components"), _("Komponen")), start=1):
        where = _("komponen %(n)s") % {"n": n}
        comp = mapping(comp, where)
        components.append(
            {
                "code": text(comp.get("code"), _("%(where)s, kode") % {"where": where}, max_length=30, slug=True),
                "name": text(comp.get("name"), _("%(where)s, nama") % {"where": where}, max_length=100, required=False),
                "weight": number(
                    comp.get("weight"), _("%(where)s, bobot") % {"where": where}, low=Decimal(0), high=HUNDRED
                ),
            }
        )
    component_codes = [c["code"] for c in components if c["code"]]
    if len(set(component_codes)) != len(component_codes):
        errors.append(_("Kode komponen ganda."))
    if not components:
        errors.append(_("Versi harus memiliki komponen."))
    elif all(c["weight"] is not None for c in components):
        try:
            validate_weights([c["weight"] for c in components])
        except ValidationError as exc:
            errors.extend(exc.messages)
    subdimensions = {s.code: s for s in SubDimension.objects.all()}
    indicators = []
    seen = set()
    for n, ind in enumerate(sequence(data.get("indicators"), _("Indikator")), start=1):
        ind = mapping(ind, _("indikator %(n)s") % {"n": n})
        ind_code = text(ind.get("code"), _("indikator %(n)s, kode") % {"n": n}, max_length=30)
        where = _("indikator %(n)s (%(code)s)") % {"n": n, "code": ind_code or "?"}
        if ind_code and ind_code in seen:
            errors.append(_("%(where)s: kode kosong atau ganda.") % {"where": where})
        seen.add(ind_code)
        component = ind.get("component")
        if not isinstance(component, str) or component not in component_codes:
            errors.append(_("%(where)s: komponen “%(c)s” tidak ada di versi ini.") % {"where": where, "c": component})
        subdimension = ind.get("subdimension")
        if not isinstance(subdimension, str) or subdimension not in subdimensions:
            errors.append(_("%(where)s: subdimensi “%(s)s” tidak dikenal.") % {"where": where, "s": subdimension})
        levels = sequence(ind.get("levels"), _("%(where)s, tingkat") % {"where": where})
        if not all(isinstance(level, dict) for level in levels):
            errors.append(_("%(where)s: setiap tingkat berisi score dan description.") % {"where": where})
        indicators.append(
            {
                "code": ind_code,
                "component": component,
                "subdimension": subdimension,
                "question": text(ind.get("question"), _("%(where)s, pertanyaan") % {"where": where},
                                 max_length=5000, required=False) or ind_code,
                "weight": number(ind.get("weight", 1), _("%(where)s, bobot") % {"where": where},
                                 low=Decimal(0), high=Decimal("9999"), strict_low=True),
                "levels": levels,
            }
        )  # fmt: skip
    if not indicators:
        errors.append(_("Versi harus memiliki indikator."))
    if errors:
        raise ValidationError(errors)

    version = FrameworkVersion.objects.create(
        code=code,
        name=name,
        year=year,
        scale_min=scale_min,
        scale_max=scale_max,
        decimals=decimals,
        rounding=method,
        description=description,
    )
    by_code = {}
    for n, comp in enumerate(components):
        by_code[comp["code"]] = Component.objects.create(
            version=version, code=comp["code"], name=comp["name"] or comp["code"], weight=comp["weight"], order=n
        )
    Indicator.objects.bulk_create(
        [
            Indicator(
                version=version,
                code=ind["code"],
                component=by_code[ind["component"]],
                subdimension=subdimensions[ind["subdimension"]],
                question=ind["question"],
                weight=ind["weight"],
                levels=list(ind["levels"]),
                order=n,
            )
            for n, ind in enumerate(indicators)
        ]
    )
    return version


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


def import_version_yaml(*, text: str) -> FrameworkVersion:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValidationError(_("Berkas YAML tidak dapat dibaca: %(e)s") % {"e": exc}) from None
    return create_version_from_data(data=data)


@transaction.atomic
def copy_as_new_version(*, version: FrameworkVersion, code: str, name: str, year: int) -> FrameworkVersion:
    data = export_version(version) | {"code": code, "name": name, "year": year}
    new = create_version_from_data(data=data)
    new.based_on = version
    new.save(update_fields=["based_on"])
    return new


@transaction.atomic
def set_component_weights(*, version: FrameworkVersion, weights: dict[str, Decimal]) -> FrameworkVersion:
    """Change the weights of an unfrozen version (all at once, total 100 %)."""
    ensure_editable(version)
    components = list(version.components.select_for_update())
    if set(weights) != {c.code for c in components}:
        raise ValidationError({"components": _("Bobot harus diberikan untuk setiap komponen.")})
    validate_weights(list(weights.values()))
    for c in components:
        c.weight = weights[c.code]
        c.save(update_fields=["weight"])
    return version


def freeze_version(*, version: FrameworkVersion) -> None:
    """Mark a version as used (called when a cycle starts using it); never unfrozen."""
    FrameworkVersion.objects.filter(pk=version.pk, frozen_at__isnull=True).update(frozen_at=timezone.now())


# --- published history ------------------------------------------------------------------


@dataclass
class HistoryImportResult:
    created: int
    updated: int


HISTORY_COLUMNS = ("region_code", "year", "stage", "overall")
# Published indexes and their parts are scores on a guideline's scale (0–4 so far); the
# column holds up to 9999.999, and anything above 100 is a typing error.
SCORE_LIMIT = 100


def _read_rows(*, filename: str, content: bytes) -> list[dict]:
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many types for a broken file
            raise ValidationError(_("Berkas XLSX tidak dapat dibaca: %(e)s") % {"e": exc}) from None
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("Berkas CSV harus berkodekan UTF-8.")) from None
        try:
            dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
        except csv.Error:  # one column, or a first line the sniffer cannot read: plain commas
            dialect = csv.excel
        try:
            rows = list(csv.reader(io.StringIO(text), dialect))
        except csv.Error as exc:
            raise ValidationError(_("Berkas CSV tidak dapat dibaca: %(e)s") % {"e": exc}) from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise ValidationError(_("Berkas kosong."))
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in HISTORY_COLUMNS if c not in header]
    if missing:
        raise ValidationError(_("Kolom wajib tidak ada: %(cols)s.") % {"cols": ", ".join(missing)})
    return [dict(zip(header, row, strict=False)) | {"_row": n} for n, row in enumerate(rows[1:], start=2)]


def parse_indonesian_decimal(text: str) -> Decimal:
    """``"3,17"`` and ``"3.17"`` → ``Decimal("3.17")``; anything else raises ``ValueError``."""
    text = text.strip()
    if "," in text and "." in text:  # 1.234,5 (thousands dot, decimal comma)
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


@transaction.atomic
def import_published_results(*, filename: str, content: bytes, imported_by=None) -> HistoryImportResult:
    """Import published results (CSV or XLSX): all rows or nothing.

    Columns: ``region_code, year, stage, overall`` and optionally ``rank``,
    ``component:<code>`` and ``dimension:<code>`` (e.g. ``component:baseline``).
    """
    from tenants.models import Region

    rows = _read_rows(filename=filename, content=content)
    regions = set(Region.objects.values_list("code", flat=True))
    errors, parsed = [], []
    for row in rows:
        n = row["_row"]

        def number(column, *, integer=False, required=True, low=None, high=None, row=row, n=n):
            raw = (row.get(column) or "").strip()
            if not raw:
                if required:
                    errors.append(_("Baris %(row)s, kolom %(col)s: wajib diisi.") % {"row": n, "col": column})
                return None
            try:
                value = parse_indonesian_decimal(raw)
                if integer and value != value.to_integral_value():
                    raise ValueError(raw)
            except ValueError:
                errors.append(
                    _("Baris %(row)s, kolom %(col)s: “%(value)s” bukan angka.")
                    % {"row": n, "col": column, "value": raw}
                )
                return None
            if (low is not None and value < low) or (high is not None and value > high):
                errors.append(
                    _("Baris %(row)s, kolom %(col)s: %(value)s di luar rentang %(low)s–%(high)s.")
                    % {"row": n, "col": column, "value": raw, "low": low, "high": high}
                )
                return None
            if not integer and value != value.quantize(Decimal("0.001")):
                errors.append(
                    _("Baris %(row)s, kolom %(col)s: “%(value)s” memiliki lebih dari tiga desimal.")
                    % {"row": n, "col": column, "value": raw}
                )
                return None
            return int(value) if integer else value

        code = (row.get("region_code") or "").strip()
        if code not in regions:
            errors.append(
                _("Baris %(row)s, kolom region_code: kode wilayah “%(code)s” tidak dikenal.") % {"row": n, "code": code}
            )
        year, stage = number("year", integer=True, low=2017, high=2100), number("stage", integer=True)
        if stage is not None and stage not in Stage.values:
            errors.append(_("Baris %(row)s, kolom stage: tahap harus 1 atau 2.") % {"row": n})
        overall = number("overall", low=0, high=SCORE_LIMIT)
        rank = number("rank", integer=True, required=False, low=1, high=10_000)
        parts = {"component": {}, "dimension": {}}
        for column in row:
            if isinstance(column, str) and ":" in column:
                kind, _sep, key = column.partition(":")
                if kind in parts:
                    value = number(column, required=False, low=0, high=SCORE_LIMIT)
                    if value is not None:
                        parts[kind][key] = str(value)
        parsed.append((code, year, stage, overall, rank, parts))
    if errors:
        raise ValidationError(errors)
    seen = set()
    for code, year, stage, *_rest in parsed:
        if (code, year, stage) in seen:
            raise ValidationError(
                _("Wilayah %(code)s periode %(y)s/%(s)s muncul dua kali.") % {"code": code, "y": year, "s": stage}
            )
        seen.add((code, year, stage))
    existing = set(
        PublishedResult.objects.filter(region_id__in={p[0] for p in parsed}).values_list("region_id", "year", "stage")
    )
    PublishedResult.objects.bulk_create(
        [
            PublishedResult(
                region_id=code,
                year=year,
                stage=stage,
                overall=overall,
                rank=rank,
                components=parts["component"],
                dimensions=parts["dimension"],
                imported_by=imported_by,
                imported_at=timezone.now(),
            )
            for code, year, stage, overall, rank, parts in parsed
        ],
        update_conflicts=True,
        unique_fields=["region", "year", "stage"],
        update_fields=["overall", "rank", "components", "dimensions", "imported_by", "imported_at"],
    )
    updated = len(seen & existing)
    created = len(parsed) - updated
    write_imported_snapshots(region_codes={p[0] for p in parsed})
    return HistoryImportResult(created, updated)


# --- the national roll-up ---------------------------------------------------------------


def write_imported_snapshots(*, region_codes: set[str]) -> None:
    """Snapshot rows for published periods that no final cycle of the workspace covers.

    Bulk writes: one upsert for the imported rows, one update per period for the published
    rank of computed rows, then one ranking statement per touched period.
    """
    computed = set(
        RegionSnapshot.objects.filter(region_id__in=region_codes, source=RegionSnapshot.Source.COMPUTED).values_list(
            "region_id", "year", "stage"
        )
    )
    results = list(PublishedResult.objects.filter(region_id__in=region_codes))
    RegionSnapshot.objects.bulk_create(
        [
            RegionSnapshot(
                region_id=r.region_id,
                year=r.year,
                stage=r.stage,
                source=RegionSnapshot.Source.IMPORTED,
                overall=r.overall,
                components=r.components,
                dimensions=r.dimensions,
                published_rank=r.rank,
                framework_version=None,
            )
            for r in results
            if (r.region_id, r.year, r.stage) not in computed
        ],
        update_conflicts=True,
        unique_fields=["region", "year", "stage"],
        update_fields=[
            "source",
            "overall",
            "components",
            "dimensions",
            "published_rank",
            "framework_version",
            "refreshed_at",
        ],
    )
    for r in results:
        if (r.region_id, r.year, r.stage) in computed:
            RegionSnapshot.objects.filter(region_id=r.region_id, year=r.year, stage=r.stage).update(
                published_rank=r.rank
            )
    for year, stage in sorted({(r.year, r.stage) for r in results}):
        recompute_ranks(year=year, stage=stage)


RANK_SQL = """
UPDATE framework_regionsnapshot AS s SET rank = r.rnk
FROM (
    SELECT id, CASE WHEN source <> 'provisional' AND overall IS NOT NULL
                    THEN RANK() OVER (PARTITION BY (source <> 'provisional' AND overall IS NOT NULL)
                                      ORDER BY overall DESC) END AS rnk
    FROM framework_regionsnapshot WHERE year = %s AND stage = %s
) AS r
WHERE s.id = r.id AND s.rank IS DISTINCT FROM r.rnk
"""


def recompute_ranks(*, year: int, stage: int) -> None:
    """National ranks of one period in one statement.

    Rule: ranked rows are final cycles and imported results; a higher published index
    ranks higher; equal indexes share a rank and the next rank is skipped (1, 2, 2, 4);
    within a tie, lists order regions by Kemendagri code.
    """
    with connection.cursor() as cursor:
        cursor.execute(RANK_SQL.replace("framework_regionsnapshot", "public.framework_regionsnapshot"), [year, stage])


# --- the two guideline versions actually used -----------------------------------------

STANDARD_COMPONENTS = [
    ("baseline", "Baseline", "BL"),
    ("output", "Output", "OP"),
    ("outcome", "Outcome", "OC"),
    ("impact", "Impact", "IM"),
    ("quick_win", "Quick Win", "QW"),
]
STANDARD_QUESTIONS = {
    "baseline": "Kondisi awal (data dasar) %(sub)s telah dipetakan dan terdokumentasi",
    "output": "Program %(sub)s pada masterplan telah menghasilkan keluaran yang terukur",
    "outcome": "Layanan %(sub)s dimanfaatkan masyarakat dan perangkat daerah",
    "impact": "Program %(sub)s berdampak pada indikator kinerja daerah",
    "quick_win": "Quick win %(sub)s berjalan sesuai rencana dan risikonya dikelola",
}
STANDARD_LEVELS = [
    {"score": 0, "description": "Belum ada"},
    {"score": 1, "description": "Direncanakan"},
    {"score": 2, "description": "Sebagian berjalan"},
    {"score": 3, "description": "Berjalan dan terdokumentasi"},
    {"score": 4, "description": "Berjalan, dievaluasi dan dikembangkan"},
]
STANDARD_VERSIONS = [
    ("pedoman-2019", "Pedoman Evaluasi Smart City 2019", 2019, [10, 20, 30, 30, 10]),
    ("pedoman-2022", "Pedoman Evaluasi Smart City 2022", 2022, [10, 20, 30, 20, 20]),
]


def standard_version_data(*, code: str, name: str, year: int, weights: list[int]) -> dict:
    """A version in the standard shape: one indicator per component and dimension."""
    indicators = []
    subs = list(SubDimension.objects.select_related("dimension").order_by("dimension__order", "order"))
    for c_index, (component, _label, prefix) in enumerate(STANDARD_COMPONENTS):
        for d_index in range(0, len(subs), 3):
            sub = subs[d_index + c_index % 3]
            indicators.append(
                {
                    "code": f"{prefix}{d_index // 3 + 1}",
                    "component": component,
                    "subdimension": sub.code,
                    "question": STANDARD_QUESTIONS[component] % {"sub": sub.name.lower()},
                    "weight": "1",
                    "levels": STANDARD_LEVELS,
                }
            )
    return {
        "code": code,
        "name": name,
        "year": year,
        "scale": {"min": "0", "max": "4"},
        "rounding": {"decimals": 2, "method": "half_up"},
        "components": [
            {"code": c, "name": label, "weight": str(w)}
            for (c, label, _prefix), w in zip(STANDARD_COMPONENTS, weights, strict=True)
        ],
        "indicators": indicators,
    }


def seed_standard_versions() -> list[FrameworkVersion]:
    """The two guideline versions seen in practice (10/20/30/30/10 and 10/20/30/20/20); idempotent."""
    result = []
    for code, name, year, weights in STANDARD_VERSIONS:
        version = FrameworkVersion.objects.filter(code=code).first()
        if version is None:
            version = create_version_from_data(
                data=standard_version_data(code=code, name=name, year=year, weights=weights)
            )
        result.append(version)
    return result


def publish_ranking(*, year: int, stage: int, actor) -> RankingPublication:
    """Make the national ranking of a period readable by every workspace's members."""
    if not RegionSnapshot.objects.filter(year=year, stage=stage, rank__isnull=False).exists():
        raise ValidationError(_("Periode ini belum punya peringkat untuk diterbitkan."))
    publication, _created = RankingPublication.objects.get_or_create(
        year=year, stage=stage, defaults={"published_by": actor}
    )
    _publications_changed()
    return publication


def withdraw_ranking(*, year: int, stage: int) -> None:
    RankingPublication.objects.filter(year=year, stage=stage).delete()
    _publications_changed()


def _publications_changed() -> None:
    from assessments.framework.selectors import forget_publications

    forget_publications()
    transaction.on_commit(forget_publications)


# --- editing a version that no cycle uses yet ------------------------------------------------


def _locked_editable(version: FrameworkVersion) -> FrameworkVersion:
    """The version row locked for this transaction (a cycle starting meanwhile waits), or
    ``ValidationError`` when it is frozen."""
    locked = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(locked)
    return locked


@transaction.atomic
def update_version_settings(*, version: FrameworkVersion, **fields) -> FrameworkVersion:
    """Name, guideline year, score scale, rounding rule and description of an unfrozen version."""
    locked = _locked_editable(version)
    for name in ("name", "year", "scale_min", "scale_max", "decimals", "rounding", "description"):
        if name in fields:
            setattr(locked, name, fields[name])
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def save_indicator(*, version: FrameworkVersion, indicator: Indicator | None = None, **fields) -> Indicator:
    """Add (``indicator=None``) or change a question of an unfrozen version: ``code``,
    ``component``, ``subdimension``, ``question``, ``weight``, ``levels``."""
    locked = _locked_editable(version)
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
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def delete_indicator(*, version: FrameworkVersion, indicator: Indicator) -> None:
    locked = _locked_editable(version)
    if indicator.version_id != locked.pk:
        raise ValidationError(_("Indikator ini bukan bagian dari versi tersebut."))
    if locked.indicators.count() <= 1:
        raise ValidationError(_("Versi harus memiliki indikator: indikator terakhir tidak dapat dihapus."))
    indicator.delete()
