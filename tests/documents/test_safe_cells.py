"""Text that a spreadsheet would run as a formula is written as text; numbers stay
numbers; ordinary text is written as before."""

import datetime
import io

import pytest
from openpyxl import Workbook

from tests.spreadsheets import HOSTILE_VALUES, assert_kept_as_text, formula_cells, read
from thidua.documents import safe_cells, sheets


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_each_formula_lead_is_caught(value):
    assert safe_cells.is_formula_like(value)


@pytest.mark.parametrize(
    "value", ["Hoàn thành tốt nhiệm vụ", "", "a=b", "1-2", -5, 0, 2.5, None, datetime.date(2026, 5, 15)]
)
def test_ordinary_values_are_not_caught(value):
    assert not safe_cells.is_formula_like(value)


def test_a_workbook_in_memory_is_guarded_when_saved():
    book = Workbook()
    book.active.append([*HOSTILE_VALUES, -5, 12.5, "Cam kết thường", datetime.date(2026, 5, 15)])
    data = safe_cells.workbook_bytes(book)
    assert_kept_as_text(data, *HOSTILE_VALUES)
    row = [cell for cell in read(data).active[1]]
    assert [(c.value, c.data_type) for c in row[6:8]] == [(-5, "n"), (12.5, "n")]
    assert row[8].value == "Cam kết thường" and not row[8].quotePrefix
    assert row[9].value.date() == datetime.date(2026, 5, 15) and row[9].data_type == "d"


def test_a_streamed_sheet_is_guarded_row_by_row_and_keeps_styles():
    book = sheets.streamed_book()
    sheet = sheets.add_sheet(book, "Trang", [("=Tiêu đề", 10), ("Số", 10), ("Ngày", 10)])
    for value in HOSTILE_VALUES:
        sheets.append(sheet, [value, -7, sheets.cell(sheet, datetime.date(2026, 1, 2), number_format="DD/MM/YYYY")])
    sheets.append(sheet, sheets.wrapped_row(sheet, ["-wrapped", 3]))
    data = sheets.to_bytes(book)
    assert_kept_as_text(data, "=Tiêu đề", "-wrapped", *HOSTILE_VALUES)
    sheet = read(data)["Trang"]
    assert sheet["A1"].font.bold
    assert [(c.value, c.data_type) for c in sheet["B"][1:-1]] == [(-7, "n")] * len(HOSTILE_VALUES)
    assert sheet["C2"].number_format == "DD/MM/YYYY"
    assert sheet["A8"].alignment.wrap_text


def test_without_the_guard_openpyxl_would_write_a_formula():
    # The reason for the module: the hostile text becomes a live formula by default.
    book = Workbook()
    book.active.append([HOSTILE_VALUES[0]])
    buffer = io.BytesIO()
    book.save(buffer)
    assert formula_cells(read(buffer.getvalue())) == ["Sheet!A1"]
