"""The clerk's reading finds each defect it is meant to find, and passes a clean page."""

import datetime

from tests.documents.clerk import clerk_problems, doubled_phrase
from thidua.documents.nd30 import OfficialDocument


def _document(*paragraphs: str, headings=("I. KẾT QUẢ",)) -> bytes:
    doc = OfficialDocument(
        agency_parent="UBND TỈNH TUYÊN QUANG",
        agency="SỞ TƯ PHÁP",
        number_symbol="   /BC-STP",
        place="Tuyên Quang",
        date_parts=(None, None, 2026),
        doc_type="Báo cáo",
        summary="Kết quả năm 2026",
    )
    for heading in headings:
        doc.heading(heading, 1)
    for text in paragraphs:
        doc.paragraph(text)
    doc.signature("", "Giám đốc", "Nguyễn Khánh Lâm", ["Lưu: VT, VP"])
    return doc.to_bytes()


def test_a_clean_page_passes():
    data = _document("Sở Tư pháp tỉnh Tuyên Quang đạt 15.000 hồ sơ, tỷ lệ 96,5%./.")
    assert clerk_problems(data, names=["Sở Tư pháp tỉnh Tuyên Quang"], expected=["15.000", "96,5"]) == []


def test_each_defect_is_found():
    data = _document(
        "Thực hiện Kế hoạch số /KH-STP của Sở Tư Pháp tỉnh Tuyên Quang.",
        "Đã có thành tích: Đã có thành tích xuất sắc.",
        "- 1. Trả phiếu lý lịch tư pháp.",
        "Đạt 15000 hồ sơ, tỷ lệ 96.5%, chi 2,340,000 đồng.",
        headings=("I. KẾT QUẢ", "II. HẠN CHẾ"),
    )
    problems = "\n".join(clerk_problems(data, names=["Sở Tư pháp tỉnh Tuyên Quang"], expected=["Nguyễn Văn A"]))
    for found in (
        "placeholder or blank in “Thực hiện Kế hoạch số /KH-STP",
        "“Sở Tư Pháp tỉnh Tuyên Quang” printed for “Sở Tư pháp tỉnh Tuyên Quang”",
        "doubled phrase “Đã có thành tích: Đã có thành tích”",
        "doubled list mark",
        "number “15000”",
        "number “96.5”",
        "number “2,340,000”",
        "nothing under “I. KẾT QUẢ”",
        "“Nguyễn Văn A” missing",
    ):
        assert found in problems
    assert "nothing under “II. HẠN CHẾ”" not in problems


def test_a_doubled_phrase_is_found():
    assert doubled_phrase("Đã có thành tích: Đã có thành tích xuất sắc") == "đã có thành tích"
    assert doubled_phrase("Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng") is None


def test_blanks_notes_and_late_dates_are_found():
    problems = clerk_problems(
        [
            "Kế hoạch số    /KH-STP",
            "Mức thưởng: —",
            "Các tỷ lệ này là thiết lập (quy định hiện hành chưa tìm thấy).",
            "Căn cứ Quyết định số 5/QĐ-UBND ngày 10 tháng 3 năm 2027;",
        ],
        on=datetime.date(2027, 1, 15),
    )
    assert len(problems) == 5
    assert (
        clerk_problems(["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"], on=datetime.date(2027, 1, 1))
        == []
    )
