"""The papers of a secret ballot: the blank Phiếu bầu (boxes left for the members'
hands, nothing else blank) and the Biên bản kiểm phiếu with ballots returned and the
counts of each proposal, never who voted what; downloaded by those who see the
meeting, the count only once the votes are final."""

import datetime

import pytest
from django.urls import reverse

from tests.documents.content import content_problems, lines_of, text_of
from tests.documents.layout import appendix_problems, nd30_problems
from tests.proposals.conftest import Flow, rate
from tests.wording.edits import assert_office_owns
from thidua.core.codes import State
from thidua.council import services
from thidua.council.secret_ballot_docx import BallotCountDocx, BallotDocx
from thidua.council.wording import SECRET_BALLOT
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
    return flow


def test_the_ballot_paper_is_laid_out_and_leaves_only_the_boxes_blank(meeting):
    data = BallotDocx(meeting.meeting).render()
    assert appendix_problems(data, doc_type="PHIẾU BẦU", attached=False) == []
    assert (
        content_problems(
            data,
            expected=[
                "SỞ TƯ PHÁP",
                "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
                "Xét khen thưởng năm 2026",
                "Phiên họp ngày 08/01/2027",
                "Đặng Thị Hương",
                "Phòng Phổ biến, giáo dục pháp luật",
                "Chiến sĩ thi đua cơ sở",
                "Không có ý kiến",
            ],
            absent=["Nguyễn Khánh Lâm", "Bùi Quang Long"],  # no member's name on a secret paper
            handwritten=frozenset({4, 5, 6}),
        )
        == []
    )
    assert content_problems(data) != []  # the boxes are blank, for the members to tick


def test_the_count_has_the_figures_and_no_member_choice(org, meeting):
    meeting.close()
    meeting.meeting.refresh_from_db()
    data = BallotCountDocx(meeting.meeting).render()
    assert nd30_problems(data, doc_type="BIÊN BẢN") == []
    assert (
        content_problems(
            data,
            expected=[
                "/BB-HĐTĐKT",
                "Tuyên Quang, ngày 08 tháng 01 năm 2027",
                "Kiểm phiếu bầu kín xét khen thưởng năm 2026",
                "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "ngày 08 tháng 01 năm 2027, tại Phòng họp tầng 2",
                "Tổng số thành viên Hội đồng: 02 người; có mặt: 02 người; số phiếu phát ra: 02 phiếu.",
                "Đặng Thị Hương",
                "50%",
                "Không đạt (cần 02 phiếu đồng ý)",
                "THƯ KÝ",
                "CHỦ TỌA",
                "Hoàng Thị Thu",
            ],
        )
        == []
    )
    assert "Đồng ý: " not in text_of(data)
    assert lines_of(data).count("01") == 2 and "02" in lines_of(data)  # one for, one against, two returned


def test_downloads_follow_the_meeting(client_for, org, meeting):
    ballot = reverse("meeting_ballot", args=[meeting.meeting.pk])
    count = reverse("meeting_ballot_count", args=[meeting.meeting.pk])
    councillor = client_for(org.users.councillor)
    assert councillor.get(ballot).status_code == 200
    assert councillor.get(count).status_code == 404  # the votes are not final yet
    meeting.close()
    assert councillor.get(count).status_code == 200
    assert client_for(org.users.head_b).get(ballot).status_code == 404
    assert client_for(org.users.head_b).get(count).status_code == 404
    page = councillor.get(reverse("meeting_detail", args=[meeting.meeting.pk])).content.decode()
    assert 'data-testid="download-ballot"' in page and 'data-testid="download-ballot-count"' in page


def test_the_office_owns_the_ballots_wording(org, meeting):
    officer = org.users.officer
    assert_office_owns(
        officer, SECRET_BALLOT, "huong_dan", "Đánh dấu (X) vào một ô.", lambda: BallotDocx(meeting.meeting).render()
    )
    meeting.close()
    meeting.meeting.refresh_from_db()
    assert_office_owns(
        officer,
        SECRET_BALLOT,
        "ket_thuc",
        "Kiểm phiếu xong lúc 10 giờ.",
        lambda: BallotCountDocx(meeting.meeting).render(),
    )
