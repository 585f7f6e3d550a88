"""Who is late at a glance (every unit × period × state × due date) and the calendar of
every due date."""

import itertools

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext

from thidua.core import params
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.reports import rules
from thidua.reports.deadlines import local_today
from thidua.reports.enums import REPORT_STATES
from thidua.reports.models import ReportingPeriod, UnitReport
from thidua.reports.views.common import board_context, board_rows, with_moves


@login_required
def status_board(request):
    require(
        rules.can_see_board(request.user), gettext("Trang này dành cho Văn phòng Sở, lãnh đạo Sở và thủ trưởng đơn vị.")
    )
    rows = UnitReport.objects.visible_to(request.user)
    period = params.for_page(request, params.identifier, "ky")
    chosen = {
        "period": str(period or ""),
        "state": request.GET.get("trang-thai", ""),
        "overdue": request.GET.get("qua-han", ""),
    }
    if period:
        rows = rows.filter(period_id=period)
    if chosen["state"] in REPORT_STATES:
        rows = rows.filter(state=chosen["state"])
    if chosen["overdue"]:
        rows = rows.overdue()
    page = with_moves(request.user, paginate(request, board_rows(rows)))
    return render(
        request,
        "reports/status_board.html",
        board_context(request.user)
        | {
            "page_obj": page,
            "chosen": chosen,
            "states": REPORT_STATES,
            "periods": ReportingPeriod.objects.only("id", "title"),
        },
    )


@login_required
def calendar(request):
    """Every due date, month by month: the units' deadline and the office's own, with
    the state of the account's own unit reports beside each period."""
    periods = list(ReportingPeriod.objects.visible_to(request.user).order_by("due_date"))
    mine = UnitReport.objects.visible_to(request.user).filter(unit_id__in=rules.own_unit_ids(request.user))
    own = {}
    for report in mine.select_related("unit"):
        own.setdefault(report.period_id, []).append(report)
    events = [(p.due_date, "units", p) for p in periods] + [
        (p.office_due_date, "office", p) for p in periods if p.office_due_date
    ]
    events.sort(key=lambda e: (e[0], e[1]))
    months = [
        ((year, month), [{"date": d, "kind": k, "period": p, "own": own.get(p.pk, [])} for d, k, p in group])
        for (year, month), group in itertools.groupby(events, key=lambda e: (e[0].year, e[0].month))
    ]
    return render(request, "reports/calendar.html", {"months": months, "today": local_today()})
