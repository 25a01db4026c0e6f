"""Turning a service's ``ValidationError`` into what a page shows: written once, used by every view.

Services validate and raise ``ValidationError`` (a dict of field → messages, or plain
messages); a form view puts each message on its field, or on the form when the field is not
one of the form's; a view without a form shows the messages as flash messages.

Numbers as Indonesians write them: ``1.250.000`` is one and a quarter million and ``62,5`` is
sixty-two and a half. One reader (``parse_number``) for every number a page or an import reads;
``NumberField`` for a decimal typed that way in a text box (a browser's number box shows
"0,00" as empty and refuses to save), and ``AmountField`` for rupiah amounts, which also
accepts ``Rp 1.250.000``; both show what they hold with thousands separators again. Every
app's decimal inputs use them (programs, the framework's version settings).
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy


def add_service_errors(form, exc: ValidationError) -> None:
    """Put the messages of ``exc`` on ``form``: on their field when the form has it, else on the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def flash_service_errors(request, exc: ValidationError, *, level: int = messages.ERROR) -> None:
    """Show every message of ``exc`` as a message of the next page (an error unless ``level`` says)."""
    for message in exc.messages:
        messages.add_message(request, level, message)


# --- numbers ---------------------------------------------------------------------------------


def parse_number(raw: str) -> Decimal:
    """A number as Indonesians write it (``1.500`` = 1500, ``62,5`` = 62.5, ``1.234,5``),
    or plainly (``62.5``, ``1,234.5``); anything ambiguous beyond that is an error."""
    text = raw.strip()
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        if not re.fullmatch(rf"-?\d{{1,3}}(\{thousands}\d{{3}})*\{decimal}\d+", text):
            raise ValidationError(gettext_lazy("Nilai %(value)s bukan angka.") % {"value": raw})
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        if text.count(",") == 1:
            text = text.replace(",", ".")
        elif re.fullmatch(r"-?[1-9]\d{0,2}(,\d{3})+", text):
            text = text.replace(",", "")
        else:
            raise ValidationError(gettext_lazy("Nilai %(value)s bukan angka.") % {"value": raw})
    elif re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(gettext_lazy("Nilai %(value)s bukan angka.") % {"value": raw}) from None


def format_amount(value: Decimal) -> str:
    """``Decimal("1250000")`` → ``"1.250.000"``; ``Decimal("1250000.5")`` → ``"1.250.000,50"``."""
    amount = Decimal(value)
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


class NumberTextInput(forms.TextInput):
    """A text box for a number written the Indonesian way (a browser's number box would refuse
    ``1.250.000`` or ``62,5`` and show ``1250000``); shown again with thousands separators."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", "class": "amount", **(attrs or {})})

    def format_value(self, value):
        if value is None or value == "":
            return None
        try:
            number = parse_amount_text(value) if isinstance(value, str) else value
            return format_amount(number)
        except (ValidationError, InvalidOperation):
            return str(value)  # what the user typed, shown again beside its error


def parse_amount_text(raw: str) -> Decimal:
    """An amount typed as text, with or without "Rp" (``Rp 1.250.000``, ``1.250.000,50``): the
    one reader of the forms and the Excel import; ``ValidationError`` when it is no number."""
    return parse_number(_strip_rupiah(raw))


def _strip_rupiah(value: str) -> str:
    text = re.sub(r"^rp\.?", "", str(value).strip().replace("\xa0", " "), flags=re.IGNORECASE)
    return text.replace(" ", "")


class NumberField(forms.DecimalField):
    """A decimal number typed the Indonesian way (``62,5``, ``1.250``, ``1.250.000,50``)."""

    widget = NumberTextInput
    default_error_messages = {
        "invalid": gettext_lazy("Tulis sebagai angka, mis. 62,5 atau 1.250."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            number = parse_number(self.clean_text(str(value)))
        except ValidationError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def clean_text(self, text: str) -> str:
        return text.strip().replace("\xa0", "").replace(" ", "")


class AmountField(NumberField):
    """A rupiah amount typed the Indonesian way; the ``Rp`` prefix is optional."""

    default_error_messages = {
        "invalid": gettext_lazy("Tulis jumlah sebagai angka, mis. 1.250.000 atau 1.250.000,50."),
    }

    def clean_text(self, text: str) -> str:
        return _strip_rupiah(text)
