"""The registry template to fill offline: the headers on the first sheet (nothing else, so
nothing is imported by mistake) and a sheet of instructions with an example row, written
through ``platform.exports`` like every export."""

import csv
import io

from django.utils.translation import gettext as _

from platform import exports
from programs.scheduling.importer.columns import COLUMNS, HEADERS

EXAMPLE = ("budi.santoso@ugm.ac.id", "Dr. Budi Santoso", "Universitas Gadjah Mada", "34", "ahli", "I,II", "4", "ya")


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Fasilitator"
    exports.append_row(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (32, 28, 32, 18, 10, 12, 16, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    help_sheet = book.create_sheet(_("Petunjuk"))
    exports.append_row(help_sheet, [_("Kolom"), _("Isi")])
    for key, text in COLUMNS:
        exports.append_row(help_sheet, [key, str(text)])
    help_sheet.append([])
    exports.append_row(help_sheet, [_("Contoh baris (salin ke sheet Fasilitator):")])
    exports.append_row(help_sheet, EXAMPLE)
    help_sheet.column_dimensions["A"].width = 28
    help_sheet.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_csv() -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([exports.csv_value(h) for h in HEADERS])
    return "\ufeff" + buffer.getvalue()
