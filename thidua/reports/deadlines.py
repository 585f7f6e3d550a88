"""Deadlines are the end of the due day in Asia/Ho_Chi_Minh (23:59), whatever the
server's own time zone; the due day of a duty of the plan follows the plan's words
("trước ngày 15/12": the 14th)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from thidua.plans.enums import DueWording

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def deadline_of(due: datetime.date) -> datetime.datetime:
    """The last moment a report due on `due` is on time: 23:59:59.999999 local time."""
    return datetime.datetime.combine(due, datetime.time.max, tzinfo=ZONE)


def is_late(moment: datetime.datetime, due: datetime.date) -> bool:
    return moment > deadline_of(due)


def local_today(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(ZONE).date()


def duty_due_date(duty, year: int) -> datetime.date:
    """The last day on which the plan's report duty is met in `year`, read from the
    plan's words: "trước ngày 15/12" is met by 14/12 (a report sent on 15/12 is late),
    "chậm nhất ngày 15/12" by 15/12. Every page, reminder and status reads this one."""
    written = datetime.date(year, duty.due_month, duty.due_day)
    return written - datetime.timedelta(days=1) if duty.due_wording == DueWording.BEFORE else written


def next_duty_due(duty, today: datetime.date | None = None) -> datetime.date:
    """The next last day of the yearly duty: this year's, or next year's once it has passed."""
    today = today or local_today()
    due = duty_due_date(duty, today.year)
    return due if due >= today else duty_due_date(duty, today.year + 1)
