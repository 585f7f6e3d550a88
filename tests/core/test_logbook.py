"""The change history reads like a logbook: who (by name) did what, state moves in the
states' words, each change under the field's label with its value as the page shows
it; never the database's columns (id, plan_id, state: draft, False)."""

import re

import pytest
from django.urls import reverse

from thidua.core.history import record
from thidua.core.logbook import entry
from thidua.difficulties import services
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def difficulty(org):
    plan, _ = load_plan()
    raised = services.raise_difficulty(
        actor=org.users.head_a,
        plan=plan,
        unit=org.units.a,
        title="Thiếu chứng thư số",
        description="Mới có 2 chứng thư số cho 6 người.",
        proposal="Cấp bổ sung 4 chứng thư số.",
        submit=False,
    )
    services.edit_difficulty(
        actor=org.users.head_a,
        difficulty=raised,
        fields={
            "title": "Thiếu 4 chứng thư số",
            "description": "Mới có 2 chứng thư số cho 6 người.",
            "proposal": "Cấp bổ sung 4 chứng thư số.",
        },
    )
    return services.submit_difficulty(actor=org.users.head_a, difficulty=raised)


def _text(body: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_the_difficulty_history_reads_like_a_logbook(org, client_for, difficulty):
    body = client_for(org.users.officer).get(reverse("difficulty_detail", args=[difficulty.pk])).content.decode()
    history = _text(body.split('data-testid="history"')[1].split("</table>")[0])
    assert "Nguyễn Văn Đạt chuyển trạng thái: Nháp (chưa gửi) → Đã gửi" in history
    assert "Nguyễn Văn Đạt sửa đổi Tiêu đề: Thiếu chứng thư số → Thiếu 4 chứng thư số" in history
    assert "Nguyễn Văn Đạt tạo mới «" in history
    for column in ("id :", "plan_id", "state", "draft", "submitted", "∅", "unit_id", "False", "truongphong"):
        assert column not in history, column


def test_values_are_said_as_the_page_says_them(org):
    row = record(
        actor=org.users.officer,
        obj=org.people.staff_a,
        action="changed",
        changes={"id": [None, 8], "unit_id": [1, 2], "is_demo": [True, False], "position": ["", "Chuyên viên"]},
    )
    line = entry(row)
    shown = {change.label: (change.before, change.after) for change in line.changes}
    assert "Id" not in shown and "id" not in shown
    assert shown["Đơn vị"] == ("", "đã thay đổi")
    assert shown["Chức vụ"] == ("(trống)", "Chuyên viên")
    assert ("Có", "Không") in shown.values()


def test_an_account_is_logged_by_its_owners_name(org):
    row = record(actor=org.users.officer, obj=org.users.head_a, action="changed", changes={"is_active": [True, False]})
    assert row.object_repr == "Nguyễn Văn Đạt"
    assert entry(row).changes[0].before in ("Có", "Không")
