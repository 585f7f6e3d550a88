"""The report duty's deadline as the plan words it, the office's form for it, and the
record of where the signed plan was sent and published."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from thidua.core.models import ActivityLog
from thidua.plans.enums import DueWording, SendChannel
from thidua.plans.loading import load_plan
from thidua.plans.models import PlanDispatch
from thidua.reports.deadlines import duty_due_date, next_duty_due

pytestmark = pytest.mark.django_db
TODAY = "2026-05-20 09:00 +07:00"


@pytest.fixture
def plan(org):
    plan = load_plan()[0]
    plan.number, plan.issued_day, plan.issued_month, plan.issued_year = "05", 10, 5, 2026
    plan.save()
    return plan


def test_before_a_day_means_by_the_day_before_and_by_a_day_means_that_day(plan):
    duty = plan.report_duties.get()
    assert duty_due_date(duty, 2026) == datetime.date(2026, 12, 14)
    duty.due_wording = DueWording.BY
    assert duty.deadline_words == "chậm nhất ngày 15/12"
    assert duty_due_date(duty, 2026) == datetime.date(2026, 12, 15)
    duty.due_day, duty.due_month, duty.due_wording = 1, 3, DueWording.BEFORE
    assert duty_due_date(duty, 2028) == datetime.date(2028, 2, 29)


def test_the_next_due_day_moves_to_next_year_once_the_last_day_has_passed(plan):
    duty = plan.report_duties.get()
    assert next_duty_due(duty, datetime.date(2026, 12, 14)) == datetime.date(2026, 12, 14)
    assert next_duty_due(duty, datetime.date(2026, 12, 15)) == datetime.date(2027, 12, 14)


def test_the_plan_page_shows_the_wording_and_its_meaning(org, client_for, plan):
    body = client_for(org.users.staff_a).get(reverse("plan_detail")).content.decode()
    assert "Báo cáo hằng năm trước ngày 15/12 («trước ngày …»: hạn cuối là ngày liền trước) gửi:" in body


def test_the_office_sets_how_the_plan_words_a_duty(org, client_for, plan):
    duty = plan.report_duties.get()
    url = reverse("part_edit", args=[plan.code, "nghia-vu-bao-cao", duty.pk])
    client = client_for(org.users.officer)
    assert 'name="due_wording"' in client.get(url).content.decode()
    data = {
        "number": duty.number,
        "order": duty.order,
        "text": duty.text,
        "recipients": duty.recipients,
        "due_day": 31,
        "due_month": 11,
        "due_wording": DueWording.BY,
    }
    response = client.post(url, data | {"due_day": 31})
    assert "Không có ngày 31/11." in response.content.decode()
    duty.refresh_from_db()
    assert (duty.due_day, duty.due_wording) == (15, DueWording.BEFORE)
    client.post(url, data | {"due_day": 15, "due_month": 12})
    duty.refresh_from_db()
    assert (duty.due_day, duty.due_month, duty.due_wording) == (15, 12, DueWording.BY)
    assert client_for(org.users.head_a).get(url).status_code == 403


def test_the_office_records_sending_and_web_publication(org, client_for, plan):
    client = client_for(org.users.officer)
    url = reverse("plan_dispatches", args=[plan.code])
    site = "Trang Thông tin điện tử Sở Tư pháp (để đăng tải)"
    with time_machine.travel(TODAY, tick=False):
        page = client.get(url).content.decode()
        assert site in page and "Lưu: VT, VP.H." not in page
        missing_url = client.post(url, {"recipient": site, "channel": SendChannel.WEB, "sent_on": "2026-05-12"})
        assert missing_url.status_code == 400
        assert "Hãy nhập địa chỉ trang đã đăng kế hoạch" in missing_url.content.decode()
        assert not PlanDispatch.objects.exists()
        client.post(
            url,
            {
                "recipient": site,
                "channel": SendChannel.WEB,
                "sent_on": "2026-05-12",
                "url": "https://sotuphap.tuyenquang.gov.vn/ke-hoach-05",
            },
        )
        client.post(
            url,
            {"recipient": "UBND tỉnh", "channel": SendChannel.EDOC, "sent_on": "2026-05-11", "reference": "H60-1"},
        )
        early = client.post(url, {"recipient": "Sở Nội vụ", "channel": SendChannel.EDOC, "sent_on": "2026-05-09"})
        assert "không thể trước ngày ban hành kế hoạch (10/05/2026)" in early.content.decode()
        page = client.get(url).content.decode()
    published, sent = PlanDispatch.objects.order_by("sent_on").reverse()
    assert (published.url, published.recorded_by, published.is_publication) == (
        "https://sotuphap.tuyenquang.gov.vn/ke-hoach-05",
        org.users.officer,
        True,
    )
    assert (sent.recipient, sent.reference, sent.is_publication) == ("UBND tỉnh", "H60-1", False)
    assert 'href="https://sotuphap.tuyenquang.gov.vn/ke-hoach-05"' in page and "12/05/2026" in page
    assert ActivityLog.objects.filter(content_type__model="plandispatch").count() == 2


def test_only_the_office_sees_the_dispatch_page(org, client_for, plan):
    url = reverse("plan_dispatches", args=[plan.code])
    for user in (org.users.head_a, org.users.staff_a, org.users.director):
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, {"recipient": "UBND tỉnh"}).status_code == 403
    assert not PlanDispatch.objects.exists()


def test_no_dispatch_before_the_plan_has_its_number(org, client_for, plan):
    plan.number = ""
    plan.save()
    with time_machine.travel(TODAY, tick=False):
        response = client_for(org.users.officer).post(
            reverse("plan_dispatches", args=[plan.code]),
            {"recipient": "UBND tỉnh", "channel": SendChannel.EDOC, "sent_on": "2026-05-12"},
        )
    assert "Hãy nhập số và ngày ban hành của kế hoạch trước khi ghi nhận" in response.content.decode()
    assert not PlanDispatch.objects.exists()


def test_the_dispatch_page_runs_a_fixed_number_of_queries(org, client_for, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(org.users.officer)
    url = reverse("plan_dispatches", args=[plan.code])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    def sent(recipient: str, user) -> PlanDispatch:
        return PlanDispatch.objects.create(
            plan=plan,
            recipient=recipient,
            channel=SendChannel.EDOC,
            sent_on=datetime.date(2026, 5, 12),
            recorded_by=user,
        )

    sent("UBND tỉnh", org.users.officer)
    before = queries()
    for recipient, user in (("Sở Nội vụ", org.users.director), ("Giám đốc Sở", org.users.head_a)):
        sent(recipient, user)
    assert queries() == before
