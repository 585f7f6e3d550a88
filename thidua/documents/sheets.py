"""Exports of many rows to Excel, streamed: openpyxl's write-only mode writes each row
as it comes instead of keeping every cell of the workbook in memory, which made a
province's exports (tens of thousands of rows) several times slower and larger in
memory.

Rows are added with `append`, never with the sheet's own `append`: it passes every
value through `safe_cells`, so text typed by a user is never written as a formula."""

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from thidua.documents import safe_cells

WRAP = Alignment(wrap_text=True, vertical="top")


def streamed_book() -> Workbook:
    return Workbook(write_only=True)


def add_sheet(book: Workbook, title: str, columns: list[tuple[str, int]]):
    """A sheet with a bold header row of `columns` (title, width), frozen below it."""
    sheet = book.create_sheet(title)
    for number, (_label, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    append(sheet, [cell(sheet, str(label), font=Font(bold=True), alignment=WRAP) for label, _width in columns])
    return sheet


def append(sheet, values) -> None:
    """One row; text that a spreadsheet would run as a formula is written as text."""
    sheet.append(safe_cells.safe_row(sheet, values))


def cell(sheet, value, *, font=None, alignment=None, number_format: str | None = None) -> WriteOnlyCell:
    """One cell with its own style, for the columns that need one."""
    found = WriteOnlyCell(sheet, value=value)
    if font is not None:
        found.font = font
    if alignment is not None:
        found.alignment = alignment
    if number_format is not None:
        found.number_format = number_format
    return safe_cells.plain_text(found)


def wrapped_row(sheet, values: list) -> list:
    """Every cell of the row wraps its text and starts at the top."""
    return [cell(sheet, value, alignment=WRAP) for value in values]


def to_bytes(book: Workbook) -> bytes:
    return safe_cells.workbook_bytes(book)
