"""The REST API: periods, unit reports in the account's scope with submit, return and
accept through the same services, and the status board."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PersonFactory, UnitFactory
from tests.reports.conftest import filled
from thidua.core.codes import State
from thidua.reports import services
from thidua.reports.enums import PeriodKind
from thidua.reports.models import Submission

pytestmark = pytest.mark.django_db


def test_unit_head_lists_only_own_units_reports(org, client_for, report_a, report_b):
    data = client_for(org.users.head_a).get("/api/v1/unit-reports/").json()
    assert [row["unit_name"] for row in data["results"]] == ["Phòng Phổ biến, giáo dục pháp luật"]
    assert data["results"][0]["state_label"] == "Nháp (chưa gửi)"


def test_another_units_report_answers_404(org, client_for, report_a):
    client = client_for(org.users.head_b)
    assert client.get(f"/api/v1/unit-reports/{report_a.pk}/").status_code == 404
    response = client.post(
        f"/api/v1/unit-reports/{report_a.pk}/submit/", {"content": filled(report_a)}, content_type="application/json"
    )
    assert response.status_code == 404
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT


def test_submit_return_accept_through_the_api(org, client_for, report_a):
    head, office = client_for(org.users.head_a), client_for(org.users.officer)
    url = f"/api/v1/unit-reports/{report_a.pk}/"
    sent = head.post(url + "submit/", {"content": filled(report_a)}, content_type="application/json").json()
    assert sent["state"] == State.SUBMITTED and sent["submitted_at"]
    again = head.post(url + "submit/", {}, content_type="application/json")
    assert again.status_code == 409
    assert again.json()["detail"] == "Không thể chuyển từ «Đã gửi» sang «Đã gửi»."
    returned = office.post(url + "return/", {"reason": "Bổ sung số liệu."}, content_type="application/json").json()
    assert returned["return_reason"] == "Bổ sung số liệu."
    head.post(url + "submit/", {}, content_type="application/json")
    accepted = office.post(url + "accept/").json()
    assert accepted["state"] == State.ACCEPTED
    assert Submission.objects.filter(report=report_a).count() == 2


def test_missing_section_is_a_400_with_the_message(org, client_for, report_a):
    response = client_for(org.users.head_a).post(
        f"/api/v1/unit-reports/{report_a.pk}/submit/",
        {"content": {"indicators": "Không có."}},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Chưa điền phần bắt buộc" in response.json()["detail"]


def test_unit_head_cannot_accept(org, client_for, report_a):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a))
    response = client_for(org.users.head_a).post(f"/api/v1/unit-reports/{report_a.pk}/accept/")
    assert response.status_code == 403
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED


def test_status_board_flags_overdue(org, client_for, report_a, report_b):
    import time_machine

    from tests.reports.conftest import DUE, at

    with time_machine.travel(at(DUE + datetime.timedelta(days=2)), tick=False):
        rows = client_for(org.users.officer).get("/api/v1/report-status/", {"overdue": "1"}).json()["results"]
    assert {row["unit_name"] for row in rows} == {"Phòng Phổ biến, giáo dục pháp luật", "Trung tâm Trợ giúp pháp lý"}
    assert all(row["is_overdue"] for row in rows)
    assert client_for(org.users.staff_a).get("/api/v1/report-status/").status_code == 403


def test_periods_are_listed(org, client_for, period):
    rows = client_for(org.users.staff_a).get("/api/v1/report-periods/").json()["results"]
    assert [(r["title"], r["due_date"], r["office_due_date"]) for r in rows] == [
        ("Báo cáo năm 2026", "2026-11-30", "2026-12-14")
    ]


def _grow(org, plan):
    for n in range(5):
        PersonFactory(unit=UnitFactory(code=f"Y{n}", parent=org.units.agency))
    services.create_period(
        plan=plan, kind=PeriodKind.SIX_MONTHLY, year=2026, due_date=datetime.date(2026, 6, 30), actor=org.users.officer
    )


@pytest.mark.parametrize("url", ["/api/v1/report-periods/", "/api/v1/unit-reports/", "/api/v1/report-status/"])
def test_api_lists_run_a_fixed_number_of_queries(org, client_for, plan, period, url):
    client = client_for(org.users.officer)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    _grow(org, plan)
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert response.json()["count"] > 1
    assert len(after.captured_queries) == len(before.captured_queries)
