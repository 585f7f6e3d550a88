"""The reviews pages: the explanation of what will be frozen and when, the office's date
and freeze (refusals shown, typed date kept), a frozen review for the department and
for a unit (another unit's page is a 404), the comparison, the attached proposals, and
fixed query counts."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.reviews.conftest import _indicator, phase
from thidua.core.codes import CommendationKind
from thidua.proposals import services as proposals
from thidua.reviews import links, services
from thidua.reviews.models import Review, ReviewSnapshot

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return response.content.decode()


def test_the_page_explains_when_the_mid_term_review_falls_and_what_it_freezes(org, client_for, plan, share):
    page = _body(client_for(org.users.staff_a).get(reverse("reviews_home")))
    assert "Sơ kết 2027" in page and "Tổng kết 2030" in page
    assert "Kỳ này diễn ra trong năm 2027; Văn phòng Sở chưa đặt ngày chốt số liệu." in page
    assert "giá trị của 1 chỉ tiêu, lấy theo quý gần nhất đã kết thúc trước ngày chốt" in page
    assert "số kết quả đã ghi nhận theo 5 nội dung thi đua" in page
    assert "Số liệu đã chốt không thay đổi nữa" in page
    assert "Đặt ngày chốt số liệu" not in page  # staff only read


def test_the_office_sets_the_date(org, client_for, plan):
    mid = phase(plan)
    client = client_for(org.users.officer)
    client.post(reverse("review_schedule", args=[mid.pk]), {f"p{mid.pk}-review_date": "30/06/2027"})
    assert Review.objects.get().review_date == datetime.date(2027, 6, 30)
    page = _body(client.get(reverse("reviews_home")))
    assert "Ngày chốt số liệu: 30/06/2027. Chỉ tiêu sẽ lấy theo quý 2/2027." in page


def test_a_date_outside_the_review_year_is_refused_and_kept(org, client_for, plan):
    mid = phase(plan)
    page = _body(
        client_for(org.users.officer).post(
            reverse("review_schedule", args=[mid.pk]), {f"p{mid.pk}-review_date": "2026-12-15"}
        )
    )
    assert "Ngày 15/12/2026 không thuộc năm 2027 của kỳ sơ kết" in page
    assert 'value="2026-12-15"' in page
    assert not Review.objects.exists()


def test_only_the_office_sets_and_freezes(org, client_for, plan, review):
    client = client_for(org.users.head_a)
    mid = phase(plan)
    assert (
        client.post(reverse("review_schedule", args=[mid.pk]), {f"p{mid.pk}-review_date": "01/07/2027"}).status_code
        == 403
    )
    with time_machine.travel(datetime.datetime(2027, 7, 1, 9, 0), tick=False):
        client = client_for(org.users.head_a)  # signed in again: a session does not last a year
        assert client.post(reverse("review_freeze", args=[review.pk])).status_code == 403
    review.refresh_from_db()
    assert review.review_date == datetime.date(2027, 6, 30) and not review.is_frozen


def test_freezing_before_the_date_or_twice_is_refused_with_a_message(org, client_for, review, values):
    client = client_for(org.users.officer)
    early = _body(client.post(reverse("review_freeze", args=[review.pk]), follow=True))
    assert "Chưa đến ngày chốt số liệu (30/06/2027)" in early and not ReviewSnapshot.objects.exists()
    with time_machine.travel(datetime.datetime(2027, 7, 1, 9, 0), tick=False):
        client = client_for(org.users.officer)
        done = _body(client.post(reverse("review_freeze", args=[review.pk]), follow=True))
        count = ReviewSnapshot.objects.count()
        again = _body(client.post(reverse("review_freeze", args=[review.pk]), follow=True))
    assert f"Đã chốt {count} số liệu của sơ kết 2027" in done
    assert "Số liệu sơ kết 2027 đã được chốt lúc 16:00 01/07/2027; số liệu chỉ chốt một lần" in again
    assert ReviewSnapshot.objects.count() == count


def test_a_frozen_review_shows_the_department_and_the_units_one_may_see(org, client_for, frozen):
    page = _body(client_for(org.users.head_b).get(reverse("review_detail", args=[frozen.pk])))
    assert "KY-SO — Tỷ lệ văn bản đi được ký số" in page and "quý 2/2027" in page
    assert reverse("review_unit", args=[frozen.pk, org.units.b.pk]) in page
    assert reverse("review_unit", args=[frozen.pk, org.units.a.pk]) not in page
    assert client_for(org.users.head_b).get(reverse("review_unit", args=[frozen.pk, org.units.a.pk])).status_code == 404
    own = _body(client_for(org.users.head_a).get(reverse("review_unit", args=[frozen.pk, org.units.a.pk])))
    assert '<td class="text-end">98</td>' in own


def test_the_comparison_page(org, client_for, frozen):
    page = _body(client_for(org.users.staff_a).get(reverse("reviews_comparison")))
    assert '<td class="text-end">72 <span class="small text-secondary">(2025)</span></td>' in page
    assert "94" in page and "chưa chốt" in page
    assert 'data-testid="verdict">Tăng so với năm gốc; chưa có chỉ tiêu để đối chiếu</span>' in page


def test_the_proposals_attached_to_the_review(org, client_for, plan, frozen):
    proposal = proposals.create_proposal(
        actor=org.users.head_a, subject=org.units.a, award_code="BK_TINH", year=2027, kind=CommendationKind.CHUYEN_DE
    )
    proposals.create_proposal(actor=org.users.head_a, subject=org.people.staff_a, award_code="GK", year=2026)
    page = _body(client_for(org.users.officer).get(reverse("review_detail", args=[frozen.pk])))
    assert page.count('data-testid="review-proposal"') == 0  # a draft is not sent yet: the office does not see it
    own = _body(client_for(org.users.head_a).get(reverse("review_detail", args=[frozen.pk])))
    assert own.count('data-testid="review-proposal"') == 1
    assert reverse("proposal_detail", args=[proposal.pk]) in own
    assert links.review_proposals(frozen)[0] == [proposal]


def test_without_a_proposal_model_the_review_says_so(org, client_for, frozen, monkeypatch):
    monkeypatch.setattr(links, "_proposal_model", lambda: None)
    page = _body(client_for(org.users.officer).get(reverse("review_detail", args=[frozen.pk])))
    assert "chức năng đề nghị khen thưởng chưa sẵn sàng" in page
    assert links.review_proposals(frozen) == ([], links.review_proposals(frozen)[1])


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["reviews_home", "reviews_comparison", "review_detail"])
def test_review_pages_run_a_fixed_number_of_queries(org, client_for, plan, frozen, name):
    client = client_for(org.users.officer)
    url = reverse(name, args=[frozen.pk] if name == "review_detail" else [])
    before = _queries(client, url)
    for n in range(3):
        _indicator(plan, f"CT-{n}", "3", name=f"Chỉ tiêu {n}", unit_of_measure="lần", baseline_value=1)
    final = phase(plan, "final")
    services.schedule_review(actor=org.users.officer, phase=final, review_date=datetime.date(2030, 12, 1))
    assert _queries(client, url) == before


def test_the_office_writes_the_report_texts_and_others_may_not(org, client_for, review):
    url = reverse("review_texts", args=[review.pk])
    body = client_for(org.users.officer).get(reverse("review_detail", args=[review.pk])).content.decode()
    assert 'data-testid="review-texts"' in body
    answer = client_for(org.users.officer).post(
        url, {"strengths": "  Lãnh đạo chỉ đạo sát sao.\n\n", "lessons": "Gắn thi đua với chuyên môn."}
    )
    assert answer.status_code == 302
    saved = Review.objects.get(pk=review.pk)
    assert (saved.strengths, saved.lessons, saved.shortcomings) == (
        "Lãnh đạo chỉ đạo sát sao.",
        "Gắn thi đua với chuyên môn.",
        "",
    )
    assert client_for(org.users.head_a).post(url, {"strengths": "Sửa"}).status_code == 403
    head_page = client_for(org.users.head_a).get(reverse("review_detail", args=[review.pk])).content.decode()
    assert 'data-testid="review-texts"' not in head_page
    assert Review.objects.get(pk=review.pk).strengths == "Lãnh đạo chỉ đạo sát sao."
