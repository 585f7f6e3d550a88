"""Reads a generated .docx back and lists every way it departs from the layout of
Nghị định 30/2020/NĐ-CP, Phụ lục I (`docs/law.md`, section 6).

Any administrative document can be checked: plans, reports, decisions, minutes,
submissions. Only what the decree fixes is checked; a document's own content is not.

    assert nd30_problems(data, doc_type="Kế hoạch") == []
"""

import io
import re
import unicodedata
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from thidua.core.text import fold
from thidua.documents import columns

FONT = "Times New Roman"
PAPER_MM = (210, 297)
PAPER_TOLERANCE_MM = 1
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MARGIN_TOLERANCE_MM = 0.1
NATIONAL_NAME = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Phụ lục III abbreviations that are not all capitals.
MIXED_CASE_SYMBOLS = {"TTr", "CTr", "QyĐ"}
MIN_SPACE_AFTER_PT = 6
# Line spacing from single to 1.5 lines; "exactly N pt" is judged against the font
# size, where single spacing of Times New Roman is about 1.15 times the size.
LINE_MULTIPLE = (1.0, 1.5)
LINE_EXACT_RATIO = (1.0, 1.75)

_DATE_LINE = re.compile(r"^(?P<place>[^,]+), ngày(?P<day>[\s\d]*)tháng(?P<month>[\s\d]*)năm (?P<year>\d{4})$")
_NUMBER_LINE = re.compile(r"^Số:\s*(?P<number>\d*)\s*/(?P<symbol>\S+)$")


def nd30_problems(docx_bytes: bytes, *, doc_type: str, has_addressees: bool = False) -> list[str]:
    """Every deviation found, as a readable sentence; an empty list means the file
    passes. `doc_type` is the tên loại ('Kế hoạch', 'Báo cáo', …); `has_addressees`
    says the document must carry a 'Kính gửi' block."""
    read = _read(docx_bytes, doc_type)
    problems: list[str] = []
    for check in (
        _page,
        _fonts,
        _national_name,
        _motto,
        _agency,
        _number,
        _place_date,
        _title,
        _body,
        _signature,
        _page_numbers,
        _data_tables,
    ):
        problems.extend(check(read))
    problems.extend(_addressees(read, required=has_addressees))
    return problems


# --- reading the document into its parts -----------------------------------------------
@dataclass
class _Read:
    doc: object
    doc_type: str
    default_rpr: object
    default_ppr: object
    header: Table | None = None
    signature: Table | None = None
    type_line: Paragraph | None = None
    summary: list[Paragraph] = field(default_factory=list)
    addressees: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)


def _read(docx_bytes: bytes, doc_type: str) -> _Read:
    doc = Document(io.BytesIO(docx_bytes))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    read = _Read(doc, doc_type, _find(defaults, "w:rPrDefault", "w:rPr"), _find(defaults, "w:pPrDefault", "w:pPr"))
    blocks = list(doc.iter_inner_content())
    read.header = _header_table(blocks)
    read.signature = next(
        (b for b in reversed(blocks) if isinstance(b, Table) and _starting(_cell_paragraphs(b), "Nơi nhận")), None
    )
    _split_middle(read, _middle(blocks, read.header, read.signature))
    return read


def _find(element, *path):
    for tag in path:
        element = element.find(qn(tag)) if element is not None else None
    return element


def _header_table(blocks) -> Table | None:
    for block in blocks:
        if isinstance(block, Table):
            return block
        if block.text.strip():
            return None
    return None


def _middle(blocks, header, signature) -> list[Paragraph]:
    """Paragraphs of the page itself between the header table and the signature."""
    start = blocks.index(header) + 1 if header is not None else 0
    end = blocks.index(signature) if signature is not None else len(blocks)
    return [b for b in blocks[start:end] if isinstance(b, Paragraph)]


