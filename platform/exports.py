"""Tables as CSV and XLSX downloads (the same columns as on screen), for every app's exports."""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    if isinstance(value, Decimal):
        return float(value) if value == value.quantize(Decimal("0.000001")) else str(value)
    if isinstance(value, str):
        # Control characters (a vertical tab pasted from Word) are not allowed in XLSX cells.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return "" if value is None else value


def table_response(*, filename: str, header: list[str], rows: list[list], fmt: str) -> HttpResponse:
    """``fmt`` is ``csv`` (UTF-8 with BOM so spreadsheet programs read it) or ``xlsx``."""
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append([_cell(v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{fmt}")
    return response
