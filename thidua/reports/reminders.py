"""Reminders to the owner and the unit's heads 7, 3 and 1 days before the due date and
once when overdue (the daily sweep), and the office's one-click reminders.

Each reminder is first written as a Reminder row, unique per (report, kind, recipient,
date), together with its in-app notice; only then is the e-mail sent. A second sweep,
or one restarted after a crash, finds the row and sends nothing again. An e-mail that
failed is marked so, and the next sweep tries it again. An e-mail interrupted in the
middle of the SMTP exchange stays «Đang gửi thư» and is not retried: sending it twice
is worse than the office seeing it on the status board and reminding by hand."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, override

from thidua.core.permissions import require
from thidua.notifications.services import notify
from thidua.organization.models import Person, User
from thidua.reports import content, rules
from thidua.reports.deadlines import local_today
from thidua.reports.enums import BEFORE, Delivery, ReminderKind
from thidua.reports.models import Reminder, ReportingPeriod, UnitReport
from thidua.reports.services import unit_heads

log = logging.getLogger(__name__)
LOOK_AHEAD_DAYS = max(days for days, _ in BEFORE)


@dataclass
class Sweep:
    reminders: int = 0
    mails: int = 0
    failed: int = 0
    retried: int = 0


def scheduled_kind(days_left: int) -> str | None:
    """The reminder due with `days_left` days to go: the nearest of 7, 3, 1 days not yet
    passed (so a sweep that missed a day catches up with one reminder, not three), or
    «overdue» once the due date is past."""
    if days_left < 0:
        return ReminderKind.OVERDUE
    return next((kind for days, kind in BEFORE if days_left <= days), None)


def send_due_reminders(*, today: datetime.date | None = None, email: bool = True) -> Sweep:
    """The daily sweep. Side effects: Reminder rows and notices for every report not
    yet with the office whose reminder is due, e-mails for them, and a new attempt at
    each e-mail that failed before."""
    today = today or local_today()
    sweep = Sweep()
    sweep.retried = retry_failed(today=today)
    reports = list(
        UnitReport.objects.awaiting()
        .filter(period__due_date__lte=today + datetime.timedelta(days=LOOK_AHEAD_DAYS))
        .select_related("period", "unit", "owner")
    )
    due = [(r, scheduled_kind(r.days_left(today))) for r in reports]
    due = [(r, kind) for r, kind in due if kind]
    recipients = _recipients([r for r, _ in due])
    done = _already_reminded(due)
    for report, kind in due:
        for user in recipients.get(report.pk, []):
            if (report.pk, kind, user.pk, report.period.due_date) not in done:
                _remind(report, kind, report.period.due_date, user, today=today, email=email, sweep=sweep)
    return sweep


def remind_report(
    *, report: UnitReport, actor: User | None, today: datetime.date | None = None, email: bool = True
) -> int:
    """The office reminds one unit now (once a day per report). Returns how many people
    were reminded. Side effects: Reminder rows, notices and e-mails. `actor=None` is
    the system (the demo loader)."""
    require(actor is None or rules.can_remind(actor, report), gettext("Chỉ Văn phòng Sở được nhắc đơn vị."))
    if not UnitReport.objects.awaiting().filter(pk=report.pk).exists():
        raise ValidationError(gettext("Báo cáo đã ở Văn phòng Sở, không cần nhắc."))
    today = today or local_today()
    sweep = Sweep()
    for user in _recipients([report]).get(report.pk, []):
        _remind(report, ReminderKind.MANUAL, today, user, today=today, email=email, sweep=sweep, actor=actor)
    return sweep.reminders


def remind_many(
    *, period: ReportingPeriod, actor: User | None, overdue_only: bool = True, today: datetime.date | None = None
) -> tuple[int, int]:
    """Remind every late unit of `period` (or every unit not yet submitted). Returns
    (units reminded, people reminded); a unit already reminded today is skipped."""
    today = today or local_today()
    reports = UnitReport.objects.filter(period=period).select_related("period", "unit", "owner")
    reports = reports.overdue(on=today) if overdue_only else reports.awaiting()
    units = people = 0
    for report in reports:
        count = remind_report(report=report, actor=actor, today=today)
        units, people = units + bool(count), people + count
    return units, people


def retry_failed(*, today: datetime.date | None = None) -> int:
    """Send again each e-mail that failed. Returns how many went out this time."""
    today = today or local_today()
    sent = 0
    failed = Reminder.objects.filter(delivery=Delivery.FAILED).select_related(
        "report__period", "report__unit", "recipient"
    )
    for reminder in failed:
        claimed = Reminder.objects.filter(pk=reminder.pk, delivery=Delivery.FAILED).update(delivery=Delivery.SENDING)
        if claimed:
            sent += _deliver(reminder, _address(reminder.recipient), today)
    return sent


# --- one reminder -----------------------------------------------------------------------
def _remind(report, kind, for_date, user, *, today, email: bool, sweep: Sweep, actor: User | None = None) -> None:
    address = _address(user) if email else ""
    reminder = _claim(report, kind, for_date, user, today=today, address=address, actor=actor)
    if reminder is None:
        return
    sweep.reminders += 1
    if address:
        ok = _deliver(reminder, address, today)
        sweep.mails += ok
        sweep.failed += not ok


def _claim(report, kind, for_date, user, *, today, address: str, actor: User | None) -> Reminder | None:
    """Insert the row and the notice, or nothing if this reminder already exists."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                report=report,
                kind=kind,
                for_date=for_date,
                recipient=user,
                sent_by=actor,
                delivery=Delivery.SENDING if address else Delivery.IN_APP,
            )
            notify(user=user, text=reminder_text(report, kind, today), link=content.link(report))
    except IntegrityError:
        return None
    return reminder


