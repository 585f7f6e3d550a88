"""The reviews API: reviews with their frozen figures (a unit's rows only for those who
may see the unit) and the comparison; fixed query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.reviews.conftest import _indicator, phase
from thidua.reviews import services

pytestmark = pytest.mark.django_db
REVIEWS = "/api/v1/reviews/"


def test_reviews_are_listed_with_the_figures_one_may_see(org, client_for, frozen):
    review = client_for(org.users.head_b).get(REVIEWS).json()["results"][0]
    assert (review["kind"], review["year"], review["review_date"]) == ("mid_term", 2027, "2027-06-30")
    units = {row["unit_name"] for row in review["figures"]}
    assert units == {"", "Trung tâm Trợ giúp pháp lý"}
    department = next(r for r in review["figures"] if r["unit"] is None and r["label"].startswith("KY-SO"))
    assert (department["value"], department["period_year"], department["period_quarter"]) == ("94.00", 2027, 2)
    office = client_for(org.users.officer).get(f"{REVIEWS}{review['id']}/").json()
    assert "Phòng Phổ biến, giáo dục pháp luật" in {row["unit_name"] for row in office["figures"]}


def test_the_comparison_endpoint(org, client_for, frozen, share):
    rows = client_for(org.users.staff_a).get(f"{REVIEWS}comparison/").json()
    line = next(r for r in rows if r["code"] == "KY-SO")
    assert line["baseline"] == "72.00" and line["baseline_year"] == 2025
    assert line["mid_term"] == {
        "value": "94.00",
        "change": "22.00",
        "better": True,
        "target": None,
        "reached": None,
        "verdict": "Tăng so với năm gốc; chưa có chỉ tiêu để đối chiếu",
    }
    assert line["final"] == {
        "value": None,
        "change": None,
        "better": None,
        "target": None,
        "reached": None,
        "verdict": "Chưa có số liệu",
    }


def test_the_api_needs_an_account(frozen, client):
    assert client.get(REVIEWS).status_code == 403


@pytest.mark.parametrize("url", [REVIEWS, f"{REVIEWS}comparison/"])
def test_review_lists_run_a_fixed_number_of_queries(org, client_for, plan, frozen, url):
    client = client_for(org.users.officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for n in range(3):
        _indicator(plan, f"CT-{n}", "3", name=f"Chỉ tiêu {n}", unit_of_measure="lần", baseline_value=1)
    services.schedule_review(
        actor=org.users.officer, phase=phase(plan, "final"), review_date=datetime.date(2030, 12, 1)
    )
    assert count() == before
