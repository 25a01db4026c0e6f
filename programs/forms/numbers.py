"""Numbers as Indonesians write them: ``1.250.000`` is one and a quarter million and
``62,5`` is sixty-two and a half. One reader (``parse_number``) for every number a page or an
import reads, and one field for rupiah amounts that accepts ``Rp 1.250.000``, ``1250000`` or
``1.250.000,50`` and shows what it holds with thousands separators again."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def parse_number(raw: str) -> Decimal:
    """A number as Indonesians write it (``1.500`` = 1500, ``62,5`` = 62.5, ``1.234,5``),
    or plainly (``62.5``, ``1,234.5``); anything ambiguous beyond that is an error."""
    text = raw.strip()
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        if not re.fullmatch(rf"-?\d{{1,3}}(\{thousands}\d{{3}})*\{decimal}\d+", text):
            raise ValidationError(_("Nilai %(value)s bukan angka.") % {"value": raw})
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        if text.count(",") == 1:
            text = text.replace(",", ".")
        elif re.fullmatch(r"-?[1-9]\d{0,2}(,\d{3})+", text):
            text = text.replace(",", "")
        else:
            raise ValidationError(_("Nilai %(value)s bukan angka.") % {"value": raw})
    elif re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("Nilai %(value)s bukan angka.") % {"value": raw}) from None


def format_amount(value: Decimal) -> str:
    """``Decimal("1250000")`` → ``"1.250.000"``; ``Decimal("1250000.5")`` → ``"1.250.000,50"``."""
    amount = Decimal(value)
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


class AmountInput(forms.TextInput):
    """A text box for an amount (a number box would refuse ``1.250.000`` and show ``1250000``)."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", "class": "amount", **(attrs or {})})

    def format_value(self, value):
        if value is None or value == "":
            return None
        try:
            amount = parse_number(str(value).strip().removeprefix("Rp").strip()) if isinstance(value, str) else value
            return format_amount(amount)
        except (ValidationError, InvalidOperation):
            return str(value)  # what the user typed, shown again beside its error


class AmountField(forms.DecimalField):
    """A rupiah amount typed the Indonesian way; the ``Rp`` prefix is optional."""

    widget = AmountInput
    default_error_messages = {
        "invalid": _("Tulis jumlah sebagai angka, mis. 1.250.000 atau 1.250.000,50."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        text = re.sub(r"^rp\.?", "", str(value).strip().replace("\xa0", " "), flags=re.IGNORECASE)
        text = text.replace(" ", "")
        try:
            number = parse_number(text)
        except ValidationError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number
