"""The official-layout builder, and the checker that reads its files back: a document
built the normal way passes, and each deliberate fault is caught."""

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from tests.documents.layout import nd30_problems
from thidua.documents.nd30 import OfficialDocument, Span, date_line, punctuated_list

BODY = "Sở Tư pháp xây dựng Kế hoạch thực hiện như sau:"
GAP = " " * 8  # room to write the day or month in by hand


def build(*, addressees=None, number_symbol="05/BC-STP", date_parts=(5, 4, 2026)) -> bytes:
    doc = OfficialDocument(
        agency_parent="UBND tỉnh Tuyên Quang",
        agency="Sở Tư pháp",
        number_symbol=number_symbol,
        place="Tuyên Quang",
        date_parts=date_parts,
        doc_type="Báo cáo",
        summary="Kết quả thực hiện Phong trào thi đua năm 2026",
    )
    if addressees:
        doc.addressees(addressees)
    doc.heading("I. KẾT QUẢ ĐẠT ĐƯỢC", 1)
    doc.heading("1. Công tác chỉ đạo", 2)
    doc.heading("1.1. Đối với tập thể", 3)
    doc.paragraph(BODY)
    doc.paragraph([Span("Báo cáo gửi "), Span("trước ngày 15/12", bold=True), Span(".")])
    doc.table([["1", "Văn phòng Sở", "12"]], header=["TT", "Đơn vị", "Số sáng kiến"])
    doc.paragraph("Trên đây là báo cáo của Sở Tư pháp./.")
    doc.signature("KT. Giám đốc", "Phó Giám đốc", "Nguyễn Văn An", ["Như trên", "UBND tỉnh;", "- Lưu: VT, VP."])
    return doc.to_bytes()


def mutate(data: bytes, change) -> bytes:
    doc = Document(io.BytesIO(data))
    change(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def paragraph_with(doc, start: str):
    return next(p for p in paragraphs(doc) if p.text.strip().startswith(start))


def problems_after(change, **check) -> list[str]:
    check.setdefault("doc_type", "Báo cáo")
    return nd30_problems(mutate(build(), change), **check)


def texts(data: bytes) -> list[str]:
    return [p.text for p in paragraphs(Document(io.BytesIO(data)))]


# --- the builder ------------------------------------------------------------------------
def test_a_built_document_passes_the_checker():
    assert nd30_problems(build(), doc_type="Báo cáo") == []


@pytest.mark.parametrize("names", [["Ủy ban nhân dân tỉnh Tuyên Quang"], ["Sở Nội vụ", "Sở Khoa học và Công nghệ;"]])
def test_a_document_with_addressees_passes(names):
    assert nd30_problems(build(addressees=names), doc_type="Báo cáo", has_addressees=True) == []


def test_several_addressees_are_a_dashed_list_ending_with_a_full_stop():
    lines = texts(build(addressees=["Sở Nội vụ", "Sở Khoa học và Công nghệ;"]))
    start = lines.index("Kính gửi:")
    assert lines[start + 1 : start + 3] == ["- Sở Nội vụ;", "- Sở Khoa học và Công nghệ."]


def test_one_addressee_stays_on_the_kinh_gui_line():
    assert "Kính gửi: Ủy ban nhân dân tỉnh Tuyên Quang" in texts(build(addressees=["Ủy ban nhân dân tỉnh Tuyên Quang"]))


def test_header_signature_and_recipients_read_as_issued():
    lines = texts(build())
    for expected in (
        "UBND TỈNH TUYÊN QUANG",
        "SỞ TƯ PHÁP",
        "Số: 05/BC-STP",
        "BÁO CÁO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tuyên Quang, ngày 05 tháng 4 năm 2026",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn An",
    ):
        assert expected in lines
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 : start + 4] == ["- Như trên;", "- UBND tỉnh;", "- Lưu: VT, VP."]


def test_spans_keep_their_own_emphasis():
    doc = Document(io.BytesIO(build()))
    runs = paragraph_with(doc, "Báo cáo gửi").runs
    assert [(r.text, bool(r.bold)) for r in runs] == [("Báo cáo gửi ", False), ("trước ngày 15/12", True), (".", False)]


