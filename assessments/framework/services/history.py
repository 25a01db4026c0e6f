"""Published results of past periods, imported from CSV or XLSX (all rows or nothing)."""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.framework import selectors
from assessments.framework.models import PublishedResult, Stage
from assessments.framework.rules import check_can_manage_frameworks, user_of
from assessments.framework.services.ranks import write_imported_snapshots
from platform.audit import record
from platform.uploads import HEAD_BYTES, sniff
from tenants.models import Region


@dataclass
class HistoryImportResult:
    created: int
    updated: int
    periods: list[tuple[int, int]] = field(default_factory=list)  # (year, stage) imported, oldest first


HISTORY_COLUMNS = ("region_code", "year", "stage", "overall")
# Indonesian headers accepted next to the English ones (compared in lower case, spaces as
# underscores: "Kode daerah" is kode_daerah); the import page lists them from here.
COLUMN_ALIASES = {
    "region_code": ("kode_daerah", "kode_wilayah"),
    "year": ("tahun",),
    "stage": ("tahap",),
    "overall": ("nilai", "indeks"),
    "rank": ("peringkat",),
}
PART_ALIASES = {"component": ("komponen",), "dimension": ("dimensi",)}
_CANONICAL = {alias: name for name, aliases in {**COLUMN_ALIASES, **PART_ALIASES}.items() for alias in aliases}
# Published indexes and their parts are scores on a guideline's scale (0–4 so far); the
# column holds up to 9999.999, and anything above 100 is a typing error.
SCORE_LIMIT = 100
# A workbook of every region's results over the years unpacks to a few megabytes; more is
# not a results file (or is a zip bomb), and is refused before openpyxl opens it.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


def _check_workbook_zip(content: bytes) -> None:
    """Refuse a zip that is not a workbook, or whose members would unpack too large."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            is_workbook = "xl/workbook.xml" in archive.namelist()
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise ValidationError(_("Berkas XLSX tidak dapat dibaca: %(e)s") % {"e": exc}) from None
    if not is_workbook:
        raise ValidationError(
            _("Berkas ini bukan berkas Excel XLSX. Simpan dari Excel atau LibreOffice sebagai .xlsx, lalu unggah lagi.")
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(_("Isi berkas terlalu besar setelah dibuka; berkas ini ditolak."))


def _xlsx_rows(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    _check_workbook_zip(content)
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # openpyxl raises many types for a broken file, while opening or reading
        raise ValidationError(_("Berkas XLSX tidak dapat dibaca: %(e)s") % {"e": exc}) from None


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Berkas CSV harus berkodekan UTF-8.")) from None
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    except csv.Error:  # one column, or a first line the sniffer cannot read: plain commas
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise ValidationError(_("Berkas CSV tidak dapat dibaca: %(e)s") % {"e": exc}) from None


def _read_rows(content: bytes) -> list[dict]:
    """The rows of the file as dicts keyed by the header; XLSX or CSV decided by the content
    (a zip container is a workbook), never by the file's name."""
    kind = sniff(content[:HEAD_BYTES])
    rows = _xlsx_rows(content) if kind is not None and kind.name == "zip" else _csv_rows(content)
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise ValidationError(_("Berkas kosong."))
    header = [canonical_column(h) for h in rows[0]]
    missing = [c for c in HISTORY_COLUMNS if c not in header]
    if missing:
        raise ValidationError(_("Kolom wajib tidak ada: %(cols)s.") % {"cols": ", ".join(missing)})
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:
        raise ValidationError(_("Kolom muncul dua kali: %(cols)s.") % {"cols": ", ".join(twice)})
    if len(rows) == 1:
        raise ValidationError(
            _("Berkas tidak berisi baris data: di bawah judul kolom, satu baris per wilayah dan periode.")
        )
    return [dict(zip(header, row, strict=False)) | {"_row": n} for n, row in enumerate(rows[1:], start=2)]


def canonical_column(text: str) -> str:
    """A header as the import knows it: ``"Kode daerah"`` → ``region_code``, ``"komponen:
    baseline"`` → ``component:baseline``; English names stay as they are."""
    name, colon, key = str(text).strip().lower().partition(":")
    name = "_".join(name.split())
    name = _CANONICAL.get(name, name)
    return f"{name}:{key.strip()}" if colon else name


def accepted_codes() -> dict[str, list[tuple[str, str]]]:
    """The component and dimension codes of the framework data: (code, name) by kind."""
    return {
        "component": list(selectors.component_labels().items()),
        "dimension": [(d.code, d.name) for d in selectors.dimensions()],
    }


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


def _parsed_results(content: bytes) -> list[tuple]:
    """The file's rows read and checked: (region code, year, stage, overall, rank, parts)
    each, or ``ValidationError`` with every row's problems (row and column named)."""
    rows = _read_rows(content)
    regions = set(Region.objects.values_list("code", flat=True))
    known = {kind: {code for code, _name in codes} for kind, codes in accepted_codes().items()}
    errors, parsed = [], []
    for column in rows[0]:
        kind, colon, key = column.partition(":") if isinstance(column, str) else ("", "", "")
        # Before the framework has codes of a kind (a new installation), they are taken as written.
        if colon and kind in known and known[kind] and key not in known[kind]:
            errors.append(
                _("Kolom %(col)s: kode “%(code)s” tidak dikenal; yang diterima: %(codes)s.")
                % {"col": column, "code": key, "codes": ", ".join(sorted(known[kind]))}
            )
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
    return parsed


@transaction.atomic
def import_published_results(*, actor, filename: str, content: bytes) -> HistoryImportResult:
    """Import published results (CSV or XLSX, told apart by the content; ``filename`` is only
    the sender's name for it): all rows or nothing.

    Columns: ``region_code, year, stage, overall`` and optionally ``rank``,
    ``component:<code>`` and ``dimension:<code>`` (e.g. ``component:baseline``), or their
    Indonesian names (``COLUMN_ALIASES``, ``PART_ALIASES``); the codes are the framework's
    (``accepted_codes``). ``actor``
    is the ministry admin importing (checked and recorded); ``None`` is the platform
    itself (demo data, benchmarks).
    """
    check_can_manage_frameworks(actor)
    try:
        parsed = _parsed_results(content)
    except ValidationError as exc:  # every reason concerns the file the form sent
        raise ValidationError({"file": exc.messages}) from None
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
                imported_by=user_of(actor),
                imported_at=timezone.now(),
            )
            for code, year, stage, overall, rank, parts in parsed
        ],
        update_conflicts=True,
        unique_fields=["region", "year", "stage"],
        update_fields=["overall", "rank", "components", "dimensions", "imported_by", "imported_at"],
    )
    updated = len({p[:3] for p in parsed} & existing)
    created = len(parsed) - updated
    write_imported_snapshots(region_codes={p[0] for p in parsed})
    record("results_imported", actor=actor, target=filename, created=created, updated=updated)
    return HistoryImportResult(created, updated, sorted({(p[1], p[2]) for p in parsed}))
