"""Items of the "needs attention" panels of the home pages (`core.attention`): what the
account itself can act on now."""

import datetime

from django.db.models import Count, Min, Q
from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.core.codes import State
from thidua.reports import rules
from thidua.reports.deadlines import local_today
from thidua.reports.enums import AWAITING
from thidua.reports.models import UnitReport


def _office_items(user, today: datetime.date) -> list[dict]:
    counts = UnitReport.objects.visible_to(user).aggregate(
        overdue=Count("id", filter=Q(state__in=AWAITING, period__due_date__lt=today)),
        waiting=Count("id", filter=Q(state=State.SUBMITTED)),
    )
    return counted(
        counts["overdue"],
        ngettext_lazy(
            "%(n)s báo cáo của đơn vị đã quá hạn mà chưa gửi", "%(n)s báo cáo của đơn vị đã quá hạn mà chưa gửi", "n"
        ),
        "report_status_board",
        query="?qua-han=1",
    ) + counted(
        counts["waiting"],
        ngettext_lazy(
            "%(n)s báo cáo của đơn vị chờ Văn phòng Sở tiếp nhận",
            "%(n)s báo cáo của đơn vị chờ Văn phòng Sở tiếp nhận",
            "n",
        ),
        "report_status_board",
        query=f"?trang-thai={State.SUBMITTED}",
    )


def _unit_items(user, today: datetime.date) -> list[dict]:
    mine = UnitReport.objects.visible_to(user).filter(
        Q(owner__user=user) | Q(unit_id__in=rules.own_unit_ids(user)), state__in=AWAITING
    )
    counts = mine.aggregate(
        total=Count("id"), overdue=Count("id", filter=Q(period__due_date__lt=today)), due=Min("period__due_date")
    )
    return counted(
        counts["total"],
        ngettext_lazy(
            "%(n)s báo cáo của đơn vị chưa gửi Văn phòng Sở (%(late)s quá hạn)",
            "%(n)s báo cáo của đơn vị chưa gửi Văn phòng Sở (%(late)s quá hạn)",
            "n",
        ),
        "my_unit_reports",
        due=counts["due"],
        late=counts["overdue"],
    )


def attention_items(user, today: datetime.date | None = None) -> list[dict]:
    """The office: overdue reports and reports to take in; a unit's head, staff or a
    named owner: the unit's reports not yet sent."""
    today = today or local_today()
    items = _office_items(user, today) if rules.can_manage_periods(user) else []
    return items + _unit_items(user, today)
