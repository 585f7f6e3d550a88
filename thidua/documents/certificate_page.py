"""A certificate's page (Giấy khen, Giấy chứng nhận): landscape A4 with 20 mm margins,
a red double frame round the page as on the certificates offices frame, and centred
lines in Times New Roman; each line is (text, size in pt, bold, italic, space before in
pt). A line with no text keeps its space (room for the signature). A certificate meant
for a pre-printed blank is laid out by `on_blank` instead."""

from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from thidua.documents.nd30 import FONT_COLOR, _set_fonts, to_bytes

Line = tuple[str, int, bool, bool, int]


def certificate_page(lines: Sequence[Line]) -> bytes:
    """The .docx of one certificate made of `lines`, top to bottom."""
    return certificate_pages([lines])


def certificate_pages(pages: Sequence[Sequence[Line]]) -> bytes:
    """Many certificates in one file for batch printing, one a page."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    _frame(section)
    body = doc.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)  # the empty paragraph a new document starts with
    for number, lines in enumerate(pages):
        for position, (text, size, bold, italic, before) in enumerate(lines):
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_before = Pt(before)
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.page_break_before = bool(number and not position)
            if text:
                run = paragraph.add_run(text)
                run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
                run.font.color.rgb = FONT_COLOR
                _set_fonts(run._element.get_or_add_rPr())
    return to_bytes(doc)


BORDER_COLOR = "C00000"


def _frame(section) -> None:
    """A thick-and-thin double line 12 mm inside the paper's edge, on every side."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "thickThinMediumGap"), ("sz", "24"), ("space", "24"), ("color", BORDER_COLOR)):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    sect = section._sectPr
    # w:pgBorders comes right after the page margins in the section's properties.
    sect.find(qn("w:pgMar")).addnext(borders)
