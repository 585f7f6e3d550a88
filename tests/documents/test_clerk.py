"""The clerk's reading catches what it is meant to catch (so a clean document passes
for the right reason)."""

import datetime

from tests.documents.clerk import clerk_problems, doubled_phrase


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
