"""A round is decided from the lower titles up: a Bằng khen whose CSTĐCS of the year is
met but not yet decided waits for that decision, and the proposal pages and the API show
the order of decision the round needs."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.proposals.conftest import YEAR
from thidua.commendation import services as records
from thidua.core.codes import State
from thidua.proposals import services

pytestmark = pytest.mark.django_db
URL = "/api/v1/proposals/decision-order/"


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _cstdcs_2025(person):
    records.record_award(
        actor=None,
        subject=person,
        code="CSTDCS",
        year=YEAR - 1,
        decision_number="12/QĐ-STP",
        decision_date=datetime.date(2026, 1, 16),
        issuer="Giám đốc Sở Tư pháp",
    )


def test_a_bang_khen_waits_for_the_decision_on_this_years_cstdcs(org, flow):
    staff = org.people.staff_a  # rated HTXSNV in 2026: CSTĐCS 2026 is met, not decided
    _cstdcs_2025(staff)
    bang_khen = flow.create(staff, "BK_TINH", actor=org.users.officer)
    assert bang_khen.verdict == "needs_review"
    waiting = [r for r in bang_khen.verdict_reasons if r["rule"] == "R7" and r["passed"] is None]
    assert "CSTDCS năm 2026 đạt tiêu chuẩn, chưa có quyết định công nhận" in waiting[0]["condition"]

    flow.make(State.DECIDED, staff, "CSTDCS")  # the Director's decision enters the register
    found = services.refresh_verdict(bang_khen)
    assert found.verdict == "eligible"
    titles = next(r for r in found.reasons if r["condition"].startswith("02 lần liên tục CSTDCS"))
    assert titles["passed"] is True
    assert "Đã được tặng CSTDCS năm 2026 (QĐ 01/QĐ-STP, 15/01/2027)" in titles["condition"]


def _round(org, flow, *, first=True):
    if first:
        flow.make(State.SUBMITTED)  # CSTĐCS, staff_a
    flow.make(State.SUBMITTED, org.people.head_a, "LDTT")
    flow.make(State.SUBMITTED, org.units.a, "TTLDTT", files=False)
    flow.create(org.people.head_a, "BK_TINH", actor=org.users.officer)


def test_the_list_shows_the_order_of_decision_of_the_round(org, flow, client_for):
    _round(org, flow)
    page = client_for(org.users.officer).get("/de-nghi-khen-thuong/?year=2026").content.decode()
    assert "Thứ tự quyết định các đề nghị năm 2026" in page
    steps = page.split('data-testid="decision-step" data-awards="')[1:]
    assert [step.split('"')[0] for step in steps] == ["LDTT CSTDCS", "TTLDTT BK_TINH"]
    assert "Giám đốc Sở quyết định" in steps[0] and "Trình Chủ tịch UBND tỉnh" in steps[1]
    # without a year the latest round is shown; another unit's head sees no round
    assert "Thứ tự quyết định các đề nghị năm 2026" in client_for(org.users.officer).get("/de-nghi-khen-thuong/").text
    assert 'data-testid="decision-order"' not in client_for(org.users.head_b).get("/de-nghi-khen-thuong/").text


def test_the_api_serves_the_order_of_decision(org, flow, client_for):
    _round(org, flow)
    client = client_for(org.users.officer)
    body = client.get(URL, {"year": YEAR}).json()
    assert body["year"] == YEAR
    assert [[a["code"] for a in step["awards"]] for step in body["steps"]] == [
        ["LDTT", "CSTDCS"],
        ["TTLDTT", "BK_TINH"],
    ]
    assert [step["step"] for step in body["steps"]] == [1, 2]
    assert body["text"] == (
        "Thứ tự quyết định: 1. Lao động tiên tiến, Chiến sĩ thi đua cơ sở (Giám đốc Sở quyết định). "
        "2. Tập thể lao động tiên tiến (Giám đốc Sở quyết định); Bằng khen của Chủ tịch UBND tỉnh "
        "(Trình Chủ tịch UBND tỉnh)."
    )
    bang_khen = body["steps"][1]["awards"][1]
    assert (bang_khen["route"], bang_khen["after"]) == ("province_chairman", ["CSTDCS"])
    assert client.get(URL).json() == body  # the latest year by default
    assert client.get(URL, {"year": 2025}).json() == {"year": 2025, "text": "", "steps": []}
    assert client_for(org.users.head_b).get(URL).json() == {"year": None, "text": "", "steps": []}


def test_a_bad_year_is_a_400_with_the_range(org, client_for):
    response = client_for(org.users.officer).get(URL, {"year": "2026x"})
    assert response.status_code == 400
    assert "year" in response.json()


def test_the_order_costs_the_same_queries_for_one_award_or_many(org, flow, client_for):
    flow.make(State.SUBMITTED)
    client = client_for(org.users.officer)
    first = _count(client, URL)
    _round(org, flow, first=False)
    assert _count(client, URL) == first


def test_the_order_and_the_missing_decision_read_in_english(org, flow, client_for):
    from django.urls import reverse
    from django.utils import translation

    from thidua.commendation.eligibility.loading import evaluate_subjects

    _cstdcs_2025(org.people.staff_a)
    _round(org, flow)
    client = client_for(org.users.officer)
    with translation.override("vi"):  # the English the requests switch on ends with the test
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
        page = client.get("/de-nghi-khen-thuong/").content.decode()
        assert "Order of decision for the proposals of 2026" in page and "Lower titles are decided first" in page
        with translation.override("en"):
            (result,) = evaluate_subjects(YEAR, [org.people.staff_a], ["BK_TINH"])
    assert "CSTDCS 2026 meets its standard; no decision has awarded it yet" in result.summary