def test_a_decision_with_centred_headings_and_italic_bases_passes():
    doc = OfficialDocument(
        agency_parent="UBND tỉnh Tuyên Quang",
        agency="Sở Tư pháp",
        number_symbol="12/QĐ-STP",
        place="Tuyên Quang",
        date_parts=(20, 12, 2026),
        doc_type="Quyết định",
        summary="Về việc tặng Giấy khen",
    )
    doc.heading("GIÁM ĐỐC SỞ TƯ PHÁP TỈNH TUYÊN QUANG", 1, center=True)
    doc.paragraph("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", italic=True)
    doc.heading("QUYẾT ĐỊNH:", 1, center=True)
    doc.paragraph([Span("Điều 1. ", bold=True), Span("Tặng Giấy khen cho 02 tập thể.")])
    doc.signature("", "Giám đốc", "Nguyễn Khánh Lâm", ["Như Điều 3", "Lưu: VT, VP"])
    data = doc.to_bytes()
    assert nd30_problems(data, doc_type="Quyết định") == []
    assert "Số: 12/QĐ-STP" in texts(data)


def test_a_centred_paragraph_that_is_not_a_bold_heading_must_be_justified():
    def centred(doc):
        paragraph_with(doc, BODY).alignment = WD_ALIGN_PARAGRAPH.CENTER

    assert any("not justified" in p for p in problems_after(centred))


def test_addressees_cannot_follow_the_body():
    doc = OfficialDocument(
        agency="Sở Tư pháp",
        number_symbol="01/TTr-STP",
        place="Tuyên Quang",
        date_parts=(1, 1, 2026),
        doc_type="Tờ trình",
        summary="Đề nghị khen thưởng",
    )
    doc.paragraph(BODY)
    with pytest.raises(ValueError):
        doc.addressees(["Sở Nội vụ"])


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((5, 4, 2026), "Tuyên Quang, ngày 05 tháng 4 năm 2026"),
        ((15, 12, 2026), "Tuyên Quang, ngày 15 tháng 12 năm 2026"),
        ((1, 2, 2027), "Tuyên Quang, ngày 01 tháng 02 năm 2027"),
        ((None, 4, 2026), f"Tuyên Quang, ngày{GAP}tháng 4 năm 2026"),
        ((None, None, 2026), f"Tuyên Quang, ngày{GAP}tháng{GAP}năm 2026"),
    ],
)
def test_date_line_pads_days_below_ten_and_months_one_and_two(parts, expected):
    assert date_line("Tuyên Quang", parts) == expected


def test_an_undated_unnumbered_document_still_passes():
    data = build(number_symbol="   /BC-STP", date_parts=(None, 4, 2026))
    assert "Số:    /BC-STP" in texts(data)
    assert nd30_problems(data, doc_type="Báo cáo") == []


def test_punctuated_list_normalises_dashes_and_endings():
    assert punctuated_list(["- A;", "B", "", "C."]) == ["- A;", "- B;", "- C."]


# --- the checker catches faults --------------------------------------------------------
def test_checker_catches_a_wrong_margin():
    def narrow(doc):
        doc.sections[0].left_margin = Mm(25)

    assert any("left margin 25.0 mm" in p for p in problems_after(narrow))


def test_checker_catches_letter_paper_and_landscape():
    def letter(doc):
        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(279), Mm(216)

    found = problems_after(letter)
    assert any("paper 279×216 mm" in p for p in found)
    assert any("not portrait" in p for p in found)


def test_checker_catches_a_national_name_not_in_bold():
    def plain(doc):
        for run in paragraph_with(doc, "CỘNG HÒA").runs:
            run.bold = False

    assert any(p.startswith("Quốc hiệu") and "not bold" in p for p in problems_after(plain))


def test_checker_catches_arial_on_a_run():
    def arial(doc):
        paragraph_with(doc, BODY).runs[0].font.name = "Arial"

    assert any("font Arial" in p for p in problems_after(arial))


def _drop_run_fonts(doc):
    for run in paragraph_with(doc, BODY).runs:
        run._element.rPr.remove(run._element.rPr.find(qn("w:rFonts")))