def _deliver(reminder: Reminder, address: str, today: datetime.date) -> bool:
    report = reminder.report
    text = reminder_text(report, reminder.kind, today)
    body = gettext("%(text)s\n\nMở báo cáo: %(url)s\n\nThư gửi tự động từ hệ thống Thi Đua.") % {
        "text": text,
        "url": getattr(settings, "SITE_URL", "").rstrip("/") + content.link(report),
    }
    try:
        send_mail(
            gettext("[Thi Đua] %(text)s") % {"text": text[:150]},
            body,
            settings.DEFAULT_FROM_EMAIL,
            [address],
            fail_silently=False,
        )
    except Exception as error:  # any failure of the mail server is recorded and retried
        log.warning("Reminder %s to %s failed: %s", reminder.pk, address, error)
        Reminder.objects.filter(pk=reminder.pk).update(
            delivery=Delivery.FAILED, error=str(error)[:1000], attempts=F("attempts") + 1
        )
        return False
    Reminder.objects.filter(pk=reminder.pk).update(
        delivery=Delivery.SENT, error="", sent_at=timezone.now(), attempts=F("attempts") + 1
    )
    return True


def reminder_text(report: UnitReport, kind: str, today: datetime.date) -> str:
    """The words of a reminder, in Vietnamese whatever the page language."""
    with override("vi"):
        values = {
            "period": report.period.title,
            "unit": report.unit.name,
            "date": report.period.due_date.strftime("%d/%m/%Y"),
            "n": abs(report.days_left(today)),
            "state": report.get_state_display(),
        }
        if kind == ReminderKind.MANUAL:
            return gettext("Văn phòng Sở nhắc: %(period)s của %(unit)s, hạn %(date)s, hiện «%(state)s».") % values
        if kind == ReminderKind.OVERDUE:
            return (
                gettext("Quá hạn: %(period)s của %(unit)s đã quá hạn %(n)s ngày (hạn %(date)s). Đề nghị gửi ngay.")
                % values
            )
        if report.days_left(today) == 0:
            return gettext("Hạn chót hôm nay: %(period)s của %(unit)s phải gửi trước 23:59 ngày %(date)s.") % values
        return gettext("Nhắc hạn: %(period)s của %(unit)s cần gửi trước 23:59 ngày %(date)s (còn %(n)s ngày).") % values


# --- who and where ----------------------------------------------------------------------
def _recipients(reports: list[UnitReport]) -> dict[int, list[User]]:
    """{report id: [owner's account, heads' accounts]} with few queries."""
    heads = unit_heads({r.unit_id for r in reports})
    wanted = {r.pk: _ordered_ids(r, heads) for r in reports}
    users = User.objects.filter(is_active=True).in_bulk({uid for ids in wanted.values() for uid in ids})
    _attach_person_email(users)
    return {pk: [users[uid] for uid in ids if uid in users] for pk, ids in wanted.items()}


def _ordered_ids(report: UnitReport, heads: dict[int, list[int]]) -> list[int]:
    ids = [report.owner.user_id] if report.owner_id and report.owner.user_id else []
    return ids + [uid for uid in heads.get(report.unit_id, []) if uid not in ids]


def _attach_person_email(users: dict[int, User]) -> None:
    emails = dict(Person.objects.filter(user_id__in=users).exclude(email="").values_list("user_id", "email"))
    for uid, user in users.items():
        user.reminder_email = user.email or emails.get(uid, "")


def _address(user: User) -> str:
    if hasattr(user, "reminder_email"):
        return user.reminder_email
    person = Person.objects.filter(user=user).exclude(email="").values_list("email", flat=True).first()
    return user.email or person or ""


def _already_reminded(due) -> set[tuple]:
    rows = Reminder.objects.filter(report__in=[r for r, _ in due]).values_list(
        "report_id", "kind", "recipient_id", "for_date"
    )
    return set(rows)
