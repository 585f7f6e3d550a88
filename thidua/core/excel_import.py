"""What every import from an Excel workbook shares (units and people, ratings, indicator
values): opening the file with a clear error, finding a sheet and its columns by name,
reading a cell, the problems found (`RowError`, placed as Excel shows them) and the
counts of what was added, changed or left as it was. Each importer checks the whole
file first and writes nothing when one cell is wrong."""

import datetime
import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext
from openpyxl import load_workbook

from thidua.core import params
from thidua.core.text import fold

DATE_FORMAT = "%d/%m/%Y"


@dataclass(frozen=True)
class RowError:
    """One problem in the file, placed as Excel shows it. `row` is None for a problem
    with the whole file, `column` None for a problem with a whole row or sheet."""

    sheet: str | None
    row: int | None
    column: str | None
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.place()}: {self.problem} — {self.fix}"

    def place(self) -> str:
        parts = [gettext("Dòng %(row)s") % {"row": self.row}] if self.row else []
        if self.column:
            parts.append(gettext("cột «%(column)s»") % {"column": self.column})
        place = ", ".join(parts) or (
            gettext("Trang «%(sheet)s»") % {"sheet": self.sheet} if self.sheet else gettext("Tệp")
        )
        if self.sheet and parts:
            return gettext("%(place)s (trang «%(sheet)s»)") % {"place": place, "sheet": self.sheet}
        return place


@dataclass
class Counts:
    """Rows added, changed and found as they were."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def open_workbook(file, errors: list[RowError]):
    """The workbook (read-only, values rather than formulas), or None with the problem
    added to `errors`. The caller closes it."""
    data = io.BytesIO(file.read())
    if zipfile.is_zipfile(data):
        try:
            return load_workbook(data, read_only=True, data_only=True)
        except Exception:
            pass  # whatever the parser trips on, for the user it is "not a readable .xlsx"
    errors.append(
        RowError(
            None,
            None,
            None,
            gettext("Tệp không phải là tệp Excel .xlsx đọc được."),
            gettext(
                "Mở tệp bằng Excel, chọn Lưu thành «Excel Workbook (*.xlsx)» rồi nhập lại; "
                "hoặc tải tệp mẫu và điền dữ liệu vào đó."
            ),
        )
    )
    return None


def sheet_named(workbook, title: str):
    """The sheet called `title`, whatever its case and diacritics; None when absent."""
    return next((ws for ws in workbook.worksheets if fold(ws.title) == fold(title)), None)


def find_sheet(workbook, title: str, errors: list[RowError], fix: str):
    """The sheet called `title`, or None with the problem (and `fix`) added to `errors`."""
    sheet = sheet_named(workbook, title)
    if sheet is None:
        errors.append(RowError(None, None, None, gettext("Không tìm thấy trang «%(sheet)s».") % {"sheet": title}, fix))
    return sheet


def sheet_rows(worksheet, *, values_only: bool = True) -> list:
    # Some programs write a wrong sheet size; re-measuring makes every row readable.
    worksheet.reset_dimensions()
    return list(worksheet.iter_rows(values_only=values_only))


def cell_text(value) -> str:
    """A cell as text: whole numbers without ".0" (codes typed as numbers), dates as
    dd/mm/yyyy, Vietnamese in one Unicode form so the same word always compares equal."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.date):
        value = value.strftime(DATE_FORMAT)
    return unicodedata.normalize("NFC", str(value)).strip()


def cell_int(value) -> int | None:
    """A cell as a whole number of ASCII digits (`params.to_int`), else None."""
    return params.to_int(cell_text(value))


def header_key(value) -> str:
    """A header as compared: without case, diacritics, the "*" marking required
    columns or notes in brackets, so "MA DON VI *" matches «Mã đơn vị»."""
    return fold(re.sub(r"\(.*?\)|\*", " ", cell_text(value)))


def match_headers(header_row, names: dict[str, str]) -> dict[str, int]:
    """Column positions by field, from `names` (a header as written → field); the
    first column of a name counts."""
    wanted = {header_key(name): field for name, field in names.items()}
    positions: dict[str, int] = {}
    for index, value in enumerate(header_row):
        name = wanted.get(header_key(value))
        if name is not None:
            positions.setdefault(name, index)
    return positions


def file_name(file) -> str:
    return os.path.basename(getattr(file, "name", "") or "")


def import_note(file) -> str:
    """The activity log's note for what an import wrote."""
    name = file_name(file)
    return f"Nhập từ tệp {name}" if name else "Nhập từ tệp Excel"
