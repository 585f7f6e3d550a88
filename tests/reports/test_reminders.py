"""Reminders travel across the due date: 7, 3 and 1 days before and once overdue, to the
owner and the unit head; never twice, even when the sweep runs twice, crashes midway or
the mail server fails."""

import datetime
import smtplib
from io import StringIO
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command

from tests.reports.conftest import DUE, at, filled
from thidua.notifications.models import Notice
from thidua.reports import reminders, services
from thidua.reports.enums import Delivery, ReminderKind
from thidua.reports.models import Reminder

pytestmark = pytest.mark.django_db
HEAD_A = "truongphong@stp.tuyenquang.gov.vn"
STAFF_A = "chuyenvien@stp.tuyenquang.gov.vn"
HEAD_B = "truongphong2@stp.tuyenquang.gov.vn"


def sweep_on(day: datetime.date, outbox) -> list:
    """Run the command at 07:00 on `day` (Hà Nội time) and return the mails it sent."""
    before = len(outbox)
    with time_machine.travel(at(day, 7), tick=False):
        call_command("send_reminders", stdout=StringIO())
    return outbox[before:]


@pytest.fixture
def b_has_sent(org, report_b):
    """Unit B sent its report early, so only unit A is reminded."""
    services.submit_report(report=report_b, actor=org.users.head_b, content=filled(report_b))


@pytest.fixture
def staff_owns_a(org, report_a):
    services.assign_owner(report=report_a, owner=org.people.staff_a, actor=org.users.head_a)
    return report_a


@pytest.mark.parametrize(
    ("offset", "kind", "words"),
    [
        (-8, None, None),
        (-7, ReminderKind.BEFORE_7, "còn 7 ngày"),
        (-3, ReminderKind.BEFORE_3, "còn 3 ngày"),
        (-1, ReminderKind.BEFORE_1, "còn 1 ngày"),
        (1, ReminderKind.OVERDUE, "đã quá hạn 1 ngày"),
    ],
)
def test_each_reminder_goes_to_owner_and_head_on_its_day(
    org, staff_owns_a, with_emails, mailoutbox, offset, kind, words
):
    sent = sweep_on(DUE + datetime.timedelta(days=offset), mailoutbox)
    if kind is None:
        assert sent == []
        return
    assert sorted(m.to[0] for m in sent if "Phòng Phổ biến" in m.subject) == sorted([HEAD_A, STAFF_A])
    assert all(words in m.subject for m in sent)
    assert "hạn 30/11/2026" in sent[0].body or "30/11/2026" in sent[0].body
    assert f"/bao-cao/{staff_owns_a.pk}/" in sent[0].body
    rows = Reminder.objects.filter(report=staff_owns_a)
    assert set(rows.values_list("kind", flat=True)) == {kind}
    assert Notice.objects.filter(user=org.users.staff_a, text__contains=words).count() == 1


def test_across_the_whole_calendar_each_reminder_once(org, staff_owns_a, b_has_sent, with_emails, mailoutbox):
    for offset in range(-10, 5):
        sweep_on(DUE + datetime.timedelta(days=offset), mailoutbox)
    kinds = sorted(Reminder.objects.values_list("kind", "recipient__username"))
    assert kinds == sorted(
        (k, u)
        for k in (ReminderKind.BEFORE_7, ReminderKind.BEFORE_3, ReminderKind.BEFORE_1, ReminderKind.OVERDUE)
        for u in ("chuyenvien", "truongphong")
    )
    assert len(mailoutbox) == 8
    assert not any(HEAD_B in m.to for m in mailoutbox), "a submitted report is not reminded"


def test_running_the_sweep_twice_sends_nothing_more(org, staff_owns_a, b_has_sent, with_emails, mailoutbox):
    assert len(sweep_on(DUE - datetime.timedelta(days=3), mailoutbox)) == 2
    assert sweep_on(DUE - datetime.timedelta(days=3), mailoutbox) == []
    assert Reminder.objects.count() == 2


def test_a_missed_day_is_caught_up_with_one_reminder_not_three(org, report_a, b_has_sent, with_emails, mailoutbox):
    sent = sweep_on(DUE - datetime.timedelta(days=5), mailoutbox)
    assert [m.subject for m in sent] == [
        "[Thi Đua] Nhắc hạn: Báo cáo năm 2026 của Phòng Phổ biến, giáo dục pháp luật cần gửi trước 23:59 ngày "
        "30/11/2026 (còn 5 ngày)."
    ]
    assert sweep_on(DUE - datetime.timedelta(days=4), mailoutbox) == []


def test_the_due_day_itself_sends_nothing_new(org, report_a, b_has_sent, with_emails, mailoutbox):
    sweep_on(DUE - datetime.timedelta(days=1), mailoutbox)
    assert sweep_on(DUE, mailoutbox) == []


class Crash(BaseException):
    """The process dies (killed, power lost): nothing after it runs."""


