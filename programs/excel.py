"""Programs as an Excel workbook: the template to fill offline, the validation of a filled
file, the all-or-nothing import through ``programs.services`` and the export.

The workbook has four data sheets (``Program``, ``Indikator``, ``Pembiayaan``, ``Tahapan``;
the last three name their program by its title), a hidden ``Daftar`` sheet with the
drop-down lists taken from the workspace's rows (dimensions, sub-dimensions, OPDs, funding
sources, horizons, statuses) and a very hidden ``_templat`` sheet whose cells identify the
template and its version, so a file from another template is recognised. An export has the
same columns plus each program's id and version, so it imports again as an update; the
version is the optimistic lock (a program saved since the export is refused).

Validation reads the whole file and lists every problem with sheet, row and column before
anything is written (``validate_workbook``); ``import_programs`` writes nothing unless the
whole file is accepted and then saves every program with ``services.save_program`` in one
transaction (history, versions, OPD-editor rules and the read-only state of a submitted
masterplan all apply). Between the preview and the import the file waits in the
workspace's default storage, referenced by a signed token (``store_upload``).
"""

import io
import re
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from programs import rules, selectors, services
from programs.forms import format_targets, parse_targets
from programs.models import Dimension, FundingSource, Masterplan, Opd, Program, ProgramImport, SubDimension
from programs.rules import Actor

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_MARKER = "SC100-PROGRAM-LEMBAR-INOVASI"
TEMPLATE_VERSION = 1
# A filled template of 1,000 programs is about 0.3 MB; anything far larger is not one.
MAX_UPLOAD_BYTES = getattr(settings, "PROGRAM_XLSX_MAX_BYTES", 10 * 1024 * 1024)
# Uncompressed, an XLSX is ~10× its size; more than this is a zip bomb, not a program list.
MAX_UNCOMPRESSED_BYTES = 20 * MAX_UPLOAD_BYTES
MAX_ROWS = 20_000
# Each program is saved through services.save_program (validation, history, a version):
# files with up to IMPORT_INLINE_MAX programs are imported in the web request, larger ones
# (up to IMPORT_MAX_PROGRAMS) by a background job with progress (see deploy/bench/xlsx_import.py).
IMPORT_MAX_PROGRAMS = getattr(settings, "PROGRAM_XLSX_MAX_PROGRAMS", 2000)
IMPORT_INLINE_MAX = getattr(settings, "PROGRAM_XLSX_INLINE_MAX", 100)
PROGRESS_TTL_SECONDS = 6 * 3600
UPLOAD_DIR = "imports/programs"
UPLOAD_MAX_AGE = timedelta(hours=6)
UPLOAD_SALT = "programs.excel.upload"

PROGRAM_SHEET, INDICATOR_SHEET, FUNDING_SHEET, MILESTONE_SHEET = "Program", "Indikator", "Pembiayaan", "Tahapan"
LIST_SHEET, META_SHEET = "Daftar", "_templat"
TEMPLATE_ROWS = 1000  # rows prepared with drop-down lists in a fresh template

# The headers are the file format (like the column names of a CSV), so they are the same
# Indonesian text whatever the interface language. A ``*`` marks a required column.
PROGRAM_COLUMNS = [
    ("id", "ID (jangan diubah)"),
    ("version", "Versi (jangan diubah)"),
    ("title", "Nama program*"),
    ("dimension", "Dimensi*"),
    ("sub_dimension", "Subdimensi*"),
    ("lead_opd", "OPD pelaksana*"),
    ("partner_opds", "OPD mitra (singkatan, pisahkan dengan koma)"),
    ("partners", "Mitra lain (kerja sama)"),
    ("description", "Deskripsi"),
    ("goals", "Tujuan"),
    ("targets", "Sasaran"),
    ("horizon", "Jangka waktu*"),
    ("start_year", "Tahun mulai*"),
    ("end_year", "Tahun selesai*"),
    ("status", "Status"),
    ("is_quick_win", "Quick win (Ya/Tidak)"),
    ("alignment_rpjpd", "Keselarasan RPJPD"),
    ("alignment_rpjmd", "Keselarasan RPJMD"),
    ("alignment_renstra", "Keselarasan Renstra OPD"),
    ("monitoring", "Monitoring dan evaluasi"),
    ("budget_total", "Total pembiayaan (Rp)"),
]
INDICATOR_COLUMNS = [
    ("program", "Nama program*"),
    ("name", "Indikator*"),
    ("unit", "Satuan"),
    ("baseline", "Nilai awal"),
    ("baseline_year", "Tahun nilai awal"),
    ("targets", "Target per tahun (mis. 2025: 40; 2026: 60)"),
]
FUNDING_COLUMNS = [
    ("program", "Nama program*"),
    ("source", "Sumber dana*"),
    ("year", "Tahun*"),
    ("amount", "Jumlah (Rp)*"),
]
MILESTONE_COLUMNS = [
    ("program", "Nama program*"),
    ("title", "Tahapan*"),
    ("year", "Tahun*"),
    ("quarter", "Triwulan (1–4)"),
    ("progress", "Kemajuan (%)"),
]
SHEETS = {
    PROGRAM_SHEET: PROGRAM_COLUMNS,
    INDICATOR_SHEET: INDICATOR_COLUMNS,
    FUNDING_SHEET: FUNDING_COLUMNS,
    MILESTONE_SHEET: MILESTONE_COLUMNS,
}
TEXT_LIMITS = {"title": 200, "name": 250, "unit": 50}
YES, NO = "Ya", "Tidak"


