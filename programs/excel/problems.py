"""What is wrong with a file, said where a regional officer finds it (sheet, row, column)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass
class Problem:
    """One thing wrong in the file, where a regional officer finds it."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""  # letter
    header: str = ""

    @property
    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(_("sheet %(sheet)s") % {"sheet": self.sheet})
        if self.row:
            parts.append(_("baris %(row)s") % {"row": self.row})
        if self.column:
            parts.append(_("kolom %(col)s") % {"col": self.column} + (f" ({self.header})" if self.header else ""))
        return ", ".join(parts)

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


class WorkbookRefused(ValidationError):
    """The file is not accepted; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]):
        super().__init__([str(p) for p in problems])
        self.problems = problems
