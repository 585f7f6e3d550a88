"""The work queue's items about proposals: each opens the list where the work is done."""

import pytest

from tests.proposals.conftest import DECIDED_ON
from thidua.core.codes import State
from thidua.proposals.attention import attention_items

pytestmark = pytest.mark.django_db


def _items(user):
    return {item["text"]: item["href"] for item in attention_items(user, DECIDED_ON)}


def test_the_director_sees_what_waits_for_approval_and_for_the_decision(org, flow, client_for):
    passed = flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False)
    flow.attach_needed(passed, "to_trinh")
    flow.vote_all(passed)
    flow.close()
    flow.make(State.APPROVED, org.people.staff_b, "GK", actor=org.users.head_b)
    items = _items(org.users.director)
    assert items["1 đề nghị Hội đồng đã thông qua chờ Giám đốc phê duyệt"] == "/de-nghi-khen-thuong/?state=under_review"
    assert items["1 đề nghị đã phê duyệt chờ ban hành quyết định"] == "/quyet-dinh-khen-thuong/ban-hanh/"
    home = client_for(org.users.director).get("/").content.decode()
    assert "1 đề nghị đã phê duyệt chờ ban hành quyết định" in home


def test_the_office_sees_proposals_to_check_and_a_unit_head_those_returned(org, flow):
    flow.make(State.SUBMITTED, org.people.head_a, "GK", files=False)
    assert _items(org.users.officer) == {
        "1 đề nghị khen thưởng chờ kiểm tra hồ sơ": "/de-nghi-khen-thuong/?state=submitted"
    }
    assert _items(org.users.head_a) == {}
    assert _items(org.users.head_b) == {}