def test_checker_reads_the_font_from_the_style_when_the_run_names_none():
    def arial_style(doc):
        _drop_run_fonts(doc)
        doc.styles["Normal"].element.rPr.remove(doc.styles["Normal"].element.rPr.find(qn("w:rFonts")))
        doc.styles["Normal"].font.name = "Arial"

    assert problems_after(_drop_run_fonts) == []
    assert any("font Arial" in p for p in problems_after(arial_style))


def test_checker_catches_coloured_text():
    def red(doc):
        paragraph_with(doc, BODY).runs[0].font.color.rgb = RGBColor(0xC0, 0, 0)

    assert any("colour C00000" in p for p in problems_after(red))


def test_checker_catches_a_wrong_motto():
    def dashes(doc):
        paragraph_with(doc, "Độc lập").runs[0].text = "Độc lập – Tự do – Hạnh phúc"

    assert any(p.startswith("Tiêu ngữ") for p in problems_after(dashes))


def test_checker_catches_a_lower_case_agency_and_symbol():
    def lower(doc):
        paragraph_with(doc, "SỞ TƯ PHÁP").runs[0].text = "Sở Tư pháp"
        paragraph_with(doc, "Số:").runs[0].text = "Số: 5/bc-STP"

    found = problems_after(lower)
    assert any("issuing agency name" in p and "capitals" in p for p in found)
    assert any("leading zero" in p for p in found)
    assert any("ký hiệu “bc-STP”" in p for p in found)


@pytest.mark.parametrize(
    "date",
    [
        "Tuyên Quang, ngày 5 tháng 4 năm 2026",
        "Tuyên Quang, ngày 05 tháng 04 năm 2026",
        "Tuyên Quang, ngày 05 tháng 1 năm 2026",
    ],
)
def test_checker_catches_badly_padded_dates(date):
    def redate(doc):
        paragraph_with(doc, "Tuyên Quang, ngày").runs[0].text = date

    assert any(p.startswith("date") for p in problems_after(redate))


def test_checker_catches_an_upright_date_line():
    def upright(doc):
        paragraph_with(doc, "Tuyên Quang, ngày").runs[0].italic = False

    assert any("place and date" in p and "not italic" in p for p in problems_after(upright))


def test_checker_catches_a_body_paragraph_not_justified_or_too_small():
    def ragged(doc):
        paragraph = paragraph_with(doc, BODY)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.runs[0].font.size = Pt(12)

    found = problems_after(ragged)
    assert any("not justified" in p for p in found)
    assert any("body paragraph" in p and "size [12.0] pt" in p for p in found)


def test_checker_catches_a_document_type_not_in_capitals():
    def lower(doc):
        paragraph_with(doc, "BÁO CÁO").runs[0].text = "Báo cáo"

    assert any(p.startswith("tên loại") and "capitals" in p for p in problems_after(lower))
    assert any("tên loại “KẾ HOẠCH” missing" in p for p in nd30_problems(build(), doc_type="Kế hoạch"))


def test_checker_catches_recipient_lines_in_the_wrong_size_or_ending():
    def loud(doc):
        label = paragraph_with(doc, "Nơi nhận")
        label.runs[0].italic = False
        last = paragraph_with(doc, "- Lưu")
        last.runs[0].font.size = Pt(13)
        last.runs[0].text = "- Lưu: VT, VP;"

    found = problems_after(loud)
    assert any(p.startswith("Nơi nhận") and "not italic" in p for p in found)
    assert any("recipient line" in p and "size [13.0] pt" in p for p in found)
    assert any("recipient line" in p and "expected “- ….”" in p for p in found)


def test_checker_requires_kinh_gui_when_the_document_has_addressees():
    assert "“Kính gửi:” block missing" in nd30_problems(build(), doc_type="Báo cáo", has_addressees=True)


def test_checker_catches_a_numbered_first_page():
    def same_header(doc):
        doc.sections[0].different_first_page_header_footer = False

    assert any("first page must not be numbered" in p for p in problems_after(same_header))


def test_checker_catches_a_missing_page_number_field():
    def no_field(doc):
        header = doc.sections[0].header._element
        for instruction in list(header.iter(qn("w:instrText"))):
            instruction.getparent().remove(instruction)

    assert "page numbers: no PAGE field in the header" in problems_after(no_field)
