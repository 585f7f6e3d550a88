"""Administrative documents in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I.

`OfficialDocument` lays out the parts every document shares (header with Quốc hiệu and
agency, tên loại and trích yếu, optional Kính gửi, body, signature with Nơi nhận, page
numbers) so that each exporter only supplies its own content:

    doc = OfficialDocument(agency_parent="UBND TỈNH TUYÊN QUANG", agency="SỞ TƯ PHÁP",
                           number_symbol="05/KH-STP", place="Tuyên Quang",
                           date_parts=(5, 4, 2026), doc_type="Kế hoạch", summary="…")
    doc.heading("I. MỤC ĐÍCH, YÊU CẦU", 1)
    doc.paragraph("Nội dung …")
    doc.signature("", "Giám đốc", "Nguyễn Văn A", ["UBND tỉnh", "Lưu: VT, VP"])
    data = doc.to_bytes()

A paragraph is plain text, or a list of `Span`s when part of it is bold or italic.
"""

import copy
import datetime
import io
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from thidua.documents import columns

# --- Page (Phụ lục I, I.I: A4 portrait; top/bottom 20–25, left 30–35, right 15–20 mm) ---
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(20)
MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
# The page number sits in the top margin, so the header starts well inside it.
HEADER_DISTANCE = Mm(10)
FOOTER_DISTANCE = Mm(10)
TEXT_WIDTH = Mm(210 - 30 - 15)

# --- Font: Times New Roman, black -------------------------------------------------------
FONT_NAME = "Times New Roman"
FONT_COLOR = RGBColor(0, 0, 0)
LANGUAGE = "vi-VN"

# --- Sizes of each element (the table in Phụ lục I, Phần II) ------------------------------
# Quốc hiệu takes the low end of 12–13 so it stays on one line in the right column.
SIZE_NATIONAL_NAME = Pt(12)
SIZE_MOTTO = Pt(13)
SIZE_PARENT_AGENCY = Pt(13)
SIZE_AGENCY = Pt(13)
SIZE_NUMBER = Pt(13)
SIZE_PLACE_DATE = Pt(14)
SIZE_DOC_TYPE = Pt(14)
SIZE_SUMMARY = Pt(14)
SIZE_ADDRESSEES = Pt(14)
SIZE_BODY = Pt(14)
SIZE_TABLE = Pt(13)
SIZE_RECIPIENTS_LABEL = Pt(12)
SIZE_RECIPIENTS = Pt(11)
SIZE_SIGNATURE = Pt(14)
SIZE_PAGE_NUMBER = Pt(14)

# --- Paragraphs of the body ---------------------------------------------------------------
FIRST_LINE_INDENT = Cm(1.27)
SPACE_AFTER = Pt(6)
LINE_SPACING = 1.15
ADDRESSEE_LABEL_INDENT = Cm(3.5)
ADDRESSEE_LINE_INDENT = Cm(5.5)
SIGNATURE_BLANK_LINES = 4

# --- Two-column tables: the header and the signature block ----------------------------
# Together they span the text width. The side cell margins are removed, so the
# columns hold exactly these widths and Nơi nhận lines up with the body's left edge.
HEADER_COLUMNS = (Mm(65), Mm(100))
SIGNATURE_COLUMNS = (Mm(85), Mm(80))
SIGNATURE_SPACE_BEFORE = Pt(12)
AGENCY_RULE_SHARE = 0.4  # the line under the agency name: 1/3–1/2 of the name
SUMMARY_RULE_SHARE = 0.3
RULE_WEIGHT = 4  # eighths of a point: a thin solid line

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DATE_BLANK = " " * 6

DateParts = tuple[int | None, int | None, int]

# Word refuses a file whose properties are out of the schema's order, so each added
# element goes before the first of these that is present.
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_TABLE_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", *_AFTER_CELL_MARGINS)
_AFTER_PARAGRAPH_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