def _split_middle(read: _Read, paragraphs: list[Paragraph]) -> None:
    """Tên loại, then the centred trích yếu lines, then the rest; the Kính gửi lines
    are taken out of the rest."""
    wanted = read.doc_type.strip().upper()
    index = next((i for i, p in enumerate(paragraphs) if p.text.strip().upper() == wanted), None)
    if index is None:
        read.body = [p for p in paragraphs if p.text.strip()]
        return
    read.type_line = paragraphs[index]
    rest = paragraphs[index + 1 :]
    while rest and rest[0].text.strip() and _alignment(rest[0]) == WD_ALIGN_PARAGRAPH.CENTER:
        read.summary.append(rest.pop(0))
    rest = [p for p in rest if p.text.strip()]
    read.addressees = _addressee_block(rest)
    read.body = [p for p in rest if p not in read.addressees]


def _addressee_block(paragraphs: list[Paragraph]) -> list[Paragraph]:
    start = next((i for i, p in enumerate(paragraphs) if p.text.strip().startswith("Kính gửi")), None)
    if start is None:
        return []
    block = [paragraphs[start]]
    if paragraphs[start].text.strip().endswith(":"):
        for p in paragraphs[start + 1 :]:
            if not p.text.strip().startswith("-"):
                break
            block.append(p)
    return block


def _all_paragraphs(container):
    """Every paragraph, inside tables too, in document order."""
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        else:
            yield from _table_paragraphs(block)


def _table_paragraphs(table: Table):
    seen = set()  # a merged cell is returned once per grid column it spans
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)  # the element itself: an id() of a freed proxy is reused
                yield from _all_paragraphs(cell)


def _cell_paragraphs(table: Table) -> list[Paragraph]:
    return list(_table_paragraphs(table))


def _starting(paragraphs, prefix: str) -> list[Paragraph]:
    return [p for p in paragraphs if p.text.strip().startswith(prefix)]


def _header_paragraphs(read: _Read) -> list[Paragraph]:
    return _cell_paragraphs(read.header) if read.header is not None else []


# --- resolving run and paragraph properties through styles ------------------------------
def _rpr_chain(read: _Read, paragraph: Paragraph, run) -> list:
    chain = [run._element.rPr]
    chain += [s.element.rPr for s in _styles(run.style)]
    chain += [s.element.rPr for s in _styles(paragraph.style)]
    chain.append(read.default_rpr)
    return [rpr for rpr in chain if rpr is not None]


def _styles(style):
    while style is not None:
        yield style
        style = style.base_style


def _first(chain, tag: str):
    return next((rpr.find(qn(tag)) for rpr in chain if rpr.find(qn(tag)) is not None), None)


def _font_name(chain) -> str | None:
    fonts = _first(chain, "w:rFonts")
    if fonts is None:
        return None
    theme = fonts.get(qn("w:asciiTheme"))
    return f"theme font {theme}" if theme else fonts.get(qn("w:ascii"))


def _size_pt(chain) -> float | None:
    size = _first(chain, "w:sz")
    return int(size.get(qn("w:val"))) / 2 if size is not None else None


def _flag(chain, tag: str) -> bool:
    element = _first(chain, tag)
    return element is not None and element.get(qn("w:val"), "true") not in ("0", "false", "off")


def _text_runs(paragraph: Paragraph) -> list:
    return [run for run in paragraph.runs if run.text.strip()]


def _sizes(read: _Read, paragraph: Paragraph) -> set:
    return {_size_pt(_rpr_chain(read, paragraph, run)) for run in _text_runs(paragraph)}


def _all_runs(read: _Read, paragraph: Paragraph, tag: str) -> bool:
    runs = _text_runs(paragraph)
    return bool(runs) and all(_flag(_rpr_chain(read, paragraph, r), tag) for r in runs)


def _any_run(read: _Read, paragraph: Paragraph, tag: str) -> bool:
    return any(_flag(_rpr_chain(read, paragraph, r), tag) for r in _text_runs(paragraph))


