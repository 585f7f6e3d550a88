"""The items the home pages show about self-inspection: overdue actions for the office,
for the unit's head and for the person who owns them; nothing from another unit."""

import datetime

import pytest

from tests.inspections.conftest import answer_all
from thidua.inspections import services
from thidua.inspections.attention import attention_items

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 2)


def _texts(user, today=DAY) -> list[str]:
    items = attention_items(user, today)
    for item in items:
        assert item["href"].startswith("/")  # a link the panel follows as it is
    return [item["text"] for item in items]


@pytest.fixture
def overdue_in_a(org, checklist_a, checklist_b, action_of):
    action_of(checklist_a, due_on=datetime.date(2026, 10, 15), owner=org.people.staff_a)
    action_of(checklist_a, due_on=datetime.date(2026, 12, 31), owner=org.people.staff_a)


def test_the_office_sees_every_units_overdue_actions(org, overdue_in_a):
    assert _texts(org.users.officer) == ["1 việc khắc phục sau tự kiểm tra đã quá hạn"]
    assert _texts(org.users.officer, datetime.date(2026, 10, 15)) == []


def test_the_unit_head_sees_the_units_overdue_actions_and_unsent_checklist(org, overdue_in_a):
    assert _texts(org.users.head_a) == [
        "1 việc khắc phục sau tự kiểm tra của đơn vị đã quá hạn",
        "1 bảng kiểm tự kiểm tra của đơn vị chưa gửi Văn phòng Sở",
    ]


def test_the_head_of_b_sees_nothing_of_unit_a(org, overdue_in_a):
    assert _texts(org.users.head_b) == ["1 bảng kiểm tự kiểm tra của đơn vị chưa gửi Văn phòng Sở"]


def test_the_owner_sees_own_overdue_actions_only(org, overdue_in_a):
    assert _texts(org.users.staff_a) == ["1 việc khắc phục giao cho bạn đã quá hạn"]
    assert _texts(org.users.director) == []


def test_a_sent_checklist_waits_for_the_office(org, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    assert _texts(org.users.officer) == ["1 bảng kiểm tự kiểm tra đơn vị đã gửi, chờ Văn phòng Sở tiếp nhận"]


def test_a_done_action_leaves_the_panels(org, checklist_a, action_of):
    action = action_of(checklist_a, due_on=datetime.date(2026, 7, 15))
    services.complete_action(actor=org.users.staff_a, action=action, note="Xong", on=datetime.date(2026, 7, 20))
    assert _texts(org.users.officer) == []
    assert _texts(org.users.staff_a) == []
