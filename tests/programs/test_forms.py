"""Input parsing of the program form: targets per year and the rupiah filter."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from programs.forms import format_targets, parse_targets
from programs.templatetags.masterplan import rupiah

targets = st.dictionaries(
    st.integers(min_value=2000, max_value=2100),
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    max_size=8,
)


@given(targets)
def test_targets_survive_a_round_trip_through_the_form(values):
    assert parse_targets(format_targets(values)) == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025: 40; 2026: 62,5", {2025: Decimal("40"), 2026: Decimal("62.5")}),
        ("2025=1.5\n2026 = 2", {2025: Decimal("1.5"), 2026: Decimal("2")}),
        (
            "2025: 1.500; 2026: 1.234,5; 2027: 0.125",
            {2025: Decimal(1500), 2026: Decimal("1234.5"), 2027: Decimal("0.125")},
        ),
        ("", {}),
    ],
)
def test_targets_accept_indonesian_and_plain_decimals(text, expected):
    assert parse_targets(text) == expected


@pytest.mark.parametrize("text", ["tahun depan 50", "2025: 1; 2025: 2", "1999: 5", "2025: 1,2,3"])
def test_unreadable_targets_are_a_clear_error(text):
    with pytest.raises(ValidationError):
        parse_targets(text)


@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False, allow_infinity=False))
def test_rupiah_groups_thousands_with_dots(amount):
    text = rupiah(amount)
    assert text.startswith("Rp ") and int(text[3:].replace(".", "")) == int(
        amount.quantize(Decimal(1), "ROUND_HALF_UP")
    )
