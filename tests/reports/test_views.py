"""The pages: writing and sending a unit report (saved is never mistaken for sent), the
office's return, accept and reminders, the board, the calendar, and who sees what."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory
from tests.reports.conftest import DUE, filled
from thidua.core.codes import State
from thidua.plans.models import Plan
from thidua.reports import services
from thidua.reports.enums import PeriodKind
from thidua.reports.models import ReportingPeriod, Submission, UnitReport

pytestmark = pytest.mark.django_db


def area_field(report) -> str:
    return f"area_{report.period.plan.content_areas.order_by('order').first().pk}"


def test_unit_head_saves_a_draft_and_is_told_it_is_not_sent(org, client_for, report_a):
    client = client_for(org.users.head_a)
    response = client.post(
        reverse("unit_report_detail", args=[report_a.pk]),
        {area_field(report_a): "- Tập huấn chuyển đổi số.", "action": "save"},
        follow=True,
    )
    body = response.content.decode()
    assert "Đã lưu nháp. Báo cáo CHƯA được gửi" in body
    assert 'data-testid="state-banner" data-state="draft"' in body
    assert "Nháp (chưa gửi)" in body and "Lưu nháp (chưa gửi)" in body and "Gửi báo cáo" in body
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT
    assert "- Tập huấn chuyển đổi số." in report_a.content["results"].values()


def test_sending_with_a_missing_section_keeps_what_was_typed_and_saves_nothing(org, client_for, report_a):
    client = client_for(org.users.head_a)
    response = client.post(
        reverse("unit_report_detail", args=[report_a.pk]),
        {area_field(report_a): "- Kết quả đã gõ.", "action": "submit"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Chưa điền phần bắt buộc: Khó khăn, vướng mắc và đề xuất, kiến nghị." in body
    assert "- Kết quả đã gõ." in body
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT and report_a.content == {}
    assert not Submission.objects.exists()


def test_sending_shows_it_was_sent_and_the_form_is_gone(org, client_for, report_a):
    client = client_for(org.users.head_a)
    response = client.post(
        reverse("unit_report_detail", args=[report_a.pk]),
        {area_field(report_a): "- Kết quả.", "difficulties": "Thiếu máy quét.", "action": "submit"},
        follow=True,
    )
    body = response.content.decode()
    assert "Văn phòng Sở đã nhận được" in body
    assert 'data-state="submitted"' in body
    assert 'data-testid="report-form"' not in body
    assert "Thiếu máy quét." in body


def test_a_second_click_on_send_is_told_it_is_already_sent(org, client_for, report_a):
    client = client_for(org.users.head_a)
    url = reverse("unit_report_detail", args=[report_a.pk])
    data = {area_field(report_a): "- Kết quả.", "difficulties": "Không có.", "action": "submit"}
    client.post(url, data)
    response = client.post(url, data, follow=True)
    assert 'data-state="submitted"' in response.content.decode()
    assert Submission.objects.filter(report=report_a).count() == 1


def test_the_office_returns_with_a_reason_the_unit_sees_it(org, client_for, report_a):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a))
    office = client_for(org.users.officer)
    office.post(reverse("unit_report_return", args=[report_a.pk]), {"reason": "Thiếu số liệu chỉ tiêu."})
    body = client_for(org.users.head_a).get(reverse("unit_report_detail", args=[report_a.pk])).content.decode()
    assert 'data-state="returned"' in body
    assert "Thiếu số liệu chỉ tiêu." in body
    assert 'data-testid="report-form"' in body  # editable again


def test_return_without_reason_is_refused(org, client_for, report_a):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a))
    response = client_for(org.users.officer).post(
        reverse("unit_report_return", args=[report_a.pk]), {"reason": ""}, follow=True
    )
    assert "Hãy ghi lý do trả lại" in response.content.decode()
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED


def test_accepted_report_is_read_only_and_edits_are_refused(org, client_for, report_a):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a, results="- Đã gửi."))
    client_for(org.users.officer).post(reverse("unit_report_accept", args=[report_a.pk]))
    head = client_for(org.users.head_a)
    url = reverse("unit_report_detail", args=[report_a.pk])
    body = head.get(url).content.decode()
    assert 'data-state="accepted"' in body and 'data-testid="report-form"' not in body
    head.post(url, {area_field(report_a): "- Sửa sau khi tiếp nhận.", "action": "save"})
    report_a.refresh_from_db()
    assert "- Đã gửi." in report_a.content["results"].values()


def test_unit_head_cannot_return_or_accept(org, client_for, report_a):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a))
    client = client_for(org.users.head_a)
    assert client.post(reverse("unit_report_accept", args=[report_a.pk])).status_code == 403
    assert client.post(reverse("unit_report_return", args=[report_a.pk]), {"reason": "x"}).status_code == 403
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED


def test_another_units_report_is_not_found(org, client_for, report_a):
    client = client_for(org.users.head_b)
    assert client.get(reverse("unit_report_detail", args=[report_a.pk])).status_code == 404
    response = client.post(
        reverse("unit_report_detail", args=[report_a.pk]), {area_field(report_a): "- Chen vào.", "action": "save"}
    )
    assert response.status_code == 404
    report_a.refresh_from_db()
    assert report_a.content == {}


def test_staff_reads_own_units_report_but_cannot_write_it(org, client_for, report_a):
    body = client_for(org.users.staff_a).get(reverse("unit_report_detail", args=[report_a.pk])).content.decode()
    assert 'data-testid="report-content"' in body and 'data-testid="report-form"' not in body


def test_office_opens_a_period_from_the_form(org, client_for, plan):
    response = client_for(org.users.officer).post(
        reverse("report_period_create"),
        {
            "kind": PeriodKind.SIX_MONTHLY,
            "year": 2027,
            "title": "",
            "due_date": "2027-06-30",
            "required_sections": ["results"],
            "units": [org.units.a.pk],
        },
        follow=True,
    )
    period = ReportingPeriod.objects.get(year=2027)
    assert period.title == "Báo cáo 6 tháng 2027"
    assert list(period.unit_reports.values_list("unit__code", flat=True)) == ["PBGD"]
    assert "Đã mở kỳ báo cáo «Báo cáo 6 tháng 2027» cho 1 đơn vị." in response.content.decode()


def test_period_form_errors_keep_the_input_and_save_nothing(org, client_for, plan):
    response = client_for(org.users.officer).post(
        reverse("report_period_create"),
        {
            "kind": PeriodKind.ANNUAL,
            "year": 2027,
            "title": "Báo cáo năm thử",
            "due_date": "2027-12-20",
            "units": [org.units.a.pk],
        },
    )
    body = response.content.decode()
    assert "Hạn nộp của các đơn vị phải trước hạn Văn phòng Sở gửi báo cáo (14/12/2027)." in body
    assert 'value="Báo cáo năm thử"' in body and 'value="2027-12-20"' in body
    assert not ReportingPeriod.objects.exists()


def test_only_the_office_opens_or_edits_periods(org, client_for, period):
    client = client_for(org.users.head_a)
    assert client.get(reverse("report_period_create")).status_code == 403
    assert (
        client.post(
            reverse("report_period_edit", args=[period.pk]), {"title": "x", "due_date": "2026-11-01"}
        ).status_code
        == 403
    )
    period.refresh_from_db()
    assert period.due_date == DUE


def test_office_moves_the_due_date(org, client_for, period):
    client_for(org.users.officer).post(
        reverse("report_period_edit", args=[period.pk]),
        {
            "title": period.title,
            "due_date": "2026-11-25",
            "office_due_date": "2026-12-15",
            "required_sections": ["results", "difficulties"],
        },
    )
    period.refresh_from_db()
    assert period.due_date == datetime.date(2026, 11, 25)


def test_board_shows_late_and_overdue_at_a_glance(org, client_for, report_a, report_b):
    from tests.reports.conftest import at

    services.submit_report(
        report=report_b, actor=org.users.head_b, content=filled(report_b), at=at(DUE + datetime.timedelta(days=1))
    )
    import time_machine

    with time_machine.travel(at(DUE + datetime.timedelta(days=3)), tick=False):
        body = (
            client_for(org.users.officer)
            .get(reverse("report_period_detail", args=[report_a.period_id]))
            .content.decode()
        )
    row_a = body.split('data-testid="board-row-PBGD"')[1].split("</tr>")[0]
    row_b = body.split('data-testid="board-row-TGPL"')[1].split("</tr>")[0]
    assert "Quá hạn" in row_a and 'data-testid="remind-PBGD"' in row_a
    assert "Nộp muộn" in row_b and "remind-TGPL" not in row_b
    assert "1 đơn vị quá hạn" in body


def test_office_reminds_from_the_board(org, client_for, report_a, with_emails, mailoutbox):
    response = client_for(org.users.officer).post(
        reverse("unit_report_remind", args=[report_a.pk]), {"next": reverse("report_status_board")}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("report_status_board")
    assert "Đã nhắc Phòng Phổ biến, giáo dục pháp luật (1 người nhận)." in response.content.decode()
    assert [m.to for m in mailoutbox] == [["truongphong@stp.tuyenquang.gov.vn"]]


def test_head_cannot_remind(org, client_for, report_a, mailoutbox):
    assert client_for(org.users.head_a).post(reverse("unit_report_remind", args=[report_a.pk])).status_code == 403
    assert mailoutbox == []


def test_head_of_b_sees_only_b_on_the_board(org, client_for, report_a, report_b):
    body = client_for(org.users.head_b).get(reverse("report_status_board")).content.decode()
    assert "board-row-TGPL" in body and "board-row-PBGD" not in body


def test_staff_has_no_board(org, client_for, period):
    assert client_for(org.users.staff_a).get(reverse("report_status_board")).status_code == 403


def test_my_unit_reports_and_calendar(org, client_for, report_a):
    client = client_for(org.users.head_a)
    body = client.get(reverse("my_unit_reports")).content.decode()
    assert "board-row-PBGD" in body and "board-row-TGPL" not in body
    calendar = client.get(reverse("report_calendar")).content.decode()
    assert "30/11/2026" in calendar and "14/12/2026" in calendar
    assert "Hạn các đơn vị nộp Báo cáo năm 2026" in calendar


def test_owner_is_changed_by_the_head(org, client_for, report_a):
    client_for(org.users.head_a).post(
        reverse("unit_report_owner", args=[report_a.pk]), {"owner": org.people.staff_a.pk}
    )
    report_a.refresh_from_db()
    assert report_a.owner == org.people.staff_a


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _more_units_and_periods(org, plan):
    for n in range(6):
        unit = UnitFactory(code=f"X{n}", parent=org.units.agency)
        PersonFactory(unit=unit)
    for kind, due in (
        (PeriodKind.SIX_MONTHLY, datetime.date(2026, 6, 30)),
        (PeriodKind.SIX_MONTHLY, datetime.date(2027, 6, 30)),
    ):
        services.create_period(plan=plan, kind=kind, year=due.year, due_date=due, actor=org.users.officer)
    for report in UnitReport.objects.filter(unit__code__startswith="X")[:4]:
        services.submit_report(report=report, actor=None, content=filled(report))


@pytest.mark.parametrize("url_name", ["report_periods", "report_status_board", "report_calendar", "my_unit_reports"])
def test_list_pages_run_a_fixed_number_of_queries(org, client_for, period, url_name):
    client = client_for(org.users.officer if url_name != "my_unit_reports" else org.users.head_a)
    url = reverse(url_name)
    client.get(url)
    before = _queries(client, url)
    _more_units_and_periods(org, Plan.objects.get())
    assert _queries(client, url) == before


def test_period_board_runs_a_fixed_number_of_queries(org, client_for, plan):
    client = client_for(org.users.officer)
    period = services.create_period(plan=plan, kind=PeriodKind.AD_HOC, year=2026, due_date=DUE, actor=org.users.officer)
    url = reverse("report_period_detail", args=[period.pk])
    client.get(url)
    before = _queries(client, url)
    _more_units_and_periods(org, plan)
    more = services.create_period(
        plan=plan, kind=PeriodKind.AD_HOC, year=2026, due_date=DUE, title="Lần 2", actor=org.users.officer
    )
    assert _queries(client, reverse("report_period_detail", args=[more.pk])) == before


def test_attention_items_for_office_and_unit(org, report_a, report_b):
    from thidua.reports.attention import attention_items

    services.submit_report(report=report_b, actor=org.users.head_b, content=filled(report_b))
    after_due = DUE + datetime.timedelta(days=1)
    # Each link opens the list already filtered to the work it counts.
    assert attention_items(org.users.officer, after_due) == [
        {"text": "1 báo cáo của đơn vị đã quá hạn mà chưa gửi", "href": "/bao-cao/tinh-hinh/?qua-han=1", "due": None},
        {
            "text": "1 báo cáo của đơn vị chờ Văn phòng Sở tiếp nhận",
            "href": "/bao-cao/tinh-hinh/?trang-thai=submitted",
            "due": None,
        },
    ]
    assert attention_items(org.users.head_a, after_due) == [
        {"text": "1 báo cáo của đơn vị chưa gửi Văn phòng Sở (1 quá hạn)", "href": "/bao-cao/cua-don-vi/", "due": DUE}
    ]
    assert attention_items(org.users.head_b, after_due) == []
