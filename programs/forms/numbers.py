"""Numbers as Indonesians write them: the fields and the reader live in ``platform.forms``
(shared with the framework's version settings); imported here for the program forms."""

from platform.forms import AmountField, NumberField, NumberTextInput, format_amount, parse_number

__all__ = ["AmountField", "NumberField", "NumberTextInput", "format_amount", "parse_number"]
