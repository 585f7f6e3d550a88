"""A unit's report: writing it (with the pre-filled suggestions), saving the draft,
sending it, and the office's return, accept and remind; plus "my unit's reports"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_button, run_form, safe_next
from thidua.core.codes import State
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.reports import content, prefill, reminders, rules, services
from thidua.reports.enums import EDITABLE
from thidua.reports.forms import OwnerForm, ReportContentForm, ReturnForm
from thidua.reports.models import UnitReport
from thidua.reports.views.common import (
    board_context,
    board_rows,
    with_moves,
)


def _report(request, pk: int) -> UnitReport:
    """Another unit's report answers 404, as if it did not exist."""
    reports = UnitReport.objects.visible_to(request.user).select_related("period__plan", "unit", "owner")
    return get_object_or_404(reports, pk=pk)


@login_required
def my_reports(request):
    mine = Q(owner__user=request.user) | Q(unit_id__in=rules.own_unit_ids(request.user))
    rows = board_rows(UnitReport.objects.visible_to(request.user).filter(mine))
    page = with_moves(request.user, paginate(request, rows))
    return render(request, "reports/my_reports.html", board_context(request.user) | {"page_obj": page})


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request, pk: int):
    report = _report(request, pk)
    areas = content.areas_of(report.period)
    form = None
    if report.state in EDITABLE and rules.can_write(request.user, report):
        form = _content_form(request, report, areas)
        if request.method == "POST" and (answer := _write(request, report, form)):
            return answer
    return render(request, "reports/report_detail.html", _detail_context(request, report, areas, form))


def _content_form(request, report: UnitReport, areas) -> ReportContentForm:
    """The writing form, with the boxes pre-filled from recorded data marked."""
    initial, prefilled = _initial(report, areas)
    form = ReportContentForm(
        request.POST or None, areas=areas, required=report.period.required_sections, initial=initial
    )
    form.prefilled = prefilled
    return form


def _write(request, report: UnitReport, form: ReportContentForm):
    """Send the report, or save the draft: said as a warning, since it has not gone anywhere yet."""
    back = redirect("unit_report_detail", pk=report.pk)
    if request.POST.get("action") == "submit":
        return run_form(
            request,
            form,
            lambda _: services.submit_report(report=report, actor=request.user, content=form.content()),
            lambda _: (
                gettext("Đã gửi báo cáo lúc %(time)s. Văn phòng Sở đã nhận được.")
                % {"time": timezone.localtime().strftime("%H:%M %d/%m/%Y")}
            ),
            back,
            add_errors,
        )
    return run_form(
        request,
        form,
        lambda _: services.save_content(report=report, actor=request.user, content=form.content()),
        gettext("Đã lưu nháp. Báo cáo CHƯA được gửi: Văn phòng Sở chưa nhận được. Khi xong, bấm «Gửi báo cáo»."),
        back,
        add_errors,
        level=messages.WARNING,
    )


def _initial(report: UnitReport, areas) -> tuple[dict, set[str]]:
    """What the unit wrote, and for each box still empty, the suggestion from recorded
    data. Returns the initial values and the names of the boxes that were pre-filled."""
    written = ReportContentForm.initial_from(report.content, areas)
    suggested = ReportContentForm.initial_from(prefill.suggestions(report, areas), areas)
    prefilled = {name for name, text in written.items() if not text.strip() and suggested.get(name)}
    return {name: suggested[name] if name in prefilled else text for name, text in written.items()}, prefilled


def _detail_context(request, report: UnitReport, areas, form) -> dict:
    user = request.user
    submissions = list(report.submissions.select_related("submitted_by__person"))
    shown = submissions[-1].content if report.state == State.ACCEPTED and submissions else report.content
    can_manage = rules.can_manage_periods(user)
    return board_context(user) | {
        "report": report,
        "period": report.period,
        "form": form,
        "submissions": submissions,
        "sections": content.sections_for_display(shown, areas),
        "missing": content.missing_sections(report.content, report.period),
        "can_submit": rules.MOVES.may(user, report, State.SUBMITTED),
        "can_accept": rules.MOVES.may(user, report, State.ACCEPTED),
        "return_form": ReturnForm() if rules.MOVES.may(user, report, State.RETURNED) else None,
        "owner_form": OwnerForm(unit=report.unit, initial={"owner": report.owner_id})
        if rules.can_assign_owner(user, report)
        else None,
        "reminders": report.reminders.select_related("recipient__person")[:20] if can_manage else [],
        "history": report.history()[:15],
    }


@login_required
@require_POST
def report_return(request, pk: int):
    report = _report(request, pk)
    require(rules.can_return(request.user, report), gettext("Chỉ Văn phòng Sở được trả lại báo cáo."))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
        return redirect("unit_report_detail", pk=report.pk)
    return run_button(
        request,
        lambda: services.return_report(report=report, actor=request.user, reason=form.cleaned_data["reason"]),
        gettext("Đã trả lại báo cáo cho %(unit)s kèm lý do.") % {"unit": report.unit.name},
        redirect("unit_report_detail", pk=report.pk),
    )


@login_required
@require_POST
def report_accept(request, pk: int):
    report = _report(request, pk)
    return run_button(
        request,
        lambda: services.accept_report(report=report, actor=request.user),
        gettext("Đã tiếp nhận báo cáo của %(unit)s. Nội dung đã được khóa.") % {"unit": report.unit.name},
        redirect("unit_report_detail", pk=report.pk),
    )


@login_required
@require_POST
def report_remind(request, pk: int):
    report = _report(request, pk)  # the service asks `rules.can_remind`
    target = safe_next(request)
    return run_button(
        request,
        lambda: reminders.remind_report(report=report, actor=request.user),
        lambda count: _reminded(report, count),
        redirect(target) if target else redirect("report_period_detail", pk=report.period_id),
    )


def _reminded(report: UnitReport, count: int) -> str:
    text = (
        gettext("Đã nhắc %(unit)s (%(n)s người nhận).")
        if count
        else gettext("Hôm nay đã nhắc %(unit)s rồi; mỗi ngày nhắc một lần.")
    )
    return text % {"unit": report.unit.name, "n": count}


@login_required
@require_POST
def report_owner(request, pk: int):
    report = _report(request, pk)
    require(
        rules.can_assign_owner(request.user, report),
        gettext("Chỉ Văn phòng Sở hoặc thủ trưởng đơn vị được giao người phụ trách."),
    )
    form = OwnerForm(request.POST, unit=report.unit)
    back = redirect("unit_report_detail", pk=report.pk)
    if not form.is_valid():
        messages.error(request, gettext("Hãy chọn một cán bộ của đơn vị."))
        return back
    owner = form.cleaned_data["owner"]
    return run_button(
        request,
        lambda: services.assign_owner(report=report, owner=owner, actor=request.user),
        gettext("Đã giao %(name)s phụ trách báo cáo.") % {"name": owner.full_name},
        back,
    )
