"""A certificate's page (Giấy khen, Giấy chứng nhận): landscape A4 with 20 mm margins
and centred lines in Times New Roman; each line is (text, size in pt, bold, italic,
space before in pt). A line with no text keeps its space (room for the signature)."""

from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from thidua.documents.nd30 import FONT_COLOR, _set_fonts, to_bytes

Line = tuple[str, int, bool, bool, int]


def certificate_page(lines: Sequence[Line]) -> bytes:
    """The .docx of one certificate made of `lines`, top to bottom."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    for text, size, bold, italic, before in lines:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(before)
        paragraph.paragraph_format.space_after = Pt(0)
        if text:
            run = paragraph.add_run(text)
            run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
            run.font.color.rgb = FONT_COLOR
            _set_fonts(run._element.get_or_add_rPr())
    return to_bytes(doc)