def column_letter(index: int) -> str:
    """0 → ``A``, 26 → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- problems and the parsed file --------------------------------------------------------------


@dataclass
class Problem:
    """One thing wrong in the file, where a regional officer finds it."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""  # letter
    header: str = ""

    @property
    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(_("sheet %(sheet)s") % {"sheet": self.sheet})
        if self.row:
            parts.append(_("baris %(row)s") % {"row": self.row})
        if self.column:
            parts.append(_("kolom %(col)s") % {"col": self.column} + (f" ({self.header})" if self.header else ""))
        return ", ".join(parts)

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ParsedProgram:
    row: int
    title: str
    program: Program | None  # the program an exported row updates, or None for a new one
    expected_version: int | None
    data: dict


@dataclass
class Preview:
    programs: list[ParsedProgram] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    indicator_count: int = 0
    funding_count: int = 0
    milestone_count: int = 0

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def created_count(self) -> int:
        return sum(p.program is None for p in self.programs)

    @property
    def updated_count(self) -> int:
        return sum(p.program is not None for p in self.programs)

    @property
    def budget_total(self) -> Decimal:
        return sum((row["amount"] for p in self.programs for row in p.data["funding"]), start=Decimal(0))


class WorkbookRefused(ValidationError):
    """The file is not accepted; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]):
        super().__init__([str(p) for p in problems])
        self.problems = problems


# --- reading cells ---------------------------------------------------------------------------


class CellError(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _integer(value, *, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(_("harus bilangan bulat"))
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("harus bilangan bulat, tertulis %(value)s") % {"value": value})
        value = int(value)
    if isinstance(value, str):
        if not re.fullmatch(r"-?\d+", value.strip()):
            raise CellError(_("harus bilangan bulat, tertulis %(value)s") % {"value": value.strip()[:40]})
        value = int(value.strip())
    if not isinstance(value, int):
        raise CellError(_("harus bilangan bulat"))
    if not low <= value <= high:
        raise CellError(
            _("harus antara %(low)s dan %(high)s, tertulis %(value)s") % {"low": low, "high": high, "value": value}
        )
    return value


def _year(value) -> int | None:
    return _integer(value, low=2000, high=2100)


def parse_amount(value) -> Decimal | None:
    """A number from a cell: ``1234567``, ``1234567.5``, ``"Rp 1.234.567"``, ``"1.234.567,50"``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(_("harus angka"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, str):
        text = re.sub(r"^rp\.?\s*", "", value.strip(), flags=re.IGNORECASE).replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.234.567,50
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):  # 1,234,567.50
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise CellError(_("harus angka, tertulis %(value)s") % {"value": value.strip()[:40]}) from None
    else:
        raise CellError(_("harus angka"))
    if not result.is_finite():
        raise CellError(_("harus angka"))
    return result


def _money(value) -> Decimal | None:
    amount = parse_amount(value)
    if amount is None:
        return None
    if amount < 0:
        raise CellError(_("tidak boleh negatif"))
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(_("paling banyak dua angka di belakang koma"))
    if amount >= Decimal(10) ** 16:
        raise CellError(_("terlalu besar"))
    return amount.quantize(Decimal("0.01"))


# --- the workbook as rows ------------------------------------------------------------------


