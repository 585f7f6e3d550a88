"""The department's consolidated report of a period: starting its generation (a
background job), editing the narrative, downloading .docx and .xlsx, issuing a number
and recording where it was sent."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, override
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_button, run_form
from thidua.core.downloads import attachment
from thidua.core.permissions import require
from thidua.documents import word_or_pdf
from thidua.organization import rules as org_rules
from thidua.reports import consolidation, rules
from thidua.reports.consolidated_report_docx import ConsolidatedReportDocx, filename, lines
from thidua.reports.consolidated_report_xlsx import ConsolidatedReportXlsx
from thidua.reports.deadlines import local_today
from thidua.reports.forms import ConsolidatedTextsForm, DispatchForm, IssueForm
from thidua.reports.models import ConsolidatedReport, ReportingPeriod
from thidua.reports.views.common import require_office


def _require_reader(user) -> None:
    require(
        rules.can_manage_periods(user) or org_rules.is_director(user),
        gettext("Báo cáo tổng hợp dành cho Văn phòng Sở và lãnh đạo Sở."),
    )


def _period(pk: int) -> ReportingPeriod:
    return get_object_or_404(ReportingPeriod.objects.select_related("plan__issuer"), pk=pk)


def _report(period) -> ConsolidatedReport:
    return get_object_or_404(ConsolidatedReport.objects.select_related("period__plan__issuer"), period=period)


@login_required
@require_http_methods(["GET", "POST"])
def detail(request, pk: int):
    _require_reader(request.user)
    period = _period(pk)
    report = ConsolidatedReport.objects.filter(period=period).select_related("period__plan__issuer").first()
    can_edit = rules.can_manage_periods(request.user) and report is not None and not report.is_issued
    form = ConsolidatedTextsForm(request.POST or None, instance=report) if can_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        consolidation.save_texts(report=report, actor=request.user, **form.cleaned_data)
        messages.success(request, gettext("Đã lưu nội dung báo cáo tổng hợp."))
        return redirect("consolidated_detail", pk=period.pk)
    return render(request, "reports/consolidated_detail.html", _context(request, period, report, form))


def _context(request, period, report, form) -> dict:
    dispatches = list(report.dispatches.all()) if report else []
    for dispatch in dispatches:
        dispatch.status_text = consolidation.dispatch_status(dispatch)
    recipients = (
        lines(report.addressees) + [r for r in lines(report.recipients) if not r.startswith("Lưu")] if report else []
    )
    return {
        "period": period,
        "report": report,
        "form": form,
        "dispatches": dispatches,
        "can_manage": rules.can_manage_periods(request.user),
        "figures": report.figures if report else {},
        "issue_form": IssueForm(initial={"issued_on": local_today()}, agency=period.plan.issuer),
        "dispatch_form": DispatchForm(recipients=recipients, initial={"sent_on": local_today()}),
    }


@login_required
@require_POST
def start(request, pk: int):
    require_office(request.user)
    period = _period(pk)
    return run_button(
        request,
        lambda: consolidation.start(period=period, actor=request.user),
        None,
        redirect("consolidated_detail", pk=period.pk),
        then=lambda job: redirect("job_detail", pk=job.pk),
    )


@login_required
def download_docx(request, pk: int):
    _require_reader(request.user)
    report = _report(_period(pk))
    with override("vi"):  # an official document stays Vietnamese whatever the interface language
        data = ConsolidatedReportDocx(report).render()
    return word_or_pdf.document(request, data, filename(report, "docx"))


@login_required
def download_xlsx(request, pk: int):
    _require_reader(request.user)
    report = _report(_period(pk))
    with override("vi"):
        data = ConsolidatedReportXlsx(report, report.dispatches.all()).render()
    return attachment(data, filename(report, "xlsx"))


@login_required
@require_POST
def issue(request, pk: int):
    require_office(request.user)
    report = _report(_period(pk))
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
        return redirect("consolidated_detail", pk=pk)
    return run_button(
        request,
        lambda: consolidation.issue(
            report=report,
            actor=request.user,
            issued_on=form.cleaned_data["issued_on"],
            number=form.cleaned_data["number"],
        ),
        lambda number: gettext("Đã cấp số %(number)s.") % {"number": number},
        redirect("consolidated_detail", pk=pk),
    )


@login_required
@require_POST
def dispatch(request, pk: int):
    require_office(request.user)
    period = _period(pk)
    report = _report(period)
    recipients = lines(report.addressees) + [r for r in lines(report.recipients) if not r.startswith("Lưu")]
    form = DispatchForm(request.POST, recipients=recipients)
    if answer := run_form(
        request,
        form,
        lambda data: consolidation.record_dispatch(report=report, actor=request.user, **data),
        lambda _: gettext("Đã ghi nhận gửi báo cáo đến %(recipient)s.") % form.cleaned_data,
        redirect("consolidated_detail", pk=pk),
        add_errors,
    ):
        return answer
    context = _context(request, period, report, None) | {"dispatch_form": form}
    return render(request, "reports/consolidated_detail.html", context, status=400)
