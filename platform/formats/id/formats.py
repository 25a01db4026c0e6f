"""Indonesian formats: 23 November 2026, 1.234.567,89 (dot for thousands, comma for decimals).

One time of day everywhere, 24-hour with a colon (14:30): a dotted 14.30 could not be told
from a number written with a decimal point. Pages name these formats (``DATETIME_FORMAT``,
``SHORT_DATETIME_FORMAT``, ``TIME_FORMAT``) or call ``platform.formats``; none spells its own."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
