"""The self-inspection API: plans, checklists and actions the account may see, overdue
actions on a given day, and the same services as the pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.inspections.conftest import END, START
from thidua.inspections import services

pytestmark = pytest.mark.django_db

PLANS, CHECKLISTS, ACTIONS = (
    "/api/v1/inspection-plans/",
    "/api/v1/inspection-checklists/",
    "/api/v1/inspection-actions/",
)


def test_plans_and_checklists_hold_only_what_the_account_may_see(org, client_for, inspection, checklist_b):
    client = client_for(org.users.head_b)
    plans = client.get(PLANS).json()["results"]
    assert [(p["title"], [i["text"] for i in p["items"]]) for p in plans] == [
        ("Tự kiểm tra quý III/2026", ["Đã quán triệt Kế hoạch", "Ký số văn bản đi", "Bình dân học vụ số"])
    ]
    checklists = client.get(CHECKLISTS).json()["results"]
    assert [(c["unit"], c["state_label"]) for c in checklists] == [(org.units.b.pk, "Nháp (chưa gửi)")]


def test_another_units_checklist_is_404(org, client_for, checklist_a):
    response = client_for(org.users.head_b).get(f"{CHECKLISTS}{checklist_a.pk}/")
    assert response.status_code == 404


def test_a_checklist_reads_with_its_answers_findings_and_actions(org, client_for, checklist_a, action_of):
    services.add_finding(actor=org.users.officer, checklist=checklist_a, text="Chưa ký số đủ", severity="cao")
    action_of(checklist_a)
    data = client_for(org.users.staff_a).get(f"{CHECKLISTS}{checklist_a.pk}/").json()
    assert len(data["answers"]) == 3
    assert data["findings"][0]["severity"] == "cao"
    assert data["actions"][0]["owner_name"] == "Đặng Thị Hương"


def test_overdue_actions_on_a_given_day(org, client_for, checklist_a, checklist_b, action_of):
    action_of(checklist_a, due_on=datetime.date(2026, 10, 15), text="Hạn 15/10")
    action_of(checklist_a, due_on=datetime.date(2026, 12, 31), text="Hạn 31/12")
    action_of(checklist_b, due_on=datetime.date(2026, 10, 1), text="Của B")
    office, head_a = client_for(org.users.officer), client_for(org.users.head_a)
    on_15 = office.get(ACTIONS, {"overdue": "1", "on": "2026-10-15"}).json()["results"]
    on_16 = office.get(ACTIONS, {"overdue": "1", "on": "2026-10-16"}).json()["results"]
    assert [a["text"] for a in on_15] == ["Của B"]
    assert [(a["text"], a["overdue"]) for a in on_16] == [("Của B", True), ("Hạn 15/10", True)]
    assert [a["text"] for a in head_a.get(ACTIONS, {"overdue": "1", "on": "2026-10-16"}).json()["results"]] == [
        "Hạn 15/10"
    ]
    assert office.get(ACTIONS, {"overdue": "1", "on": "16/10/2026"}).status_code == 400


def test_an_action_is_marked_done_through_the_api(org, client_for, checklist_a, action_of):
    action = action_of(checklist_a)
    client = client_for(org.users.staff_a)
    empty = client.post(f"{ACTIONS}{action.pk}/done/", {"note": ""}, content_type="application/json")
    assert empty.status_code == 400 and empty.json() == {"note": ["Hãy ghi kết quả đã thực hiện."]}
    done = client.post(f"{ACTIONS}{action.pk}/done/", {"note": "Đã xong"}, content_type="application/json")
    assert done.json()["done_note"] == "Đã xong"
    again = client.post(f"{ACTIONS}{action.pk}/done/", {"note": "Lần nữa"}, content_type="application/json")
    assert again.status_code == 409
    other = client_for(org.users.head_b).post(
        f"{ACTIONS}{action.pk}/done/", {"note": "x"}, content_type="application/json"
    )
    assert other.status_code == 404


@pytest.mark.parametrize(
    ("url", "params"), [(PLANS, {}), (CHECKLISTS, {}), (ACTIONS, {}), (ACTIONS, {"overdue": "1", "on": "2026-12-01"})]
)
def test_api_lists_run_a_fixed_number_of_queries(
    org, plan, client_for, checklist_a, checklist_b, action_of, url, params
):
    client = client_for(org.users.officer)
    action_of(checklist_a, due_on=datetime.date(2026, 7, 2))
    client.get(url, params)
    with CaptureQueriesContext(connection) as first:
        client.get(url, params)
    for n in range(3):
        services.create_inspection(
            actor=org.users.officer,
            plan=plan,
            title=f"Đợt {n}",
            year=2026,
            starts_on=START,
            ends_on=END,
            units=[org.units.a, org.units.b],
            items=[{"text": "x"}, {"text": "y"}],
        )
        action_of(checklist_a, due_on=datetime.date(2026, 7, 2))
        action_of(checklist_b, due_on=datetime.date(2026, 7, 3))
    with CaptureQueriesContext(connection) as second:
        assert len(client.get(url, params).json()["results"]) > 1
    assert len(second.captured_queries) == len(first.captured_queries)
