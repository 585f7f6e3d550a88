"""The review report (Báo cáo sơ kết) as Word: the official layout, the indicators from
baseline to the frozen mid-term figure, the counts, and the download (only once the
figures are frozen)."""

import io

import pytest
from django.urls import reverse
from docx import Document

from tests.documents.layout import nd30_problems
from tests.reviews import conftest as shared
from tests.wording.edits import assert_office_owns
from thidua.reviews.comparison import compare
from thidua.reviews.review_report_docx import ReviewReportDocx, filename
from thidua.reviews.wording import REVIEW_REPORT

pytestmark = pytest.mark.django_db
# The reviews tests' fixtures: the real plan, two indicators with values, results, a
# recognised initiative, and the mid-term review frozen on 30/06/2027.
media, plan, share, pages, values = shared.media, shared.plan, shared.share, shared.pages, shared.values
recorded, recognised, review, after_review, frozen = (
    shared.recorded,
    shared.recognised,
    shared.review,
    shared.after_review,
    shared.frozen,
)


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_review_report_passes_the_layout_check(frozen):
    data = ReviewReportDocx(frozen, compare(frozen.plan), []).render()
    assert nd30_problems(data, doc_type="BÁO CÁO") == []
    text = _text(data)
    assert "Sơ kết giai đoạn 1 (2026–2027)" in text
    assert "Số:    /BC-STP" in text and "năm 2027" in text
    assert "số liệu chốt ngày 30/06/2027" in text
    assert "Tỷ lệ văn bản đi được ký số" in text and "72 (2025)" in text and "94" in text
    assert "Tăng so với năm gốc; chưa có chỉ tiêu để đối chiếu" in text and "Tiến bộ" not in text
    assert "1 sáng kiến tính đến ngày chốt số liệu" in text
    assert filename(frozen) == "bao-cao-so-ket-2027.docx"


def test_the_report_is_downloaded_once_frozen(org, client_for, frozen):
    response = client_for(org.users.officer).get(reverse("review_report_docx", args=[frozen.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-so-ket-2027.docx"'
    assert nd30_problems(response.content, doc_type="BÁO CÁO") == []


def test_no_report_before_the_freeze(org, client_for, review):
    assert client_for(org.users.officer).get(reverse("review_report_docx", args=[review.pk])).status_code == 404


# --- read as the clerk who signs it ----------------------------------------------------
def _lines(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_a_clerk_signs_the_review_report_as_it_is(org, frozen):
    from tests.documents.clerk import clerk_problems
    from thidua.reviews import services

    services.save_texts(
        actor=org.users.officer,
        review=frozen,
        achievements="Các phòng, đơn vị đã triển khai đồng bộ Kế hoạch.",
        strengths="Lãnh đạo Sở chỉ đạo sát sao.\nCác đơn vị chủ động.",
        shortcomings="Một số chỉ tiêu còn chậm.",
        lessons="Gắn thi đua với nhiệm vụ chuyên môn.",
        tasks_ahead="Triển khai giai đoạn 2.",
        recipients="Như trên\nBộ Tư pháp (Vụ Thi đua - Khen thưởng)\nLưu: VT, VP",
    )
    frozen.refresh_from_db()
    data = ReviewReportDocx(frozen, compare(frozen.plan), []).render()
    assert nd30_problems(data, doc_type="BÁO CÁO", has_addressees=True) == []
    problems = clerk_problems(
        data,
        names=["Sở Tư pháp tỉnh Tuyên Quang"],
        expected=[
            "21.000 (2025)",
            "Các phòng, đơn vị đã triển khai đồng bộ Kế hoạch.",
            "Gắn thi đua với nhiệm vụ chuyên môn.",
            "Triển khai giai đoạn 2.",
            "- Bộ Tư pháp (Vụ Thi đua - Khen thưởng);",
        ],
        absent=["Sở Tư Pháp", "về Triển khai", "Kế hoạch số", "bổ sung nhận định", "chưa chốt", "Tổng kết\n"],
    )
    assert not problems, "\n".join(problems)
    lines = _lines(data)
    # The plan names the three departments for the yearly report only.
    assert "Kính gửi: UBND tỉnh" in lines
    assert not any(line.startswith("- Sở ") for line in lines[: lines.index("I. KẾT QUẢ ĐẠT ĐƯỢC")])
    headings = [line for line in lines if line[:3] in ("I. ", "II.", "III", "IV.", "V. ")]
    assert headings == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "II. ƯU ĐIỂM, HẠN CHẾ",
        "III. BÀI HỌC KINH NGHIỆM",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    ]
    assert lines[-1].endswith("/.")
    recipients = [p.text for p in Document(io.BytesIO(data)).tables[-1].rows[0].cells[0].paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Như trên;", "- Bộ Tư pháp (Vụ Thi đua - Khen thưởng);", "- Lưu: VT, VP."]


def test_parts_the_office_left_empty_are_not_printed(frozen):
    data = ReviewReportDocx(frozen, compare(frozen.plan), []).render()
    lines = _lines(data)
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in lines
    for heading in ("ƯU ĐIỂM, HẠN CHẾ", "BÀI HỌC KINH NGHIỆM", "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"):
        assert not any(line.endswith(heading) for line in lines)
    assert "Không có." in lines  # no proposal attached: said, not left empty
    recipients = [p.text for p in Document(io.BytesIO(data)).tables[-1].rows[0].cells[0].paragraphs if p.text]
    assert recipients[:2] == ["Nơi nhận:", "- Như trên;"]
    assert "- Vụ TCCB, Bộ Tư pháp;" not in recipients  # the plan's Nơi nhận is the plan's


def test_only_one_of_strengths_and_shortcomings(org, frozen):
    from thidua.reviews import services

    services.save_texts(actor=org.users.officer, review=frozen, shortcomings="Một số chỉ tiêu còn chậm.")
    lines = _lines(ReviewReportDocx(frozen, compare(frozen.plan), []).render())
    part = lines.index("II. ƯU ĐIỂM, HẠN CHẾ")
    assert lines[part + 1 : part + 3] == ["1. Hạn chế, nguyên nhân", "Một số chỉ tiêu còn chậm."]


@pytest.mark.parametrize("key, edited", [("noi_nhan", "Văn phòng UBND tỉnh"), ("mo_dau", "Sở báo cáo như sau:")])
def test_the_office_owns_the_review_reports_wording(org, frozen, key, edited):
    assert_office_owns(
        org.users.officer,
        REVIEW_REPORT,
        key,
        edited,
        lambda: ReviewReportDocx(frozen, compare(frozen.plan), []).render(),
    )
