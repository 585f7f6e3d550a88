"""Each role lands on its own home page; an anonymous visitor is sent to sign in."""

import pytest
from django.urls import reverse

from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    plan, _ = load_plan()
    return plan


@pytest.mark.parametrize(
    ("persona", "title"),
    [
        ("officer", "Văn phòng Sở"),
        ("head_a", "Thủ trưởng đơn vị"),
        ("staff_a", "Cán bộ, công chức, viên chức"),
        ("councillor", "Thành viên Hội đồng TĐKT"),
        ("director", "Giám đốc, Phó Giám đốc"),
    ],
)
def test_each_role_sees_its_home(org, plan, client_for, persona, title):
    response = client_for(getattr(org.users, persona)).get(reverse("home"))
    assert response.status_code == 200
    assert f"Trang chủ — {title}" in response.content.decode()
    assert plan.title in response.content.decode()


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_office_home_shows_attention_panel_with_real_counts(org, plan, client_for):
    # Only unit A and unit B have heads; the leadership and office units have none.
    body = client_for(org.users.officer).get(reverse("home")).content.decode()
    assert "2 đơn vị chưa có thủ trưởng trên hệ thống" in body


def test_office_home_shows_the_15_december_deadline_as_written_and_meant(org, plan, client_for, settings):
    import time_machine

    with time_machine.travel("2026-11-27 09:00 +07:00", tick=False):
        body = client_for(org.users.officer).get(reverse("home")).content.decode()
    # "trước ngày 15/12": the 15th is already late, so the last day is the 14th.
    assert "trước ngày 15/12 (hạn cuối 14/12/2026)" in body
    assert "còn 17 ngày" in body
    assert "Giai đoạn 1 (2026–2027)" in body


def test_account_without_role_is_told_whom_to_ask(org, client_for):
    from tests.factories import UserFactory

    body = client_for(UserFactory(username="moi")).get(reverse("home")).content.decode()
    assert "chưa được giao vai trò" in body
