"""The facilitator registry from a spreadsheet (XLSX or CSV): the template to fill, reading an
upload, the preview (a row per line: new, update or error with the column and the reason) and
the all-or-nothing import through ``register_facilitator``.

One module per step: ``columns`` (the headers and how each cell is read), ``reading`` (file →
rows), ``preview`` (rows → what would happen), ``store`` (the rows between preview and import),
``people`` (the account behind an e-mail, shared with the registry's form page) and
``template``. While a file has an error nothing is imported: the officer fixes the file and
uploads it again, so the registry never holds half of a file.
"""

from programs.scheduling.importer.columns import COLUMNS, HEADERS
from programs.scheduling.importer.preview import Preview, RowResult, apply_rows, preview_rows
from programs.scheduling.importer.reading import MAX_ROWS, MAX_UPLOAD_BYTES, FileRefused, check_upload, read_table
from programs.scheduling.importer.store import claim_rows, discard_rows, load_rows, release_rows, store_rows
from programs.scheduling.importer.template import template_csv, template_xlsx

__all__ = [
    "COLUMNS",
    "HEADERS",
    "MAX_ROWS",
    "MAX_UPLOAD_BYTES",
    "FileRefused",
    "Preview",
    "RowResult",
    "apply_rows",
    "check_upload",
    "claim_rows",
    "discard_rows",
    "load_rows",
    "preview_rows",
    "read_table",
    "release_rows",
    "store_rows",
    "template_csv",
    "template_xlsx",
]