class Span(NamedTuple):
    """Part of a paragraph with its own emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


def date_line(place: str, date_parts: DateParts | datetime.date) -> str:
    """'Tuyên Quang, ngày 05 tháng 4 năm 2026'. Days below 10 and months 1, 2 take a
    leading zero; a day or month not known yet is left blank to be written by hand."""
    if isinstance(date_parts, datetime.date):
        date_parts = (date_parts.day, date_parts.month, date_parts.year)
    day, month, year = date_parts
    day_text = f"{day:02d}" if day else DATE_BLANK
    month_text = (f"{month:02d}" if month <= 2 else str(month)) if month else DATE_BLANK
    return f"{place}, ngày {day_text} tháng {month_text} năm {year}"


def date_words(day: datetime.date) -> str:
    """'ngày 05 tháng 01 năm 2027': a cited document's date, written as in the date line."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def punctuated_list(lines: Sequence[str]) -> list[str]:
    """'- A;' … '- Z.': each line of a Kính gửi or Nơi nhận list starts with a dash and
    ends with a semicolon, the last with a full stop."""
    cleaned = [line.strip().removeprefix("-").strip().rstrip(";.") for line in lines]
    cleaned = [line for line in cleaned if line]
    return [f"- {line}{'.' if i == len(cleaned) - 1 else ';'}" for i, line in enumerate(cleaned)]