def _paragraph_value(paragraph: Paragraph, name: str):
    for fmt in [paragraph.paragraph_format] + [s.paragraph_format for s in _styles(paragraph.style)]:
        value = getattr(fmt, name)
        if value is not None:
            return value
    return None


def _alignment(paragraph: Paragraph):
    return _paragraph_value(paragraph, "alignment") or WD_ALIGN_PARAGRAPH.LEFT


# --- describing what is wrong -------------------------------------------------------------
def _quote(paragraph: Paragraph) -> str:
    text = " ".join(paragraph.text.split())
    return f"“{text[:50]}{'…' if len(text) > 50 else ''}”"


def _size_problem(read, paragraph, label: str, low: float, high: float) -> list[str]:
    bad = sorted(s for s in _sizes(read, paragraph) if s is None or not low <= s <= high)
    if not bad and _sizes(read, paragraph):
        return []
    allowed = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    return [f"{label} {_quote(paragraph)}: size {bad or 'unknown'} pt, expected {allowed}"]


def _style_problem(read, paragraph, label: str, *, bold=None, italic=None) -> list[str]:
    problems = []
    for tag, wanted, word in (("w:b", bold, "bold"), ("w:i", italic, "italic")):
        if wanted is True and not _all_runs(read, paragraph, tag):
            problems.append(f"{label} {_quote(paragraph)}: not {word}")
        if wanted is False and _any_run(read, paragraph, tag):
            problems.append(f"{label} {_quote(paragraph)}: must not be {word}")
    return problems


def _uppercase_problem(paragraph: Paragraph, label: str) -> list[str]:
    text = paragraph.text
    return [] if text == text.upper() else [f"{label} {_quote(paragraph)}: not in capitals"]


def _has_rule_below(paragraphs: list[Paragraph], paragraph: Paragraph) -> bool:
    """The short solid line is the bottom border of the line itself or of the
    (empty) paragraph right after it."""
    index = next(i for i, p in enumerate(paragraphs) if p._p is paragraph._p)
    candidates = [paragraph] + paragraphs[index + 1 : index + 2]
    return any(_find(p._p.pPr, "w:pBdr", "w:bottom") is not None for p in candidates)


# --- the checks ---------------------------------------------------------------------------
def _page(read: _Read) -> list[str]:
    problems = []
    for number, section in enumerate(read.doc.sections, start=1):
        problems += _paper(section, number)
        problems += _margins(section, number)
    return problems


def _paper(section, number: int) -> list[str]:
    width, height = _mm(section.page_width), _mm(section.page_height)
    landscape_allowed = number > 1  # a later section may turn a wide table sideways
    size = sorted((width, height)) if landscape_allowed else (width, height)
    a4 = all(abs(a - b) <= PAPER_TOLERANCE_MM for a, b in zip(size, PAPER_MM, strict=True))
    problems = [] if a4 else [f"section {number}: paper {width:.0f}×{height:.0f} mm, expected A4 portrait 210×297"]
    if not landscape_allowed and section.orientation != WD_ORIENT.PORTRAIT:
        problems.append(f"section {number}: orientation is not portrait")
    return problems


def _margins(section, number: int) -> list[str]:
    problems = []
    for side, (low, high) in MARGINS_MM.items():
        value = _mm(getattr(section, f"{side}_margin"))
        if not low - MARGIN_TOLERANCE_MM <= value <= high + MARGIN_TOLERANCE_MM:
            problems.append(f"section {number}: {side} margin {value:.1f} mm, expected {low}–{high} mm")
    return problems


