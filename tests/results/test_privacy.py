"""Work not yet confirmed is personal (Nghị định 13/2023): a colleague of the unit sees a
person's confirmed results only; the person, the unit head, the office and the director
also see what is sent and waiting — on the list, the entry's page, the timelines, the
evidence download and the API alike."""

import pytest
from django.urls import reverse

from tests.factories import PersonFactory, account
from tests.results.conftest import pdf
from thidua.organization.enums import Role
from thidua.results import services

pytestmark = pytest.mark.django_db
API = "/api/v1/results/"


@pytest.fixture
def colleague(org):
    """A second staff member of unit A: staff_a's colleague."""
    return account("dongnghiep", PersonFactory(full_name="Lò Thị Dung", unit=org.units.a), (Role.STAFF, org.units.a))


@pytest.fixture
def entries(org, make_entry):
    """staff_a's entries: one confirmed by the head, one sent and waiting."""
    confirmed = make_entry(title="Đã xác nhận", files=[pdf()])
    services.submit_result(actor=org.users.staff_a, entry=confirmed)
    services.confirm_result(actor=org.users.head_a, entry=confirmed)
    waiting = make_entry(title="Đang chờ xác nhận", files=[pdf("cho.pdf")])
    services.submit_result(actor=org.users.staff_a, entry=waiting)
    return confirmed, waiting


def _listed(client) -> set[str]:
    return {e.title for e in client.get(reverse("results_list")).context["page_obj"]}


def test_a_colleague_sees_confirmed_results_only(org, client_for, entries, colleague):
    confirmed, waiting = entries
    client = client_for(colleague)
    assert _listed(client) == {"Đã xác nhận"}
    assert client.get(reverse("result_detail", args=[confirmed.pk])).status_code == 200
    assert client.get(reverse("result_detail", args=[waiting.pk])).status_code == 404
    timeline = client.get(reverse("results_person_timeline", args=[org.people.staff_a.pk])).content.decode()
    assert "Đã xác nhận" in timeline and "Đang chờ xác nhận" not in timeline
    assert [e["title"] for e in client.get(API).json()["results"]] == ["Đã xác nhận"]
    hidden_file = reverse("evidence_download", args=[waiting.evidence.get().pk])
    assert client.get(hidden_file).status_code == 404


@pytest.mark.parametrize("persona", ["staff_a", "head_a", "officer", "director"])
def test_the_person_the_head_the_office_and_the_director_see_waiting_work(org, client_for, entries, persona):
    client = client_for(getattr(org.users, persona))
    assert _listed(client) == {"Đã xác nhận", "Đang chờ xác nhận"}
    assert client.get(reverse("result_detail", args=[entries[1].pk])).status_code == 200


def test_the_council_judges_confirmed_work_only(org, client_for, entries):
    client = client_for(org.users.councillor)
    assert _listed(client) == {"Đã xác nhận"}
    assert client.get(f"{API}{entries[1].pk}/").status_code == 404


def test_another_unit_sees_neither(org, client_for, entries):
    client = client_for(org.users.head_b)
    assert _listed(client) == set()
    assert client.get(reverse("result_detail", args=[entries[0].pk])).status_code == 404


def test_a_returned_entry_stays_personal(org, client_for, make_entry, colleague):
    entry = make_entry(title="Trả lại")
    services.submit_result(actor=org.users.staff_a, entry=entry)
    services.return_result(actor=org.users.head_a, entry=entry, reason="Thiếu minh chứng")
    assert _listed(client_for(colleague)) == set()
    assert _listed(client_for(org.users.staff_a)) == {"Trả lại"}