class OfficialDocument:
    """One administrative document. Build it top to bottom: the header, tên loại and
    trích yếu are laid out on creation; then addressees (if any), body, signature."""

    def __init__(
        self,
        *,
        agency: str,
        number_symbol: str,
        place: str,
        date_parts: DateParts | datetime.date,
        doc_type: str,
        summary: str,
        agency_parent: str = "",
    ) -> None:
        self._doc = blank_document()
        self._body_started = False
        self._header(agency_parent, agency, number_symbol, date_line(place, date_parts))
        self._title(doc_type, summary)

    @classmethod
    def of_department(cls, plan, **parts):
        """A document the department issues: the plan's issuer under its parent agency,
        dated at the plan's place."""
        return cls(agency_parent=plan.issuer_parent_name, agency=plan.issuer_name, place=plan.place, **parts)

    # --- public API ------------------------------------------------------------------
    def addressees(self, names: Sequence[str]) -> None:
        """Kính gửi: one addressee on the same line, several as a dashed list."""
        if self._body_started:
            raise ValueError("Kính gửi comes before the body of the document")
        if not names:
            return
        if len(names) == 1:
            _paragraph_format(
                self._add("Kính gửi: " + names[0].strip(), SIZE_ADDRESSEES), align=WD_ALIGN_PARAGRAPH.CENTER
            )
            return
        label = self._add("Kính gửi:", SIZE_ADDRESSEES)
        _paragraph_format(label, align=WD_ALIGN_PARAGRAPH.LEFT, left=ADDRESSEE_LABEL_INDENT)
        for line in punctuated_list(names):
            p = self._add(line, SIZE_ADDRESSEES)
            _paragraph_format(p, align=WD_ALIGN_PARAGRAPH.LEFT, left=ADDRESSEE_LINE_INDENT)

    def heading(self, text: str, level: int = 1, *, center: bool = False):
        """Level 1: 'I. MỤC ĐÍCH…' and level 2: '1. Mục đích' in bold; level 3:
        '1.1. Đối với tập thể' in italic. `center` is for lines such as 'QUYẾT ĐỊNH:'."""
        p = self._body_paragraph(text, bold=level <= 2, italic=level >= 3)
        p.paragraph_format.keep_with_next = True
        if center:
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Cm(0)
        return p

    def paragraph(self, text: str | Sequence[Span], *, italic: bool = False, bold: bool = False):
        """A justified body paragraph with the first line indented."""
        return self._body_paragraph(text, bold=bold, italic=italic)

    def table(self, rows: Sequence[Sequence[str]], header: Sequence[str] | None = None):
        """A ruled data table across the text width: columns as wide as their content
        needs (`columns.choose`), the bold header row repeated on every page, no row
        split across two pages, numbers aligned right."""
        self._body_started = True
        all_rows = ([list(header)] if header else []) + [list(r) for r in rows]
        body = [[str(v) for v in r] for r in all_rows[1 if header else 0 :]] or [[""] * len(all_rows[0])]
        chosen = columns.choose(body, header, self._text_width(), SIZE_TABLE)
        table = self._doc.add_table(rows=len(all_rows), cols=len(all_rows[0]))
        table.style = self._doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _fixed_widths(table, chosen)
        # Row by row: `table.cell(r, c)` rebuilds the whole cell grid on every call,
        # which made a province's table (1,500 rows) take minutes.
        for r, (row, values) in enumerate(zip(table.rows, all_rows, strict=True)):
            heading = bool(header) and r == 0
            _row_stays_whole(row, repeated=heading)
            for cell, value, column in zip(row.cells, values, chosen, strict=True):
                cell.width = column.width
                _fill_table_cell(cell, str(value), bold=heading, align=_ALIGN_BY_KIND[column.kind])
                if column.kind == "index":
                    _narrow_margins(cell)
        self._add("", SIZE_BODY)  # keeps the next block off the table's bottom rule
        return table

    def _text_width(self) -> Length:
        section = self._doc.sections[-1]
        return Length(section.page_width - section.left_margin - section.right_margin)

    def decision_opening(self, issuer_name: str, bases: Sequence[str | Sequence[Span]]) -> None:
        """A decision's opening: who decides ('GIÁM ĐỐC SỞ …'), each Căn cứ (and the
        proposing line) in italic, then 'QUYẾT ĐỊNH:'."""
        self.heading(f"GIÁM ĐỐC {issuer_name.upper()}", 1, center=True)
        for line in bases:
            self.paragraph(line, italic=True)
        self.heading("QUYẾT ĐỊNH:", 1, center=True)

    def articles(self, *texts: str, first: int = 1) -> None:
        """'Điều n.' in bold, then its text: one paragraph an article, numbered from `first`."""
        for number, text in enumerate(texts, start=first):
            self.paragraph([Span(f"Điều {number}. ", bold=True), Span(text)])

    def signed_by(self, plan, recipients: Sequence[str]) -> None:
        """The signature block of the plan's signer: who signs for the department."""
        self.signature(plan.signer_authority, plan.signer_title, plan.signer_name, recipients)

    def two_signatures(self, left: tuple[str, str], right: tuple[str, str], recipients: Sequence[str]) -> None:
        """Minutes signed by two people: row 1 the left signer (title, name; the secretary,
        the counter), on the right the other (the chair) over both rows; Nơi nhận under
        the left signer."""
        table = _two_column_table(self._doc, SIGNATURE_COLUMNS, rows=2)
        for row in table.rows:
            _cant_split(row)
        right_cell = table.cell(0, 1).merge(table.cell(1, 1))
        _fill_signer(table.cell(0, 0), "", *left)
        _fill_signer(right_cell, "", *right)
        _fill_recipients(table.cell(1, 0), recipients)

    def signature(self, authority: str, title: str, name: str, recipients: Sequence[str]) -> None:
        """Nơi nhận on the left; on the right the authority ('KT. GIÁM ĐỐC'), the
        signer's title, room for the signature and seal, then the signer's name."""
        table = _two_column_table(self._doc, SIGNATURE_COLUMNS)
        _cant_split(table.rows[0])
        left, right = table.rows[0].cells
        _fill_recipients(left, recipients)
        _fill_signer(right, authority, title, name)

    def to_bytes(self) -> bytes:
        return to_bytes(self._doc)

    # --- layout of the fixed parts ---------------------------------------------------
    def _header(self, parent: str, agency: str, number_symbol: str, date_text: str) -> None:
        table = _two_column_table(self._doc, HEADER_COLUMNS, rows=2)
        names, national = table.rows[0].cells
        number, date = table.rows[1].cells
        if parent:
            _cell_line(names, parent.upper(), SIZE_PARENT_AGENCY)
        _cell_line(names, agency.upper(), SIZE_AGENCY, bold=True)
        _rule(names, _share_of(agency.upper(), SIZE_AGENCY, AGENCY_RULE_SHARE, HEADER_COLUMNS[0]), HEADER_COLUMNS[0])
        national_column(national)
        _cell_line(number, f"Số: {number_symbol}", SIZE_NUMBER, before=SPACE_AFTER)
        _cell_line(date, date_text, SIZE_PLACE_DATE, italic=True, before=SPACE_AFTER)

    def _title(self, doc_type: str, summary: str) -> None:
        kind = self._add(doc_type.upper(), SIZE_DOC_TYPE, bold=True)
        _paragraph_format(kind, align=WD_ALIGN_PARAGRAPH.CENTER, before=Pt(18))
        lines = [line for line in summary.splitlines() if line.strip()] or [""]
        for line in lines:
            p = self._add(line.strip(), SIZE_SUMMARY, bold=True)
            _paragraph_format(p, align=WD_ALIGN_PARAGRAPH.CENTER)
        longest = max(_text_width(line, SIZE_SUMMARY, bold=True) for line in lines)
        length = int(min(longest, TEXT_WIDTH) * SUMMARY_RULE_SHARE) or int(TEXT_WIDTH * 0.2)
        _doc_rule(self._doc, length)

    def _body_paragraph(self, text: str | Sequence[Span], *, bold: bool, italic: bool):
        self._body_started = True
        p = self._doc.add_paragraph()
        for span in [Span(text)] if isinstance(text, str) else text:
            _style_run(p.add_run(span.text), SIZE_BODY, bold=bold or span.bold, italic=italic or span.italic)
        _paragraph_format(
            p, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=FIRST_LINE_INDENT, after=SPACE_AFTER, line=LINE_SPACING
        )
        return p

    def _add(self, text: str, size: Length, *, bold: bool = False, italic: bool = False):
        p = self._doc.add_paragraph()
        if text:
            _style_run(p.add_run(text), size, bold=bold, italic=italic)
        return p


