"""Reads a generated .docx as the clerk who has to sign it would, and lists what they
would correct by hand: a blank the Nghị định does not leave for handwriting (only the
number and the day of a document not yet registered), a placeholder, a doubled phrase or
list mark ("- 1."), a name printed otherwise than stored ("Sở Tư Pháp"), a number
written "15000", "15,000" or "96.5", a section heading with nothing under it, a cited
date later than the document's own, a software note, and a name or number that should be
there. It reads the .docx itself, or the lines of one (`lines(data)`).

    assert clerk_problems(data, names=["Sở Tư pháp tỉnh Tuyên Quang"], expected=["15.000"]) == []
    assert clerk_problems(lines(data), on=decision.date) == []
"""

import datetime
import io
import re
from collections.abc import Iterable

from docx import Document
from docx.table import Table

from thidua.core.text import fold

ALLOWED_BLANK = re.compile(r"^Số:\s+/|, ngày\s+tháng\s+(\d+\s+)?năm \d{4}$")
PLACEHOLDER = re.compile(r"\{\w+\}|\.{4,}|…{2,}|_{3,}|\bNone\b|\bTODO\b")
CITED_BLANK = re.compile(r"\bsố\s*/|\bngày\s*/|(Kế hoạch|Quyết định|Báo cáo|Tờ trình) số\s+(ngày|của|về)\b")
DOUBLED = re.compile(r"(?<!\w)(\w+(?:[ ,:]+\w+){1,6})[ ,:]+\1(?!\w)", re.IGNORECASE)
DOUBLED_MARK = re.compile(r"^[-–•]\s*\d+(\.\d+)*[.)]\s")
BAD_NUMBER = re.compile(r"(?<![\d/.,-])(\d{1,3}(,\d{3})+(?!\d)|\d+\.\d{1,2}(?![\d./])|\d{5,}(?![\d/]))(?![\d/-])")
LEVEL_1 = re.compile(r"^[IVX]+\.\s")
SHORT_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
OWN_DATE = re.compile(r", ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$")
DATE_WORDS = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
WORD = re.compile(r"\w+")
# Words a clerk never signs: what a program says about itself or about a missing value.
SOFTWARE_NOTES = [
    "chưa tìm thấy",
    "thiết lập",
    "mặc định",
    "phần mềm",
    "minh họa",
    "có thể thay đổi",
    "chưa xác định",
    "lưu ý",
]


def blocks(data: bytes) -> list:
    """The body in reading order: a paragraph's text, or a table as a list of its cells'
    texts (merged cells once)."""
    found = []
    for block in Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            cells, seen = [], set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        cells += [p.text for p in cell.paragraphs]
            found.append(cells)
        else:
            found.append(block.text)
    return found


def lines_of(data: bytes) -> list[str]:
    return [line for block in blocks(data) for line in (block if isinstance(block, list) else [block])]


def lines(data: bytes) -> list[str]:
    """The lines that say something, in reading order."""
    return [line for line in lines_of(data) if line.strip()]


