"""Numbers in official documents: a dot between thousands, a decimal comma."""

from decimal import Decimal

import pytest

from thidua.core.numerals import vn_number, vn_percent


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (15000, 2, "15.000"),
        (Decimal("96.50"), 2, "96,5"),
        (96.5, 1, "96,5"),
        (Decimal("1234567.25"), 2, "1.234.567,25"),
        (Decimal("0.05"), 1, "0,1"),  # half up, not to even
        (Decimal("12.00"), 2, "12"),
        (-2500, 0, "-2.500"),
        (Decimal("-0.001"), 2, "0"),
        (0, 2, "0"),
        (None, 2, ""),
    ],
)
def test_vn_number(value, places, expected):
    assert vn_number(value, places) == expected


def test_vn_percent():
    assert vn_percent(Decimal("96.54")) == "96,5%"
    assert vn_percent(None) == ""