def test_restart_after_a_crash_between_reminders_sends_each_once(org, staff_owns_a, report_b, with_emails, mailoutbox):
    real = reminders._claim
    calls = {"n": 0}

    def dies_on_second(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise Crash
        return real(*args, **kwargs)

    day = DUE - datetime.timedelta(days=7)
    with mock.patch.object(reminders, "_claim", dies_on_second), pytest.raises(Crash):
        sweep_on(day, mailoutbox)
    assert len(mailoutbox) == 1
    sweep_on(day, mailoutbox)
    sweep_on(day, mailoutbox)
    addresses = sorted(m.to[0] for m in mailoutbox)
    assert addresses == sorted([HEAD_A, STAFF_A, HEAD_B])
    assert Reminder.objects.filter(delivery=Delivery.SENT).count() == 3


def test_a_crash_during_sending_never_leads_to_a_second_mail(org, staff_owns_a, report_b, with_emails, mailoutbox):
    from django.core import mail

    real = mail.send_mail
    calls = {"n": 0}

    def dies_while_sending(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise Crash
        return real(*args, **kwargs)

    day = DUE - datetime.timedelta(days=3)
    with mock.patch.object(reminders, "send_mail", dies_while_sending), pytest.raises(Crash):
        sweep_on(day, mailoutbox)
    sweep_on(day, mailoutbox)
    sweep_on(day + datetime.timedelta(days=1), mailoutbox)
    addresses = [m.to[0] for m in mailoutbox]
    assert len(addresses) == len(set(addresses)) == 2, "the interrupted reminder is not sent again"
    stuck = Reminder.objects.get(delivery=Delivery.SENDING)
    assert Notice.objects.filter(user=stuck.recipient, text__contains="còn 3 ngày").exists()


def test_a_failed_mail_is_recorded_and_retried_once(org, report_a, b_has_sent, with_emails, mailoutbox):
    day = DUE - datetime.timedelta(days=7)
    with mock.patch.object(reminders, "send_mail", side_effect=smtplib.SMTPServerDisconnected("máy chủ thư ngắt")):
        sweep_on(day, mailoutbox)
    failed = Reminder.objects.get()
    assert failed.delivery == Delivery.FAILED and "máy chủ thư ngắt" in failed.error and failed.attempts == 1
    assert len(sweep_on(day + datetime.timedelta(days=1), mailoutbox)) == 1
    failed.refresh_from_db()
    assert failed.delivery == Delivery.SENT and failed.attempts == 2
    assert sweep_on(day + datetime.timedelta(days=2), mailoutbox) == []


def test_without_an_address_the_reminder_is_in_app_only(org, report_a, b_has_sent, mailoutbox):
    sweep_on(DUE - datetime.timedelta(days=7), mailoutbox)
    assert mailoutbox == []
    assert Reminder.objects.get().delivery == Delivery.IN_APP
    assert Notice.objects.filter(user=org.users.head_a, text__startswith="Nhắc hạn:").count() == 1


def test_command_accepts_a_date_and_says_what_it_did(org, report_a, b_has_sent, with_emails, mailoutbox):
    out = StringIO()
    call_command("send_reminders", today="2026-12-01", stdout=out)
    assert out.getvalue().strip() == (
        "Đã tạo 1 lời nhắc; gửi 1 thư điện tử, 0 thư lỗi (sẽ gửi lại), gửi lại 0 thư lỗi lần trước."
    )
    assert "Quá hạn" in mailoutbox[0].subject


def test_office_reminds_one_unit_once_a_day(org, report_a, with_emails, mailoutbox):
    today = datetime.date(2026, 11, 25)
    assert reminders.remind_report(report=report_a, actor=org.users.officer, today=today) == 1
    assert reminders.remind_report(report=report_a, actor=org.users.officer, today=today) == 0
    assert (
        reminders.remind_report(report=report_a, actor=org.users.officer, today=today + datetime.timedelta(days=1)) == 1
    )
    assert len(mailoutbox) == 2
    assert mailoutbox[0].subject.startswith("[Thi Đua] Văn phòng Sở nhắc: Báo cáo năm 2026")
    assert Reminder.objects.filter(kind=ReminderKind.MANUAL, sent_by=org.users.officer).count() == 2


def test_office_reminds_all_late_units_with_one_call(org, report_a, b_has_sent, with_emails, mailoutbox):
    units, people = reminders.remind_many(
        period=report_a.period, actor=org.users.officer, today=DUE + datetime.timedelta(days=2)
    )
    assert (units, people) == (1, 1)
    assert [m.to for m in mailoutbox] == [[HEAD_A]]


def test_only_the_office_reminds_and_only_reports_not_yet_sent(org, report_a, report_b):
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        reminders.remind_report(report=report_a, actor=org.users.head_b)
    services.submit_report(report=report_b, actor=org.users.head_b, content=filled(report_b))
    with pytest.raises(ValidationError) as error:
        reminders.remind_report(report=report_b, actor=org.users.officer)
    assert "không cần nhắc" in str(error.value)
