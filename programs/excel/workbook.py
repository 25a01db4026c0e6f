"""Opening an uploaded workbook and reading it as rows: the file is refused with one clear
reason when it is too large, not an XLSX, a zip bomb or damaged, or not this template (the
marker and version in the very hidden sheet, every sheet and header in place)."""

import io
import zipfile
import zlib
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from platform import formats as local_formats
from platform.uploads import HEAD_BYTES, FileKind, sniff
from programs.excel.cells import as_text
from programs.excel.layout import (
    MAX_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    MAX_UPLOAD_BYTES,
    META_SHEET,
    SHEETS,
    TEMPLATE_MARKER,
    TEMPLATE_VERSION,
    column_letter,
)
from programs.excel.problems import Problem, WorkbookRefused

# What openpyxl raises while reading a sheet damaged inside a sound zip (bad XML, a text
# where a number is declared): it reads the sheets of a read-only workbook lazily.
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


def _not_xlsx() -> Problem:
    return Problem(
        _("Berkas ini bukan berkas Excel XLSX. Simpan dari Excel atau LibreOffice sebagai .xlsx, lalu unggah lagi.")
    )


def check_upload(*, size: int, kind: FileKind | None) -> None:
    """Refuse (``WorkbookRefused``) a file too large, or one that is not a zip container (an XLSX
    is one), before it is stored or opened: the upload form and ``open_workbook`` ask here."""
    if size > MAX_UPLOAD_BYTES:
        raise WorkbookRefused(
            [
                Problem(
                    _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
                    % {"size": local_formats.megabytes(size), "max": MAX_UPLOAD_BYTES // 1024 // 1024}
                )
            ]
        )
    if kind is None or kind.name != "zip":
        raise WorkbookRefused([_not_xlsx()])


def open_workbook(content: bytes):
    """The workbook, or ``WorkbookRefused`` with one clear reason (never an exception of openpyxl)."""
    from openpyxl import load_workbook

    check_upload(size=len(content), kind=sniff(content[:HEAD_BYTES]))
    not_xlsx = _not_xlsx()
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


def check_template(book) -> list[Problem]:
    """Why the workbook is not this template (version), or nothing."""
    other = Problem(
        _(
            "Berkas ini bukan templat program Smart City 100 (atau dibuat dari templat versi lain). "
            "Unduh templat terbaru dari halaman ini, salin isinya ke sana, lalu unggah lagi."
        )
    )
    if META_SHEET not in book.sheetnames:
        return [other]
    meta = template_meta(book)
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
            found = as_text(header[i]) if i < len(header) else ""
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


def template_meta(book) -> dict[str, str]:
    """The very hidden sheet's ``key: value`` rows (template marker, version, workspace, date)."""
    return {
        as_text(row[0]): as_text(row[1]) if len(row) > 1 else ""
        for row in book[META_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True)
        if row and row[0] is not None
    }


def sheet_rows(book, sheet: str, problems: list[Problem]) -> list[tuple[int, dict]]:
    """``(row number, {key: raw value})`` of the non-empty rows below the header."""
    keys = [key for key, _title in SHEETS[sheet]]
    rows = []
    for number, values in enumerate(book[sheet].iter_rows(min_row=2, max_col=len(keys), values_only=True), start=2):
        if not any(as_text(v) for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(
                Problem(_("Terlalu banyak baris; paling banyak %(n)s per sheet.") % {"n": MAX_ROWS}, sheet=sheet)
            )
            break
        rows.append((number, dict(zip(keys, list(values) + [None] * (len(keys) - len(values)), strict=False))))
    return rows
