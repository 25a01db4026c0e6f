"""Reading an uploaded registry file as rows: an XLSX workbook (recognised by its first bytes,
opened by the programs' checked opener: size, zip bomb, damage) or a CSV text (comma,
semicolon or tab separated, UTF-8 or Windows-1252). The first row holds the headers, in any
order; a file is refused with one clear reason when it cannot be read as a registry."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from platform import formats as local_formats
from platform.uploads import HEAD_BYTES, FileKind, sniff
from programs.excel.layout import column_letter
from programs.scheduling.importer.columns import HEADERS, REQUIRED_HEADERS, as_text

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
MAX_COLUMNS = 40


class FileRefused(ValidationError):
    """The file as a whole cannot be read as a registry (``messages`` say why)."""


@dataclass
class Table:
    letters: dict[str, str] = field(default_factory=dict)  # key -> column letter ("A", "B"…)
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (row number, {key: cell as text})


def check_upload(*, size: int, kind: FileKind | None) -> None:
    """Refuse a file too large, or one that is neither a workbook (zip) nor text, before reading."""
    if size > MAX_UPLOAD_BYTES:
        raise FileRefused(
            _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
            % {"size": local_formats.megabytes(size), "max": MAX_UPLOAD_BYTES // 1024 // 1024}
        )
    if kind is not None and kind.name != "zip":
        raise FileRefused(_("Berkas ini bukan XLSX atau CSV. Simpan daftar fasilitator sebagai .xlsx atau .csv."))


def read_table(content: bytes) -> Table:
    kind = sniff(content[:HEAD_BYTES])
    check_upload(size=len(content), kind=kind)
    values = _xlsx_values(content) if kind is not None else _csv_values(content)
    return _table(values)


def _xlsx_values(content: bytes) -> list[list]:
    from programs.excel import WorkbookRefused
    from programs.excel.workbook import DAMAGED_SHEET_ERRORS, open_workbook

    try:
        book = open_workbook(content)
    except WorkbookRefused as exc:
        raise FileRefused(exc.messages) from None
    sheet = book["Fasilitator"] if "Fasilitator" in book.sheetnames else book.worksheets[0]
    try:
        values = []
        for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            values.append(list(row))
            if len(values) > MAX_ROWS + 1:
                break
        return values
    except DAMAGED_SHEET_ERRORS:
        raise FileRefused(_("Berkas XLSX rusak sehingga tidak dapat dibaca.")) from None
    finally:
        book.close()


def _csv_values(content: bytes) -> list[list]:
    if b"\x00" in content:
        raise FileRefused(_("Berkas ini bukan XLSX atau CSV. Simpan daftar fasilitator sebagai .xlsx atau .csv."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        return [row for _i, row in zip(range(MAX_ROWS + 2), reader, strict=False)]
    except csv.Error:
        raise FileRefused(_("Berkas CSV tidak dapat dibaca (tanda kutip tidak tertutup?).")) from None


def _header_key(value) -> str:
    return "_".join(as_text(value).casefold().replace("-", " ").split())


def _table(values: list[list]) -> Table:
    if not values or not any(as_text(v) for v in values[0]):
        raise FileRefused(_("Baris pertama harus berisi judul kolom: %(headers)s.") % {"headers": ", ".join(HEADERS)})
    table = Table()
    for index, value in enumerate(values[0][:MAX_COLUMNS]):
        key = _header_key(value)
        if key in HEADERS:
            if key in table.letters:
                raise FileRefused(_("Kolom “%(key)s” muncul dua kali di baris judul.") % {"key": key})
            table.letters[key] = column_letter(index)
    missing = [key for key in REQUIRED_HEADERS if key not in table.letters]
    if missing:
        raise FileRefused(
            _("Kolom wajib tidak ada di baris judul: %(missing)s. Judul yang dikenal: %(headers)s.")
            % {"missing": ", ".join(missing), "headers": ", ".join(HEADERS)}
        )
    positions = {key: _column_index(letter) for key, letter in table.letters.items()}
    for number, row in enumerate(values[1:], start=2):
        if not any(as_text(v) for v in row):
            continue
        if len(table.rows) >= MAX_ROWS:
            raise FileRefused(_("Terlalu banyak baris; paling banyak %(n)s fasilitator per berkas.") % {"n": MAX_ROWS})
        table.rows.append((number, {key: as_text(row[i]) if i < len(row) else "" for key, i in positions.items()}))
    if not table.rows:
        raise FileRefused(_("Berkas tidak berisi baris fasilitator di bawah baris judul."))
    return table


def _column_index(letter: str) -> int:
    index = 0
    for char in letter:
        index = index * 26 + ord(char) - 64
    return index - 1