def _open_workbook(content: bytes):
    """The workbook, or ``WorkbookRefused`` with one clear reason (never an exception of openpyxl)."""
    from openpyxl import load_workbook

    if len(content) > MAX_UPLOAD_BYTES:
        raise WorkbookRefused(
            [
                Problem(
                    _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
                    % {"size": round(len(content) / 1024 / 1024, 1), "max": MAX_UPLOAD_BYTES // 1024 // 1024}
                )
            ]
        )
    not_xlsx = Problem(
        _("Berkas ini bukan berkas Excel XLSX. Simpan dari Excel atau LibreOffice sebagai .xlsx, lalu unggah lagi.")
    )
    if not content.startswith(b"PK\x03\x04"):
        raise WorkbookRefused([not_xlsx])
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                raise WorkbookRefused([not_xlsx])
            if sum(i.file_size for i in archive.infolist()) > MAX_UNCOMPRESSED_BYTES:
                raise WorkbookRefused([Problem(_("Isi berkas terlalu besar setelah dibuka; berkas ini ditolak."))])
            broken = archive.testzip()
    except zipfile.BadZipFile:
        raise WorkbookRefused([not_xlsx]) from None
    except (zlib.error, EOFError, OSError):  # a damaged compressed part
        broken = True
    damaged = Problem(_("Berkas XLSX rusak atau telah diubah di luar Excel sehingga tidak dapat dibaca."))
    if broken is not None:
        raise WorkbookRefused([damaged])
    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 -- openpyxl raises many types (KeyError, XML errors…) for a damaged file
        raise WorkbookRefused([damaged]) from None


def _check_template(book) -> list[Problem]:
    other = Problem(
        _(
            "Berkas ini bukan templat program Smart City 100 (atau dibuat dari templat versi lain). "
            "Unduh templat terbaru dari halaman ini, salin isinya ke sana, lalu unggah lagi."
        )
    )
    if META_SHEET not in book.sheetnames:
        return [other]
    meta = {
        _text(row[0]): _text(row[1]) if len(row) > 1 else ""
        for row in book[META_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True)
        if row and row[0] is not None
    }
    if meta.get("templat") != TEMPLATE_MARKER or meta.get("versi") != str(TEMPLATE_VERSION):
        return [other]
    problems = []
    for sheet, columns in SHEETS.items():
        if sheet not in book.sheetnames:
            problems.append(
                Problem(_("Sheet %(sheet)s tidak ada; jangan menghapus atau mengganti nama sheet.") % {"sheet": sheet})
            )
            continue
        header = next(book[sheet].iter_rows(min_row=1, max_row=1, values_only=True), ())
        for i, (_key, title) in enumerate(columns):
            found = _text(header[i]) if i < len(header) else ""
            if found != title:
                problems.append(
                    Problem(
                        _(
                            "judul kolom harus “%(expected)s”, tertulis “%(found)s”; jangan mengubah, menyisipkan "
                            "atau menghapus kolom."
                        )
                        % {"expected": title, "found": found},
                        sheet=sheet,
                        row=1,
                        column=column_letter(i),
                    )
                )
    return problems


def _rows(book, sheet: str, problems: list[Problem]) -> list[tuple[int, dict]]:
    """``(row number, {key: raw value})`` of the non-empty rows below the header."""
    keys = [key for key, _title in SHEETS[sheet]]
    rows = []
    for number, values in enumerate(book[sheet].iter_rows(min_row=2, max_col=len(keys), values_only=True), start=2):
        if not any(_text(v) for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(
                Problem(_("Terlalu banyak baris; paling banyak %(n)s per sheet.") % {"n": MAX_ROWS}, sheet=sheet)
            )
            break
        rows.append((number, dict(zip(keys, list(values) + [None] * (len(keys) - len(values)), strict=False))))
    return rows


# --- validation ------------------------------------------------------------------------------


def _label_map(choices) -> dict[str, str]:
    mapping = {}
    for value, label in choices:
        mapping[str(value).lower()] = value
        mapping[str(label).lower()] = value
    return mapping


def _horizon_labels() -> list[tuple[str, str]]:
    return [(v, str(label)) for v, label in Program.Horizon.choices]


def _status_labels() -> list[tuple[str, str]]:
    return [(v, str(label)) for v, label in Program.Status.choices]


class _Reader:
    """Checks cells of one row, collecting problems with sheet, row and column."""

    def __init__(self, sheet: str, number: int, problems: list[Problem]):
        self.sheet, self.number, self.problems = sheet, number, problems
        self.index = {key: i for i, (key, _title) in enumerate(SHEETS[sheet])}
        self.failed = False

    def problem(self, key: str, message: str) -> None:
        i = self.index[key]
        self.problems.append(
            Problem(
                message, sheet=self.sheet, row=self.number, column=column_letter(i), header=SHEETS[self.sheet][i][1]
            )
        )
        self.failed = True

    def get(self, key: str, raw, parse, *, required=False):
        try:
            value = parse(raw)
        except CellError as exc:
            self.problem(key, str(exc))
            return None
        if required and (value is None or value == ""):
            self.problem(key, _("wajib diisi"))
        return value

    def text(self, key: str, raw, *, required=False) -> str:
        value = self.get(key, raw, _text, required=required) or ""
        limit = TEXT_LIMITS.get(key)
        if limit and len(value) > limit:
            self.problem(key, _("paling panjang %(n)s huruf") % {"n": limit})
        return value


@dataclass
class _Lookups:
    dimensions: dict
    sub_dimensions: dict  # name/code (lower) → [SubDimension]
    opds: dict
    sources: dict
    programs: dict  # id → Program
    titles: dict  # title (lower) → Program id

    @classmethod
    def load(cls):
        dimensions, subs, opds, sources = {}, {}, {}, {}
        for d in Dimension.objects.all():
            dimensions[d.name.lower()] = dimensions[d.code.lower()] = d
        for s in SubDimension.objects.select_related("dimension"):
            for key in {s.name.lower(), s.code.lower()}:
                subs.setdefault(key, []).append(s)
        for o in Opd.objects.all():
            opds[o.acronym.lower()] = o
            opds.setdefault(o.name.lower(), o)
        for f in FundingSource.objects.all():
            sources[f.name.lower()] = sources[f.code.lower()] = f
        programs = {p.pk: p for p in Program.objects.only("id", "title", "version", "lead_opd_id")}
        titles = {}
        for p in programs.values():
            titles.setdefault(p.title.strip().lower(), p.pk)
        return cls(dimensions, subs, opds, sources, programs, titles)


def _validate_program_row(number, raw, lookups, actor, problems, exported_here) -> ParsedProgram | None:
    r = _Reader(PROGRAM_SHEET, number, problems)
    title = r.text("title", raw["title"], required=True)
    pk = r.get("id", raw["id"], lambda v: _integer(v, low=1, high=2**62))
    version = r.get("version", raw["version"], lambda v: _integer(v, low=1, high=2**31))
    program, program_refused = None, False
    if pk is not None:
        program = lookups.programs.get(pk) if exported_here else None
        if program is None:
            r.problem(
                "id",
                _("program dengan ID %(id)s tidak ada di ruang kerja ini; kosongkan ID untuk menambah program baru")
                % {"id": pk},
            )
        elif version is None:
            r.problem("version", _("wajib diisi bila ID diisi (salin dari hasil ekspor)"))
        elif version != program.version:
            r.problem(
                "version",
                _(
                    "program ini telah diubah orang lain sejak berkas diekspor (versi %(old)s, sekarang %(new)s); "
                    "ekspor ulang lalu salin perubahan Anda agar perubahan mereka tidak tertimpa"
                )
                % {"old": version, "new": program.version},
            )
        elif not rules.can_edit_program(actor, program):
            r.problem("lead_opd", _("program ini dipimpin OPD lain; Anda hanya dapat membacanya"))
            program_refused = True
    elif not rules.can_create_program(actor):
        r.problem("title", _("Anda tidak dapat menambah program"))
    if title:
        owner = lookups.titles.get(title.lower())
        if owner is not None and (program is None or owner != program.pk):
            r.problem(
                "title", _("sudah ada program lain dengan nama “%(title)s” di ruang kerja ini") % {"title": title}
            )

    name = r.text("dimension", raw["dimension"], required=True)
    dimension = lookups.dimensions.get(name.lower()) if name else None
    if name and dimension is None:
        r.problem("dimension", _("dimensi “%(name)s” tidak dikenal; pilih dari daftar") % {"name": name})
    name = r.text("sub_dimension", raw["sub_dimension"], required=True)
    sub = None
    if name:
        candidates = lookups.sub_dimensions.get(name.lower(), [])
        if not candidates:
            r.problem("sub_dimension", _("subdimensi “%(name)s” tidak dikenal; pilih dari daftar") % {"name": name})
        elif dimension is not None:
            sub = next((s for s in candidates if s.dimension_id == dimension.pk), None)
            if sub is None:
                r.problem(
                    "sub_dimension",
                    _("subdimensi %(sub)s bukan bagian dari dimensi %(dimension)s")
                    % {"sub": candidates[0].name, "dimension": dimension.name},
                )
    name = r.text("lead_opd", raw["lead_opd"], required=True)
    lead = lookups.opds.get(name.lower()) if name else None
    if name and lead is None:
        r.problem(
            "lead_opd",
            _("OPD “%(name)s” tidak ada di direktori; tambahkan dahulu atau pilih dari daftar") % {"name": name},
        )
    elif lead is not None and not program_refused and not rules.can_lead_with(actor, lead):
        r.problem("lead_opd", _("Anda hanya dapat memilih OPD Anda sendiri sebagai pelaksana"))
    partners = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", r.text("partner_opds", raw["partner_opds"])))):
        opd = lookups.opds.get(part.lower())
        if opd is None:
            r.problem("partner_opds", _("OPD “%(name)s” tidak ada di direktori") % {"name": part})
        elif opd not in partners:
            partners.append(opd)

    horizons = _label_map(_horizon_labels())
    name = r.text("horizon", raw["horizon"], required=True)
    horizon = horizons.get(name.lower()) if name else None
    if name and horizon is None:
        r.problem(
            "horizon", _("pilih salah satu: %(choices)s") % {"choices": ", ".join(lbl for _v, lbl in _horizon_labels())}
        )
    statuses = _label_map(_status_labels())
    name = r.text("status", raw["status"])
    status = statuses.get(name.lower()) if name else Program.Status.PROPOSED
    if status is None:
        r.problem(
            "status", _("pilih salah satu: %(choices)s") % {"choices": ", ".join(lbl for _v, lbl in _status_labels())}
        )
    name = r.text("is_quick_win", raw["is_quick_win"]).lower()
    is_quick_win = {
        "": False,
        "ya": True,
        "tidak": False,
        "yes": True,
        "no": False,
        "1": True,
        "0": False,
        "true": True,
        "false": False,
    }.get(name)
    if is_quick_win is None:
        r.problem("is_quick_win", _("isi Ya atau Tidak"))
    start = r.get("start_year", raw["start_year"], _year, required=True)
    end = r.get("end_year", raw["end_year"], _year, required=True)
    if start and end and end < start:
        r.problem(
            "end_year",
            _("tahun selesai (%(end)s) tidak boleh sebelum tahun mulai (%(start)s)") % {"end": end, "start": start},
        )
    budget_total = r.get("budget_total", raw["budget_total"], _money)
    if r.failed:
        return None
    data = {
        "title": title,
        "dimension": dimension,
        "sub_dimension": sub,
        "lead_opd": lead,
        "partner_opds": partners,
        "horizon": horizon,
        "start_year": start,
        "end_year": end,
        "status": status,
        "is_quick_win": is_quick_win,
        "indicators": [],
        "funding": [],
        "milestones": [],
        "_budget_total": budget_total,
    }
    for key in (
        "partners",
        "description",
        "goals",
        "targets",
        "alignment_rpjpd",
        "alignment_rpjmd",
        "alignment_renstra",
        "monitoring",
    ):
        data[key] = r.text(key, raw[key])
    return ParsedProgram(row=number, title=title, program=program, expected_version=version, data=data)


def _program_of(r: _Reader, raw, by_title: dict, known_titles: set) -> ParsedProgram | None:
    title = r.text("program", raw["program"], required=True)
    if not title:
        return None
    parsed = by_title.get(title.lower())
    if parsed is None and title.lower() not in known_titles:
        r.problem(
            "program", _("program “%(title)s” tidak ada di sheet %(sheet)s") % {"title": title, "sheet": PROGRAM_SHEET}
        )
    return parsed


DAMAGED_SHEET_ERRORS = (
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    AttributeError,
    ElementTree.ParseError,
    zipfile.BadZipFile,
    EOFError,
)


def validate_workbook(*, actor: Actor, content: bytes, max_programs: int | None = IMPORT_MAX_PROGRAMS) -> Preview:
    """Every problem of a filled template (nothing is written); the parsed programs if none."""
    book = _open_workbook(content)
    try:
        return _validate(book, actor, max_programs)
    except DAMAGED_SHEET_ERRORS:
        # openpyxl reads the sheets of a read-only workbook lazily: a sheet damaged inside a
        # sound zip (bad XML, a text where a number is declared) fails only here.
        raise WorkbookRefused(
            [Problem(_("Isi berkas rusak dan tidak dapat dibaca. Simpan ulang dari Excel atau LibreOffice."))]
        ) from None
    finally:
        book.close()


def _validate(book, actor: Actor, max_programs: int | None) -> Preview:
    preview = Preview()
    problems = _check_template(book)
    if problems:
        preview.problems = problems
        return preview
    if not selectors.masterplan().is_editable:
        preview.problems.append(
            Problem(
                _(
                    "Masterplan sedang tidak dalam status draf: program hanya dapat dibaca. "
                    "Buka revisi baru untuk mengimpor."
                )
            )
        )
        return preview
    meta = {_text(r[0]): _text(r[1]) for r in book[META_SHEET].iter_rows(max_col=2, values_only=True) if r and r[0]}
    exported_here = meta.get("ruang kerja", "") in ("", connection.schema_name)
    problems = preview.problems
    lookups = _Lookups.load()

    by_title: dict[str, ParsedProgram] = {}
    first_row: dict[str, int] = {}
    seen_ids: dict[int, int] = {}
    known_titles = set()  # titles seen in the Program sheet, even on rows with problems
    for number, raw in _rows(book, PROGRAM_SHEET, problems):
        parsed = _validate_program_row(number, raw, lookups, actor, problems, exported_here)
        title = _text(raw["title"]).lower()
        if title:
            known_titles.add(title)
            if title in first_row:
                _Reader(PROGRAM_SHEET, number, problems).problem(
                    "title",
                    _("nama program sama dengan baris %(row)s; setiap program harus bernama unik")
                    % {"row": first_row[title]},
                )
                parsed = None
            else:
                first_row[title] = number
        if parsed is not None and parsed.program is not None:
            if parsed.program.pk in seen_ids:
                _Reader(PROGRAM_SHEET, number, problems).problem(
                    "id", _("ID yang sama sudah dipakai di baris %(row)s") % {"row": seen_ids[parsed.program.pk]}
                )
                parsed = None
            else:
                seen_ids[parsed.program.pk] = number
        if parsed is not None:
            by_title[title] = parsed
            preview.programs.append(parsed)
    if max_programs is not None and len(first_row) > max_programs:
        problems.append(
            Problem(
                _(
                    "Berkas berisi %(n)s program; satu impor paling banyak %(max)s program. "
                    "Bagi program ke beberapa berkas (baris lain tetap di sheet Indikator, Pembiayaan dan "
                    "Tahapan masing-masing) lalu impor satu per satu."
                )
                % {"n": len(first_row), "max": max_programs},
                sheet=PROGRAM_SHEET,
            )
        )
    if not first_row and not problems:
        problems.append(Problem(_("Sheet Program tidak berisi program."), sheet=PROGRAM_SHEET))

    for number, raw in _rows(book, INDICATOR_SHEET, problems):
        r = _Reader(INDICATOR_SHEET, number, problems)
        parsed = _program_of(r, raw, by_title, known_titles)
        name = r.text("name", raw["name"], required=True)
        unit = r.text("unit", raw["unit"])
        baseline = r.get("baseline", raw["baseline"], parse_amount)
        if baseline is not None and (
            abs(baseline) >= Decimal(10) ** 16 or baseline != baseline.quantize(Decimal("0.01"))
        ):
            r.problem("baseline", _("paling banyak dua angka di belakang koma"))
        baseline_year = r.get("baseline_year", raw["baseline_year"], _year)
        targets = {}
        try:
            targets = parse_targets(_text(raw["targets"]))
        except ValidationError as exc:
            r.problem("targets", " ".join(exc.messages))
        if parsed is not None and not r.failed:
            parsed.data["indicators"].append(
                {"name": name, "unit": unit, "baseline": baseline, "baseline_year": baseline_year, "targets": targets}
            )
            preview.indicator_count += 1

    funding_rows: dict[str, dict] = {}
    for number, raw in _rows(book, FUNDING_SHEET, problems):
        r = _Reader(FUNDING_SHEET, number, problems)
        parsed = _program_of(r, raw, by_title, known_titles)
        name = r.text("source", raw["source"], required=True)
        source = lookups.sources.get(name.lower()) if name else None
        if name and source is None:
            r.problem("source", _("sumber dana “%(name)s” tidak dikenal; pilih dari daftar") % {"name": name})
        year = r.get("year", raw["year"], _year, required=True)
        amount = r.get("amount", raw["amount"], _money, required=True)
        if parsed is None or r.failed:
            continue
        start, end = parsed.data["start_year"], parsed.data["end_year"]
        if not start <= year <= end:
            r.problem(
                "year",
                _("tahun %(year)s di luar masa program %(start)s–%(end)s") % {"year": year, "start": start, "end": end},
            )
            continue
        seen = funding_rows.setdefault(parsed.title.lower(), {})
        if (source.pk, year) in seen:
            r.problem(
                "source",
                _("sumber %(source)s tahun %(year)s untuk program ini sudah ada di baris %(row)s")
                % {"source": source.name, "year": year, "row": seen[(source.pk, year)]},
            )
            continue
        seen[(source.pk, year)] = number
        parsed.data["funding"].append({"source": source, "year": year, "amount": amount})
        preview.funding_count += 1

    for number, raw in _rows(book, MILESTONE_SHEET, problems):
        r = _Reader(MILESTONE_SHEET, number, problems)
        parsed = _program_of(r, raw, by_title, known_titles)
        title = r.text("title", raw["title"], required=True)
        year = r.get("year", raw["year"], _year, required=True)
        quarter = r.get("quarter", raw["quarter"], _quarter)
        progress = r.get("progress", raw["progress"], lambda v: _integer(v, low=0, high=100))
        if parsed is not None and not r.failed:
            parsed.data["milestones"].append(
                {"title": title, "year": year, "quarter": quarter, "progress": progress or 0}
            )
            preview.milestone_count += 1

    index = {key: i for i, (key, _t) in enumerate(PROGRAM_COLUMNS)}
    for parsed in preview.programs:
        expected = parsed.data.pop("_budget_total")
        total = sum((row["amount"] for row in parsed.data["funding"]), start=Decimal(0))
        if expected is not None and expected != total:
            problems.append(
                Problem(
                    _(
                        "total pembiayaan tertulis Rp %(expected)s, tetapi jumlah baris sheet %(sheet)s untuk "
                        "program ini Rp %(total)s"
                    )
                    % {"expected": _rupiah(expected), "sheet": FUNDING_SHEET, "total": _rupiah(total)},
                    sheet=PROGRAM_SHEET,
                    row=parsed.row,
                    column=column_letter(index["budget_total"]),
                    header=PROGRAM_COLUMNS[index["budget_total"]][1],
                )
            )
    problems.sort(
        key=lambda p: (list(SHEETS).index(p.sheet) if p.sheet in SHEETS else -1, p.row or 0, len(p.column), p.column)
    )
    if problems:
        preview.programs = []
    return preview


def _quarter(value) -> int | None:
    text = _text(value).upper()
    if text in ("I", "II", "III", "IV"):
        return ["I", "II", "III", "IV"].index(text) + 1
    return _integer(value, low=1, high=4)


def _rupiah(amount: Decimal) -> str:
    from programs.templatetags.masterplan import rupiah

    return rupiah(amount).removeprefix("Rp ")


# --- import ------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int
    updated: int


@transaction.atomic
def import_programs(
    *,
    actor: Actor,
    content: bytes,
    max_programs: int | None = IMPORT_MAX_PROGRAMS,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Validate the whole file again and save every program, or nothing (``WorkbookRefused``).

    ``progress(done, total)`` is called after each saved program (and once before the first).
    The masterplan row is locked first, so two imports of the same file (a double click)
    run one after the other and the second finds the first's programs.
    """
    Masterplan.objects.select_for_update().filter(pk=selectors.masterplan().pk).first()
    preview = validate_workbook(actor=actor, content=content, max_programs=max_programs)
    if not preview.is_valid:
        raise WorkbookRefused(preview.problems)
    note = _("Diimpor dari Excel")
    total = len(preview.programs)
    if progress:
        progress(0, total)
    for done, parsed in enumerate(preview.programs, start=1):
        try:
            services.save_program(
                actor=actor,
                data=parsed.data,
                program=parsed.program,
                expected_version=parsed.expected_version,
                note=note,
            )
        except services.StaleVersionError as exc:
            raise WorkbookRefused([Problem(exc.message, sheet=PROGRAM_SHEET, row=parsed.row)]) from None
        except (ValidationError, PermissionDenied) as exc:
            messages_ = getattr(exc, "messages", None) or [str(exc)]
            raise WorkbookRefused([Problem(" ".join(messages_), sheet=PROGRAM_SHEET, row=parsed.row)]) from None
        if progress:
            progress(done, total)
    return ImportResult(created=preview.created_count, updated=preview.updated_count)


# --- large files: the background import job ------------------------------------------------


def _progress_key(job_id: int) -> str:
    return f"program-import-progress:{job_id}"  # the cache key carries the schema as well


def job_progress(job: ProgramImport) -> tuple[int, int]:
    """(programs saved, programs in the file) of a running job, from the cache."""
    done, total = cache.get(_progress_key(job.pk), (0, job.total))
    return done, total or job.total


def request_import(*, actor: Actor, token: str, total: int) -> ProgramImport:
    """Queue the import of an uploaded (and previewed) file; the job takes over the upload."""
    from platform.celery import app

    upload = _upload_data(token=token, user=actor.user)
    job = ProgramImport.objects.create(
        upload_name=upload["f"], file_name=upload["o"], total=total, requested_by=actor.user
    )
    schema = connection.schema_name
    transaction.on_commit(
        lambda: app.send_task("programs.tasks.import_program_file", args=[job.pk], headers={"_schema_name": schema})
    )
    return job


def run_import_job(*, job_id: int) -> ProgramImport:
    """The job's work (in the workspace's schema): import the file as its requester, who must
    still be allowed to; record the outcome, or every problem, on the job row."""
    from platform.accounts.models import User
    from tenants.selectors import workspace_access

    job = ProgramImport.objects.get(pk=job_id)
    if job.is_finished:
        return job
    job.status = ProgramImport.Status.RUNNING
    job.save(update_fields=["status"])
    user = User.objects.filter(pk=job.requested_by_id).first()
    access = workspace_access(user=user, workspace=connection.tenant) if user else None
    problems: list[Problem] = []
    result = None
    if access is None or not access.can_edit_programs:
        problems = [Problem(_("Pengunggah tidak lagi berhak mengubah program di ruang kerja ini."))]
    else:
        try:
            with default_storage.open(job.upload_name, "rb") as handle:
                content = handle.read()
        except FileNotFoundError:
            problems = [Problem(_("Berkas unggahan tidak ditemukan lagi. Unggah lagi."))]
        else:
            try:
                result = import_programs(
                    actor=Actor(user=user, access=access),
                    content=content,
                    progress=lambda done, total: cache.set(_progress_key(job.pk), (done, total), PROGRESS_TTL_SECONDS),
                )
            except WorkbookRefused as exc:
                problems = exc.problems
    job.finished_at = timezone.now()
    if result is not None:
        job.status, job.created, job.updated = ProgramImport.Status.DONE, result.created, result.updated
    else:
        job.status = ProgramImport.Status.FAILED
        job.problems = [
            {"message": str(p.message), "sheet": p.sheet, "row": p.row, "column": p.column, "header": p.header}
            for p in problems
        ]
    job.save()
    try:
        default_storage.delete(job.upload_name)
    except FileNotFoundError:
        pass
    cache.delete(_progress_key(job.pk))
    return job


# --- keeping the upload between preview and import ------------------------------------------


class UploadGone(Exception):
    """The token is invalid, expired, someone else's, or its file was already imported."""


def store_upload(*, user, content: bytes, original_name: str = "") -> str:
    """Keep the file in the workspace's storage; returns the signed token that names it
    (and the name the file had on the user's computer, shown with a background import)."""
    _sweep_old_uploads()
    name = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}.xlsx", ContentFile(content))
    return upload_token(name=name, user=user, original_name=original_name)


def upload_token(*, name: str, user, original_name: str = "") -> str:
    """The signed reference to a stored upload: only this user, in this workspace, for a while."""
    data = {"f": name, "u": user.pk, "s": connection.schema_name, "o": original_name[:255]}
    return signing.dumps(data, salt=UPLOAD_SALT, compress=True)


def _upload_name(*, token: str, user) -> str:
    return _upload_data(token=token, user=user)["f"]


def _upload_data(*, token: str, user) -> dict:
    try:
        data = signing.loads(token, salt=UPLOAD_SALT, max_age=UPLOAD_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        raise UploadGone() from None
    if not isinstance(data, dict):
        raise UploadGone()
    name = str(data.get("f", ""))
    if (
        data.get("u") != user.pk
        or data.get("s") != connection.schema_name
        or not re.fullmatch(rf"{UPLOAD_DIR}/[0-9a-f]{{32}}(_\w+)?\.xlsx", name)
    ):
        raise UploadGone()
    return {"f": name, "o": str(data.get("o", ""))}


def read_upload(*, token: str, user) -> bytes:
    name = _upload_name(token=token, user=user)
    try:
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UploadGone() from None


def _claim_key(*, token: str, user) -> str:
    return f"program-import-claimed:{_upload_name(token=token, user=user)}"


def claim_upload(*, token: str, user) -> bool:
    """Take the upload for one import; ``False`` when another request already took it."""
    return cache.add(_claim_key(token=token, user=user), 1, PROGRESS_TTL_SECONDS)


def release_upload(*, token: str, user) -> None:
    cache.delete(_claim_key(token=token, user=user))


def discard_upload(*, token: str, user) -> None:
    try:
        default_storage.delete(_upload_name(token=token, user=user))
    except UploadGone:
        return


def _sweep_old_uploads() -> None:
    """Uploads never imported are removed after ``UPLOAD_MAX_AGE`` (their token is dead anyway)."""
    try:
        _dirs, files = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    limit = timezone.now() - UPLOAD_MAX_AGE
    for name in files:
        path = f"{UPLOAD_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
        except FileNotFoundError:
            continue


# --- writing the template and the export ------------------------------------------------------


def _new_book(*, exported: bool):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F3")
    sheets = {}
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append([title for _key, title in columns])
        for i, (key, _title) in enumerate(columns):
            cell = sheet.cell(row=1, column=i + 1)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            width = 14 if key in ("id", "version", "start_year", "end_year", "year", "quarter", "progress") else 28
            sheet.column_dimensions[column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        sheets[name] = sheet

    lists = book.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    columns = [
        ("Dimensi", [d.name for d in Dimension.objects.order_by("order")]),
        ("Subdimensi", [s.name for s in SubDimension.objects.order_by("dimension__order", "order")]),
        ("OPD", [o.acronym for o in Opd.objects.order_by("acronym")]),
        ("Sumber dana", [f.name for f in FundingSource.objects.order_by("order")]),
        ("Jangka waktu", [label for _v, label in _horizon_labels()]),
        ("Status", [label for _v, label in _status_labels()]),
        ("Quick win", [YES, NO]),
    ]
    ranges = {}
    for i, (title, values) in enumerate(columns):
        letter = column_letter(i)
        lists.cell(row=1, column=i + 1, value=title).font = bold
        for j, value in enumerate(values, start=2):
            cell = lists.cell(row=j, column=i + 1, value=_cell_text(value))
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
        ranges[title] = f"{LIST_SHEET}!${letter}$2:${letter}${max(2, len(values) + 1)}"

    def drop_down(sheet, key, list_title, rows):
        columns_ = SHEETS[sheet.title]
        letter = column_letter([k for k, _t in columns_].index(key))
        rule = DataValidation(type="list", formula1=f"={ranges[list_title]}", allow_blank=True)
        rule.error = _("Pilih dari daftar.")
        rule.errorTitle = _("Isian tidak dikenal")
        rule.showErrorMessage = True
        rule.add(f"{letter}2:{letter}{rows + 1}")
        sheet.add_data_validation(rule)

    rows = TEMPLATE_ROWS
    drop_down(sheets[PROGRAM_SHEET], "dimension", "Dimensi", rows)
    drop_down(sheets[PROGRAM_SHEET], "sub_dimension", "Subdimensi", rows)
    drop_down(sheets[PROGRAM_SHEET], "lead_opd", "OPD", rows)
    drop_down(sheets[PROGRAM_SHEET], "horizon", "Jangka waktu", rows)
    drop_down(sheets[PROGRAM_SHEET], "status", "Status", rows)
    drop_down(sheets[PROGRAM_SHEET], "is_quick_win", "Quick win", rows)
    drop_down(sheets[FUNDING_SHEET], "source", "Sumber dana", rows * 3)

    meta = book.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    for row in (
        ("templat", TEMPLATE_MARKER),
        ("versi", str(TEMPLATE_VERSION)),
        ("ruang kerja", connection.schema_name if exported else ""),
        ("dibuat", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
    ):
        meta.append(row)
    book.active = 0
    return book, sheets


def _cell_text(value):
    """A value as a cell may hold it: control characters (pasted from Word) removed."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _append(sheet, values) -> None:
    """Append a row of data; text is always text, never a formula (a description starting
    with "=" would otherwise run in the reader's Excel and be lost on re-import)."""
    sheet.append([_cell_text(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def program_template() -> bytes:
    """An empty template with this workspace's drop-down lists."""
    book, _sheets = _new_book(exported=False)
    return _save(book)


def export_programs() -> bytes:
    """Every program with its rows, in the template's columns (imports again as an update)."""
    book, sheets = _new_book(exported=True)
    programs = (
        Program.objects.select_related("dimension", "sub_dimension", "lead_opd")
        .prefetch_related("partner_opds", "indicators", "funding__source", "milestones")
        .order_by("dimension__order", "sub_dimension__order", "title", "id")
    )
    horizons, statuses = dict(_horizon_labels()), dict(_status_labels())
    for p in programs:
        funding = list(p.funding.all())
        _append(
            sheets[PROGRAM_SHEET],
            [
                p.pk,
                p.version,
                p.title,
                p.dimension.name,
                p.sub_dimension.name,
                p.lead_opd.acronym,
                ", ".join(o.acronym for o in p.partner_opds.all()),
                p.partners,
                p.description,
                p.goals,
                p.targets,
                horizons.get(p.horizon, p.horizon),
                p.start_year,
                p.end_year,
                statuses.get(p.status, p.status),
                YES if p.is_quick_win else NO,
                p.alignment_rpjpd,
                p.alignment_rpjmd,
                p.alignment_renstra,
                p.monitoring,
                _number(sum((f.amount for f in funding), start=Decimal(0))),
            ],
        )
        for i in p.indicators.all():
            _append(
                sheets[INDICATOR_SHEET],
                [p.title, i.name, i.unit, _number(i.baseline), i.baseline_year, format_targets(i.targets)],
            )
        for f in funding:
            _append(sheets[FUNDING_SHEET], [p.title, f.source.name, f.year, _number(f.amount)])
        for m in p.milestones.all():
            _append(sheets[MILESTONE_SHEET], [p.title, m.title, m.year, m.quarter, m.progress])
    return _save(book)


def _number(value: Decimal | None):
    """Whole amounts as integers (exact in Excel); cents as text, so nothing is rounded."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return format(value, "f")
