"""The kit every Excel import shares (`core/excel_import.py`)."""

import datetime
import io

from openpyxl import Workbook

from thidua.core.excel_import import (
    Counts,
    RowError,
    cell_int,
    cell_text,
    find_sheet,
    match_headers,
    open_workbook,
    sheet_rows,
)


def _upload(book: Workbook) -> io.BytesIO:
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return data


def test_a_file_that_is_no_workbook_is_one_clear_problem():
    errors = []
    assert open_workbook(io.BytesIO(b"PK\x03\x04 not really a zip"), errors) is None
    assert [(e.row, e.problem) for e in errors] == [(None, "Tệp không phải là tệp Excel .xlsx đọc được.")]
    assert str(errors[0]).startswith("Tệp: Tệp không phải là tệp Excel .xlsx đọc được. — Mở tệp bằng Excel")


def test_sheets_and_columns_are_found_by_name_whatever_the_case_and_diacritics():
    book = Workbook()
    book.active.title = "SO LIEU"
    book.active.append(["Ghi chú", "MA DON VI *", "Năm (bắt buộc)", "Mã đơn vị"])
    book.active.append([None, 12.0, "2026", "X"])
    workbook, errors = open_workbook(_upload(book), []), []
    sheet = find_sheet(workbook, "Số liệu", errors, "Tải tệp mẫu.")
    rows = sheet_rows(sheet)
    assert match_headers(rows[0], {"Mã đơn vị": "unit", "Năm": "year"}) == {"unit": 1, "year": 2}
    assert find_sheet(workbook, "Xếp loại", errors, "Đặt tên trang đúng như tệp mẫu.") is None
    assert errors == [RowError(None, None, None, "Không tìm thấy trang «Xếp loại».", "Đặt tên trang đúng như tệp mẫu.")]
    workbook.close()


def test_a_cell_reads_as_text_or_as_a_whole_number():
    assert [cell_text(value) for value in (None, 12.0, " Nguye\u0302\u0303n ", datetime.date(1990, 8, 15))] == [
        "",
        "12",
        "Nguyễn",
        "15/08/1990",
    ]
    assert (cell_int("2026"), cell_int(2026.0), cell_int("²"), cell_int("12,5")) == (2026, 2026, None, None)


def test_counts_add_up():
    counts = Counts()
    for outcome in ("created", "created", "unchanged"):
        counts.add(outcome)
    assert (counts.created, counts.updated, counts.unchanged) == (2, 0, 1)
