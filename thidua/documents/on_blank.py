"""Certificates printed onto pre-printed blanks (phôi Giấy khen).

Offices buy blanks with the border, the national emblem and the fixed words already
printed, and feed them into the printer; only the variable text is printed, each at
its place on the blank. Places are measured in millimetres from the blank's top-left
corner, as a ruler on the blank reads them; the printer's own shift is corrected by one
offset for the whole page, found by printing the grid page (`grid`) on a blank sheet and
laying it over a blank.

Each text is a framed paragraph anchored to the page (Word's and LibreOffice's
"frame"), so it stays where it is put whatever else is on the page."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from thidua.documents.nd30 import FONT_COLOR, _set_fonts, to_bytes

GRID_STEP_MM = 10


@dataclass(frozen=True)
class Spot:
    """Where one text goes: its frame's left edge and top, its width, in mm; its size."""

    x: float
    y: float
    width: float
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Blank:
    width: float
    height: float
    offset_x: float
    offset_y: float
    spots: Mapping[str, Spot]


def pages(blank: Blank, texts: Sequence[Mapping[str, str]]) -> bytes:
    """One page per certificate, each holding only its texts at their spots. A spot
    whose text is empty, or whose width is 0 (already printed on the blank), is left."""
    doc = _document(blank)
    for number, page in enumerate(texts):
        if number:
            doc.add_section(WD_SECTION.NEW_PAGE)
        for name, spot in blank.spots.items():
            if spot.width > 0 and page.get(name, "").strip():
                _framed(doc, blank, spot, page[name])
    return to_bytes(doc)


def grid(blank: Blank, labels: Mapping[str, str]) -> bytes:
    """The calibration page: a 10 mm grid numbered in mm from the blank's corner, with
    each spot's label printed where its text will go."""
    doc = _document(blank)
    _grid_table(doc, blank)
    for name, spot in blank.spots.items():
        if spot.width > 0:
            _framed(doc, blank, spot, f"[{labels.get(name, name)}]")
    return to_bytes(doc)


def _document(blank: Blank):
    doc = Document()
    section = doc.sections[0]
    landscape = blank.width > blank.height
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(blank.width), Mm(blank.height)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(0))
    section.header_distance = section.footer_distance = Mm(0)
    body = doc.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)  # the empty paragraph a new document starts with
    return doc


def _framed(doc, blank: Blank, spot: Spot, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    frame = OxmlElement("w:framePr")
    for key, value in (
        ("w", _twips(spot.width)),
        ("x", _twips(spot.x + blank.offset_x)),
        ("y", _twips(spot.y + blank.offset_y)),
        ("hAnchor", "page"),
        ("vAnchor", "page"),
        ("wrap", "around"),
    ):
        frame.set(qn(f"w:{key}"), str(value))
    paragraph._p.get_or_add_pPr().insert(0, frame)
    for number, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        if number:
            run._r.addprevious(OxmlElement("w:br"))
        run.font.size, run.font.bold = Pt(spot.size), spot.bold
        run.font.color.rgb = FONT_COLOR
        _set_fonts(run._element.get_or_add_rPr())


def _grid_table(doc, blank: Blank) -> None:
    columns = int(blank.width // GRID_STEP_MM)
    rows = int(blank.height // GRID_STEP_MM)
    table = doc.add_table(rows=rows, cols=columns)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _float_at_corner(table, blank)
    for r, row in enumerate(table.rows):
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(_twips(GRID_STEP_MM)))
        height.set(qn("w:hRule"), "exact")
        row._tr.get_or_add_trPr().append(height)
        for c, cell in enumerate(row.cells):
            cell.width = Mm(GRID_STEP_MM)
            label = _grid_label(r, c)
            if label:
                run = cell.paragraphs[0].add_run(label)
                run.font.size = Pt(6)
                _set_fonts(run._element.get_or_add_rPr())
    for column in table.columns:
        column.width = Mm(GRID_STEP_MM)


def _grid_label(row: int, column: int) -> str:
    """Each cell is named by its top-left corner: "x,y" every 50 mm, else x along the top
    and y down the left side."""
    x, y = column * GRID_STEP_MM, row * GRID_STEP_MM
    if x % 50 == 0 and y % 50 == 0:
        return f"{x},{y}"
    if row == 0:
        return str(x)
    if column == 0:
        return str(y)
    return ""


def _float_at_corner(table, blank: Blank) -> None:
    """The grid starts at the blank's corner, moved by the printer's offset like the texts."""
    position = OxmlElement("w:tblpPr")
    for key, value in (
        ("horzAnchor", "page"),
        ("vertAnchor", "page"),
        ("tblpX", _twips(blank.offset_x)),
        ("tblpY", _twips(blank.offset_y)),
    ):
        position.set(qn(f"w:{key}"), str(value))
    properties = table._tbl.tblPr
    properties.insert(1, position)  # after w:tblStyle, as the schema orders them


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)
