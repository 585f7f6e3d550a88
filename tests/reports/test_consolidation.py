"""Consolidating a period: figures from accepted reports and recorded data, the office's
narrative, issuing a number once, the dispatch record against the 15/12 deadline, and
the pages that do it (through a background job)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.reports.conftest import at, filled
from thidua.core.codes import State
from thidua.jobs.models import Job, JobStatus
from thidua.reports import consolidation, services
from thidua.reports.enums import Channel, PeriodKind
from thidua.reports.models import ConsolidatedReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted_a(org, report_a):
    services.submit_report(
        report=report_a,
        actor=org.users.head_a,
        content=filled(
            report_a, results="- Trả phiếu LLTP điện tử trên VNeID.", difficulties="Thiếu máy quét tài liệu."
        ),
    )
    services.accept_report(report=report_a, actor=org.users.officer)
    return report_a


def test_figures_come_from_accepted_reports_only(org, accepted_a, report_b):
    services.submit_report(
        report=report_b,
        actor=org.users.head_b,
        content=filled(report_b, difficulties="Chưa tiếp nhận nên không được tổng hợp."),
    )
    report = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    figures = report.figures
    assert [(u["unit"], u["state"]) for u in figures["units"]] == [
        ("Phòng Phổ biến, giáo dục pháp luật", State.ACCEPTED),
        ("Trung tâm Trợ giúp pháp lý", State.SUBMITTED),
    ]
    assert figures["difficulties"] == [
        {"unit": "Phòng Phổ biến, giáo dục pháp luật", "text": "Thiếu máy quét tài liệu."}
    ]
    area_one = figures["areas"][0]
    assert area_one["texts"] == [
        {"unit": "Phòng Phổ biến, giáo dục pháp luật", "text": "- Trả phiếu LLTP điện tử trên VNeID."}
    ]
    assert figures["totals"]["accepted"] == 1 and figures["totals"]["submitted"] == 2
    assert "2 đơn vị đã gửi báo cáo, 1 báo cáo đã được Văn phòng Sở tiếp nhận" in report.overview
    assert report.addressees.splitlines() == [
        "UBND tỉnh",
        "Sở Khoa học và Công nghệ",
        "Sở Nông nghiệp và Môi trường",
        "Sở Nội vụ",
    ]


def test_the_summary_line_names_digital_and_green_transformation(org, accepted_a):
    report = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    assert report.summary == (
        "Kết quả triển khai thực hiện phong trào thi đua đổi mới sáng tạo, chuyển đổi số và chuyển đổi xanh "
        "— báo cáo năm 2026"
    )


def test_a_six_monthly_report_goes_only_to_the_province(org, plan):
    """The three departments asked for the yearly report (duty 2.2); the others go to
    the provincial People's Committee (duty 2.1)."""
    period = services.create_period(
        plan=plan, kind=PeriodKind.SIX_MONTHLY, year=2026, due_date=datetime.date(2026, 6, 10), actor=org.users.officer
    )
    report = consolidation.consolidate(period=period, actor=org.users.officer)
    assert report.addressees.splitlines() == ["UBND tỉnh"]
    assert period.office_due_date is None


def test_reconsolidating_keeps_the_offices_texts(org, accepted_a):
    report = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    consolidation.save_texts(report=report, actor=org.users.officer, overview="Đoạn văn Văn phòng Sở tự viết.")
    again = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    assert again.pk == report.pk and again.overview == "Đoạn văn Văn phòng Sở tự viết."


def test_issuing_gives_a_number_once_and_freezes_the_text(org, accepted_a):
    report = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    number = consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 12, 8))
    assert number == "01/BC-STP"
    report.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        consolidation.issue(report=report, actor=org.users.officer)
    assert "đã được cấp số 01/BC-STP" in str(error.value)
    with pytest.raises(ValidationError):
        consolidation.save_texts(report=report, actor=org.users.officer, overview="Sửa sau khi ban hành.")
    with pytest.raises(ValidationError):
        consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)


