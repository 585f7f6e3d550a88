"""The office receives or returns many unit reports in one action from the status board
or a period's page (`core/bulk.py`: a confirmation page, then each report through its
own service)."""

from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from thidua.core import bulk
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


accept_many, return_many = bulk.review_views(
    kind=REPORTS,
    check=_require_office,
    accept=lambda user, report: services.accept_report(report=report, actor=user),
    give_back=lambda user, report, reason: services.return_report(report=report, actor=user, reason=reason),
    form_class=ReturnForm,
    words=(
        bulk.Words(
            title=gettext_lazy("Tiếp nhận nhiều báo cáo"),
            will=gettext_lazy("Tiếp nhận"),
            done=gettext_lazy("Đã tiếp nhận %(count)s báo cáo."),
            warning=gettext_lazy("Báo cáo đã tiếp nhận không sửa được nữa và không chuyển lại được cho đơn vị."),
            button=gettext_lazy("Tiếp nhận các báo cáo này"),
        ),
        bulk.Words(
            title=gettext_lazy("Trả lại nhiều báo cáo"),
            will=gettext_lazy("Trả lại cho đơn vị, kèm cùng một lý do,"),
            done=gettext_lazy("Đã trả lại %(count)s báo cáo."),
            button=gettext_lazy("Trả lại các báo cáo này"),
        ),
    ),
)
