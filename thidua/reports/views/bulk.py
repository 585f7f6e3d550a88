"""The office receives or returns many unit reports in one action from the status board
or a period's page (`core/bulk.py`: a confirmation page, then each report through its
own service)."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core import bulk
from thidua.core.actions import safe_next
from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.reports import rules, services
from thidua.reports.forms import ReturnForm
from thidua.reports.models import UnitReport


def _items(request, to: str) -> list[bulk.Item]:
    require(rules.can_manage_periods(request.user), gettext("Chỉ Văn phòng Sở tiếp nhận, trả lại báo cáo."))
    reports = bulk.chosen(request, UnitReport.objects.visible_to(request.user).select_related("unit", "period"))
    reports.sort(key=lambda r: (r.period.due_date, r.unit.order, r.unit.name))
    return [
        bulk.Item(
            r,
            f"{r.unit.name} — {r.period.title}",
            reverse("unit_report_detail", args=[r.pk]),
            bulk.why_not(request.user, r, to=to, moves=rules.MOVES),
        )
        for r in reports
    ]


def _back(request) -> str:
    return safe_next(request, reverse("report_status_board"))


@login_required
@require_POST
def accept_many(request):
    words = bulk.Words(
        title=gettext("Tiếp nhận nhiều báo cáo"),
        will=gettext("Tiếp nhận"),
        done=gettext("Đã tiếp nhận %(count)s báo cáo."),
        warning=gettext("Báo cáo đã tiếp nhận không sửa được nữa và không chuyển lại được cho đơn vị."),
        button=gettext("Tiếp nhận các báo cáo này"),
    )
    return bulk.confirm_then_run(
        request,
        _items(request, State.ACCEPTED),
        move=lambda report: services.accept_report(report=report, actor=request.user),
        words=words,
        back=_back(request),
    )


@login_required
@require_POST
def return_many(request):
    words = bulk.Words(
        title=gettext("Trả lại nhiều báo cáo"),
        will=gettext("Trả lại cho đơn vị, kèm cùng một lý do,"),
        done=gettext("Đã trả lại %(count)s báo cáo."),
        button=gettext("Trả lại các báo cáo này"),
    )
    return bulk.confirm_then_run(
        request,
        _items(request, State.RETURNED),
        move=lambda report, reason: services.return_report(report=report, actor=request.user, reason=reason),
        words=words,
        back=_back(request),
        form_class=ReturnForm,
    )
