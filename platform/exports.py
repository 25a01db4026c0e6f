"""Tables as CSV and XLSX downloads (the same columns as on screen), for every app's exports,
and the one guard against formula injection that every export of the product writes through.

Text a user typed (evidence, a program's goals, a region's or a person's name) that starts
like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) would run in the
reader's spreadsheet program: ``=HYPERLINK(...)`` sends data off-site on a click. In XLSX such
text is written as a text cell marked "text" (the quote prefix Excel sets when someone types
an apostrophe first), so it shows and imports again unchanged; in CSV, which has no cell
types, it gets a leading apostrophe. A plain number given as text ("-0.440") calls nothing and
stays as it is.

Headers and labels are written in the reader's language, not as codes: a header is a field's
verbose name (``field_label``), a choice its display label; the view
builds them while the request's language is active (a Celery task building an export takes the
language as an argument and activates it). XLSX columns of rupiah and of two-decimal figures get
number formats (``RUPIAH``, ``TWO_DECIMALS``), so a spreadsheet program shows them with its own
separators (1.250.000 and 2,73 in an Indonesian Excel).
"""

import csv
import io
import re
from decimal import Decimal

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
RUPIAH = '"Rp" #,##0'
TWO_DECIMALS = "#,##0.00"


def field_label(model, name: str) -> str:
    """A model field's verbose name as a column header, in the active language."""
    return capfirst(str(model._meta.get_field(name).verbose_name))


def looks_like_formula(value) -> bool:
    """Whether a spreadsheet program would read ``value`` as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value)


def xlsx_value(value):
    """A value as an XLSX cell may hold it (guard the cell afterwards with ``guard_cell``)."""
    if isinstance(value, Decimal):
        return float(value) if value == value.quantize(Decimal("0.000001")) else str(value)
    if isinstance(value, Promise):  # a lazily translated label
        value = str(value)
    if isinstance(value, str):
        # Control characters (a vertical tab pasted from Word) are not allowed in XLSX cells.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def guard_cell(cell):
    """Keep formula-like text of an openpyxl cell a text cell (never a formula); returns the cell."""
    if looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def append_row(sheet, values) -> None:
    """Append a row to an openpyxl sheet: every value cleaned, formula-like text kept as text."""
    sheet.append([xlsx_value(v) for v in values])
    for cell in sheet[sheet.max_row]:
        guard_cell(cell)


def csv_value(value):
    """A value for a CSV cell: formula-like text gets a leading apostrophe, None is empty."""
    if value is None:
        return ""
    return "'" + value if looks_like_formula(value) else value


def table_response(
    *, filename: str, header: list[str], rows: list[list], fmt: str, number_formats: dict[int, str] | None = None
) -> HttpResponse:
    """``fmt`` is ``csv`` (UTF-8 with BOM so spreadsheet programs read it) or ``xlsx``;
    ``number_formats`` maps a column's index to its XLSX number format (``RUPIAH``, ``TWO_DECIMALS``)."""
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        append_row(sheet, header)
        for row in rows:
            append_row(sheet, row)
            for index, number_format in (number_formats or {}).items():
                cell = sheet.cell(row=sheet.max_row, column=index + 1)
                if isinstance(cell.value, int | float):
                    cell.number_format = number_format
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([csv_value(v) for v in header])
        writer.writerows([[csv_value(v) for v in row] for row in rows])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{fmt}")
    return response