def test_issuing_refuses_a_future_date_and_a_number_already_taken(org, accepted_a):
    from django.utils import timezone

    from thidua.outgoing.numbering import record_outside

    report = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        consolidation.issue(report=report, actor=org.users.officer, issued_on=tomorrow)
    assert "là ngày trong tương lai" in error.value.messages[0]
    agency = report.period.plan.issuer
    record_outside(actor=None, agency=agency, doc_type="BC", number=1, on=datetime.date(2026, 1, 5), subject="Báo cáo")
    with pytest.raises(ValidationError) as error:
        consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 1, 6), number=1)
    assert "Số 01/BC-STP đã có trong sổ văn bản đi" in error.value.messages[0]
    report.refresh_from_db()
    assert not report.is_issued
    assert (
        consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 1, 6)) == "02/BC-STP"
    )


def test_the_issue_form_shows_the_refusal_and_proposes_the_next_number(org, client_for, accepted_a):
    from django.utils import timezone

    report = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    client = client_for(org.users.officer)
    url = reverse("consolidated_detail", args=[report.period_id])
    assert "Để trống để lấy số tiếp theo còn trống: 01/BC-STP." in client.get(url).content.decode()
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(reverse("consolidated_issue", args=[report.period_id]), {"issued_on": future}, follow=True)
    assert "là ngày trong tương lai" in response.content.decode()
    report.refresh_from_db()
    assert not report.is_issued


def test_only_the_office_consolidates(org, accepted_a):
    with pytest.raises(PermissionDenied):
        consolidation.consolidate(period=accepted_a.period, actor=org.users.head_a)


@pytest.fixture
def issued(org, accepted_a):
    report = consolidation.consolidate(period=accepted_a.period, actor=org.users.officer)
    consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 12, 8))
    report.refresh_from_db()
    return report


@pytest.mark.parametrize(
    ("sent_on", "words"),
    [
        (datetime.date(2026, 12, 10), "Đã gửi đúng hạn (hạn cuối 14/12)"),
        (datetime.date(2026, 12, 14), "Đã gửi đúng hạn (hạn cuối 14/12)"),
        # "trước ngày 15/12": a report sent on the 15th is late.
        (datetime.date(2026, 12, 15), "Gửi muộn 1 ngày so với hạn cuối 14/12"),
        (datetime.date(2026, 12, 18), "Gửi muộn 4 ngày so với hạn cuối 14/12"),
    ],
)
def test_dispatch_shows_whether_the_deadline_was_met(org, issued, sent_on, words):
    dispatch = consolidation.record_dispatch(
        report=issued,
        actor=org.users.officer,
        recipient="Sở Nội vụ",
        channel=Channel.EDOC,
        sent_on=sent_on,
        reference="000.00.12.H60-261210",
    )
    assert dispatch.number_symbol == "01/BC-STP"
    assert consolidation.dispatch_status(dispatch) == words


def test_dispatch_needs_a_number_and_a_date_after_issue(org, accepted_a, issued):
    with pytest.raises(ValidationError) as error:
        consolidation.record_dispatch(
            report=issued,
            actor=org.users.officer,
            recipient="UBND tỉnh",
            channel=Channel.POST,
            sent_on=datetime.date(2026, 12, 1),
        )
    assert "không thể trước ngày ban hành (08/12/2026)" in str(error.value)


def test_office_consolidates_through_a_job_and_records_dispatch(org, client_for, accepted_a):
    client = client_for(org.users.officer)
    period = accepted_a.period
    response = client.post(reverse("consolidated_start", args=[period.pk]), follow=True)
    job = Job.objects.get()
    assert job.status == JobStatus.DONE and job.progress == 100
    body = response.content.decode()
    assert 'data-status="done"' in body and "<progress" in body and "hx-trigger" not in body
    assert job.result_name.endswith(".docx")
    page = client.get(reverse("consolidated_detail", args=[period.pk])).content.decode()
    assert "Phòng Phổ biến, giáo dục pháp luật" in page
    client.post(reverse("consolidated_issue", args=[period.pk]), {"issued_on": "2026-12-08"})
    client.post(
        reverse("consolidated_dispatch", args=[period.pk]),
        {"recipient": "UBND tỉnh", "channel": Channel.EDOC, "sent_on": "2026-12-09", "reference": ""},
    )
    page = client.get(reverse("consolidated_detail", args=[period.pk])).content.decode()
    assert "01/BC-STP" in page and "Đã gửi đúng hạn (hạn cuối 14/12)" in page


