"""Council pages: preparing a meeting, voting from the agenda, conflicts and double
votes said on the page, the figures said to be settings, the council's seats and the
meeting's times, the minutes; access."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core.codes import State
from thidua.council import services
from thidua.council.models import Ballot, Meeting, Vote
from thidua.proposals.models import Proposal

pytestmark = pytest.mark.django_db


def test_the_office_creates_a_meeting_with_the_council_seated(org, flow, client_for):
    client = client_for(org.users.officer)
    page = client.get("/hoi-dong/phien-hop/tao/").content.decode()
    assert 'value="2/3"' in page and 'value="1/2"' in page and "CSTD_TINH=9/10; CSTD_TQ=9/10" in page
    response = client.post(
        "/hoi-dong/phien-hop/tao/",
        {
            "title": "Họp xét khen thưởng 2026",
            "date": "2027-01-08",
            "year": 2026,
            "place": "Phòng họp",
            "members": [org.users.councillor.pk, org.users.director.pk, org.users.head_b.pk],
            "present": [org.users.councillor.pk, org.users.director.pk],
            "quorum_share": "2/3",
            "pass_share": "1/2",
            "pass_share_by_award": "CSTD_TINH=9/10",
            "chair": org.users.director.pk,
        },
        follow=True,
    )
    meeting = Meeting.objects.get()
    assert meeting.members.count() == 3 and meeting.members.filter(present=True).count() == 2
    page = response.content.decode()
    assert "Có mặt 2/3 thành viên; cần tối thiểu 2 người (2/3 (66,7%) tổng số thành viên)." in page
    assert "trên 50% tổng số thành viên Hội đồng (mặc định, có thể thay đổi)" in page
    assert "là thiết lập của phiên họp" in page


def test_the_office_seats_the_council_by_role_and_records_the_times(org, flow, client_for):
    client = client_for(org.users.officer)
    data = {
        "title": "Họp xét khen thưởng 2026",
        "date": "2027-01-08",
        "year": 2026,
        "starts_at": "08:00",
        "ends_at": "07:30",
        "members": [org.users.councillor.pk, org.users.director.pk, org.users.head_b.pk, org.users.officer.pk],
        "present": [org.users.councillor.pk, org.users.director.pk, org.users.officer.pk],
        "vice_chairs": [org.users.staff_a.pk],
        "quorum_share": "2/3",
        "pass_share": "1/2",
    }
    refused = client.post("/hoi-dong/phien-hop/tao/", data)
    page = refused.content.decode()
    assert refused.status_code == 400 and not Meeting.objects.exists()
    assert "Giờ kết thúc phải sau giờ bắt đầu." in page and "Hãy chọn trong số thành viên dự họp." in page
    data |= {"ends_at": "10:30", "vice_chairs": [org.users.head_b.pk]}
    client.post("/hoi-dong/phien-hop/tao/", data)
    meeting = Meeting.objects.get()
    assert (meeting.starts_at, meeting.ends_at) == (datetime.time(8, 0), datetime.time(10, 30))
    seats = dict(meeting.members.values_list("user__username", "role"))
    # No secretary chosen: the officer who prepares the meeting takes the minutes.
    assert seats == {"giamdoc": "chair", "truongphong2": "vice_chair", "hoidong": "member", "vanphong": "secretary"}
    assert meeting.secretary == org.users.officer
    edit = client.get(f"/hoi-dong/phien-hop/{meeting.pk}/sua/").content.decode()
    assert 'value="08:00"' in edit and 'value="10:30"' in edit


def test_a_wrong_share_comes_back_with_the_input(org, flow, client_for):
    response = client_for(org.users.officer).post(
        "/hoi-dong/phien-hop/tao/",
        {
            "title": "Họp thử",
            "date": "2027-01-08",
            "year": 2026,
            "members": [org.users.councillor.pk],
            "quorum_share": "hai phần ba",
            "pass_share": "1/2",
        },
    )
    page = response.content.decode()
    assert "«hai phần ba» không phải là tỷ lệ" in page and 'value="Họp thử"' in page
    assert not Meeting.objects.exists()


def test_members_vote_from_the_agenda_and_a_second_vote_is_refused(org, flow, client_for):
    proposal = flow.make(State.UNDER_REVIEW)
    client = client_for(org.users.councillor)
    url = f"/hoi-dong/phien-hop/{flow.meeting.pk}/bieu-quyet/{proposal.pk}/"
    page = client.get(f"/hoi-dong/phien-hop/{flow.meeting.pk}/").content.decode()
    assert 'data-testid="vote-form"' in page
    client.post(url, {"choice": "agree"})
    response = client.post(url, {"choice": "disagree"}, follow=True)
    assert "Mỗi thành viên chỉ biểu quyết một lần cho mỗi đề nghị." in response.content.decode()
    assert Ballot.objects.count() == 1 and list(Vote.objects.values_list("choice", flat=True)) == ["agree"]


def test_a_member_with_a_conflict_is_told_and_cannot_vote(org, flow, client_for):
    proposal = flow.make(State.UNDER_REVIEW, org.people.officer, "LDTT", actor=org.users.officer)
    client = client_for(org.users.councillor)
    page = client.get(f"/hoi-dong/phien-hop/{flow.meeting.pk}/").content.decode()
    assert 'data-testid="conflict"' in page and "xung đột lợi ích" in page
    response = client.post(
        f"/hoi-dong/phien-hop/{flow.meeting.pk}/bieu-quyet/{proposal.pk}/", {"choice": "agree"}, follow=True
    )
    assert "Bạn không biểu quyết đề nghị của đơn vị mình («Văn phòng Sở»)" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_secret_ballot_shows_counts_only(org, flow, client_for):
    flow.meeting = services.create_meeting(
        actor=org.users.officer, title="Họp kín", date=datetime.date(2027, 1, 8), year=2026, secret_ballot=True
    )
    proposal = flow.make(State.UNDER_REVIEW)
    services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=proposal, choice="disagree")
    page = client_for(org.users.officer).get(f"/hoi-dong/phien-hop/{flow.meeting.pk}/").content.decode()
    assert "Bỏ phiếu kín" in page and "Không đồng ý" in page
    assert ": Không đồng ý" not in page  # no member's name next to a choice
    assert 'data-testid="count-disagree">1<' in page


def test_the_office_adds_proposals_and_issues_the_minutes(org, flow, client_for):
    proposal = flow.make(State.ACCEPTED)
    meeting = flow.open_meeting()
    client = client_for(org.users.officer)
    client.post(f"/hoi-dong/phien-hop/{meeting.pk}/dua-ra/", {"proposals": [proposal.pk]})
    assert Proposal.objects.get().state == State.UNDER_REVIEW
    flow.vote_all(proposal)
    url = f"/hoi-dong/phien-hop/{meeting.pk}/bien-ban/"
    refused = client.post(url, {"on": "2027-01-08", "starts_at": "10:00", "ends_at": "09:30", "conclusion": "Giữ"})
    page = refused.content.decode()
    assert refused.status_code == 400 and "Giờ kết thúc phải sau giờ bắt đầu." in page and "Giữ" in page
    response = client.post(url, {"on": "2027-01-08", "starts_at": "08:00", "ends_at": "10:30"}, follow=True)
    assert "Đã ban hành biên bản số 01/BB-STP" in response.content.decode()
    minutes = client.get(f"/hoi-dong/phien-hop/{meeting.pk}/bien-ban.docx")
    assert 'filename="bien-ban-hop-hoi-dong-01-bb-stp.docx"' in minutes["Content-Disposition"]
    page = client_for(org.users.head_a).get(f"/de-nghi-khen-thuong/{proposal.pk}/").content.decode()
    assert 'data-testid="council-result" data-passed="yes"' in page


def test_unit_heads_and_staff_do_not_see_meetings(org, flow, client_for):
    meeting = flow.open_meeting()
    assert client_for(org.users.head_b).get("/hoi-dong/").status_code == 403
    assert client_for(org.users.staff_a).get(f"/hoi-dong/phien-hop/{meeting.pk}/").status_code == 404
    assert client_for(org.users.councillor).post("/hoi-dong/phien-hop/tao/", {}).status_code == 403


def test_the_meeting_list_keeps_its_query_count(org, flow, client_for):
    flow.open_meeting()
    client = client_for(org.users.councillor)
    with CaptureQueriesContext(connection) as first:
        client.get("/hoi-dong/")
    for day in (9, 10):
        services.create_meeting(actor=org.users.officer, title="Họp", date=datetime.date(2027, 1, day), year=2026)
    with CaptureQueriesContext(connection) as second:
        assert client.get("/hoi-dong/").content.decode().count('data-testid="meeting-row"') == 3
    assert len(second.captured_queries) == len(first.captured_queries)


def test_the_meeting_page_keeps_its_query_count(org, flow, client_for):
    flow.make(State.UNDER_REVIEW)
    client = client_for(org.users.councillor)
    url = f"/hoi-dong/phien-hop/{flow.meeting.pk}/"
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    flow.make(State.UNDER_REVIEW, org.people.head_a, "LDTT")
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second.captured_queries) == len(first.captured_queries)


def test_a_unit_head_seated_at_the_meeting_reads_and_votes_on_another_units_proposal(org, flow, client_for):
    meeting = services.create_meeting(
        actor=org.users.officer,
        title="Họp",
        date=datetime.date(2027, 1, 8),
        year=2026,
        members=[org.users.director, org.users.councillor, org.users.head_b],
    )
    flow.meeting = meeting
    proposal = flow.make(State.UNDER_REVIEW)
    client = client_for(org.users.head_b)
    assert client.get(f"/de-nghi-khen-thuong/{proposal.pk}/").status_code == 200
    client.post(f"/hoi-dong/phien-hop/{meeting.pk}/bieu-quyet/{proposal.pk}/", {"choice": "agree"})
    assert Ballot.objects.get().member == org.users.head_b
    other = flow.make(State.SUBMITTED, org.people.head_a, "LDTT")
    assert client.get(f"/de-nghi-khen-thuong/{other.pk}/").status_code == 404  # not on the agenda


@pytest.mark.parametrize(
    "state", [State.DRAFT, State.SUBMITTED, State.ACCEPTED, State.UNDER_REVIEW, State.APPROVED, State.DECIDED]
)
def test_every_role_opens_the_dossier_in_every_state(org, flow, client_for, state):
    proposal = flow.make(state)
    seen = {}
    for name in ("head_a", "officer", "director", "councillor", "head_b", "staff_a"):
        response = client_for(getattr(org.users, name)).get(f"/de-nghi-khen-thuong/{proposal.pk}/")
        seen[name] = response.status_code
        if response.status_code == 200:
            assert 'data-testid="verdict"' in response.content.decode()
    assert seen["head_a"] == 200 and seen["head_b"] == 404 and seen["staff_a"] == 404
    sent = state != State.DRAFT  # a draft is the unit's own business until it is sent
    assert (seen["officer"] == 200) == sent and (seen["director"] == 200) == sent
    assert (seen["councillor"] == 200) == (state in (State.UNDER_REVIEW, State.APPROVED, State.DECIDED))
    if flow.meeting is not None:
        assert client_for(org.users.councillor).get(f"/hoi-dong/phien-hop/{flow.meeting.pk}/").status_code == 200
