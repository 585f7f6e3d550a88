"""A council member's work queue names the items waiting for their vote, not those
they may not vote on; the office's names the sessions to prepare."""

import datetime

import pytest

from thidua.core.codes import State
from thidua.council.attention import attention_items
from thidua.council.services import cast_vote

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2027, 1, 5)


def test_a_member_sees_the_items_to_vote_until_voted(org, flow):
    proposals = [
        flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False),
        flow.make(State.UNDER_REVIEW, org.people.officer, "LDTT", actor=org.users.officer),  # the councillor's unit
    ]
    items = attention_items(org.users.councillor, TODAY)
    waiting = [i for i in items if "chờ bạn biểu quyết" in i["text"]]
    assert waiting == [
        {
            "text": "1 đề nghị chờ bạn biểu quyết tại 1 phiên họp Hội đồng",
            "href": f"/hoi-dong/phien-hop/{flow.meeting.pk}/",
            "due": flow.meeting.date,
        }
    ]
    cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=proposals[0], choice="agree")
    assert not [i for i in attention_items(org.users.councillor, TODAY) if "chờ bạn biểu quyết" in i["text"]]
    office = attention_items(org.users.officer, TODAY)
    assert {
        "text": "1 phiên họp Hội đồng sắp tới cần chuẩn bị",
        "href": "/hoi-dong/",
        "due": flow.meeting.date,
    } in office
