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


def test_a_progress_percentage_says_what_it_divides():
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    indicator = SimpleNamespace(code="TLHS", name="Tỷ lệ hồ sơ đúng hạn", baseline_value=Decimal("70"))
    row = SimpleNamespace(indicator=indicator, percent=88, value=Decimal("96.50"), target=Decimal("100"), reached=False)
    with translation.override("vi"):
        body = " ".join(render_to_string("indicators/_progress.html", {"row": row}).split())
    assert "88% chặng đường từ mức cơ sở 70 đến mục tiêu 100 (đạt 96,5 / 100 chỉ tiêu)" in body
