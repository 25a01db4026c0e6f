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

One module per area: ``layout`` (sheets, columns, limits), ``cells`` (reading a cell),
``workbook`` (opening the file, the template check, rows), ``program_sheet`` and
``validation`` (rows → problems or parsed programs: the preview), ``importer``, ``jobs``
(the background import of large files), ``uploads`` (the file between preview and import)
and ``writer`` (template and export). This package re-exports what its callers use.
"""

from programs.excel.cells import CellError, parse_amount
from programs.excel.importer import ImportResult, import_programs
from programs.excel.jobs import job_progress, request_import, run_import_job
from programs.excel.layout import (
    FUNDING_COLUMNS,
    FUNDING_SHEET,
    IMPORT_INLINE_MAX,
    IMPORT_MAX_PROGRAMS,
    INDICATOR_COLUMNS,
    INDICATOR_SHEET,
    MAX_UPLOAD_BYTES,
    MILESTONE_COLUMNS,
    MILESTONE_SHEET,
    PROGRAM_COLUMNS,
    PROGRAM_SHEET,
    SHEETS,
    TEMPLATE_MARKER,
    TEMPLATE_VERSION,
    UPLOAD_DIR,
    XLSX_CONTENT_TYPE,
    column_letter,
)
from programs.excel.problems import Problem, WorkbookRefused
from programs.excel.program_sheet import ParsedProgram
from programs.excel.uploads import (
    UploadGone,
    claim_upload,
    discard_upload,
    read_upload,
    release_upload,
    store_upload,
    upload_token,
)
from programs.excel.validation import Preview, validate_workbook
from programs.excel.workbook import check_upload
from programs.excel.writer import export_programs, program_template

__all__ = [
    "FUNDING_COLUMNS",
    "FUNDING_SHEET",
    "IMPORT_INLINE_MAX",
    "IMPORT_MAX_PROGRAMS",
    "INDICATOR_COLUMNS",
    "INDICATOR_SHEET",
    "MAX_UPLOAD_BYTES",
    "MILESTONE_COLUMNS",
    "MILESTONE_SHEET",
    "PROGRAM_COLUMNS",
    "PROGRAM_SHEET",
    "SHEETS",
    "TEMPLATE_MARKER",
    "TEMPLATE_VERSION",
    "UPLOAD_DIR",
    "XLSX_CONTENT_TYPE",
    "CellError",
    "ImportResult",
    "ParsedProgram",
    "Preview",
    "Problem",
    "UploadGone",
    "WorkbookRefused",
    "check_upload",
    "claim_upload",
    "column_letter",
    "discard_upload",
    "export_programs",
    "import_programs",
    "job_progress",
    "parse_amount",
    "program_template",
    "read_upload",
    "release_upload",
    "request_import",
    "run_import_job",
    "store_upload",
    "upload_token",
    "validate_workbook",
]