def _data_tables(read: _Read) -> list[str]:
    """Tables of data as a clerk sets them: within the text width, STT at most 1 cm, no
    column narrower than its longest word, the header row repeated on every page and
    no row split across pages."""
    width = max(s.page_width - s.left_margin - s.right_margin for s in read.doc.sections)
    problems = []
    for number, table in enumerate((t for t in read.doc.tables if t.style.name == "Table Grid"), start=1):
        widths = [column.width for column in table.columns]
        if sum(widths) > width + Mm(0.5):
            problems.append(f"table {number}: {_mm(sum(widths)):.0f} mm wide, the text is {_mm(width):.0f} mm")
        if fold(table.rows[0].cells[0].text.strip()) == "stt" and widths[0] > Mm(10.05):
            problems.append(f"table {number}: STT column {_mm(widths[0]):.1f} mm, at most 10 mm")
        problems += _narrow_columns(table, number, widths)
        problems += _rows_kept(table, number)
    return problems


def _narrow_columns(table: Table, number: int, widths: list[Length]) -> list[str]:
    problems = []
    for position, column_width in enumerate(widths):
        texts = [row.cells[position].text for row in table.rows]
        needed = columns.longest_word(texts, Pt(13)) + columns.CELL_PADDING
        if position and needed > column_width * 1.09:
            problems.append(f"table {number}: column {position + 1} ({_mm(column_width):.0f} mm) breaks a word")
    return problems


def _rows_kept(table: Table, number: int) -> list[str]:
    rows = [row._tr.trPr for row in table.rows]
    problems = []
    if any(r is None or r.find(qn("w:cantSplit")) is None for r in rows):
        problems.append(f"table {number}: a row may split across two pages")
    if len(rows) > 1 and (rows[0] is None or rows[0].find(qn("w:tblHeader")) is None):
        problems.append(f"table {number}: the header row is not repeated on the next page")
    return problems


def _mm(length: Length | None) -> float:
    return (length or 0) / Mm(1)


def _fonts(read: _Read) -> list[str]:
    problems = []
    for paragraph in _every_paragraph(read):
        for run in _text_runs(paragraph):
            problem = _run_font_problem(read, paragraph, run)
            if problem:
                problems.append(f"{problem} in {_quote(paragraph)}")
                break
    return problems


def _every_paragraph(read: _Read):
    yield from _all_paragraphs(read.doc)
    for section in read.doc.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            if not part.is_linked_to_previous:
                yield from _all_paragraphs(part)


def _run_font_problem(read: _Read, paragraph: Paragraph, run) -> str | None:
    chain = _rpr_chain(read, paragraph, run)
    name = _font_name(chain)
    if name != FONT:
        return f"font {name or 'unknown'} instead of {FONT}"
    fonts = _first(chain, "w:rFonts")
    others = {fonts.get(qn(f"w:{slot}")) for slot in ("hAnsi", "eastAsia", "cs")} - {None, FONT}
    if others:
        return f"font {sorted(others)} set for some scripts instead of {FONT}"
    color = _first(chain, "w:color")
    value = color.get(qn("w:val")) if color is not None else "auto"
    return None if value.lower() in ("auto", "000000") else f"colour {value} instead of black"


def _national_name(read: _Read) -> list[str]:
    found = [p for p in _header_paragraphs(read) if fold(p.text) == NATIONAL_NAME]
    if not found:
        return ["Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” missing from the header"]
    line = found[0]
    return (
        _uppercase_problem(line, "Quốc hiệu")
        + _size_problem(read, line, "Quốc hiệu", 12, 13)
        + _style_problem(read, line, "Quốc hiệu", bold=True, italic=False)
    )


def _motto(read: _Read) -> list[str]:
    paragraphs = _header_paragraphs(read)
    found = [p for p in paragraphs if fold(p.text) == fold(MOTTO)]
    if not found:
        return [f"Tiêu ngữ “{MOTTO}” missing from the header"]
    line = found[0]
    problems = (
        []
        if unicodedata.normalize("NFC", line.text.strip()) == MOTTO
        else [f"Tiêu ngữ {_quote(line)}: expected exactly “{MOTTO}”"]
    )
    if not _has_rule_below(paragraphs, line):
        problems.append("Tiêu ngữ: no solid line under it")
    return (
        problems
        + _size_problem(read, line, "Tiêu ngữ", 13, 14)
        + _style_problem(read, line, "Tiêu ngữ", bold=True, italic=False)
    )


