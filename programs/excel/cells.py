"""Reading the cells of a filled template: text, whole numbers, years, amounts of money,
quarters, each parsed the way an officer may have typed it, and ``RowReader``, which checks
the cells of one row (and the rules of ``programs.program_rules`` on them) and files every
problem under its sheet, row and column."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from platform.forms import parse_amount_text
from programs.excel.layout import SHEETS, TEXT_LIMITS, column_letter
from programs.excel.problems import Problem


class CellError(ValueError):
    pass


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def as_integer(value, *, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(_("harus bilangan bulat"))
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("harus bilangan bulat, tertulis %(value)s") % {"value": value})
        value = int(value)
    if isinstance(value, str):
        if not re.fullmatch(r"-?\d+", value.strip()):
            raise CellError(_("harus bilangan bulat, tertulis %(value)s") % {"value": value.strip()[:40]})
        value = int(value.strip())
    if not isinstance(value, int):
        raise CellError(_("harus bilangan bulat"))
    if not low <= value <= high:
        raise CellError(
            _("harus antara %(low)s dan %(high)s, tertulis %(value)s") % {"low": low, "high": high, "value": value}
        )
    return value


def as_year(value) -> int | None:
    return as_integer(value, low=2000, high=2100)


def parse_amount(value) -> Decimal | None:
    """A number from a cell: ``1234567``, ``1234567.5``, ``"Rp 1.234.567"``, ``"1.234.567,50"``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(_("harus angka"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, str):
        try:  # read as the program form reads it: "12,500" is twelve and a half
            result = parse_amount_text(value)
        except ValidationError:
            raise CellError(_("harus angka, tertulis %(value)s") % {"value": value.strip()[:40]}) from None
    else:
        raise CellError(_("harus angka"))
    if not result.is_finite():
        raise CellError(_("harus angka"))
    return result


def as_money(value) -> Decimal | None:
    amount = parse_amount(value)
    if amount is None:
        return None
    if amount < 0:
        raise CellError(_("tidak boleh negatif"))
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(_("paling banyak dua angka di belakang koma"))
    if amount >= Decimal(10) ** 16:
        raise CellError(_("terlalu besar"))
    return amount.quantize(Decimal("0.01"))


def as_quarter(value) -> int | None:
    text = as_text(value).upper()
    if text in ("I", "II", "III", "IV"):
        return ["I", "II", "III", "IV"].index(text) + 1
    return as_integer(value, low=1, high=4)


class RowReader:
    """Checks cells of one row, collecting problems with sheet, row and column."""

    def __init__(self, sheet: str, number: int, problems: list[Problem]):
        self.sheet, self.number, self.problems = sheet, number, problems
        self.index = {key: i for i, (key, _title) in enumerate(SHEETS[sheet])}
        self.failed = False

    def problem(self, key: str, message: str) -> None:
        i = self.index[key]
        self.problems.append(
            Problem(
                message, sheet=self.sheet, row=self.number, column=column_letter(i), header=SHEETS[self.sheet][i][1]
            )
        )
        self.failed = True

    def get(self, key: str, raw, parse, *, required=False):
        try:
            value = parse(raw)
        except CellError as exc:
            self.problem(key, str(exc))
            return None
        if required and (value is None or value == ""):
            self.problem(key, _("wajib diisi"))
        return value

    def text(self, key: str, raw, *, required=False) -> str:
        value = self.get(key, raw, as_text, required=required) or ""
        limit = TEXT_LIMITS.get(key)
        if limit and len(value) > limit:
            self.problem(key, _("paling panjang %(n)s huruf") % {"n": limit})
        return value

    def check(self, rule, *args, **kwargs) -> bool:
        """Apply a rule of ``programs.program_rules``: what it refuses is filed under the column
        of the field it names. Whether the row passed it."""
        try:
            rule(*args, **kwargs)
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                for message in messages:
                    self.problem(key, message)
            return False
        return True
