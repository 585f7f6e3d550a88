"""The plan's own number and date: entered once by the office, cited by every document
that names the plan; while unknown, documents name it without a blank number and the
issuing screens warn."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from thidua.core.models import ActivityLog
from thidua.plans.loading import load_plan
from thidua.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return load_plan()[0]


def test_an_unnumbered_plan_is_cited_without_a_blank_number(plan):
    assert not plan.is_numbered
    assert plan.citation == "Kế hoạch"


def test_a_numbered_plan_is_cited_with_its_number_and_date(plan):
    plan.number, plan.issued_day, plan.issued_month, plan.issued_year = "5", 10, 1, 2026
    assert plan.is_numbered
    assert plan.citation == "Kế hoạch số 05/KH-STP ngày 10/01/2026"


def test_a_number_without_a_whole_date_is_not_cited(plan):
    plan.number, plan.issued_day, plan.issued_month = "5", None, 1
    assert plan.citation == "Kế hoạch"
    plan.issued_day, plan.issued_month = 31, 2  # no such day
    assert plan.issued_on is None and plan.citation == "Kế hoạch"


def test_the_office_enters_the_number_and_date_once(org, client_for, plan):
    client = client_for(org.users.officer)
    detail = client.get(reverse("plan_detail_code", args=[plan.code])).content.decode()
    assert 'data-testid="plan-number-warning"' in detail
    response = client.post(reverse("plan_number", args=[plan.code]), {"number": "5", "date": "10/01/2026"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.number, plan.issued_on) == ("05", datetime.date(2026, 1, 10))
    assert ActivityLog.objects.for_object(plan).latest("at").changes["number"] == ["", "05"]
    detail = client.get(reverse("plan_detail_code", args=[plan.code])).content.decode()
    assert 'data-testid="plan-number-warning"' not in detail


def test_a_bad_number_or_a_future_date_is_refused_and_kept(org, client_for, plan):
    client = client_for(org.users.officer)
    response = client.post(reverse("plan_number", args=[plan.code]), {"number": "05a", "date": "10/01/2099"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ngày ban hành không thể là ngày trong tương lai" in page
    assert 'value="05a"' in page
    assert not Plan.objects.get(pk=plan.pk).number


def test_only_the_office_enters_the_plans_number(org, client_for, plan):
    for user in (org.users.director, org.users.head_a, org.users.staff_a):
        response = client_for(user).post(
            reverse("plan_number", args=[plan.code]), {"number": "5", "date": "10/01/2026"}
        )
        assert response.status_code == 403
    assert not Plan.objects.get(pk=plan.pk).number


def test_the_decision_screen_warns_while_the_plan_has_no_number(org, client_for, plan):
    client = client_for(org.users.director)
    page = client.get(reverse("decision_issue")).content.decode()
    assert 'data-testid="plan-number-warning"' in page
    Plan.objects.filter(pk=plan.pk).update(number="05", issued_day=10, issued_month=1)
    page = client.get(reverse("decision_issue")).content.decode()
    assert 'data-testid="plan-number-warning"' not in page


def test_the_decision_screen_proposes_the_next_free_number(org, client_for, plan):
    from thidua.outgoing.numbering import record_outside

    today = timezone.localdate()
    record_outside(actor=None, agency=plan.issuer, doc_type="QĐ", number=9, on=today, subject="Quyết định trên sổ giấy")
    page = client_for(org.users.director).get(reverse("decision_issue")).content.decode()
    assert "Để trống để lấy số tiếp theo còn trống: 10/QĐ-STP." in page


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_the_review_report_cites_the_plan_by_its_number_once_known(org, plan):
    from thidua.reviews.review_report_docx import ReviewReportDocx

    class Review:
        plan = None
        phase = None
        kind = "mid_term"
        year = 2027
        review_date = datetime.date(2027, 12, 15)

    review = Review()
    review.plan, review.phase = plan, plan.phases.first()
    document = ReviewReportDocx(review, {}, [])
    assert "thực hiện Kế hoạch về triển khai" in document._opening()
    assert "số  /" not in document._opening() and "/KH-STP" not in document._opening()
    plan.number, plan.issued_day, plan.issued_month, plan.issued_year = "05", 10, 1, 2026
    assert "thực hiện Kế hoạch số 05/KH-STP ngày 10/01/2026 về triển khai" in document._opening()
