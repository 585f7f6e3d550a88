"""Deadlines are the end of the due day in Asia/Ho_Chi_Minh (23:59), whatever the
server's own time zone."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def deadline_of(due: datetime.date) -> datetime.datetime:
    """The last moment a report due on `due` is on time: 23:59:59.999999 local time."""
    return datetime.datetime.combine(due, datetime.time.max, tzinfo=ZONE)


def is_late(moment: datetime.datetime, due: datetime.date) -> bool:
    return moment > deadline_of(due)


def local_today(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(ZONE).date()