def number_to_fill(symbol: str, agency, gap: int = 4) -> str:
    """'    /QĐ-STP': the number is written in when the document is signed; the symbol
    ends with the agency's short name (or code) in capitals."""
    return f"{' ' * gap}/{symbol}-{(agency.short_name or agency.code).upper()}"


def blank_document():
    """An empty A4 portrait document with the official font, margins and page numbers."""
    doc = Document()
    _set_default_font(doc)
    _set_up_page(doc.sections[0])
    return doc


def to_bytes(doc) -> bytes:
    """The .docx file of a python-docx `Document`."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def national_column(cell) -> None:
    """The right half of a header: Quốc hiệu, Tiêu ngữ and the rule under it."""
    _cell_line(cell, NATIONAL_NAME, SIZE_NATIONAL_NAME, bold=True)
    _cell_line(cell, MOTTO, SIZE_MOTTO, bold=True)
    _rule(cell, _text_width(MOTTO, SIZE_MOTTO, bold=True), HEADER_COLUMNS[1])


# --- runs and paragraphs ----------------------------------------------------------------
# Each combination of run or paragraph properties is built once through python-docx and
# then copied as XML: setting them one by one costs about a millisecond a run, which made
# a province's report (tens of thousands of runs) take tens of seconds.
_RUN_PROPERTIES: dict[tuple, object] = {}
_PARAGRAPH_PROPERTIES: dict[tuple, object] = {}


def _style_run(run, size: Length, *, bold: bool = False, italic: bool = False) -> None:
    key = (size, bold, italic)
    properties = _RUN_PROPERTIES.get(key)
    if properties is None:
        scratch = Run(OxmlElement("w:r"), None)
        _style_run_slowly(scratch, size, bold=bold, italic=italic)
        properties = _RUN_PROPERTIES[key] = scratch._element.rPr
    element = run._element
    if element.rPr is not None:
        element.remove(element.rPr)
    element.insert(0, copy.deepcopy(properties))


def _style_run_slowly(run, size: Length, *, bold: bool, italic: bool) -> None:
    run.font.size = size
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = FONT_COLOR
    _set_fonts(run._element.get_or_add_rPr())


def _set_fonts(rpr) -> None:
    """Name the font for every script slot: Word picks east-Asian or complex-script
    slots for some Vietnamese characters, and would fall back to the theme font."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT_NAME)


