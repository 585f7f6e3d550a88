"""The department's consolidated report for a period: figures gathered from the
accepted unit reports and the recorded data, narrative parts the office edits, the
document number when it is issued, and the record of where it was sent.

`actor=None` stands for the command line (`thidua consolidate_report`), which is run
by whoever operates the server."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from thidua.core.codes import State
from thidua.core.history import save_with_history, update_once
from thidua.core.permissions import require
from thidua.organization.models import User
from thidua.outgoing.models import DocumentType
from thidua.outgoing.numbering import issue_number
from thidua.reports import content, prefill, rules
from thidua.reports.deadlines import local_today
from thidua.reports.enums import PeriodKind, Section
from thidua.reports.models import ConsolidatedReport, Dispatch, ReportingPeriod, Submission
from thidua.reports.wording import CONSOLIDATED

NARRATIVE = ["overview", "results_text", "limitations", "tasks_ahead", "proposals"]


def _require_office(actor) -> None:
    require(actor is None or rules.can_manage_periods(actor), gettext("Chỉ Văn phòng Sở được lập báo cáo tổng hợp."))


def start(*, period: ReportingPeriod, actor: User | None):
    """Start the consolidation as a job (inline without Redis). Returns the Job."""
    from thidua import jobs

    _require_office(actor)
    _refuse_if_issued(period)
    return jobs.run("consolidated_report", actor=actor, period_id=period.pk, actor_id=getattr(actor, "pk", None))


def consolidate_job(job, *, period_id: int, actor_id: int | None):
    """The job: consolidate with progress, then attach the Word file as its result."""
    from thidua.jobs.registry import JobResult
    from thidua.jobs.runner import progress
    from thidua.organization.models import User
    from thidua.reports.consolidated_report_docx import ConsolidatedReportDocx, filename

    period = ReportingPeriod.objects.select_related("plan").get(pk=period_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    report = consolidate(period=period, actor=actor, on_progress=lambda p, m: progress(job, p, m))
    progress(job, 95, gettext("Đang tạo tệp Word…"))
    with override("vi"):
        data = ConsolidatedReportDocx(report).render()
    return JobResult(
        filename=filename(report, "docx"), content=data, link=reverse("consolidated_detail", args=[period.pk])
    )


@transaction.atomic
def consolidate(*, period: ReportingPeriod, actor: User | None, on_progress=None) -> ConsolidatedReport:
    """Gather the figures of `period` into its consolidated report, creating it with
    default texts the first time. Texts the office already wrote are kept.

    Side effects: the ConsolidatedReport row (figures, generation time, any empty
    narrative part filled) with history. Refused once the report has a number."""
    _require_office(actor)
    _refuse_if_issued(period)
    tick = on_progress or (lambda percent, message: None)
    tick(5, gettext("Đang đọc báo cáo của các đơn vị…"))
    figures = gather(period, tick)
    report = ConsolidatedReport.objects.filter(period=period).first() or _new_report(period)
    report.figures, report.generated_at = figures, timezone.now()
    for field, text in default_texts(period, figures).items():
        if not getattr(report, field).strip():
            setattr(report, field, text)
    tick(90, gettext("Đã tổng hợp số liệu."))
    return save_with_history(report, actor=actor)


def _refuse_if_issued(period: ReportingPeriod) -> None:
    issued = ConsolidatedReport.objects.filter(period=period).exclude(number_symbol="").first()
    if issued:
        raise ValidationError(
            gettext("Báo cáo tổng hợp đã được cấp số %(number)s; không tổng hợp lại được.")
            % {"number": issued.number_symbol}
        )


def addressees_for(period: ReportingPeriod, texts=None) -> list[str]:
    """Kính gửi as the plan names it for this kind of report: every consolidated report
    goes to the provincial People's Committee (the default wording; the plan's duty
    2.1, "tổng hợp, báo cáo Ủy ban nhân dân tỉnh"); only the yearly one also goes to the
    departments of duty 2.2, which asked for the yearly report and no other."""
    addressees = (texts or CONSOLIDATED.in_force()).lines("kinh_gui")
    duty = period.plan.report_duties.first()
    if period.kind == PeriodKind.ANNUAL and duty:
        addressees += [name for name in duty.recipient_list if name not in addressees]
    return addressees


def _new_report(period: ReportingPeriod) -> ConsolidatedReport:
    texts = CONSOLIDATED.in_force()
    return ConsolidatedReport(
        period=period,
        addressees="\n".join(addressees_for(period, texts)),
        recipients="\n".join(texts.lines("noi_nhan")),
        summary=gettext(
            "Kết quả triển khai thực hiện phong trào thi đua đổi mới sáng tạo, chuyển đổi số và chuyển đổi xanh "
            "— %(period)s"
        )
        % {"period": period.title.lower()},
    )


# --- the figures ------------------------------------------------------------------------
def gather(period: ReportingPeriod, tick) -> dict:
    reports = list(period.unit_reports.select_related("unit").order_by("unit__order", "unit__name"))
    unit_ids = [r.unit_id for r in reports]
    accepted = _accepted_contents(reports)
    counts = prefill.result_counts(period, unit_ids)
    tick(30, gettext("Đang đọc kết quả đã ghi nhận…"))
    initiatives = prefill.initiative_rows(period, unit_ids)
    tick(50, gettext("Đang đọc chỉ tiêu và sáng kiến…"))
    indicators = prefill.indicator_rows(period)
    areas = content.areas_of(period)
    tick(70, gettext("Đang lập các bảng…"))
    return {
        "units": [_unit_row(r, counts["units"], initiatives) for r in reports],
        "areas": [_area_row(a, counts["areas"], reports, accepted) for a in areas],
        "indicators": indicators,
        "initiatives": initiatives,
        "examples": _texts(reports, accepted, Section.EXAMPLES),
        "difficulties": _texts(reports, accepted, Section.DIFFICULTIES),
        "totals": _totals(reports, counts, initiatives),
    }


def _accepted_contents(reports) -> dict[int, dict]:
    """{report id: content of its last submission} for accepted reports, one query."""
    ids = [r.pk for r in reports if r.state == State.ACCEPTED]
    rows = Submission.objects.filter(report_id__in=ids).order_by("number").values_list("report_id", "content")
    return dict(rows)  # ordered by number, so each report keeps its last submission


def _unit_row(report, unit_counts, initiatives) -> dict:
    counts = unit_counts.get(report.unit_id, {})
    return {
        "unit": report.unit.name,
        "state": report.state,
        "state_label": str(report.get_state_display()),
        "submitted": timezone.localtime(report.submitted_at).strftime("%d/%m/%Y") if report.submitted_at else "",
        "late": report.is_late,
        "results": counts.get("total", 0),
        "confirmed": counts.get("confirmed", 0),
        "initiatives": sum(1 for i in initiatives if i["unit_id"] == report.unit_id),
    }


def _area_row(area, area_counts, reports, accepted) -> dict:
    counts = area_counts.get(area.pk, {})
    texts = [
        {"unit": r.unit.name, "text": (accepted[r.pk].get(Section.RESULTS) or {}).get(str(area.pk), "")}
        for r in reports
        if r.pk in accepted
    ]
    return {
        "number": area.number,
        "title": area.short_title,
        "results": counts.get("total", 0),
        "confirmed": counts.get("confirmed", 0),
        "units": counts.get("units", 0),
        "texts": [t for t in texts if t["text"].strip()],
    }


def _texts(reports, accepted, section) -> list[dict]:
    rows = [{"unit": r.unit.name, "text": accepted[r.pk].get(section.value, "")} for r in reports if r.pk in accepted]
    return [row for row in rows if row["text"].strip()]


def _totals(reports, counts, initiatives) -> dict:
    return {
        "units": len(reports),
        "submitted": sum(1 for r in reports if r.submitted_at),
        "accepted": sum(1 for r in reports if r.state == State.ACCEPTED),
        "late": sum(1 for r in reports if r.is_late),
        "results": sum(c.get("total", 0) for c in counts["units"].values()),
        "confirmed": sum(c.get("confirmed", 0) for c in counts["units"].values()),
        "recognised": sum(1 for i in initiatives if i["recognised"]),
        "replicated": sum(1 for i in initiatives if i.get("replicated")),
    }


def default_texts(period: ReportingPeriod, figures: dict) -> dict:
    totals = figures["totals"]
    texts = {
        "overview": gettext(
            "Kỳ báo cáo có %(units)s đơn vị phải báo cáo; %(submitted)s đơn vị đã gửi báo cáo, "
            "%(accepted)s báo cáo đã được Văn phòng Sở tiếp nhận; %(late)s đơn vị nộp muộn."
        )
        % totals,
        "results_text": gettext(
            "Trong kỳ, các đơn vị đã ghi nhận %(results)s kết quả (%(confirmed)s kết quả đã được "
            "xác nhận); %(recognised)s sáng kiến được công nhận."
        )
        % totals
        + _replicated_sentence(totals),
        "limitations": "\n".join(f"- {row['unit']}: {_first_line(row['text'])}" for row in figures["difficulties"]),
        "tasks_ahead": gettext(
            "Tiếp tục triển khai các nội dung thi đua của Kế hoạch; nhân rộng các sáng kiến, "
            "điển hình tiên tiến; hoàn thành các chỉ tiêu năm %(year)s."
        )
        % {"year": period.year},
    }
    return texts


def _replicated_sentence(totals: dict) -> str:
    """Said only for figures gathered since replication is counted (older stored figures
    lack it)."""
    if "replicated" not in totals:
        return ""
    return " " + gettext("%(replicated)s sáng kiến đã được các đơn vị khác nhân rộng.") % totals


def _first_line(text: str) -> str:
    return next((line.strip(" -") for line in text.splitlines() if line.strip()), "")


# --- editing, issuing, dispatch ------------------------------------------------------------
def save_texts(*, report: ConsolidatedReport, actor: User | None, **fields) -> ConsolidatedReport:
    """Side effects: the narrative, trích yếu, Kính gửi and Nơi nhận, with history.
    Refused once the report has a number: the issued text is what was sent."""
    _require_office(actor)
    if report.is_issued:
        raise ValidationError(
            gettext("Báo cáo đã cấp số %(number)s; không sửa được nữa.") % {"number": report.number_symbol}
        )
    for name, value in fields.items():
        setattr(report, name, value)
    return save_with_history(report, actor=actor)


@transaction.atomic
def issue(
    *, report: ConsolidatedReport, actor: User | None, issued_on: datetime.date | None = None, number: int | None = None
) -> str:
    """Give the report its number (e.g. "12/BC-STP") from the register, or `number` when
    the văn thư chose a free one. Once only; the date is checked against the register.

    Side effects: a number from the register (see outgoing.numbering), the report's
    number, date and issuer, with history."""
    _require_office(actor)
    report = ConsolidatedReport.objects.select_for_update().select_related("period__plan__issuer").get(pk=report.pk)
    if report.is_issued:
        raise ValidationError(gettext("Báo cáo đã được cấp số %(number)s.") % {"number": report.number_symbol})
    issued_on = issued_on or local_today()
    plan = report.period.plan
    number_symbol = issue_number(
        doc_type=DocumentType.BC, on=issued_on, agency=plan.issuer, actor=actor, subject=report.summary, number=number
    )
    update_once(
        report, actor=actor, values={"number_symbol": number_symbol, "issued_on": issued_on, "issued_by": actor}
    )
    return number_symbol


def record_dispatch(
    *,
    report: ConsolidatedReport,
    actor: User | None,
    recipient: str,
    channel: str,
    sent_on: datetime.date,
    reference: str = "",
) -> Dispatch:
    """Side effects: one Dispatch row (under the report's number) with history."""
    _require_office(actor)
    if not report.is_issued:
        raise ValidationError(gettext("Hãy cấp số cho báo cáo trước khi ghi nhận gửi đi."))
    if sent_on < report.issued_on:
        raise ValidationError(
            {
                "sent_on": gettext("Ngày gửi không thể trước ngày ban hành (%(date)s).")
                % {"date": report.issued_on.strftime("%d/%m/%Y")}
            }
        )
    return save_with_history(
        Dispatch(
            report=report,
            recipient=recipient.strip(),
            channel=channel,
            sent_on=sent_on,
            number_symbol=report.number_symbol,
            reference=reference.strip(),
            recorded_by=actor,
        ),
        actor=actor,
    )


def dispatch_status(dispatch: Dispatch) -> str:
    """'Đã gửi đúng hạn (hạn cuối 14/12)', or how many days late, for one recipient. The
    office's deadline is the last day on time (`deadlines.duty_due_date`), so a report
    the plan wants "trước ngày 15/12" and sent on 15/12 is one day late."""
    due = dispatch.report.period.office_due_date
    if due is None:
        return gettext("Đã gửi ngày %(date)s") % {"date": dispatch.sent_on.strftime("%d/%m/%Y")}
    values = {"due": due.strftime("%d/%m"), "n": dispatch.days_late()}
    if not values["n"]:
        return gettext("Đã gửi đúng hạn (hạn cuối %(due)s)") % values
    return gettext("Gửi muộn %(n)s ngày so với hạn cuối %(due)s") % values
