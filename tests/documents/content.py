"""Reads a generated .docx back as a clerk would and lists what they would correct:
a blank the Nghị định does not leave for handwriting, a placeholder or software note,
a doubled phrase, a cited date later than the document's own, a name or number missing.

    assert content_problems(data, expected=["Đặng Thị Hương", "2.340.000"]) == []
"""

import datetime
import io
import re
from collections.abc import Iterable

from docx import Document

# Words a clerk never signs: notes written by software about itself or its settings.
SOFTWARE_NOTES = (
    "hệ thống",
    "phần mềm",
    "chưa tìm thấy",
    "mặc định",
    "thiết lập",
    "placeholder",
    "None",
    "TODO",
)
PLACEHOLDERS = re.compile(r"\{[a-z_]+\}|\.{3,}|…|_{3,}|\[\s*\]|\bxx+\b", re.IGNORECASE)
DOUBLED = re.compile(r"(?<!\w)(\w+(?:[ ,:]+\w+){1,6})[ ,:]+\1(?!\w)", re.IGNORECASE)
SHORT_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
LONG_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
# The number and the day of a document not yet registered are written by the văn thư.
ALLOWED_BLANK = re.compile(
    r"^Số:\s+/|, ngày\s+tháng\s+(\d+\s+)?năm \d{4}$|Quyết định số\s+/\S+ ngày\s+tháng\s+năm \d{4}"
)


def lines_of(data: bytes) -> list[str]:
    """Every paragraph and table cell (merged cells once), in order."""
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        seen: dict = {}  # the cell elements themselves, so merged cells count once
        for row in table.rows:
            for cell in row.cells:
                if cell._tc not in seen:
                    seen[cell._tc] = True
                    lines.extend(p.text for p in cell.paragraphs)
    return lines


def text_of(data: bytes) -> str:
    return "\n".join(lines_of(data))


def empty_cells(data: bytes, handwritten: frozenset[int] = frozenset()) -> list[str]:
    """Data tables (the ruled ones, not the header or signature) with an empty cell,
    except in the columns left to be filled by hand (a ballot's boxes)."""
    doc = Document(io.BytesIO(data))
    problems = []
    for number, table in enumerate(doc.tables):
        if table.style is None or table.style.name != "Table Grid":
            continue
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                if not cell.text.strip() and c not in handwritten:
                    problems.append(f"table {number}, row {r}, column {c} is empty")
    return problems


def _document_date(lines: list[str]) -> datetime.date | None:
    for line in lines:
        found = re.search(r", ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$", line.strip())
        if found:
            day, month, year = map(int, found.groups())
            return datetime.date(year, month, day)
    return None


def _cited_dates(lines: list[str]) -> list[datetime.date]:
    dates = []
    for line in lines:
        if re.search(r"^[^,]+, ngày", line.strip()):
            continue  # the document's own date line
        for pattern in (SHORT_DATE, LONG_DATE):
            for day, month, year in pattern.findall(line):
                dates.append(datetime.date(int(year), int(month), int(day)))
    return dates


def content_problems(
    data: bytes,
    *,
    expected: Iterable[str] = (),
    absent: Iterable[str] = (),
    later_dates: bool = False,
    handwritten: frozenset[int] = frozenset(),
) -> list[str]:
    """Everything a clerk would correct; an empty list means none. `later_dates`
    allows dates after the document's own (a guidance's deadlines)."""
    lines = lines_of(data)
    text = "\n".join(lines)
    problems = []
    for line in lines:
        stripped = line.strip()
        if PLACEHOLDERS.search(stripped):
            problems.append(f"placeholder or blank in “{stripped}”")
        if re.search(r"\s{3,}", stripped) and not ALLOWED_BLANK.search(stripped):
            problems.append(f"blank left in “{stripped}”")
        if stripped in {"—", "-", "–"}:
            problems.append("a dash stands for a missing value")
        found = DOUBLED.search(stripped)
        if found and not found.group(1).isdigit():
            problems.append(f"doubled phrase “{found.group(0)}” in “{stripped}”")
    for note in SOFTWARE_NOTES:
        if note.lower() in text.lower():
            problems.append(f"software note “{note}”")
    problems += empty_cells(data, handwritten)
    problems += [f"“{value}” missing" for value in expected if value not in text]
    problems += [f"“{value}” should not be there" for value in absent if value in text]
    own = _document_date(lines)
    if own and not later_dates:
        problems += [
            f"cited date {d:%d/%m/%Y} after the document's {own:%d/%m/%Y}" for d in _cited_dates(lines) if d > own
        ]
    return problems
