"""Figures on pages: thousands grouped and a decimal comma in Vietnamese ("12.000",
"96,5"), as in English with its own marks; years and ids are never grouped."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

FIGURE = Template("{% load thidua %}{{ v|num }}|{{ year }}")


@pytest.mark.parametrize(
    ("language", "value", "shown"),
    [
        ("vi", Decimal("12000"), "12.000"),
        ("vi", Decimal("96.50"), "96,5"),
        ("vi", Decimal("1234.25"), "1.234,25"),
        ("vi", 12000.0, "12.000"),
        ("vi", Decimal("0.005"), "0,01"),
        ("en", Decimal("12000"), "12,000"),
        ("en", Decimal("96.50"), "96.5"),
    ],
)
def test_a_figure_is_grouped_in_the_pages_language(language, value, shown):
    with translation.override(language):
        assert FIGURE.render(Context({"v": value, "year": 2026})) == f"{shown}|2026"


def test_nothing_is_shown_as_nothing():
    with translation.override("vi"):
        assert FIGURE.render(Context({"v": None, "year": 2026})) == "|2026"
