"""The items the home pages show: each persona sees only what it can act on, and every
link resolves."""

import pytest

from thidua.difficulties.attention import attention_items

pytestmark = pytest.mark.django_db


def _texts(user) -> list[str]:
    items = attention_items(user, None)
    for item in items:
        assert item["href"].startswith("/")  # a link the panel follows as it is
    return [item["text"] for item in items]


def test_nothing_to_do_when_nothing_is_raised(org, plan):
    for persona in ("officer", "director", "head_a", "staff_a", "head_b"):
        assert _texts(getattr(org.users, persona)) == []


def test_the_office_sees_items_to_take_in_and_decisions_to_close(org, raise_for):
    raise_for("submitted", title="Một")
    raise_for("accepted", title="Hai", unit=org.units.b)
    raise_for("decided", title="Ba")
    assert _texts(org.users.officer) == [
        "2 khó khăn, vướng mắc của đơn vị chờ Văn phòng Sở tiếp nhận, trình Giám đốc",
        "1 quyết định của Giám đốc về khó khăn, vướng mắc chờ theo dõi thực hiện, đóng",
    ]
    assert _texts(org.users.director) == []


def test_the_director_sees_items_awaiting_a_decision(org, raise_for):
    raise_for("under_review")
    assert _texts(org.users.director) == ["1 khó khăn, vướng mắc chờ Giám đốc quyết định"]
    assert _texts(org.users.officer) == []
    assert _texts(org.users.head_a) == []


def test_a_unit_is_reminded_of_its_unsent_drafts_only(org, raise_for):
    raise_for("draft")
    expected = ["1 khó khăn, vướng mắc của đơn vị còn là nháp, chưa gửi Văn phòng Sở"]
    assert _texts(org.users.head_a) == _texts(org.users.staff_a) == expected
    assert _texts(org.users.head_b) == []
    assert _texts(org.users.officer) == []
