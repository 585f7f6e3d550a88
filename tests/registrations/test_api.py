"""The registrations API: what each account reads, the actions through the same
services, and the query count of the list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PersonFactory
from tests.registrations.conftest import commitments_for
from thidua.core.codes import State
from thidua.organization.models import Unit
from thidua.registrations import services

pytestmark = pytest.mark.django_db

LIST = "/api/v1/registrations/"


def _detail(registration, action: str = "") -> str:
    return f"{LIST}{registration.pk}/{action + '/' if action else ''}"


def test_head_lists_the_unit_registration_with_people(draft, unit_b_draft, org, client_for):
    data = client_for(org.users.head_a).get(LIST).json()
    assert data["count"] == 1
    item = data["results"][0]
    assert (item["unit_code"], item["title"], item["state"]) == ("PBGD", "TTLDXS", "draft")
    assert item["state_label"] == "Nháp (chưa gửi)"
    assert [c["content_area"] for c in item["commitments"]] == ["1", "2", "3", "4", "5"]
    assert [(p["full_name"], p["title"]) for p in item["people"]] == [("Đặng Thị Hương", "LDTT")]


def test_staff_reads_only_their_own_row(draft, org, client_for):
    services.save_person_registration(
        registration=draft, person=org.people.head_a, title="CSTDCS", commitments="Sáng kiến", actor=org.users.head_a
    )
    item = client_for(org.users.staff_a).get(_detail(draft)).json()
    assert [p["full_name"] for p in item["people"]] == ["Đặng Thị Hương"]


def test_head_of_b_cannot_read_unit_a(draft, org, client_for):
    client = client_for(org.users.head_b)
    response = client.get(_detail(draft))
    assert response.status_code == 404
    assert "Cam kết" not in response.content.decode()
    assert client.get(LIST).json()["count"] == 0
    assert client.post(_detail(draft, "submit")).status_code == 404


def test_office_lists_every_unit_and_filters(draft, unit_b_draft, org, client_for):
    client = client_for(org.users.officer)
    assert {r["unit_code"] for r in client.get(LIST + "?year=2026").json()["results"]} == {"PBGD", "TGPL"}
    services.submit_registration(registration=draft, actor=org.users.head_a)
    assert [r["unit_code"] for r in client.get(LIST + "?state=submitted").json()["results"]] == ["PBGD"]
    assert client.get(LIST + "?year=2027").json()["count"] == 0


def test_list_query_count_is_fixed(draft, org, plan, areas, client_for):
    client = client_for(org.users.officer)
    with CaptureQueriesContext(connection) as before:
        client.get(LIST)
    for n in range(5):
        unit = Unit.objects.create(code=f"Y{n}", name=f"Đơn vị thêm {n}", parent=org.units.agency)
        # Rows written by the system (actor None), as the demo loader writes them.
        registration = services.open_registration(plan=plan, year=2026, unit=unit, actor=None)
        services.save_unit_registration(
            registration=registration, title="TTLDTT", actor=None, commitments=commitments_for(areas)
        )
        services.save_person_registration(
            registration=registration,
            person=PersonFactory(unit=unit),
            title="LDTT",
            commitments="x",
            actor=None,
        )
    with CaptureQueriesContext(connection) as after:
        data = client.get(LIST).json()
    assert data["count"] == 6
    assert len(after.captured_queries) == len(before.captured_queries)


def test_head_submits_and_the_office_returns_then_accepts(draft, org, client_for):
    response = client_for(org.users.head_a).post(_detail(draft, "submit"))
    assert response.json()["state"] == "submitted"
    assert response.json()["submitted_by"] == "truongphong"
    office = client_for(org.users.officer)
    response = office.post(
        _detail(draft, "return"), {"reason": "thiếu cam kết ở nội dung 5"}, content_type="application/json"
    )
    assert (response.json()["state"], response.json()["return_reason"]) == ("returned", "thiếu cam kết ở nội dung 5")
    client_for(org.users.head_a).post(_detail(draft, "submit"))
    assert office.post(_detail(draft, "accept")).json()["state"] == "accepted"


def test_second_submit_is_a_conflict_with_the_reason(draft, org, client_for):
    client = client_for(org.users.head_a)
    client.post(_detail(draft, "submit"))
    response = client.post(_detail(draft, "submit"))
    assert response.status_code == 409
    assert "đang ở trạng thái «Đã gửi»" in response.json()["detail"]
    assert draft.history().filter(action="transition").count() == 1


def test_submit_with_a_missing_commitment_is_refused(plan, org, areas, window, client_for):
    registration = services.open_registration(plan=plan, year=2026, unit=org.units.a, actor=org.users.head_a)
    services.save_unit_registration(
        registration=registration, title="TTLDTT", actor=org.users.head_a, commitments=commitments_for(areas, skip="4")
    )
    response = client_for(org.users.head_a).post(_detail(registration, "submit"))
    assert response.status_code == 409
    assert "Chưa có cam kết ở nội dung: 4. " in response.json()["detail"]


def test_return_without_reason_is_refused(submitted, org, client_for):
    response = client_for(org.users.officer).post(
        _detail(submitted, "return"), {"reason": ""}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "Hãy ghi lý do trả lại" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_only_the_office_accepts(submitted, org, client_for):
    for user in (org.users.head_a, org.users.staff_a):
        response = client_for(user).post(_detail(submitted, "accept"))
        assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_staff_cannot_submit_the_unit(draft, org, client_for):
    response = client_for(org.users.staff_a).post(_detail(draft, "submit"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_schema_covers_the_endpoints(org, client_for):
    import yaml

    schema = yaml.safe_load(client_for(org.users.officer).get("/api/v1/schema/").content)
    paths = schema["paths"]
    for path in (
        "/api/v1/registrations/",
        "/api/v1/registrations/{id}/",
        "/api/v1/registrations/{id}/submit/",
        "/api/v1/registrations/{id}/accept/",
        "/api/v1/registrations/{id}/return/",
    ):
        assert path in paths
    assert "reason" in str(schema["components"]["schemas"]["RegistrationReturn"])