def doubled_phrase(line: str, shortest: int = 2) -> str | None:
    """A run of `shortest` or more words said twice in a row ("Đã có thành tích: Đã có
    thành tích …"), or None. A count said twice ("0 kết quả (0 kết quả đã được xác
    nhận)") is two figures, not a doubled phrase."""
    words = [w.lower() for w in WORD.findall(line)]
    for size in range(shortest, len(words) // 2 + 1):
        for start in range(len(words) - 2 * size + 1):
            if words[start].isdigit():
                continue
            if words[start : start + size] == words[start + size : start + 2 * size]:
                return " ".join(words[start : start + size])
    return None


def dates(line: str) -> list[datetime.date]:
    found = DATE_WORDS.findall(line) + SHORT_DATE.findall(line)
    return [datetime.date(int(year), int(month), int(day)) for day, month, year in found]


def _line_problems(line: str) -> list[str]:
    stripped = line.strip()
    problems = []
    if re.search(r"\s{3,}", stripped) and not ALLOWED_BLANK.search(stripped):
        problems.append(f"blank left in “{stripped}”")
    if PLACEHOLDER.search(stripped) or CITED_BLANK.search(stripped):
        problems.append(f"placeholder or blank in “{stripped}”")
    if stripped in {"—", "–"}:
        problems.append("a dash stands for a missing value")
    doubled = DOUBLED.search(stripped)
    if doubled and not doubled.group(1).replace(" ", "").isdigit():
        problems.append(f"doubled phrase “{doubled.group(0)}”")
    phrase = doubled_phrase(stripped)
    if phrase and not doubled and not phrase.replace(" ", "").isdigit():
        problems.append(f"doubled phrase “{phrase}” in “{stripped}”")
    lowered = stripped.lower()
    problems += [f"software note “{note}” in “{stripped}”" for note in SOFTWARE_NOTES if note in lowered]
    if DOUBLED_MARK.match(stripped):
        problems.append(f"doubled list mark in “{stripped}”")
    for number in BAD_NUMBER.findall(stripped):
        problems.append(f"number “{number[0]}” not written as 15.000 or 96,5 in “{stripped}”")
    return problems


def _empty_sections(data: bytes) -> list[str]:
    """A level-1 heading ("III. …") followed by another one, or by nothing before the
    signature block."""
    body = blocks(data)
    problems = []
    for index, block in enumerate(body):
        if isinstance(block, str) and LEVEL_1.match(block):
            following = [b for b in body[index + 1 :] if b if not isinstance(b, str) or b.strip()]
            nxt = following[0] if following else None
            if nxt is None or (isinstance(nxt, str) and LEVEL_1.match(nxt)) or nxt is following[-1]:
                problems.append(f"nothing under “{block}”")
    return problems


def _names(text: str, names: Iterable[str]) -> list[str]:
    """Each name is printed as stored: every diacritic-folded, case-folded occurrence is
    the exact stored spelling (or the letterhead's capitals)."""
    problems = []
    folded = _fold_each(text)
    for name in names:
        if name not in text:
            problems.append(f"“{name}” missing")
        key = _fold_each(name)
        for match in re.finditer(re.escape(key), folded):
            printed = text[match.start() : match.start() + len(name)]
            if printed not in (name, name.upper()):
                problems.append(f"“{printed}” printed for “{name}”")
    return problems


def _fold_each(text: str) -> str:
    """`fold` letter by letter, so positions in the folded text are those of the text."""
    return "".join((fold(char) or char)[:1] for char in text)


def _dates(lines: list[str]) -> list[str]:
    own = next((OWN_DATE.search(line.strip()) for line in lines if OWN_DATE.search(line.strip())), None)
    if own is None:
        return []
    day, month, year = map(int, own.groups())
    issued = datetime.date(year, month, day)
    cited = [datetime.date(int(y), int(m), int(d)) for line in lines for d, m, y in SHORT_DATE.findall(line)]
    return [f"cited date {d:%d/%m/%Y} after the document's {issued:%d/%m/%Y}" for d in cited if d > issued]


def clerk_problems(
    document: bytes | list[str],
    *,
    names: Iterable[str] = (),
    expected: Iterable[str] = (),
    absent: Iterable[str] = (),
    on: datetime.date | None = None,
) -> list[str]:
    """Everything the clerk would correct; an empty list means they sign it as it is.
    `document` is the .docx or its lines; `on` is the document's date when its own date
    line is not among them."""
    read = lines_of(document) if isinstance(document, bytes) else list(document)
    text = "\n".join(read)
    problems = [problem for line in read for problem in _line_problems(line)]
    if isinstance(document, bytes):
        problems += _empty_sections(document)
    problems += _names(text, names)
    problems += [f"“{value}” missing" for value in expected if value not in text]
    problems += [f"“{value}” should not be there" for value in absent if value in text]
    problems += _dates(read)
    if on is not None:
        problems += [
            f"cited date {day:%d/%m/%Y} after the document's {on:%d/%m/%Y}"
            for line in read
            for day in dates(line)
            if day > on
        ]
    return problems
