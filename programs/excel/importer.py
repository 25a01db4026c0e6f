"""The import: the whole file validated again and every program saved through
``services.save_program`` (history, versions, OPD-editor rules, the read-only state of a
submitted masterplan), all in one transaction, or nothing."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programs import selectors, services
from programs.excel.layout import IMPORT_MAX_PROGRAMS, PROGRAM_SHEET
from programs.excel.problems import Problem, WorkbookRefused
from programs.excel.validation import validate_workbook
from programs.models import Masterplan
from programs.rules import Actor


@dataclass
class ImportResult:
    created: int
    updated: int


@transaction.atomic
def import_programs(
    *,
    actor: Actor,
    content: bytes,
    max_programs: int | None = IMPORT_MAX_PROGRAMS,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Validate the whole file again and save every program, or nothing (``WorkbookRefused``).

    ``progress(done, total)`` is called after each saved program (and once before the first).
    The masterplan row is locked first, so two imports of the same file (a double click)
    run one after the other and the second finds the first's programs.
    """
    Masterplan.objects.select_for_update().filter(pk=selectors.masterplan().pk).first()
    preview = validate_workbook(actor=actor, content=content, max_programs=max_programs)
    if not preview.is_valid:
        raise WorkbookRefused(preview.problems)
    note = _("Diimpor dari Excel")
    total = len(preview.programs)
    if progress:
        progress(0, total)
    for done, parsed in enumerate(preview.programs, start=1):
        try:
            services.save_program(
                actor=actor,
                data=parsed.data,
                program=parsed.program,
                expected_version=parsed.expected_version,
                note=note,
            )
        except services.StaleVersionError as exc:
            raise WorkbookRefused([Problem(exc.message, sheet=PROGRAM_SHEET, row=parsed.row)]) from None
        except (ValidationError, PermissionDenied) as exc:
            messages_ = getattr(exc, "messages", None) or [str(exc)]
            raise WorkbookRefused([Problem(" ".join(messages_), sheet=PROGRAM_SHEET, row=parsed.row)]) from None
        if progress:
            progress(done, total)
    return ImportResult(created=preview.created_count, updated=preview.updated_count)
