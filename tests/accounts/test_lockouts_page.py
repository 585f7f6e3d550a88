"""The office's page of lockouts, and lifting one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import fail, sign_in
from tests.factories import PersonFactory, UnitFactory, account
from thidua.accounts.models import Lockout
from thidua.core.models import ActivityLog
from thidua.organization.enums import Role, UnitKind

pytestmark = pytest.mark.django_db
PAGE = reverse("lockouts")


@pytest.fixture
def locked_director(org, client):
    fail(client, "giamdoc", 5, ip="203.0.113.9")
    return Lockout.objects.get(username="giamdoc")


@pytest.fixture
def other_office(org):
    """The office officer of another department of the province."""
    agency = UnitFactory(code="STC", name="Sở Tài chính", kind=UnitKind.AGENCY, parent=org.units.province)
    office = UnitFactory(code="STC-VP", name="Văn phòng Sở Tài chính", kind=UnitKind.OFFICE, parent=agency)
    return account("vanphong-stc", PersonFactory(unit=office), (Role.OFFICE, office))


def test_the_office_sees_who_is_locked_by_name_address_and_times(org, client_for, locked_director):
    body = client_for(org.users.officer).get(PAGE).content.decode()
    assert 'data-testid="active-lockouts"' in body
    assert "Nguyễn Khánh Lâm" in body  # the person's name, not the login name
    assert ">giamdoc<" not in body
    assert "203.0.113.9" in body
    assert timezone.localtime(locked_director.started_at).strftime("%H:%M %d/%m/%Y") in body
    assert reverse("lockout_lift", args=[locked_director.pk]) in body and "Mở khóa" in body


def test_the_office_lifts_a_lockout_and_it_is_logged(org, client, client_for, locked_director, password):
    officer = client_for(org.users.officer)
    response = officer.post(reverse("lockout_lift", args=[locked_director.pk]), follow=True)
    assert "Đã mở khóa đăng nhập cho Nguyễn Khánh Lâm từ địa chỉ 203.0.113.9." in response.content.decode()
    locked_director.refresh_from_db()
    assert locked_director.lifted_by == org.users.officer and locked_director.lifted_at is not None
    entry = ActivityLog.objects.filter(object_id=str(locked_director.pk), action="changed").get()
    assert entry.actor == org.users.officer and "lifted_at" in entry.changes
    assert entry.note == "Mở khóa đăng nhập"
    assert sign_in(client, "giamdoc", password, ip="203.0.113.9").status_code == 302


@pytest.mark.parametrize("who", ["staff_a", "head_a", "director", "councillor"])
def test_other_roles_are_refused(org, client_for, locked_director, who):
    client = client_for(getattr(org.users, who))
    assert client.get(PAGE).status_code == 403
    assert client.post(reverse("lockout_lift", args=[locked_director.pk])).status_code == 403
    locked_director.refresh_from_db()
    assert locked_director.lifted_at is None


def test_another_departments_office_neither_sees_nor_lifts(org, client_for, locked_director, other_office):
    client = client_for(other_office)
    body = client.get(PAGE).content.decode()
    assert "Nguyễn Khánh Lâm" not in body and 'data-testid="no-lockouts"' in body
    assert client.post(reverse("lockout_lift", args=[locked_director.pk])).status_code == 404
    locked_director.refresh_from_db()
    assert locked_director.lifted_at is None


def test_the_system_administrator_also_sees_names_that_are_no_account(org, client, verified_client_for, administrator):
    fail(client, "ai-do", 5, ip="203.0.113.50")
    body = verified_client_for(administrator).get(PAGE).content.decode()
    assert "ai-do" in body and "không phải tài khoản" in body
    officer_body = verified_client_for(org.users.officer).get(PAGE).content.decode()
    assert "ai-do" not in officer_body


def test_lifting_needs_a_post(org, client_for, locked_director):
    assert client_for(org.users.officer).get(reverse("lockout_lift", args=[locked_director.pk])).status_code == 405


def test_lifting_an_ended_lockout_changes_nothing(org, client_for, locked_director):

    Lockout.objects.filter(pk=locked_director.pk).update(until=timezone.now())
    response = client_for(org.users.officer).post(reverse("lockout_lift", args=[locked_director.pk]), follow=True)
    assert "Lần khóa này đã hết" in response.content.decode()
    assert not ActivityLog.objects.filter(object_id=str(locked_director.pk), action="changed").exists()


def test_the_page_is_in_the_navigation_of_the_office_only(org, client_for):
    assert PAGE in client_for(org.users.officer).get(reverse("home")).content.decode()
    assert PAGE not in client_for(org.users.staff_a).get(reverse("home")).content.decode()


def test_the_page_runs_a_fixed_number_of_queries_whatever_the_lockouts(org, client, client_for, locked_director):
    office = client_for(org.users.officer)
    office.get(PAGE)
    with CaptureQueriesContext(connection) as one:
        office.get(PAGE)
    for name in ("truongphong", "chuyenvien", "truongphong2", "hoidong"):
        fail(client, name, 5, ip="203.0.113.10")
    with CaptureQueriesContext(connection) as five:
        body = office.get(PAGE).content.decode()
    assert body.count("Mở khóa</button>") == 5
    assert len(five.captured_queries) == len(one.captured_queries)
