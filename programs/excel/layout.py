"""The workbook's shape, shared by the writer and the reader: sheets, columns, limits.

The headers are the file format (like the column names of a CSV), so they are the same
Indonesian text whatever the interface language. The limits (file size, rows, programs per
import and per request) are settings, so an installation may move them.
"""

from datetime import timedelta

from django.conf import settings

from programs.models import Program

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

# A ``*`` marks a required column.
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


def label_map(choices) -> dict[str, str]:
    """Value and label (lower case) of each choice → its value."""
    mapping = {}
    for value, label in choices:
        mapping[str(value).lower()] = value
        mapping[str(label).lower()] = value
    return mapping


def horizon_labels() -> list[tuple[str, str]]:
    return [(v, str(label)) for v, label in Program.Horizon.choices]


def status_labels() -> list[tuple[str, str]]:
    return [(v, str(label)) for v, label in Program.Status.choices]
