"""Periods and unit reports through their services: who reports, who owns, what may be
sent, when it is late, and that an accepted report is frozen."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.reports.conftest import DUE, at, filled
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.workflow import AlreadyChanged, TransitionError
from thidua.notifications.models import Notice
from thidua.reports import services
from thidua.reports.enums import DEFAULT_REQUIRED, PeriodKind, Section
from thidua.reports.models import ReportingPeriod, Submission

pytestmark = pytest.mark.django_db


def test_a_period_calls_every_unit_but_leadership_and_office(org, period):
    units = set(period.unit_reports.values_list("unit__code", flat=True))
    assert units == {"PBGD", "TGPL"}


def test_each_report_is_owned_by_the_unit_head_who_is_told(org, plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        period = services.create_period(
            plan=plan, kind=PeriodKind.ANNUAL, year=2026, due_date=DUE, actor=org.users.officer
        )
    assert period.unit_reports.get(unit=org.units.a).owner == org.people.head_a
    assert period.unit_reports.get(unit=org.units.b).owner == org.people.head_b
    notice = Notice.objects.get(user=org.users.head_a)
    assert "Kỳ báo cáo mới: Báo cáo năm 2026 — hạn nộp 30/11/2026." == notice.text


def test_annual_period_takes_the_office_deadline_from_the_plan(period):
    # "trước ngày 15/12": the last day on time is the 14th.
    assert period.office_due_date == datetime.date(2026, 12, 14)
    assert period.title == "Báo cáo năm 2026"
    assert period.required_sections == DEFAULT_REQUIRED


def test_units_due_date_must_come_before_the_office_deadline(org, plan):
    with pytest.raises(ValidationError) as error:
        services.create_period(
            plan=plan, kind=PeriodKind.ANNUAL, year=2027, due_date=datetime.date(2027, 12, 16), actor=org.users.officer
        )
    assert "trước hạn Văn phòng Sở gửi báo cáo (14/12/2027)" in str(error.value.message_dict["due_date"])
    assert not ReportingPeriod.objects.filter(year=2027).exists()


def test_one_period_per_kind_and_year_but_ad_hoc_may_repeat(org, plan, period):
    with pytest.raises(ValidationError) as error:
        services.create_period(plan=plan, kind=PeriodKind.ANNUAL, year=2026, due_date=DUE, actor=org.users.officer)
    assert "đã có kỳ báo cáo loại này cho năm 2026" in str(error.value)
    for title in ("Báo cáo nhanh về ký số", "Báo cáo nhanh về họp không giấy"):
        services.create_period(
            plan=plan,
            kind=PeriodKind.AD_HOC,
            year=2026,
            title=title,
            due_date=datetime.date(2026, 9, 1),
            actor=org.users.officer,
        )
    assert ReportingPeriod.objects.filter(kind=PeriodKind.AD_HOC).count() == 2


def test_year_outside_the_plan_is_refused(org, plan):
    with pytest.raises(ValidationError) as error:
        services.create_period(
            plan=plan,
            kind=PeriodKind.SIX_MONTHLY,
            year=2031,
            due_date=datetime.date(2031, 6, 30),
            actor=org.users.officer,
        )
    assert "trong thời gian của kế hoạch (2026–2030)" in str(error.value)


def test_only_the_office_opens_periods(org, plan):
    with pytest.raises(PermissionDenied):
        services.create_period(
            plan=plan,
            kind=PeriodKind.SIX_MONTHLY,
            year=2026,
            due_date=datetime.date(2026, 6, 30),
            actor=org.users.head_a,
        )


def test_submitting_keeps_the_time_a_snapshot_and_tells_the_office(org, report_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(
            report=report_a, actor=org.users.head_a, content=filled(report_a), at=at(datetime.date(2026, 11, 20))
        )
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED
    assert report_a.submitted_at == at(datetime.date(2026, 11, 20))
    assert not report_a.is_late
    snapshot = Submission.objects.get(report=report_a)
    assert snapshot.content == report_a.content
    assert snapshot.submitted_by == org.users.head_a
    assert Notice.objects.filter(user=org.users.officer, text__contains="đã gửi Báo cáo năm 2026").exists()


@pytest.mark.parametrize(
    ("moment", "late"),
    [
        (at(DUE, 23, 59, 59), False),
        (at(DUE + datetime.timedelta(days=1), 0, 0, 0), True),
    ],
)
def test_the_deadline_is_23_59_in_vietnam(org, report_a, moment, late):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a), at=moment)
    report_a.refresh_from_db()
    assert report_a.is_late is late


def test_deadline_holds_whatever_the_server_time_zone(org, report_a, settings):
    settings.TIME_ZONE = "UTC"
    # 16:59:59 UTC on the due date is 23:59:59 in Hà Nội: still on time.
    moment = datetime.datetime(2026, 11, 30, 16, 59, 59, tzinfo=datetime.UTC)
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a), at=moment)
    report_a.refresh_from_db()
    assert not report_a.is_late


def test_a_report_missing_a_required_section_says_which(org, report_a):
    with pytest.raises(services.MissingSections) as error:
        services.submit_report(report=report_a, actor=org.users.head_a, content={Section.INDICATORS.value: "Không có."})
    assert error.value.message == (
        "Chưa điền phần bắt buộc: Kết quả thực hiện theo từng nội dung thi đua; "
        "Khó khăn, vướng mắc và đề xuất, kiến nghị."
    )
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT
    assert report_a.content == {}  # nothing was saved


def test_returned_then_resubmitted_keeps_the_first_time_and_the_reason(org, report_a):
    first = at(datetime.date(2026, 11, 28))
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a), at=first)
    services.return_report(report=report_a, actor=org.users.officer, reason="Thiếu số liệu nội dung 2.")
    report_a.refresh_from_db()
    assert report_a.state == State.RETURNED
    assert report_a.return_reason == "Thiếu số liệu nội dung 2."
    log = ActivityLog.objects.for_object(report_a).filter(changes__state=["submitted", "returned"]).get()
    assert log.note == "Thiếu số liệu nội dung 2."
    services.submit_report(
        report=report_a,
        actor=org.users.head_a,
        content=filled(report_a, results="- Bổ sung số liệu."),
        at=at(datetime.date(2026, 12, 2)),
    )
    report_a.refresh_from_db()
    assert report_a.submitted_at == first and not report_a.is_late
    assert list(report_a.submissions.values_list("number", "is_late")) == [(1, False), (2, True)]


def test_return_needs_a_reason(org, report_a):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a))
    with pytest.raises(ValidationError) as error:
        services.return_report(report=report_a, actor=org.users.officer, reason="  ")
    assert "Hãy ghi lý do trả lại" in str(error.value)
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED


def test_accepted_report_is_frozen_as_submitted(org, report_a):
    sent = filled(report_a, results="- Nội dung đã gửi.")
    services.submit_report(report=report_a, actor=org.users.head_a, content=sent)
    services.accept_report(report=report_a, actor=org.users.officer)
    report_a.refresh_from_db()
    with pytest.raises(services.ReportLocked) as error:
        services.save_content(report=report_a, actor=org.users.head_a, content=filled(report_a, results="- Sửa."))
    assert "«Đã tiếp nhận», không sửa được nữa" in str(error.value)
    report_a.refresh_from_db()
    assert report_a.state == State.ACCEPTED
    assert report_a.content == report_a.submissions.last().content
    assert "- Nội dung đã gửi." in report_a.content[Section.RESULTS].values()
    with pytest.raises(TransitionError):
        services.return_report(report=report_a, actor=org.users.officer, reason="Muốn sửa.")


def test_while_with_the_office_the_unit_cannot_edit(org, report_a):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a))
    with pytest.raises(services.ReportLocked):
        services.save_content(report=report_a, actor=org.users.head_a, content=filled(report_a))


def test_a_second_submission_from_a_stale_copy_is_refused(org, report_a):
    stale = type(report_a).objects.get(pk=report_a.pk)
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a))
    with pytest.raises(AlreadyChanged) as error:
        services.submit_report(report=stale, actor=org.users.head_a, content=filled(report_a))
    assert str(error.value) == "Báo cáo đã được người khác chuyển sang «Đã gửi» trước đó."
    assert Submission.objects.filter(report=report_a).count() == 1


def test_only_owner_or_head_writes(org, report_a, report_b):
    with pytest.raises(PermissionDenied):
        services.save_content(report=report_a, actor=org.users.head_b, content=filled(report_a))
    with pytest.raises(PermissionDenied):
        services.submit_report(report=report_a, actor=org.users.staff_a, content=filled(report_a))
    with pytest.raises(PermissionDenied):
        services.accept_report(report=report_b, actor=org.users.head_a)


def test_head_gives_the_report_to_a_staff_member_who_may_then_send_it(org, report_a):
    assert not services.rules.can_write(org.users.staff_a, report_a)
    services.assign_owner(report=report_a, owner=org.people.staff_a, actor=org.users.head_a)
    services.submit_report(report=report_a, actor=org.users.staff_a, content=filled(report_a))
    report_a.refresh_from_db()
    assert report_a.owner == org.people.staff_a and report_a.state == State.SUBMITTED
    assert Notice.objects.filter(user=org.users.staff_a, text__contains="được giao phụ trách").exists()


def test_owner_must_belong_to_the_unit(org, report_a):
    with pytest.raises(ValidationError) as error:
        services.assign_owner(report=report_a, owner=org.people.staff_b, actor=org.users.officer)
    assert "phải là cán bộ của đơn vị" in str(error.value)
    with pytest.raises(PermissionDenied):
        services.assign_owner(report=report_a, owner=org.people.staff_a, actor=org.users.head_b)


def test_saving_logs_which_sections_changed(org, report_a):
    services.save_content(report=report_a, actor=org.users.head_a, content=filled(report_a))
    log = ActivityLog.objects.for_object(report_a).filter(action="changed").get()
    assert set(log.changes) == {"content.results", "content.difficulties"}
    assert log.actor == org.users.head_a


def test_yearly_periods_opened_with_the_written_day_move_to_the_last_day(org, plan, period):
    """Periods opened before the wording was read took 15/12; the migration moves them
    to 14/12 and leaves a date the office chose, or another kind of period, alone."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("thidua.reports.migrations.0002_office_deadline_is_the_last_day")
    ReportingPeriod.objects.filter(pk=period.pk).update(office_due_date=datetime.date(2026, 12, 15))
    chosen = services.create_period(
        plan=plan,
        kind=PeriodKind.ANNUAL,
        year=2027,
        due_date=datetime.date(2027, 11, 30),
        office_due_date=datetime.date(2027, 12, 10),
        actor=org.users.officer,
    )
    migration.to_last_day(apps, None)
    period.refresh_from_db()
    chosen.refresh_from_db()
    assert (period.office_due_date, chosen.office_due_date) == (
        datetime.date(2026, 12, 14),
        datetime.date(2027, 12, 10),
    )
