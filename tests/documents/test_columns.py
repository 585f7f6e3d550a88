"""Data tables sized by what they hold: STT 1 cm, names and units wide, numbers narrow
and aligned right, the header repeated on every page, no row split across pages."""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from tests.documents.layout import _data_tables, _read
from thidua.documents import columns
from thidua.documents.nd30 import TEXT_WIDTH, OfficialDocument

PEOPLE = [
    ["1", "Nguyễn Thị Minh Khai", "Trưởng phòng Hành chính tư pháp, Sở Tư pháp tỉnh Tuyên Quang", "12.000.000"],
    ["2", "Lê Văn An", "Chuyên viên Văn phòng Sở", "3.600.000"],
]
HEADER = ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Số tiền (đồng)"]


def _document():
    return OfficialDocument(
        agency="SỞ TƯ PHÁP",
        agency_parent="UBND TỈNH TUYÊN QUANG",
        number_symbol="/QĐ-STP",
        place="Tuyên Quang",
        date_parts=(None, None, 2027),
        doc_type="Quyết định",
        summary="Về việc tặng Giấy khen",
    )


def test_each_column_gets_what_it_holds():
    chosen = columns.choose(PEOPLE, HEADER, TEXT_WIDTH, Pt(13))
    widths = [c.width for c in chosen]
    assert [c.kind for c in chosen] == ["index", "text", "text", "number"]
    assert widths[0] == Cm(1)
    assert widths[2] > widths[1] > widths[3] > widths[0]
    assert sum(widths) == TEXT_WIDTH


def test_nine_columns_of_minutes_fit_the_page_without_breaking_a_word():
    header = ["STT", "Cá nhân / Tập thể", "Đơn vị", "Danh hiệu, hình thức", "Tán thành", "Không tán thành"]
    header += ["Không có ý kiến", "Tỷ lệ tán thành", "Kết quả"]
    rows = [["1", "Hoàng Thị Thu Hà", "Phòng Bổ trợ tư pháp", "Chiến sĩ thi đua cơ sở", "7", "0", "0", "100%", "Đạt"]]
    chosen = columns.choose(rows, header, TEXT_WIDTH, Pt(13))
    assert sum(c.width for c in chosen) == TEXT_WIDTH
    for column, heading, value in zip(chosen, header, rows[0], strict=True):
        if column.kind != "index":
            assert column.width >= columns.longest_word([value], Pt(13)) + columns.CELL_PADDING, heading
    assert [c.kind for c in chosen][4:8] == ["number"] * 4


def test_the_table_written_is_as_chosen_and_repeats_its_header():
    doc = _document()
    table = doc.table(PEOPLE, header=HEADER)
    assert abs(table.columns[0].width - Cm(1)) < Mm(0.1)  # stored in twentieths of a point
    assert table.rows[1].cells[3].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert _data_tables(_read(doc.to_bytes(), "Quyết định")) == []


def test_the_layout_check_finds_equal_columns_and_a_header_not_repeated():
    doc = _document()
    raw = doc._doc.add_table(rows=3, cols=5)
    raw.style = doc._doc.styles["Table Grid"]
    for row, values in zip(raw.rows, [["STT", "Họ và tên", "Đơn vị", "Danh hiệu", "Số"], *PEOPLE], strict=False):
        for cell, value in zip(row.cells, values, strict=False):
            cell.text = value
    for column in raw.columns:
        column.width = Mm(33)
    problems = _data_tables(_read(doc.to_bytes(), "Quyết định"))
    assert "table 1: STT column 33.0 mm, at most 10 mm" in problems
    assert "table 1: the header row is not repeated on the next page" in problems
    assert "table 1: a row may split across two pages" in problems
