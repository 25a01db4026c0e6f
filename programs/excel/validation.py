"""Validation of a filled template: every problem with sheet, row and column, before anything
is written (``validate_workbook``); when there is none, the parsed programs of the preview.

The ``Program`` sheet is read first (``program_sheet``); the rows of ``Indikator``,
``Pembiayaan`` and ``Tahapan`` then name their program by its title. A total written on a
program's row must equal the sum of its funding rows.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from programs import program_rules, selectors
from programs.excel.cells import RowReader, as_integer, as_money, as_quarter, as_text, as_year, parse_amount
from programs.excel.layout import (
    FUNDING_SHEET,
    IMPORT_MAX_PROGRAMS,
    INDICATOR_SHEET,
    MILESTONE_SHEET,
    PROGRAM_COLUMNS,
    PROGRAM_SHEET,
    SHEETS,
    column_letter,
)
from programs.excel.problems import Problem, WorkbookRefused
from programs.excel.program_sheet import Lookups, ParsedProgram, validate_program_row
from programs.excel.workbook import DAMAGED_SHEET_ERRORS, check_template, open_workbook, sheet_rows, template_meta
from programs.forms import parse_targets
from programs.rules import Actor


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


def validate_workbook(*, actor: Actor, content: bytes, max_programs: int | None = IMPORT_MAX_PROGRAMS) -> Preview:
    """Every problem of a filled template (nothing is written); the parsed programs if none."""
    book = open_workbook(content)
    try:
        return _validate(book, actor, max_programs)
    except DAMAGED_SHEET_ERRORS:
        raise WorkbookRefused(
            [Problem(_("Isi berkas rusak dan tidak dapat dibaca. Simpan ulang dari Excel atau LibreOffice."))]
        ) from None
    finally:
        book.close()


def _validate(book, actor: Actor, max_programs: int | None) -> Preview:
    preview = Preview()
    problems = check_template(book)
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
    exported_here = template_meta(book).get("ruang kerja", "") in ("", connection.schema_name)
    lookups = Lookups.load()
    titles = _read_programs(book, preview, lookups, actor, exported_here, max_programs)
    _read_indicators(book, preview, titles)
    _read_funding(book, preview, lookups, titles)
    _read_milestones(book, preview, titles)
    _check_totals(preview)
    preview.problems.sort(
        key=lambda p: (list(SHEETS).index(p.sheet) if p.sheet in SHEETS else -1, p.row or 0, len(p.column), p.column)
    )
    if preview.problems:
        preview.programs = []
    return preview


class _Titles:
    """The programs of the file by ``title_key``, for the rows of the other sheets."""

    def __init__(self):
        self.parsed: dict[str, ParsedProgram] = {}
        self.known: set[str] = set()  # titles seen in the Program sheet, even on rows with problems

    def program_of(self, r: RowReader, raw) -> ParsedProgram | None:
        title = r.text("program", raw["program"], required=True)
        if not title:
            return None
        parsed = self.parsed.get(program_rules.title_key(title))
        if parsed is None and program_rules.title_key(title) not in self.known:
            r.problem(
                "program",
                _("program “%(title)s” tidak ada di sheet %(sheet)s") % {"title": title, "sheet": PROGRAM_SHEET},
            )
        return parsed


def _read_programs(book, preview, lookups, actor, exported_here, max_programs) -> _Titles:
    problems = preview.problems
    titles = _Titles()
    first_row: dict[str, int] = {}
    seen_ids: dict[int, int] = {}
    for number, raw in sheet_rows(book, PROGRAM_SHEET, problems):
        parsed = validate_program_row(number, raw, lookups, actor, problems, exported_here)
        title = program_rules.title_key(as_text(raw["title"]))
        if title:
            titles.known.add(title)
            if title in first_row:
                RowReader(PROGRAM_SHEET, number, problems).problem(
                    "title",
                    _("nama program sama dengan baris %(row)s; setiap program harus bernama unik")
                    % {"row": first_row[title]},
                )
                parsed = None
            else:
                first_row[title] = number
        if parsed is not None and parsed.program is not None:
            if parsed.program.pk in seen_ids:
                RowReader(PROGRAM_SHEET, number, problems).problem(
                    "id", _("ID yang sama sudah dipakai di baris %(row)s") % {"row": seen_ids[parsed.program.pk]}
                )
                parsed = None
            else:
                seen_ids[parsed.program.pk] = number
        if parsed is not None:
            titles.parsed[title] = parsed
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
    return titles


def _read_indicators(book, preview: Preview, titles: _Titles) -> None:
    for number, raw in sheet_rows(book, INDICATOR_SHEET, preview.problems):
        r = RowReader(INDICATOR_SHEET, number, preview.problems)
        parsed = titles.program_of(r, raw)
        name = r.text("name", raw["name"], required=True)
        unit = r.text("unit", raw["unit"])
        baseline = r.get("baseline", raw["baseline"], parse_amount)
        if baseline is not None and (
            abs(baseline) >= Decimal(10) ** 16 or baseline != baseline.quantize(Decimal("0.01"))
        ):
            r.problem("baseline", _("paling banyak dua angka di belakang koma"))
        baseline_year = r.get("baseline_year", raw["baseline_year"], as_year)
        targets = {}
        try:
            targets = parse_targets(as_text(raw["targets"]))
        except ValidationError as exc:
            r.problem("targets", " ".join(exc.messages))
        if parsed is not None and not r.failed:
            parsed.data["indicators"].append(
                {"name": name, "unit": unit, "baseline": baseline, "baseline_year": baseline_year, "targets": targets}
            )
            preview.indicator_count += 1


def _read_funding(book, preview: Preview, lookups: Lookups, titles: _Titles) -> None:
    funding_rows: dict[str, dict] = {}
    for number, raw in sheet_rows(book, FUNDING_SHEET, preview.problems):
        r = RowReader(FUNDING_SHEET, number, preview.problems)
        parsed = titles.program_of(r, raw)
        name = r.text("source", raw["source"], required=True)
        source = lookups.sources.get(name.lower()) if name else None
        if name and source is None:
            r.problem("source", _("sumber dana “%(name)s” tidak dikenal; pilih dari daftar") % {"name": name})
        year = r.get("year", raw["year"], as_year, required=True)
        amount = r.get("amount", raw["amount"], as_money, required=True)
        if parsed is None or r.failed:
            continue
        start, end = parsed.data["start_year"], parsed.data["end_year"]
        if not r.check(program_rules.check_funding_year, year, start_year=start, end_year=end):
            continue
        earlier = funding_rows.setdefault(program_rules.title_key(parsed.title), {})
        if not r.check(program_rules.check_funding_once, source, year, row=number, earlier=earlier):
            continue
        parsed.data["funding"].append({"source": source, "year": year, "amount": amount})
        preview.funding_count += 1


def _read_milestones(book, preview: Preview, titles: _Titles) -> None:
    for number, raw in sheet_rows(book, MILESTONE_SHEET, preview.problems):
        r = RowReader(MILESTONE_SHEET, number, preview.problems)
        parsed = titles.program_of(r, raw)
        title = r.text("title", raw["title"], required=True)
        year = r.get("year", raw["year"], as_year, required=True)
        quarter = r.get("quarter", raw["quarter"], as_quarter)
        progress = r.get("progress", raw["progress"], lambda v: as_integer(v, low=0, high=100))
        if parsed is not None and not r.failed:
            parsed.data["milestones"].append(
                {"title": title, "year": year, "quarter": quarter, "progress": progress or 0}
            )
            preview.milestone_count += 1


def _check_totals(preview: Preview) -> None:
    """A total written on a program's row must be the sum of its funding rows."""
    index = {key: i for i, (key, _t) in enumerate(PROGRAM_COLUMNS)}
    for parsed in preview.programs:
        expected = parsed.data.pop("_budget_total")
        total = sum((row["amount"] for row in parsed.data["funding"]), start=Decimal(0))
        if expected is not None and expected != total:
            preview.problems.append(
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


def _rupiah(amount: Decimal) -> str:
    from programs.templatetags.masterplan import rupiah

    return rupiah(amount).removeprefix("Rp ")
