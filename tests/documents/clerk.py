"""Reads a generated .docx as a clerk would before it goes to the signer, and lists
what the clerk would have to correct by hand: a blank the Nghị định does not leave
for handwriting, a phrase said twice in a row, a software note, a cited date after
the document's own date.

    assert clerk_problems(lines(data), on=decision.date) == []
"""

import datetime
import io
import re

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

# What a program leaves where a value was missing, and words a clerk never signs.
BLANKS = [
    (re.compile(r"\S {3,}\S"), "a run of spaces left for a value"),
    (re.compile(r"\.{3,}|…|_{2,}"), "dots or underscores left to be filled in"),
    (re.compile(r"[{}]"), "a placeholder"),
    (re.compile(r"(^|\s)—(\s|$)|«—»"), "a dash standing for a missing value"),
    (re.compile(r"\bNone\b|\bnan\b"), "a missing value printed by the program"),
]
SOFTWARE_NOTES = [
    "chưa tìm thấy",
    "thiết lập",
    "mặc định",
    "hệ thống",
    "phần mềm",
    "minh họa",
    "có thể thay đổi",
    "chưa xác định",
    "lưu ý",
]
_DATE_WORDS = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_DATE_DIGITS = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_WORD = re.compile(r"\w+")


def lines(data: bytes) -> list[str]:
    """Every paragraph of the body in reading order, the cells of a table one by one
    (a merged cell once)."""
    doc = Document(io.BytesIO(data))
    found: list[str] = []
    _walk(doc, found)
    return [line for line in found if line.strip()]


def _walk(container, found: list[str]) -> None:
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            found.append(block.text)
        elif isinstance(block, Table):
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)  # the element itself: an id() of a freed proxy is reused
                        _walk(cell, found)


def doubled_phrase(line: str, shortest: int = 2) -> str | None:
    """A run of `shortest` or more words said twice in a row ("Đã có thành tích: Đã có
    thành tích …"), or None."""
    words = [w.lower() for w in _WORD.findall(line)]
    for size in range(shortest, len(words) // 2 + 1):
        for start in range(len(words) - 2 * size + 1):
            if words[start : start + size] == words[start + size : start + 2 * size]:
                return " ".join(words[start : start + size])
    return None


def dates(line: str) -> list[datetime.date]:
    found = []
    for day, month, year in _DATE_WORDS.findall(line) + _DATE_DIGITS.findall(line):
        found.append(datetime.date(int(year), int(month), int(day)))
    return found


def clerk_problems(text_lines: list[str], *, on: datetime.date | None = None) -> list[str]:
    """What a clerk would correct; `on` is the document's date, no cited date may be
    later."""
    problems = []
    for line in text_lines:
        for pattern, what in BLANKS:
            if pattern.search(line):
                problems.append(f"{what}: {line!r}")
        lowered = line.lower()
        problems += [f"a software note ({note!r}): {line!r}" for note in SOFTWARE_NOTES if note in lowered]
        if phrase := doubled_phrase(line):
            problems.append(f"a doubled phrase ({phrase!r}): {line!r}")
        if on is not None:
            problems += [f"a date after the document's own ({day}): {line!r}" for day in dates(line) if day > on]
    return problems