def test_dispatch_form_errors_keep_the_input(org, client_for, issued):
    response = client_for(org.users.officer).post(
        reverse("consolidated_dispatch", args=[issued.period_id]),
        {"recipient": "Sở Nội vụ", "channel": Channel.HAND, "sent_on": "2026-12-01", "reference": "Sổ giao nhận 12"},
    )
    body = response.content.decode()
    assert "Ngày gửi không thể trước ngày ban hành (08/12/2026)." in body
    assert 'value="Sổ giao nhận 12"' in body
    assert not issued.dispatches.exists()


def test_consolidated_pages_are_not_for_unit_heads(org, client_for, issued):
    client = client_for(org.users.head_a)
    for name in ("consolidated_detail", "consolidated_docx", "consolidated_xlsx"):
        assert client.get(reverse(name, args=[issued.period_id])).status_code == 403
    assert client.post(reverse("consolidated_start", args=[issued.period_id])).status_code == 403
    assert not Job.objects.exists()


def test_director_reads_and_downloads(org, client_for, issued):
    client = client_for(org.users.director)
    assert "01/BC-STP" in client.get(reverse("consolidated_detail", args=[issued.period_id])).content.decode()
    response = client.get(reverse("consolidated_docx", args=[issued.period_id]))
    assert response["Content-Disposition"].startswith('attachment; filename="bao-cao-tong-hop-bao-cao-nam-2026.docx"')
    assert ConsolidatedReport.objects.count() == 1


def test_the_consolidated_figures_count_replicated_initiatives(org, plan, period):
    """The initiatives recognised in the year, and how many other units replicated."""
    from thidua.initiatives import services as initiatives
    from thidua.initiatives.enums import Tag

    def recognised(title):
        data = {
            "title": title,
            "unit": org.units.a,
            "content_area": plan.content_areas.get(number="2"),
            "tags": [Tag.DIGITAL],
            "problem": "Hồ sơ giấy.",
            "solution": "Quét hồ sơ.",
            "novelty": "Tra cứu điện tử.",
            "applied_where": "Phòng",
            "applied_since": datetime.date(2026, 5, 4),
        }
        item = initiatives.create_initiative(
            actor=org.users.staff_a, data=data, authors=[initiatives.AuthorShare(org.people.staff_a, 100)]
        )
        item = initiatives.submit(actor=org.users.staff_a, initiative=item, at=at(datetime.date(2026, 5, 20)))
        item = initiatives.start_review(actor=org.users.officer, initiative=item)
        initiatives.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=7, applicability=9)
        return initiatives.recognise(
            actor=org.users.officer,
            initiative=item,
            decision_number="215/QĐ-STP",
            decision_date=datetime.date(2026, 10, 20),
        )

    replicated = recognised("Số hóa hồ sơ")
    recognised("Họp không giấy tờ")
    initiatives.mark_applied(
        actor=org.users.head_b,
        initiative=replicated,
        unit=org.units.b,
        applied_on=datetime.date(2026, 11, 2),
        result="Áp dụng cho hồ sơ trợ giúp pháp lý.",
    )
    report = consolidation.consolidate(period=period, actor=org.users.officer)
    assert (report.figures["totals"]["recognised"], report.figures["totals"]["replicated"]) == (2, 1)
    assert "2 sáng kiến được công nhận. 1 sáng kiến đã được các đơn vị khác nhân rộng." in report.results_text
