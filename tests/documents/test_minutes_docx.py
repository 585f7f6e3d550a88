"""The council's minutes as Word: the official layout, attendance, the figures said to
be settings, the result of each proposal with counts only, and both signatures."""

import datetime
import io

import pytest
from docx import Document

from tests.documents.layout import nd30_problems
from tests.proposals.conftest import Flow, rate
from thidua.core.codes import State
from thidua.council import services
from thidua.council.minutes_docx import MinutesDocx, filename
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db


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