def _paragraph_format(p, *, align=None, first_line=None, left=None, before=None, after=None, line=1.0) -> None:
    if p._p.pPr is not None:  # properties set before (a rule, keep-with-next): add to them
        _format_slowly(p, align, first_line, left, before, after, line)
        return
    key = (align, first_line, left, before, after, line)
    properties = _PARAGRAPH_PROPERTIES.get(key)
    if properties is None:
        scratch = Paragraph(OxmlElement("w:p"), None)
        _format_slowly(scratch, *key)
        properties = _PARAGRAPH_PROPERTIES[key] = scratch._p.pPr
    p._p.insert(0, copy.deepcopy(properties))


def _format_slowly(p, align, first_line, left, before, after, line) -> None:
    fmt = p.paragraph_format
    if align is not None:
        fmt.alignment = align
    if first_line is not None:
        fmt.first_line_indent = first_line
    if left is not None:
        fmt.left_indent = left
    fmt.space_before = before or Pt(0)
    fmt.space_after = after or Pt(0)
    fmt.line_spacing = line


# --- document defaults and page ---------------------------------------------------------
def _set_default_font(doc) -> None:
    """Times New Roman, 14 pt, black, Vietnamese, for the defaults and the Normal style,
    so text added later in Word keeps the layout too."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = doc.styles["Normal"]
    normal.font.size = SIZE_BODY
    normal.font.color.rgb = FONT_COLOR
    _set_fonts(normal.element.get_or_add_rPr())
    _set_language(normal.element.get_or_add_rPr())


def _set_language(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), LANGUAGE)


def _set_up_page(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = HEADER_DISTANCE, FOOTER_DISTANCE
    _page_numbers(section)


def _page_numbers(section) -> None:
    """Numbers centred in the top margin from page 2: the first page gets its own,
    empty header and the default header carries the PAGE field."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # A field: begin, instruction, separate, the shown result (refreshed by Word), end.
    for tag, value in (
        ("w:fldChar", "begin"),
        ("w:instrText", " PAGE "),
        ("w:fldChar", "separate"),
        ("w:t", "2"),
        ("w:fldChar", "end"),
    ):
        run = p.add_run()
        _style_run(run, SIZE_PAGE_NUMBER)
        run._element.append(_field_part(tag, value))


def _field_part(tag: str, value: str):
    element = OxmlElement(tag)
    if tag == "w:fldChar":
        element.set(qn("w:fldCharType"), value)
    else:
        element.set(qn("xml:space"), "preserve")
        element.text = value
    return element


# --- tables -----------------------------------------------------------------------------
def _two_column_table(doc, widths: tuple[Length, Length], rows: int = 1):
    """A borderless table of fixed column widths, used to put two blocks side by side."""
    table = doc.add_table(rows=rows, cols=2)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _no_side_margins(table)
    total = table._tbl.tblPr.find(qn("w:tblW"))
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(sum(width.twips for width in widths)))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TABLE_BORDERS)


def _no_side_margins(table) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, *_AFTER_CELL_MARGINS)


def _cant_split(row) -> None:
    """The signature block stays whole on one page."""
    element = OxmlElement("w:cantSplit")
    row._tr.get_or_add_trPr().append(element)


