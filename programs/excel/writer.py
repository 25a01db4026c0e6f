"""Writing the workbook: the empty template with the workspace's drop-down lists, and the
export of every program in the same columns (plus each program's ID and version, so the
file imports again as an update; the version is the optimistic lock).

A hidden ``Daftar`` sheet holds the drop-down lists taken from the workspace's rows; a very
hidden ``_templat`` sheet the marker and version that recognise the template. Text is
always written as text, never as a formula (``platform.exports``, the guard of every export).
"""

import io
from decimal import Decimal

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from platform import exports
from programs.excel.layout import (
    FUNDING_SHEET,
    INDICATOR_SHEET,
    LIST_SHEET,
    META_SHEET,
    MILESTONE_SHEET,
    NO,
    PROGRAM_SHEET,
    SHEETS,
    TEMPLATE_MARKER,
    TEMPLATE_ROWS,
    TEMPLATE_VERSION,
    YES,
    column_letter,
    horizon_labels,
    status_labels,
)
from programs.forms import format_targets
from programs.models import Dimension, FundingSource, Opd, Program, SubDimension


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
        ("Jangka waktu", [label for _v, label in horizon_labels()]),
        ("Status", [label for _v, label in status_labels()]),
        ("Quick win", [YES, NO]),
    ]
    ranges = {}
    for i, (title, values) in enumerate(columns):
        letter = column_letter(i)
        lists.cell(row=1, column=i + 1, value=title).font = bold
        for j, value in enumerate(values, start=2):
            exports.guard_cell(lists.cell(row=j, column=i + 1, value=exports.xlsx_value(value)))
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


def _append(sheet, values) -> None:
    """Append a row of data; text is always text, never a formula (a description starting
    with "=" would otherwise run in the reader's Excel and be lost on re-import)."""
    exports.append_row(sheet, values)


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
    horizons, statuses = dict(horizon_labels()), dict(status_labels())
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
