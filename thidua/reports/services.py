"""Actions on reporting periods and unit reports. Each checks who acts and what the
workflow allows, saves through the activity log (or `transition`), and says its side
effects. A unit report's row is only ever changed by conditional UPDATEs, never by
saving a stale copy, so a state set by someone else a moment ago is never overwritten.
`actor=None` is the system itself (the demo loader, management commands), which no page
or API call can pass: it may take every step."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.codes import State
from thidua.core.history import record, save_with_history, update_once
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.workflow import AlreadyChanged, TransitionError, transition
from thidua.organization.enums import Role, UnitKind
from thidua.organization.models import Membership, Person, Unit, User
from thidua.plans.models import Plan
from thidua.reports import content as report_content
from thidua.reports import rules
from thidua.reports.deadlines import duty_due_date, is_late
from thidua.reports.enums import DEFAULT_REQUIRED, EDITABLE, TRANSITIONS, PeriodKind
from thidua.reports.models import ReportingPeriod, Submission, UnitReport
from thidua.reports.notify import tell_office, tell_unit

# Units that report to the office: everything under the agency but its leadership and
# the office itself.
NOT_REPORTING = {UnitKind.PROVINCE, UnitKind.AGENCY, UnitKind.LEADERSHIP, UnitKind.OFFICE}


class MissingSections(ValidationError):
    """A required section is empty; the message names each one."""


class ReportLocked(TransitionError):
    """The report is with the office or accepted: the unit can no longer change it."""


# --- periods ------------------------------------------------------------------------
def default_units(agency: Unit) -> list[Unit]:
    ids = Unit.objects.subtree_ids([agency]) - {agency.pk}
    return list(Unit.objects.filter(pk__in=ids).exclude(kind__in=NOT_REPORTING))


def unit_heads(unit_ids) -> dict[int, list[int]]:
    """{unit id: [user ids of its heads]} in one query."""
    heads: dict[int, list[int]] = {}
    for unit_id, user_id in (
        Membership.objects.filter(role=Role.UNIT_HEAD, unit_id__in=unit_ids)
        .values_list("unit_id", "user_id")
        .order_by("id")
    ):
        heads.setdefault(unit_id, []).append(user_id)
    return heads


def _default_owners(units: list[Unit]) -> dict[int, Person]:
    heads = unit_heads([u.pk for u in units])
    people = Person.objects.in_bulk([uid for ids in heads.values() for uid in ids], field_name="user_id")
    return {unit_id: people[ids[0]] for unit_id, ids in heads.items() if ids and ids[0] in people}


def office_deadline(plan: Plan, year: int) -> datetime.date | None:
    """The last day of the plan's yearly report duty in `year` ("trước ngày 15/12": 14/12)."""
    duty = plan.report_duties.first()
    return duty_due_date(duty, year) if duty else None


