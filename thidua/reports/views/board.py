"""Who is late at a glance (every unit × period × state × due date) and the calendar of
every due date."""

import itertools
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext

from thidua.core import params
from thidua.core.db_functions import Fold
from thidua.core.downloads import attachment
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.core.text import fold
from thidua.reports import board_export, rules
from thidua.reports.deadlines import local_today
from thidua.reports.enums import REPORT_STATES
from thidua.reports.models import ReportingPeriod, UnitReport
from thidua.reports.views.common import board_context, board_rows, with_moves

FILTERS = ("ky", "trang-thai", "qua-han", "q")


def _require_board(user) -> None:
    require(rules.can_see_board(user), gettext("Trang này dành cho Văn phòng Sở, lãnh đạo Sở và thủ trưởng đơn vị."))


def next_due_period(user) -> int | None:
    """The period whose units' report is due next (today or later), which the board
    opens on when none is chosen; None (every period) once all are past."""
    upcoming = ReportingPeriod.objects.visible_to(user).filter(due_date__gte=local_today())
    return upcoming.order_by("due_date", "id").values_list("id", flat=True).first()


def board_filter(request):
    """The board's rows for the filter asked for, and what was chosen: one function for
    the page and its Excel export, so both always hold the same rows. Opened with no
    filter at all, the board shows the next period due; ?ky= left empty means every
    period, and a link that filters otherwise (the home's "overdue" or "awaiting
    acceptance", whose reports belong to past periods) is not narrowed to one period."""
    rows = UnitReport.objects.visible_to(request.user)
    if any(key in request.GET for key in FILTERS):
        period = params.for_page(request, params.identifier, "ky")
    else:
        period = next_due_period(request.user)
    chosen = {
        "period": str(period or ""),
        "state": request.GET.get("trang-thai", ""),
        "overdue": request.GET.get("qua-han", ""),
        "q": request.GET.get("q", "").strip(),
    }
    if period:
        rows = rows.filter(period_id=period)
    if chosen["state"] in REPORT_STATES:
        rows = rows.filter(state=chosen["state"])
    if chosen["overdue"]:
        rows = rows.overdue()
    rows = _search(rows, chosen["q"])
    return board_rows(rows), chosen


def _search(rows, text: str):
    """Units whose name holds every word typed, with or without accents."""
    words = fold(text).split()
    if words:
        rows = rows.annotate(_unit=Fold("unit__name"))
        for word in words:
            rows = rows.filter(_unit__contains=word)
    return rows


def _chosen_query(chosen: dict) -> str:
    """The filter as a query string for the export link. `ky` is always kept, even
    empty: empty means every period, absent means the next period due."""
    others = {"trang-thai": chosen["state"], "qua-han": chosen["overdue"], "q": chosen["q"]}
    return urlencode({"ky": chosen["period"]} | {key: value for key, value in others.items() if value})


@login_required
def status_board(request):
    _require_board(request.user)
    rows, chosen = board_filter(request)
    page = with_moves(request.user, paginate(request, rows))
    return render(
        request,
        "reports/status_board.html",
        board_context(request.user)
        | {
            "page_obj": page,
            "chosen": chosen,
            "query": _chosen_query(chosen),
            "states": REPORT_STATES,
            "periods": ReportingPeriod.objects.only("id", "title"),
        },
    )


@login_required
def status_board_xlsx(request):
    _require_board(request.user)
    rows, _chosen = board_filter(request)
    return attachment(board_export.workbook(rows), board_export.FILENAME)


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
