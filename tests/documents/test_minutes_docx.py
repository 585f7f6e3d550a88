"""The council's minutes as Word: the official layout, the times, the members by their
seat on the council, the Quy chế, the result of each proposal with counts only, both
signatures, and nothing a clerk would have to correct."""

import datetime
import io

import pytest
from docx import Document

from tests.documents.clerk import clerk_problems, lines
from tests.documents.layout import nd30_problems
from tests.proposals.conftest import Flow, rate
from thidua.core.codes import State
from thidua.council import services
from thidua.council.enums import CouncilRole
from thidua.council.minutes_docx import MinutesDocx, filename
from thidua.plans.loading import load_plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(org):
    load_plan()
    rate(org.people.staff_a)
    flow = Flow(org)
    flow.meeting = services.create_meeting(
        actor=org.users.officer,
        title="Họp xét khen thưởng năm 2026",
        date=datetime.date(2027, 1, 8),
        year=2026,
        secret_ballot=True,
        place="Phòng họp tầng 2",
    )
    proposal = flow.make(State.UNDER_REVIEW)
    services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=proposal, choice="agree")
    services.cast_vote(actor=org.users.director, meeting=flow.meeting, proposal=proposal, choice="disagree")
    flow.close()
    return flow.meeting


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_minutes_pass_the_layout_check(meeting):
    assert nd30_problems(MinutesDocx(meeting).render(), doc_type="BIÊN BẢN") == []


def test_a_draft_before_the_minutes_are_issued_passes_too(org, meeting):
    meeting.minutes_number = ""
    assert nd30_problems(MinutesDocx(meeting).render(), doc_type="BIÊN BẢN") == []


def test_the_minutes_give_counts_and_never_who_voted_what(org, meeting):
    text = _text(MinutesDocx(meeting).render())
    assert "Số: 01/BB-STP" in text and "Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm 2026" in text
    assert "Phòng họp tầng 2" in text and "có mặt 02 người" in text
    assert "2/3 (66,7%) tổng số thành viên" in text and "trên 50% tổng số thành viên" in text
    assert "chưa tìm thấy" not in text and "thiết lập" not in text
    assert "Đặng Thị Hương" in text and "Kín" in text and "Không thông qua (cần 2)" in text
    assert "THƯ KÝ" in text and "CHỦ TỌA" in text and "Hoàng Thị Thu" in text and "Nguyễn Khánh Lâm" in text
    assert "Đồng ý: " not in text  # no member is listed with a choice


def test_the_file_name_comes_from_the_number(meeting):
    assert filename(meeting) == "bien-ban-hop-hoi-dong-01-bb-stp.docx"


def test_a_clerk_finds_nothing_to_correct(org, meeting):
    from thidua.wording.services import record_basis

    record_basis(
        actor=org.users.officer,
        kind="council",
        number="12/QĐ-STP",
        signed_on=datetime.date(2026, 2, 10),
        issuer="Giám đốc Sở Tư pháp",
        subject="ban hành Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng Sở Tư pháp",
    )
    text_lines = lines(MinutesDocx(meeting).render())
    assert clerk_problems(text_lines, on=meeting.minutes_date) == []
    text = "\n".join(text_lines)
    assert "Thời gian: bắt đầu lúc 08 giờ 00, ngày 08/01/2027." in text
    assert "Cuộc họp kết thúc vào hồi 10 giờ 30 cùng ngày." in text
    assert "Căn cứ Quyết định số 12/QĐ-STP ngày 10 tháng 02 năm 2026 của Giám đốc Sở Tư pháp ban hành Quy chế" in text
    assert "Chủ trì: Nguyễn Khánh Lâm, Giám đốc, Chủ tịch Hội đồng." in text
    assert "Thư ký: Hoàng Thị Thu, Chuyên viên." in text
    seats = [line for line in text_lines if line.startswith("- ")][:2]
    assert seats == ["- Nguyễn Khánh Lâm, Giám đốc, Chủ tịch Hội đồng;", "- Bùi Quang Long, Ủy viên."]
    assert text_lines[text_lines.index("III. KẾT LUẬN") + 1 :][1].endswith("thông qua tại cuộc họp./.")


def test_members_are_listed_by_their_seat_on_the_council(org, meeting):
    member = meeting.members.get(user=org.users.councillor)
    member.role = CouncilRole.VICE_CHAIR
    member.present = False
    member.save()
    text = "\n".join(lines(MinutesDocx(meeting).render()))
    assert "có mặt 01 người:\n- Nguyễn Khánh Lâm, Giám đốc, Chủ tịch Hội đồng." in text
    assert "Vắng mặt 01 người:\n- Bùi Quang Long, Phó Chủ tịch Hội đồng." in text
