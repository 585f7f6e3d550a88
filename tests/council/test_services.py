"""Council votes: one per member and proposal, none with a conflict of interest, the
secret ballot kept secret, quorum and thresholds as settings, and the minutes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import PersonFactory, account
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.council import services
from thidua.council.models import Ballot, Meeting, Vote
from thidua.council.tally import parse_share, quorum, share_text, tallies, threshold_text
from thidua.organization.enums import Role

pytestmark = pytest.mark.django_db


def test_a_meeting_seats_the_council_by_default_with_the_r17_figures(org, flow):
    meeting = flow.open_meeting()
    assert {m.user for m in meeting.members.all()} == {org.users.councillor, org.users.director}
    assert meeting.chair == org.users.director and meeting.secretary == org.users.officer
    assert (meeting.quorum_share, meeting.pass_share) == ("2/3", "1/2")
    assert meeting.pass_share_by_award == {"CSTD_TINH": "9/10", "CSTD_TQ": "9/10"}
    assert threshold_text(meeting, "CSTDCS") == "trên 50% tổng số thành viên Hội đồng (mặc định, có thể thay đổi)"
    assert (
        "ít nhất 90% tổng số thành viên Hội đồng (ngưỡng riêng cho Chiến sĩ thi đua cấp Bộ, ban, ngành, tỉnh; "
        "mặc định theo NĐ 91/2017 — quy định cũ, có thể thay đổi)" == threshold_text(meeting, "CSTD_TINH")
    )


def test_double_voting_is_refused_and_nothing_more_is_saved(org, flow):
    proposal = flow.make(State.UNDER_REVIEW)
    meeting = flow.meeting
    services.cast_vote(actor=org.users.councillor, meeting=meeting, proposal=proposal, choice="agree")
    with pytest.raises(ValidationError) as error:
        services.cast_vote(actor=org.users.councillor, meeting=meeting, proposal=proposal, choice="disagree")
    assert error.value.code == "voted"
    assert "Mỗi thành viên chỉ biểu quyết một lần cho mỗi đề nghị" in error.value.messages[0]
    assert Ballot.objects.count() == 1 and list(Vote.objects.values_list("choice", flat=True)) == ["agree"]


def test_a_member_may_not_vote_on_their_own_units_proposal(org, flow):
    proposal = flow.make(State.UNDER_REVIEW, org.people.officer, "LDTT", actor=org.users.officer)
    with pytest.raises(ValidationError) as error:
        services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=proposal, choice="agree")
    assert error.value.code == "conflict"
    assert error.value.messages == ["Bạn không biểu quyết đề nghị của đơn vị mình («Văn phòng Sở»): xung đột lợi ích."]
    assert not Ballot.objects.exists() and not Vote.objects.exists()


def test_nobody_votes_on_a_proposal_about_themselves(org, flow):
    proposal = flow.make(State.UNDER_REVIEW, org.people.director, "LDTT", actor=org.users.officer)
    with pytest.raises(ValidationError) as error:
        services.cast_vote(actor=org.users.director, meeting=flow.meeting, proposal=proposal, choice="agree")
    assert "cho chính mình" in error.value.messages[0]


def test_only_members_of_the_meeting_vote(org, flow):
    proposal = flow.make(State.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.cast_vote(actor=org.users.head_b, meeting=flow.meeting, proposal=proposal, choice="agree")
    assert not Ballot.objects.exists()


def test_a_secret_vote_names_nobody(org, flow):
    meeting = services.create_meeting(
        actor=org.users.officer, title="Họp kín", date=datetime.date(2027, 1, 8), year=2026, secret_ballot=True
    )
    flow.meeting = meeting
    proposal = flow.make(State.UNDER_REVIEW)
    services.cast_vote(actor=org.users.councillor, meeting=meeting, proposal=proposal, choice="disagree")
    services.cast_vote(actor=org.users.director, meeting=meeting, proposal=proposal, choice="agree")
    assert set(Vote.objects.values_list("member", flat=True)) == {None}
    assert {b.member for b in Ballot.objects.all()} == {org.users.councillor, org.users.director}
    logged = ActivityLog.objects.filter(content_type__model="ballot")
    assert logged.count() == 2 and all(row.changes == {} for row in logged)
    assert not ActivityLog.objects.filter(content_type__model="vote").exists()
    (tally,) = tallies(meeting)
    assert (tally.agree, tally.disagree, tally.abstain) == (1, 1, 0) and not tally.passed


def test_an_open_vote_names_the_member(org, flow):
    proposal = flow.make(State.UNDER_REVIEW)
    services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=proposal, choice="abstain")
    assert Vote.objects.get().member == org.users.councillor
    assert ActivityLog.objects.get(content_type__model="ballot").changes == {"choice": [None, "abstain"]}


def test_the_threshold_is_counted_on_all_members_and_needs_the_quorum(org, flow):
    third = account("thanhvien3", PersonFactory(unit=org.units.leaders), (Role.COUNCIL, org.units.leaders))
    proposal = flow.make(State.UNDER_REVIEW)
    meeting = flow.meeting
    assert meeting.members.count() == 3
    services.cast_vote(actor=org.users.councillor, meeting=meeting, proposal=proposal, choice="agree")
    (tally,) = tallies(meeting)
    assert (tally.needed, tally.passed) == (2, False)  # more than half of 3 members
    services.cast_vote(actor=org.users.director, meeting=meeting, proposal=proposal, choice="agree")
    assert tallies(meeting)[0].passed
    services.set_members(
        actor=org.users.officer,
        meeting=meeting,
        users=[org.users.councillor, org.users.director, third],
        present_ids={org.users.director.pk},
    )
    (tally,) = tallies(meeting)
    assert (tally.present, tally.quorum, tally.quorum_met, tally.passed) == (1, 2, False, False)


def test_a_special_threshold_for_provincial_titles(org, flow):
    meeting = flow.open_meeting()
    (member,) = [m for m in meeting.members.all() if m.user == org.users.councillor]
    assert quorum(meeting, 2) == 2
    services.update_meeting(actor=org.users.officer, meeting=meeting, pass_share_by_award={"CSTDCS": "70%"})
    proposal = flow.make(State.UNDER_REVIEW)
    services.cast_vote(actor=org.users.councillor, meeting=meeting, proposal=proposal, choice="agree")
    (tally,) = tallies(Meeting.objects.get(pk=meeting.pk))
    assert (tally.needed, tally.passed) == (2, False)  # at least 70% of 2 members is 2
    assert member.present


@pytest.mark.parametrize(
    ("text", "share", "shown"),
    [
        ("2/3", "2/3", "2/3 (66,7%)"),
        ("0.6667", "2/3", "2/3 (66,7%)"),
        ("0,5", "1/2", "50%"),
        ("70%", "7/10", "70%"),
        ("9/10", "9/10", "90%"),
    ],
)
def test_shares_are_exact_fractions(text, share, shown):
    assert str(parse_share(text)) == share and share_text(text) == shown


@pytest.mark.parametrize("text", ["", "abc", "0", "3/2", "120%"])
def test_wrong_shares_are_refused_with_a_reason(text):
    with pytest.raises(ValueError) as error:
        parse_share(text)
    assert "tỷ lệ" in str(error.value).lower()


def test_two_thirds_of_six_is_four(org, flow):
    meeting = flow.open_meeting()
    assert quorum(meeting, 6) == 4 and quorum(meeting, 3) == 2


def test_the_minutes_close_the_vote(org, flow):
    proposal = flow.make(State.UNDER_REVIEW)
    flow.vote_all(proposal)
    meeting = services.close_meeting(
        actor=org.users.officer,
        meeting=flow.meeting,
        on=datetime.date(2027, 1, 8),
        starts_at=datetime.time(8, 0),
        ends_at=datetime.time(10, 30),
    )
    assert meeting.minutes_number == "01/BB-STP"
    assert (meeting.starts_at, meeting.ends_at) == (datetime.time(8, 0), datetime.time(10, 30))
    item = meeting.items.get()
    assert (item.agree, item.disagree, item.abstain, item.passed) == (2, 0, 0, True)
    with pytest.raises(ValidationError) as error:
        services.close_meeting(actor=org.users.officer, meeting=meeting)
    assert "01/BB-STP" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.add_item(actor=org.users.officer, meeting=meeting, proposal=proposal)


def test_no_vote_after_the_minutes(org, flow):
    proposal = flow.make(State.UNDER_REVIEW)
    flow.close()
    with pytest.raises(ValidationError) as error:
        services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=proposal, choice="agree")
    assert "Phiên họp đã kết thúc" in error.value.messages[0]


def test_wrong_figures_are_refused(org, flow):
    with pytest.raises(ValidationError) as error:
        services.create_meeting(
            actor=org.users.officer,
            title="Họp",
            date=datetime.date(2027, 1, 8),
            year=2026,
            figures={"quorum_share": "150%"},
        )
    assert "không quá 1" in error.value.message_dict["quorum_share"][0]
    assert not Meeting.objects.exists()


def test_only_the_office_prepares_meetings(org, flow):
    with pytest.raises(PermissionDenied):
        services.create_meeting(actor=org.users.councillor, title="Họp", date=datetime.date(2027, 1, 8), year=2026)


def test_minutes_dated_in_the_future_or_before_the_last_minutes_are_refused(org, flow):
    from thidua.outgoing.numbering import record_outside
    from thidua.plans.models import Plan

    times = {"starts_at": datetime.time(8, 0), "ends_at": datetime.time(10, 30)}
    proposal = flow.make(State.UNDER_REVIEW)
    flow.vote_all(proposal)
    with pytest.raises(ValidationError) as error:
        services.close_meeting(**times, actor=org.users.officer, meeting=flow.meeting, on=datetime.date(2027, 3, 2))
    assert "là ngày trong tương lai" in error.value.messages[0]
    record_outside(
        actor=None,
        agency=Plan.objects.current().issuer,
        doc_type="BB",
        number=1,
        on=datetime.date(2027, 1, 9),
        subject="Họp trước",
    )
    with pytest.raises(ValidationError) as error:
        services.close_meeting(**times, actor=org.users.officer, meeting=flow.meeting, on=datetime.date(2027, 1, 8))
    assert "trước ngày của văn bản 01/BB-STP (09/01/2027)" in error.value.messages[0]
    assert not Meeting.objects.get(pk=flow.meeting.pk).minutes_number
    meeting = services.close_meeting(
        **times, actor=org.users.officer, meeting=flow.meeting, on=datetime.date(2027, 1, 9)
    )
    assert meeting.minutes_number == "02/BB-STP"