def _agency(read: _Read) -> list[str]:
    names = _agency_lines(read)
    issuing = [p for p in names if _all_runs(read, p, "w:b")]
    if not issuing:
        return ["issuing agency name (capitals, bold) missing from the header"]
    problems = (
        []
        if _has_rule_below(_header_paragraphs(read), issuing[-1])
        else ["issuing agency name: no solid line under it"]
    )
    for line in names:
        label = "issuing agency name" if line in issuing else "parent agency name"
        problems += _uppercase_problem(line, label) + _size_problem(read, line, label, 12, 13)
    return problems


def _agency_lines(read: _Read) -> list[Paragraph]:
    """Non-empty lines of the header's left column above the 'Số:' line."""
    if read.header is None:
        return []
    lines = []
    for row in read.header.rows:
        for p in row.cells[0].paragraphs:
            if p.text.strip().startswith("Số"):
                return lines
            if p.text.strip():
                lines.append(p)
    return lines


def _number(read: _Read) -> list[str]:
    found = _starting(_header_paragraphs(read), "Số")
    if not found:
        return ["“Số:” line missing from the header"]
    line = found[0]
    problems = _size_problem(read, line, "Số", 13, 13)
    problems += _style_problem(read, line, "Số", bold=False, italic=False)
    match = _NUMBER_LINE.match(line.text.strip())
    if not match:
        return problems + [f"Số {_quote(line)}: expected “Số: <number>/<KÝ-HIỆU>”"]
    return problems + _number_parts(line, match["number"], match["symbol"])


def _number_parts(line: Paragraph, number: str, symbol: str) -> list[str]:
    problems = []
    if number and int(number) < 10 and len(number) < 2:
        problems.append(f"Số {_quote(line)}: numbers below 10 take a leading zero")
    groups = symbol.split("-")
    if any(not g or (g != g.upper() and g not in MIXED_CASE_SYMBOLS) for g in groups):
        problems.append(f"Số {_quote(line)}: ký hiệu “{symbol}” must be capitals joined by “-”")
    return problems


def _place_date(read: _Read) -> list[str]:
    found = [p for p in _header_paragraphs(read) if " ngày" in p.text and " năm " in p.text]
    match = _DATE_LINE.match(found[0].text.strip()) if found else None
    if not match:
        return ["place and date line “<place>, ngày … tháng … năm …” missing from the header"]
    line = found[0]
    problems = _size_problem(read, line, "place and date", 13, 14)
    problems += _style_problem(read, line, "place and date", bold=False, italic=True)
    return problems + _date_digits(line, match["day"].strip(), match["month"].strip())


def _date_digits(line: Paragraph, day: str, month: str) -> list[str]:
    problems = []
    if day and (len(day) != 2 or not 1 <= int(day) <= 31):
        problems.append(f"date {_quote(line)}: the day takes two digits (leading zero below 10)")
    if month and not 1 <= int(month) <= 12:
        problems.append(f"date {_quote(line)}: month {month} does not exist")
    elif month and (int(month) <= 2) != month.startswith("0"):
        problems.append(f"date {_quote(line)}: only months 1 and 2 take a leading zero")
    return problems


def _title(read: _Read) -> list[str]:
    line = read.type_line
    if line is None:
        return [f"tên loại “{read.doc_type.upper()}” missing under the header"]
    problems = _uppercase_problem(line, "tên loại") + _size_problem(read, line, "tên loại", 13, 14)
    problems += _style_problem(read, line, "tên loại", bold=True, italic=False)
    if _alignment(line) != WD_ALIGN_PARAGRAPH.CENTER:
        problems.append("tên loại: not centred")
    if not read.summary:
        problems.append("trích yếu missing under the tên loại")
    for summary in read.summary:
        problems += _size_problem(read, summary, "trích yếu", 13, 14)
        problems += _style_problem(read, summary, "trích yếu", bold=True, italic=False)
    return problems


