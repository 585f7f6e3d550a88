"""The Director approves every proposal the council passed in one action; the office
returns many to their units with one reason. The confirmation page tries each approval
and names those that cannot be approved, and changes nothing until confirmed."""

import pytest

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.proposals.models import Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def before_the_director(org, flow):
    passed = [
        flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False),
        flow.make(State.UNDER_REVIEW, org.people.staff_b, "GK", actor=org.users.head_b, files=False),
    ]
    not_voted = flow.make(State.UNDER_REVIEW, org.people.staff_a, "GK", files=False)
    for proposal in passed + [not_voted]:
        flow.attach_needed(proposal, "to_trinh")
    for proposal in passed:
        flow.vote_all(proposal)
    flow.close()
    return passed, not_voted


def _states(proposals):
    return {p.pk: p.state for p in Proposal.objects.filter(pk__in=[p.pk for p in proposals])}


def test_the_director_approves_every_passed_proposal_in_one_action(org, before_the_director, client_for):
    passed, not_voted = before_the_director
    client = client_for(org.users.director)
    ids = [p.pk for p in passed + [not_voted]]
    logged = ActivityLog.objects.count()
    page = client.post("/de-nghi-khen-thuong/phe-duyet-nhieu/", {"chon": ids})
    text = page.content.decode()
    assert page.status_code == 200 and "Phê duyệt 2 mục sau:" in text
    assert "Nguyễn Văn Đạt — Giấy khen của Giám đốc Sở năm 2026" in text
    skipped = text.split('data-testid="bulk-skipped"')[1]
    assert "Đặng Thị Hương" in skipped  # the council has not passed it: named, with the reason
    assert set(_states(passed + [not_voted]).values()) == {State.UNDER_REVIEW}
    assert ActivityLog.objects.count() == logged  # trying each approval left no trace
    done = client.post("/de-nghi-khen-thuong/phe-duyet-nhieu/", {"chon": [p.pk for p in passed], "xac-nhan": "1"})
    assert done.status_code == 302
    assert set(_states(passed).values()) == {State.APPROVED}
    assert _states([not_voted])[not_voted.pk] == State.UNDER_REVIEW
    assert ActivityLog.objects.filter(changes__state=[State.UNDER_REVIEW, State.APPROVED]).count() == 2


def test_only_the_director_approves_in_bulk(org, before_the_director, client_for):
    passed, _ = before_the_director
    ids = [p.pk for p in passed]
    assert client_for(org.users.officer).post("/de-nghi-khen-thuong/phe-duyet-nhieu/", {"chon": ids}).status_code == 403
    assert client_for(org.users.head_a).post("/de-nghi-khen-thuong/phe-duyet-nhieu/", {"chon": ids}).status_code == 403


def test_the_office_returns_many_with_one_reason(org, flow, client_for):
    sent = [
        flow.make(State.SUBMITTED, org.people.head_a, "GK", files=False),
        flow.make(State.SUBMITTED, org.people.staff_b, "GK", actor=org.users.head_b, files=False),
    ]
    client = client_for(org.users.officer)
    ids = [p.pk for p in sent]
    missing = client.post("/de-nghi-khen-thuong/tra-lai-nhieu/", {"chon": ids, "xac-nhan": "1", "reason": ""})
    assert missing.status_code == 400 and "Hãy ghi lý do trả lại" in missing.content.decode()
    client.post("/de-nghi-khen-thuong/tra-lai-nhieu/", {"chon": ids, "xac-nhan": "1", "reason": "Thiếu Tờ trình."})
    assert set(_states(sent).values()) == {State.RETURNED}
    assert set(Proposal.objects.filter(pk__in=ids).values_list("return_reason", flat=True)) == {"Thiếu Tờ trình."}


def test_a_unit_head_sees_no_ticks_and_another_units_proposal_is_not_found(org, before_the_director, client_for):
    passed, _ = before_the_director
    assert 'form="bulk-proposals"' not in client_for(org.users.head_a).get("/de-nghi-khen-thuong/").content.decode()
    assert 'form="bulk-proposals"' in client_for(org.users.director).get("/de-nghi-khen-thuong/").content.decode()
