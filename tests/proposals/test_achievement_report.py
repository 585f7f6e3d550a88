"""The achievement report read as the clerk who files it: the heads' names under the
signatures from the organisation data, one list mark a line, and for Tập thể lao động
xuất sắc the figures Điều 27 of the Law tests, counted as the eligibility rules count."""

import io

import pytest
from docx import Document

from tests.documents.clerk import clerk_problems
from tests.factories import PersonFactory
from tests.wording.edits import assert_office_owns
from thidua.commendation import services as records
from thidua.commendation.eligibility.loading import unit_figures
from thidua.proposals.achievement_report_docx import AchievementReportDocx, list_line
from thidua.proposals.wording import ACHIEVEMENT_REPORT

pytestmark = pytest.mark.django_db
YEAR = 2026


def _signatures(data: bytes) -> list[str]:
    table = Document(io.BytesIO(data)).tables[-1]
    return [[p.text for p in cell.paragraphs if p.text] for cell in table.rows[0].cells]


def _give(person, code):
    records.record_award(actor=None, subject=person, code=code, year=YEAR, decision_number="20/QĐ-STP")


@pytest.fixture
def members(org):
    """Unit A: ten people, seven with LĐTT of 2026, one of them also CSTĐCS."""
    people = [org.people.head_a, org.people.staff_a, *PersonFactory.create_batch(8, unit=org.units.a)]
    for person in people[:7]:
        _give(person, "LDTT")
    _give(people[0], "CSTDCS")
    records.record_award(actor=None, subject=people[8], code="CSTDCS", year=YEAR - 1, decision_number="09/QĐ-STP")
    return people


def test_the_figures_are_counted_as_the_rules_count_them(org, members):
    figures = unit_figures(org.units.a, YEAR)
    assert (figures.headcount, figures.ldtt, figures.cstdcs, figures.ldtt_percent) == (10, 7, 1, 70.0)


def test_a_ttldxs_report_carries_the_article_27_figures_and_the_heads(org, flow, members):
    proposal = flow.create(org.units.a, "TTLDXS")
    data = AchievementReportDocx(proposal).render()
    problems = clerk_problems(
        data,
        names=["Phòng Phổ biến, giáo dục pháp luật", "Nguyễn Văn Đạt", "Nguyễn Khánh Lâm"],
        expected=[
            "- Tổng số cán bộ, công chức, viên chức, người lao động: 10 người.",
            "- Số người đạt danh hiệu Lao động tiên tiến (kể cả Chiến sĩ thi đua cơ sở): 7 người, chiếm 70% tổng số.",
            "- Số người đạt danh hiệu Chiến sĩ thi đua cơ sở: 1 người.",
        ],
    )
    assert not problems, "\n".join(problems)
    lines = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    figures = lines.index("3. Các chỉ tiêu xét danh hiệu Tập thể lao động xuất sắc năm 2026")
    assert lines[figures + 4].startswith("III.")  # the figures close section II
    assert _signatures(data) == [
        ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "Nguyễn Khánh Lâm"],
        ["THỦ TRƯỞNG ĐƠN VỊ", "Nguyễn Văn Đạt"],
    ]


def test_a_persons_report_is_confirmed_by_the_head_of_the_unit(org, flow):
    proposal = flow.create(org.people.staff_a, "CSTDCS")
    data = AchievementReportDocx(proposal).render()
    assert _signatures(data) == [
        ["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", "Nguyễn Văn Đạt"],
        ["NGƯỜI BÁO CÁO THÀNH TÍCH", "Đặng Thị Hương"],
    ]
    assert "Tổng số cán bộ" not in "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_the_heads_own_report_is_confirmed_above(org, flow):
    proposal = flow.create(org.people.head_a, "LDTT")
    assert _signatures(AchievementReportDocx(proposal).render())[0] == [
        "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ",
        "Nguyễn Khánh Lâm",
    ]


def test_a_head_by_position_when_no_account_holds_the_role(org, flow):
    from thidua.organization.models import Membership

    Membership.objects.filter(unit=org.units.a, role="unit_head").delete()
    proposal = flow.create(org.people.staff_a, "CSTDCS", actor=org.users.officer)
    assert _signatures(AchievementReportDocx(proposal).render())[0][1] == "Nguyễn Văn Đạt"  # "Trưởng phòng"


def test_list_items_carry_one_mark(org, flow):
    proposal = flow.create(org.people.staff_a, "CSTDCS")
    proposal.report_text = "I. SƠ LƯỢC\n- 1. Trả phiếu lý lịch tư pháp.\n• Tập huấn kỹ năng số.\n1. Kết quả"
    data = AchievementReportDocx(proposal).render()
    paragraphs = Document(io.BytesIO(data)).paragraphs
    lines = [p.text for p in paragraphs]
    assert "1. Trả phiếu lý lịch tư pháp." in lines and "- Tập huấn kỹ năng số." in lines
    assert not any(line.startswith("- 1.") for line in lines)
    item = paragraphs[lines.index("1. Trả phiếu lý lịch tư pháp.")]
    assert not item.runs[0].bold and paragraphs[lines.index("1. Kết quả")].runs[0].bold
    assert list_line("- 2.1) Số hóa") == "2.1. Số hóa"


def test_the_drafted_report_has_no_dash_for_a_missing_position(org, flow):
    proposal = flow.create(org.people.staff_a, "CSTDCS")
    assert "Chức vụ: —" not in proposal.report_text and "hãy bổ sung" not in proposal.report_text


def test_the_office_owns_the_achievement_reports_wording(org, flow, members):
    proposal = flow.create(org.units.a, "TTLDXS")
    assert_office_owns(
        org.users.officer,
        ACHIEVEMENT_REPORT,
        "ky_tap_the",
        "TRƯỞNG PHÒNG",
        lambda: AchievementReportDocx(proposal).render(),
    )