def _check_period(*, plan: Plan, kind: str, year: int, due_date, office_due_date, exclude=None) -> None:
    errors = {}
    if not plan.start_year <= year <= plan.end_year:
        errors["year"] = gettext("Năm phải trong thời gian của kế hoạch (%(start)s–%(end)s).") % {
            "start": plan.start_year,
            "end": plan.end_year,
        }
    if office_due_date and due_date >= office_due_date:
        errors["due_date"] = gettext("Hạn nộp của các đơn vị phải trước hạn Văn phòng Sở gửi báo cáo (%(date)s).") % {
            "date": office_due_date.strftime("%d/%m/%Y")
        }
    same = ReportingPeriod.objects.filter(plan=plan, kind=kind, year=year).exclude(pk=getattr(exclude, "pk", None))
    if kind != PeriodKind.AD_HOC and same.exists():
        errors["kind"] = gettext("Kế hoạch đã có kỳ báo cáo loại này cho năm %(year)s.") % {"year": year}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_period(
    *,
    plan: Plan,
    kind: str,
    year: int,
    due_date: datetime.date,
    actor: User | None,
    title: str = "",
    units: list[Unit] | None = None,
    required_sections: list[str] | None = None,
    office_due_date: datetime.date | None = None,
) -> ReportingPeriod:
    """Open a reporting period and one unit report per unit, owned by the unit's head.

    Side effects: one ReportingPeriod, one UnitReport per unit (default: every unit
    under the plan's agency but the leadership and the office), activity-log rows, and
    a notice to each owner."""
    require(actor is None or rules.can_manage_periods(actor), gettext("Chỉ Văn phòng Sở được mở kỳ báo cáo."))
    if kind == PeriodKind.ANNUAL and office_due_date is None:
        office_due_date = office_deadline(plan, year)
    _check_period(plan=plan, kind=kind, year=year, due_date=due_date, office_due_date=office_due_date)
    period = save_with_history(
        ReportingPeriod(
            plan=plan,
            kind=kind,
            year=year,
            due_date=due_date,
            office_due_date=office_due_date,
            title=title or default_title(kind, year),
            created_by=actor,
            required_sections=list(DEFAULT_REQUIRED if required_sections is None else required_sections),
        ),
        actor=actor,
    )
    units = default_units(plan.issuer) if units is None else list(units)
    owners = _default_owners(units)
    for unit in units:
        report = UnitReport.objects.create(period=period, unit=unit, owner=owners.get(unit.pk))
        record(
            actor=actor, obj=report, action=ActivityLog.Action.CREATED, changes={"owner_id": [None, report.owner_id]}
        )
        tell_unit(
            report,
            gettext("Kỳ báo cáo mới: %(title)s — hạn nộp %(date)s.")
            % {"title": period.title, "date": period.due_date.strftime("%d/%m/%Y")},
        )
    return period


def default_title(kind: str, year: int) -> str:
    if kind in (PeriodKind.MID_TERM, PeriodKind.FINAL):
        return str(PeriodKind(kind).label)
    return gettext("%(kind)s %(year)s") % {"kind": PeriodKind(kind).label, "year": year}


def update_period(
    *,
    period: ReportingPeriod,
    actor: User | None,
    title: str,
    due_date: datetime.date,
    office_due_date: datetime.date | None,
    required_sections: list[str],
) -> ReportingPeriod:
    """Side effects: the period's title, dates and required sections, with history."""
    require(actor is None or rules.can_manage_periods(actor), gettext("Chỉ Văn phòng Sở được sửa kỳ báo cáo."))
    _check_period(
        plan=period.plan,
        kind=period.kind,
        year=period.year,
        due_date=due_date,
        office_due_date=office_due_date,
        exclude=period,
    )
    period.title, period.due_date, period.office_due_date = title, due_date, office_due_date
    period.required_sections = list(required_sections)
    return save_with_history(period, actor=actor)


# --- unit reports -------------------------------------------------------------------
def assign_owner(*, report: UnitReport, owner: Person, actor: User | None) -> UnitReport:
    """Side effects: the report's named owner, with history; a notice to the new owner."""
    require(
        actor is None or rules.can_assign_owner(actor, report),
        gettext("Chỉ Văn phòng Sở hoặc thủ trưởng đơn vị được giao người phụ trách."),
    )
    if owner.unit_id != report.unit_id:
        raise ValidationError(
            {"owner": gettext("Người phụ trách phải là cán bộ của đơn vị %(unit)s.") % {"unit": report.unit.name}}
        )
    update_once(report, actor=actor, values={"owner": owner})
    if owner.user_id:
        from thidua.notifications.services import notify

        notify(
            user=owner.user,
            text=gettext("Anh/chị được giao phụ trách %(report)s.") % {"report": report},
            link=report_content.link(report),
        )
    return report


@transaction.atomic
def save_content(*, report: UnitReport, content: dict, actor: User | None) -> UnitReport:
    """Save the unit's draft. Refused once the office has the report.

    Side effects: the report's content (conditional UPDATE on state and version, so
    two writers never silently overwrite each other) and an activity-log row listing
    the sections that changed."""
    require(
        actor is None or rules.can_write(actor, report),
        gettext("Chỉ người phụ trách hoặc thủ trưởng đơn vị được viết báo cáo."),
    )
    if report.state not in EDITABLE:
        raise ReportLocked(
            gettext("Báo cáo đang ở trạng thái «%(state)s», không sửa được nữa.")
            % {"state": report.get_state_display()}
        )
    content = report_content.clean(content, report.period)
    before = report.content
    updated = UnitReport.objects.filter(pk=report.pk, version=report.version, state__in=EDITABLE).update(
        content=content, version=F("version") + 1, updated_at=timezone.now()
    )
    report.refresh_from_db()
    if not updated:
        raise _changed_meanwhile(report)
    changes = report_content.diff(before, content)
    if changes:
        record(actor=actor, obj=report, action=ActivityLog.Action.CHANGED, changes=changes)
    return report


