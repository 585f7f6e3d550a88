"""Numbers as typed in Vietnam: decimal comma, dot between thousands."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from thidua.indicators.numbers import format_number, parse_decimal


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        (" 85 % ", "85"),
        ("1 200", "1200"),
        ("-3", "-3"),
        ("\u22123,25", "-3.25"),
        (",5", "0.5"),
        (7, "7"),
        (2.25, "2.25"),
        (Decimal("9.10"), "9.10"),
        ("12,500", "12.500"),
        ("9.800", "9800"),
        ("1.250.000", "1250000"),
        ("-1.500", "-1500"),
        ("0.5", "0.5"),
        ("12.50", "12.5"),
    ],
)
def test_accepted_writings(typed, expected):
    assert parse_decimal(typed) == Decimal(expected)


@pytest.mark.parametrize("typed", ["mười", "", "12,5,3", "1e5", "abc12", "--1", "NaN", "Infinity", True])
def test_not_numbers_are_refused_quoting_what_was_typed(typed):
    with pytest.raises(ValidationError) as caught:
        parse_decimal(typed)
    assert f"«{typed}» không phải là một số" in caught.value.messages[0]


@pytest.mark.parametrize("typed", ["12,345", "0.125", "1,2345"])
def test_more_than_two_decimals_is_refused(typed):
    with pytest.raises(ValidationError, match="quá 2 chữ số sau dấu phẩy"):
        parse_decimal(typed)


def test_too_large_is_refused():
    with pytest.raises(ValidationError, match="quá lớn"):
        parse_decimal("1" * 15)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_what_is_shown_reads_back_as_the_same_number(value):
    with translation.override("vi"):
        assert parse_decimal(format_number(value)) == value
