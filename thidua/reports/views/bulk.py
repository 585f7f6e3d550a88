"""The office receives or returns many unit reports in one action from the status board
or a period's page (`core/bulk.py`: a confirmation page, then each report through its
own service)."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core import bulk
from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.reports import rules, services
from thidua.reports.forms import ReturnForm
from thidua.reports.models import UnitReport

REPORTS = bulk.Kind(
    rows=lambda user: (
        UnitReport.objects.visible_to(user)
        .select_related("unit", "period")
        .order_by("period__due_date", "unit__order", "unit__name")
    ),
    label=lambda report: f"{report.unit.name} — {report.period.title}",
    url=lambda report: reverse("unit_report_detail", args=[report.pk]),
    moves=rules.MOVES,
    back="report_status_board",
)


def _require_office(user) -> None:
    require(rules.can_manage_periods(user), gettext("Chỉ Văn phòng Sở tiếp nhận, trả lại báo cáo."))


@login_required
@require_POST
def accept_many(request):
    _require_office(request.user)
    words = bulk.Words(
        title=gettext("Tiếp nhận nhiều báo cáo"),
        will=gettext("Tiếp nhận"),
        done=gettext("Đã tiếp nhận %(count)s báo cáo."),
        warning=gettext("Báo cáo đã tiếp nhận không sửa được nữa và không chuyển lại được cho đơn vị."),
        button=gettext("Tiếp nhận các báo cáo này"),
    )
    return bulk.move_many(
        request,
        REPORTS,
        State.ACCEPTED,
        move=lambda report: services.accept_report(report=report, actor=request.user),
        words=words,
    )


@login_required
@require_POST
def return_many(request):
    _require_office(request.user)
    words = bulk.Words(
        title=gettext("Trả lại nhiều báo cáo"),
        will=gettext("Trả lại cho đơn vị, kèm cùng một lý do,"),
        done=gettext("Đã trả lại %(count)s báo cáo."),
        button=gettext("Trả lại các báo cáo này"),
    )
    return bulk.move_many(
        request,
        REPORTS,
        State.RETURNED,
        move=lambda report, reason: services.return_report(report=report, actor=request.user, reason=reason),
        words=words,
        form_class=ReturnForm,
    )