def _cell_paragraph(cell):
    """The cell's first paragraph while it is still empty, else a new one."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) == 1 and not first.runs and not _has_border(first):
        return first
    return cell.add_paragraph()


def _has_border(p) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None


def _cell_line(
    cell, text: str, size: Length, *, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, before=None
):
    p = _cell_paragraph(cell)
    _style_run(p.add_run(text), size, bold=bold, italic=italic)
    _paragraph_format(p, align=align, before=before)
    return p


def _fill_table_cell(cell, text: str, *, bold: bool, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    p = cell.paragraphs[0]
    _style_run(p.add_run(text), SIZE_TABLE, bold=bold)
    _paragraph_format(p, align=WD_ALIGN_PARAGRAPH.CENTER if bold else align)


_ALIGN_BY_KIND = {
    "index": WD_ALIGN_PARAGRAPH.CENTER,
    "number": WD_ALIGN_PARAGRAPH.RIGHT,
    "text": WD_ALIGN_PARAGRAPH.LEFT,
}


def _fixed_widths(table, chosen) -> None:
    """Word and LibreOffice both keep these widths: a fixed layout, the table's width
    and each grid column's."""
    table.autofit = False  # w:tblLayout w:type="fixed"
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(c.width for c in chosen) // 635))
    for grid_column, column in zip(table._tbl.tblGrid.gridCol_lst, chosen, strict=True):
        grid_column.w = column.width


def _row_stays_whole(row, *, repeated: bool) -> None:
    """No row is split across two pages; the header row is repeated on each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if repeated:
        properties.append(OxmlElement("w:tblHeader"))


def _narrow_margins(cell) -> None:
    """The STT column is 1 cm: its cells keep only a little room at the sides."""
    margins = OxmlElement("w:tcMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(columns.INDEX_PADDING // 635 // 2))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    cell._tc.get_or_add_tcPr().append(margins)


def _fill_recipients(cell, recipients: Sequence[str]) -> None:
    _cell_line(
        cell,
        "Nơi nhận:",
        SIZE_RECIPIENTS_LABEL,
        bold=True,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        before=SIGNATURE_SPACE_BEFORE,
    )
    for line in punctuated_list(recipients):
        _cell_line(cell, line, SIZE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT)


def _fill_signer(cell, authority: str, title: str, name: str) -> None:
    lines = [line.strip().upper() for line in (authority, title) if line.strip()]
    for index, line in enumerate(lines):
        _cell_line(cell, line, SIZE_SIGNATURE, bold=True, before=SIGNATURE_SPACE_BEFORE if index == 0 else None)
    for _ in range(SIGNATURE_BLANK_LINES):
        _paragraph_format(_cell_paragraph(cell), align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_line(cell, name.strip(), SIZE_SIGNATURE, bold=True)


# --- short solid lines under the agency name, the motto and the trích yếu ---------------
def _rule(cell, length: int, column_width: Length) -> None:
    _draw_rule(_cell_paragraph(cell), length, column_width)


def _doc_rule(doc, length: int) -> None:
    _draw_rule(doc.add_paragraph(), length, TEXT_WIDTH)


def _draw_rule(p, length: int, available: int) -> None:
    """An empty paragraph, one point high, whose bottom border is the line; the
    indents centre it and set its length."""
    side = max(int((available - min(length, available)) / 2), 0)
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Length(side)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("val", "single"), ("sz", str(RULE_WEIGHT)), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{attr}"), value)
    border.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PARAGRAPH_BORDER)


# Approximate advance widths of Times New Roman, in em, by kind of letter: enough to
# size a line "as long as the text" without the font file.
_NARROW = set("fijlrtI.,:;'!|()[]-–/")
_WIDE = set("mwMW")


def _text_width(text: str, size: Length, *, bold: bool = False) -> int:
    em = 0.0
    for char in text:
        base = unicodedata.normalize("NFD", char.replace("đ", "d").replace("Đ", "D"))[:1]
        if char == " ":
            em += 0.25
        elif base in _NARROW:
            em += 0.33
        elif base in _WIDE:
            em += 0.9
        elif base.isupper():
            em += 0.72 if bold else 0.67
        else:
            em += 0.5
    return int(em * size)


def _share_of(text: str, size: Length, share: float, column_width: Length) -> int:
    return int(min(_text_width(text, size, bold=True), column_width) * share)