def _body(read: _Read) -> list[str]:
    if not read.body:
        return ["no body paragraphs"]
    problems = []
    for paragraph in read.body:
        problems += _size_problem(read, paragraph, "body paragraph", 13, 14)
        problems += _body_format(read, paragraph)
    return problems


def _body_format(read: _Read, paragraph: Paragraph) -> list[str]:
    """Justified, except a centred bold heading such as 'QUYẾT ĐỊNH:'; spacing after
    at least 6 pt; line spacing between single and 1.5 lines."""
    problems = []
    alignment = _alignment(paragraph)
    centred_heading = alignment == WD_ALIGN_PARAGRAPH.CENTER and _all_runs(read, paragraph, "w:b")
    if alignment != WD_ALIGN_PARAGRAPH.JUSTIFY and not centred_heading:
        problems.append(f"body paragraph {_quote(paragraph)}: not justified")
    after = _paragraph_value(paragraph, "space_after")
    if after is None:
        after = _default_spacing(read, "w:after")
    if after.pt < MIN_SPACE_AFTER_PT:
        problems.append(f"body paragraph {_quote(paragraph)}: spacing after {after.pt:g} pt, expected ≥ 6")
    return problems + _line_spacing(read, paragraph)


def _default_spacing(read: _Read, attr: str) -> Length:
    spacing = _find(read.default_ppr, "w:spacing")
    value = spacing.get(qn(attr)) if spacing is not None else None
    return Length(int(value or 0) * 635)  # twentieths of a point


def _line_spacing(read: _Read, paragraph: Paragraph) -> list[str]:
    spacing = _paragraph_value(paragraph, "line_spacing")
    if spacing is None:
        return []
    if isinstance(spacing, Length):
        size = max((s for s in _sizes(read, paragraph) if s), default=14)
        low, high = LINE_EXACT_RATIO
        ok = low <= spacing.pt / size <= high
    else:
        low, high = LINE_MULTIPLE
        ok = low <= spacing <= high
    return [] if ok else [f"body paragraph {_quote(paragraph)}: line spacing {spacing} out of single–1.5 lines"]


def _addressees(read: _Read, *, required: bool) -> list[str]:
    block = read.addressees
    if not block:
        return ["“Kính gửi:” block missing"] if required else []
    problems = []
    for line in block:
        problems += _size_problem(read, line, "Kính gửi", 13, 14)
        problems += _style_problem(read, line, "Kính gửi", bold=False)
    if len(block) == 1 and not block[0].text.strip().removeprefix("Kính gửi:").strip():
        problems.append("Kính gửi: no addressee")
    return problems + _dash_list(block[1:], "Kính gửi line")


def _dash_list(lines: list[Paragraph], label: str) -> list[str]:
    problems = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        end = "." if index == len(lines) - 1 else ";"
        if not text.startswith("- ") or not text.endswith(end):
            problems.append(f"{label} {_quote(line)}: expected “- …{end}”")
    return problems


def _signature(read: _Read) -> list[str]:
    if read.signature is None:
        return ["signature block with “Nơi nhận:” missing"]
    row = next(r for r in read.signature.rows if _starting(_cell_paragraphs_of(r), "Nơi nhận"))
    left = next(c for c in row.cells if _starting(c.paragraphs, "Nơi nhận"))
    right = [c for c in row.cells if c._tc is not left._tc]
    return _recipients(read, left) + _signer(read, right)


def _cell_paragraphs_of(row) -> list[Paragraph]:
    return [p for cell in row.cells for p in cell.paragraphs]


