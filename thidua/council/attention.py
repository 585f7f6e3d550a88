"""Work-queue items of the council (`core.attention`): a member's items to vote on at
an open session; the office's sessions to prepare, the nearest first."""

import datetime

from django.db.models import Count, Min
from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.core.codes import State
from thidua.council import rules
from thidua.council.models import Meeting, MeetingItem


def _member_items(user) -> list[dict]:
    waiting = MeetingItem.objects.filter(
        meeting__minutes_number="",
        meeting__members__user=user,
        proposal__state=State.UNDER_REVIEW,
    ).exclude(ballots__member=user)
    waiting = waiting.exclude(proposal__subject_unit_id__in=rules.member_units(user))  # a conflict: not theirs
    found = waiting.aggregate(
        n=Count("id", distinct=True),
        meetings=Count("meeting", distinct=True),
        first=Min("meeting_id"),
        day=Min("meeting__date"),
    )
    if not found["n"]:
        return []
    text = ngettext_lazy(
        "%(n)s đề nghị chờ bạn biểu quyết tại %(meetings)s phiên họp Hội đồng",
        "%(n)s đề nghị chờ bạn biểu quyết tại %(meetings)s phiên họp Hội đồng",
        "n",
    )
    # One session: straight to it; several: the list of sessions.
    place = {"url": "meeting_detail", "args": [found["first"]]} if found["meetings"] == 1 else {"url": "meeting_list"}
    return counted(found["n"], text, place.pop("url"), due=found["day"], meetings=found["meetings"], **place)


def _office_items(user, today: datetime.date) -> list[dict]:
    coming = Meeting.objects.filter(minutes_number="", date__gte=today).aggregate(n=Count("id"), day=Min("date"))
    text = ngettext_lazy(
        "%(n)s phiên họp Hội đồng sắp tới cần chuẩn bị",
        "%(n)s phiên họp Hội đồng sắp tới cần chuẩn bị",
        "n",
    )
    return counted(coming["n"], text, "meeting_list", due=coming["day"])


def attention_items(user, today: datetime.date) -> list[dict]:
    items = _office_items(user, today) if rules.can_prepare(user) else []
    return items + _member_items(user)
