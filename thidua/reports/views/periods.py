"""The office's reporting periods: the list, opening and editing one, its status board
and its one-click reminders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_form
from thidua.core.codes import State
from thidua.core.pagination import paginate
from thidua.organization.models import Unit
from thidua.plans.models import Plan
from thidua.reports import reminders, rules, services
from thidua.reports.enums import AWAITING, FIXED_YEARS
from thidua.reports.forms import PeriodEditForm, PeriodForm
from thidua.reports.models import ConsolidatedReport, ReportingPeriod, UnitReport
from thidua.reports.views.common import (
    board_context,
    board_rows,
    require_office,
    with_moves,
)


@login_required
def period_list(request):
    periods = (
        ReportingPeriod.objects.visible_to(request.user)
        .select_related("plan")
        .annotate(
            total=Count("unit_reports"),
            submitted=Count("unit_reports", filter=Q(unit_reports__submitted_at__isnull=False)),
            accepted=Count("unit_reports", filter=Q(unit_reports__state=State.ACCEPTED)),
        )
        .order_by("-due_date", "-id")
    )
    return render(
        request,
        "reports/period_list.html",
        {"page_obj": paginate(request, periods), "can_manage": rules.can_manage_periods(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def period_create(request):
    require_office(request.user)
    plan = Plan.objects.current_or_404()
    candidates = Unit.objects.filter(pk__in=[u.pk for u in services.default_units(plan.issuer)])
    form = PeriodForm(request.POST or None, units=candidates, initial={"year": _default_year(request)})
    if answer := run_form(
        request,
        form,
        lambda data: services.create_period(plan=plan, actor=request.user, **data | {"units": list(data["units"])}),
        lambda period: (
            gettext("Đã mở kỳ báo cáo «%(title)s» cho %(n)s đơn vị.")
            % {"title": period.title, "n": period.unit_reports.count()}
        ),
        None,
        add_errors,
        then=lambda period: redirect("report_period_detail", pk=period.pk),
    ):
        return answer
    return render(request, "reports/period_form.html", {"form": form, "plan": plan})


def _default_year(request) -> int:
    from thidua.reports.deadlines import local_today

    kind = request.GET.get("loai")
    return FIXED_YEARS.get(kind, local_today().year)


@login_required
@require_http_methods(["GET", "POST"])
def period_edit(request, pk: int):
    require_office(request.user)
    period = get_object_or_404(ReportingPeriod.objects.select_related("plan"), pk=pk)
    initial = {
        "title": period.title,
        "due_date": period.due_date,
        "office_due_date": period.office_due_date,
        "required_sections": period.required_sections,
    }
    form = PeriodEditForm(request.POST or None, initial=initial)
    if answer := run_form(
        request,
        form,
        lambda data: services.update_period(period=period, actor=request.user, **data),
        gettext("Đã lưu kỳ báo cáo. Lịch sử sửa đổi được ghi lại."),
        redirect("report_period_detail", pk=period.pk),
        add_errors,
    ):
        return answer
    return render(request, "reports/period_edit.html", {"form": form, "period": period})


@login_required
def period_detail(request, pk: int):
    period = get_object_or_404(ReportingPeriod.objects.visible_to(request.user).select_related("plan"), pk=pk)
    reports = UnitReport.objects.visible_to(request.user).filter(period=period)
    rows = with_moves(request.user, list(board_rows(reports)))
    context = board_context(request.user) | {
        "period": period,
        "rows": rows,
        "consolidated": ConsolidatedReport.objects.filter(period=period).only("id", "number_symbol").first(),
        "overdue_count": sum(1 for r in rows if r.is_overdue()),
        "awaiting_count": sum(1 for r in rows if r.state in AWAITING),
    }
    return render(request, "reports/period_detail.html", context)


@login_required
@require_POST
def period_remind(request, pk: int):
    """One click: remind every late unit (or every unit not yet submitted)."""
    require_office(request.user)
    period = get_object_or_404(ReportingPeriod, pk=pk)
    overdue_only = request.POST.get("pham-vi") != "chua-gui"
    units, people = reminders.remind_many(period=period, actor=request.user, overdue_only=overdue_only)
    if units:
        messages.success(
            request, gettext("Đã nhắc %(units)s đơn vị (%(people)s người nhận).") % {"units": units, "people": people}
        )
    else:
        messages.info(request, gettext("Không có đơn vị nào cần nhắc thêm hôm nay."))
    return redirect("report_period_detail", pk=period.pk)
