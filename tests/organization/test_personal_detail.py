"""Personal detail (Nghị định 13/2023): colleagues see a person's name, position, unit and
e-mail; gender, birth date and ethnicity are for the person, the head of their unit, the
office and the director. Each read of them by someone else is logged, and the office sees
who read them on the person's page. The same on the page and in the API."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory, account
from thidua.core.models import ActivityLog
from thidua.organization import rules
from thidua.organization.enums import Role

pytestmark = pytest.mark.django_db
API = "/api/v1/people/"
BIRTH = "17/05/1985"  # every factory person's birth date, as the page writes it


@pytest.fixture
def detailed(org):
    """staff_a with a birth date and an ethnicity worth hiding."""
    person = org.people.staff_a
    person.birth_date, person.ethnicity = datetime.date(1991, 3, 8), "Tày"
    person.save()
    return person


def _page(client, person) -> str:
    response = client.get(reverse("person_detail", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _reads(person) -> list[str]:
    rows = ActivityLog.objects.for_object(person).filter(action=ActivityLog.Action.VIEWED_PERSONAL)
    return [row.actor.username for row in rows.select_related("actor")]


def test_a_colleague_sees_name_position_unit_and_email_but_not_the_personal_detail(org, client_for, detailed):
    detailed.email = "huong@stp.example"
    detailed.position = "Chuyên viên chính"
    detailed.save()
    body = _page(client_for(org.users.head_a), detailed)  # the head sees everything…
    assert "08/03/1991" in body and "Tày" in body
    colleague = account("dongnghiep", PersonFactory(unit=org.units.a), (Role.STAFF, org.units.a))
    body = _page(client_for(colleague), detailed)  # …a colleague of the same unit does not
    assert detailed.full_name in body and "Chuyên viên chính" in body and "huong@stp.example" in body
    assert org.units.a.name in body
    assert "08/03/1991" not in body and "Tày" not in body
    assert ">Ngày sinh</dt>" not in body and ">Giới tính</dt>" not in body and ">Dân tộc</dt>" not in body
    assert 'data-testid="personal-detail-hidden"' in body


def test_staff_do_not_see_their_head_s_birth_date(org, client_for):
    body = _page(client_for(org.users.staff_a), org.people.head_a)
    assert BIRTH not in body and ">Dân tộc</dt>" not in body


@pytest.mark.parametrize("persona", ["head_a", "officer", "director"])
def test_the_head_the_office_and_the_director_see_it(org, client_for, detailed, persona):
    body = _page(client_for(getattr(org.users, persona)), detailed)
    assert "08/03/1991" in body and "Tày" in body and "Nữ" in body


def test_the_council_does_not(org, client_for, detailed):
    assert "08/03/1991" not in _page(client_for(org.users.councillor), detailed)


def test_a_person_sees_their_own_and_it_is_not_logged(org, client_for, detailed):
    assert "08/03/1991" in _page(client_for(org.users.staff_a), detailed)
    assert _reads(detailed) == []


def test_a_read_by_someone_else_is_logged_once_per_view(org, client_for, detailed):
    client = client_for(org.users.head_a)
    _page(client, detailed)
    _page(client, detailed)
    assert _reads(detailed) == ["truongphong", "truongphong"]
    row = ActivityLog.objects.filter(action=ActivityLog.Action.VIEWED_PERSONAL).first()
    assert row.note == reverse("person_detail", args=[detailed.pk])


def test_a_page_without_the_detail_logs_no_read(org, client_for):
    _page(client_for(org.users.staff_a), org.people.head_a)
    assert _reads(org.people.head_a) == []


def test_the_office_sees_who_read_and_others_do_not(org, client_for, detailed):
    _page(client_for(org.users.director), detailed)
    body = _page(client_for(org.users.officer), detailed)
    assert "Ai đã xem thông tin cá nhân" in body
    table = body.split('data-testid="personal-reads"')[1].split("</table>")[0]
    assert "Nguyễn Khánh Lâm" in table and "Hoàng Thị Thu" in table  # the office's own read is listed too
    assert "Ai đã xem" not in _page(client_for(org.users.head_a), detailed)
    assert "Ai đã xem" not in _page(client_for(org.users.director), detailed)


def test_reads_stay_out_of_the_change_history(org, client_for, detailed):
    _page(client_for(org.users.head_a), detailed)
    response = client_for(org.users.director).get(reverse("activity"))
    assert all(row.action != ActivityLog.Action.VIEWED_PERSONAL for row in response.context["page_obj"])


def test_the_person_page_runs_a_fixed_number_of_queries_whatever_the_reads(org, client_for, detailed):
    client = client_for(org.users.officer)
    url = reverse("person_detail", args=[detailed.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for name in ("a1", "a2", "a3", "a4", "a5"):
        user = account(
            name, PersonFactory(unit=org.units.a, full_name=f"Người đọc {name}"), (Role.UNIT_HEAD, org.units.a)
        )
        client_for(user).get(url)
    with CaptureQueriesContext(connection) as after:
        body = client.get(url).content.decode()
    assert "Người đọc a5" in body
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_rule_itself(org):
    users, people = org.users, org.people
    assert rules.can_see_personal_detail(users.staff_a, people.staff_a)
    assert rules.can_see_personal_detail(users.head_a, people.staff_a)
    assert not rules.can_see_personal_detail(users.staff_a, people.head_a)
    assert not rules.can_see_personal_detail(users.head_b, people.staff_a)
    assert not rules.can_see_personal_detail(users.councillor, people.staff_a)
    assert rules.can_see_personal_detail(users.director, people.head_b)
    assert rules.can_see_personal_detail(users.officer, people.staff_b)


# --- The API ---------------------------------------------------------------------------------


def test_the_people_list_gives_no_personal_detail(org, client_for):
    rows = client_for(org.users.officer).get(API).json()["results"]
    assert len(rows) == 7
    assert all("birth_date" not in row and "ethnicity" not in row and "gender" not in row for row in rows)
    assert {"full_name", "position", "unit_name", "email"} <= set(rows[0])


def test_a_colleague_reads_a_person_without_the_detail(org, client_for, detailed):
    body = client_for(org.users.staff_a).get(f"{API}{org.people.head_a.pk}/").json()
    assert body["full_name"] == org.people.head_a.full_name
    assert body["personal_detail"] is None
    assert _reads(org.people.head_a) == []


def test_the_head_reads_the_detail_and_the_read_is_logged(org, client_for, detailed):
    body = client_for(org.users.head_a).get(f"{API}{detailed.pk}/").json()
    assert body["personal_detail"] == {
        "gender": "female",
        "gender_label": "Nữ",
        "birth_date": "1991-03-08",
        "ethnicity": "Tày",
    }
    assert _reads(detailed) == ["truongphong"]


def test_another_unit_s_person_is_404_in_the_api(org, client_for):
    client = client_for(org.users.head_b)
    assert client.get(f"{API}{org.people.staff_a.pk}/").status_code == 404
    assert org.people.staff_a.full_name not in {row["full_name"] for row in client.get(API).json()["results"]}
    assert _reads(org.people.staff_a) == []


def test_the_people_api_runs_a_fixed_number_of_queries(org, client_for):
    client = client_for(org.users.officer)
    client.get(API)
    with CaptureQueriesContext(connection) as before:
        client.get(API)
    PersonFactory.create_batch(15, unit=org.units.b)
    with CaptureQueriesContext(connection) as after:
        assert len(client.get(API).json()["results"]) == 22
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_people_api_is_in_the_schema(org, client_for):
    body = client_for(org.users.officer).get(reverse("api_schema")).content.decode()
    assert "/api/v1/people/{id}/:" in body and "personal_detail" in body