def _recipients(read: _Read, cell) -> list[str]:
    lines = [p for p in cell.paragraphs if p.text.strip()]
    label, recipients = lines[0], lines[1:]
    problems = [] if label.text.strip() == "Nơi nhận:" else [f"{_quote(label)}: expected “Nơi nhận:”"]
    problems += _size_problem(read, label, "Nơi nhận", 12, 12)
    problems += _style_problem(read, label, "Nơi nhận", bold=True, italic=True)
    if not recipients:
        problems.append("Nơi nhận: no recipients listed")
    for line in recipients:
        problems += _size_problem(read, line, "recipient line", 11, 11)
        problems += _style_problem(read, line, "recipient line", bold=False, italic=False)
    return problems + _dash_list(recipients, "recipient line")


def _signer(read: _Read, cells) -> list[str]:
    lines = [p for cell in cells for p in cell.paragraphs if p.text.strip()]
    if len(lines) < 2:
        return ["signature: the signer's title and name are missing"]
    problems = []
    for line in lines:
        problems += _size_problem(read, line, "signature", 13, 14)
        problems += _style_problem(read, line, "signature", bold=True)
    for line in lines[:-1]:
        problems += _uppercase_problem(line, "signer's title")
    return problems


def _page_numbers(read: _Read) -> list[str]:
    section = read.doc.sections[0]
    if not section.different_first_page_header_footer:
        return ["page numbers: the first page must not be numbered (no different first page)"]
    problems = []
    if not section.first_page_header.is_linked_to_previous and _has_page_field(section.first_page_header):
        problems.append("page numbers: the first page carries a page number")
    numbered = (
        [] if section.header.is_linked_to_previous else [p for p in section.header.paragraphs if _has_page_field(p)]
    )
    if not numbered:
        return problems + ["page numbers: no PAGE field in the header"]
    if _alignment(numbered[0]) != WD_ALIGN_PARAGRAPH.CENTER:
        problems.append("page numbers: not centred")
    return problems + _size_problem(read, numbered[0], "page number", 13, 14)


def _has_page_field(part) -> bool:
    element = part._element
    instructions = [e.text or "" for e in element.iter(qn("w:instrText"))]
    instructions += [e.get(qn("w:instr"), "") for e in element.iter(qn("w:fldSimple"))]
    return any(re.search(r"\bPAGE\b", text) for text in instructions)


def appendix_problems(docx_bytes: bytes, *, doc_type: str, attached: bool = True) -> list[str]:
    """The layout of a list or annex that goes with a document: the checks above
    without number, date and signature (the document carries them), and its
    "(Kèm theo …)" line, italic, under the name."""
    read = _read(docx_bytes, doc_type)
    notes = [p for p in read.summary if p.text.strip().startswith(("(Kèm theo", "(Ban hành kèm theo"))]
    read.summary = [p for p in read.summary if p not in notes]
    problems: list[str] = []
    for check in (_page, _fonts, _national_name, _motto, _agency, _title, _body, _page_numbers):
        problems.extend(check(read))
    if read.signature is not None:
        problems.append("an appendix carries no signature of its own")
    if not attached:
        return problems + (["a form filled by hand goes with no document"] if notes else [])
    if not notes:
        return problems + ["“(Kèm theo …)” line missing under the name of the list"]
    problems += _size_problem(read, notes[0], "Kèm theo line", 13, 14)
    return problems + _style_problem(read, notes[0], "Kèm theo line", bold=False, italic=True)


def own_report_problems(docx_bytes: bytes) -> list[str]:
    """The layout of a report that is a person's or a unit's own (no number, the date
    under the header): page, fonts, Quốc hiệu, Tiêu ngữ, agency and page numbers."""
    read = _read(docx_bytes, "BÁO CÁO")
    problems: list[str] = []
    for check in (_page, _fonts, _national_name, _motto, _agency, _page_numbers):
        problems.extend(check(read))
    return problems