def _changed_meanwhile(report: UnitReport) -> AlreadyChanged:
    if report.state not in EDITABLE:
        return AlreadyChanged(
            gettext("Báo cáo đã được người khác chuyển sang «%(state)s» trước đó.")
            % {"state": report.get_state_display()}
        )
    return AlreadyChanged(gettext("Báo cáo vừa được người khác sửa. Hãy tải lại trang, xem lại rồi lưu."))


@transaction.atomic
def submit_report(
    *, report: UnitReport, actor: User | None, content: dict | None = None, at: datetime.datetime | None = None
) -> UnitReport:
    """Send the report to the office (saving `content` first when given). `at` is the
    moment of sending, now unless the demo replays a past one.

    Side effects: the content (if given), the move to «Đã gửi» with the first and last
    submission times and the late flag, a Submission snapshot of the content, and a
    notice to the office. Raises MissingSections naming each empty required section,
    and AlreadyChanged when someone else submitted it first."""
    if content is not None:
        report = save_content(report=report, content=content, actor=actor)
    require(
        actor is None or rules.can_submit(actor, report),
        gettext("Chỉ người phụ trách hoặc thủ trưởng đơn vị được gửi báo cáo."),
    )
    missing = report_content.missing_sections(report.content, report.period)
    if missing:
        raise MissingSections(gettext("Chưa điền phần bắt buộc: %(sections)s.") % {"sections": "; ".join(missing)})
    now = at or timezone.now()
    late = is_late(now, report.period.due_date)
    fields = {"last_submitted_at": now}
    if report.submitted_at is None:
        fields |= {"submitted_at": now, "is_late": late}
    transition(report, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, fields=fields)
    number = report.submissions.count() + 1
    Submission.objects.create(
        report=report, number=number, submitted_at=now, submitted_by=actor, is_late=late, content=report.content
    )
    tell_office(
        report, gettext("%(unit)s đã gửi %(period)s.") % {"unit": report.unit.name, "period": report.period.title}
    )
    return report


@transaction.atomic
def return_report(*, report: UnitReport, actor: User | None, reason: str) -> UnitReport:
    """Send the report back to the unit with the reason.

    Side effects: the move to «Bị trả lại (kèm lý do)» with the reason (also the
    activity-log note) and a notice to the owner and the unit's heads."""
    require(actor is None or rules.can_return(actor, report), gettext("Chỉ Văn phòng Sở được trả lại báo cáo."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.")})
    transition(
        report, to=State.RETURNED, actor=actor, allowed=TRANSITIONS, note=reason, fields={"return_reason": reason}
    )
    tell_unit(report, gettext("%(period)s bị trả lại: %(reason)s") % {"period": report.period.title, "reason": reason})
    return report


@transaction.atomic
def accept_report(*, report: UnitReport, actor: User | None, at: datetime.datetime | None = None) -> UnitReport:
    """Accept the report. From now on it is read-only.

    Side effects: the move to «Đã tiếp nhận» with who and when, and a notice to the owner and the unit's heads."""
    require(actor is None or rules.can_accept(actor, report), gettext("Chỉ Văn phòng Sở được tiếp nhận báo cáo."))
    # No edit is possible while the office holds the report (save_content refuses),
    # so the content accepted is the last submission, exactly as sent.
    fields = {"accepted_at": at or timezone.now(), "accepted_by": actor}
    transition(report, to=State.ACCEPTED, actor=actor, allowed=TRANSITIONS, fields=fields)
    tell_unit(report, gettext("Văn phòng Sở đã tiếp nhận %(period)s.") % {"period": report.period.title})
    return report
