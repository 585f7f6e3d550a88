"""The demo year's reports (demo-story.md): the six-monthly reports due 30/06/2026, all
accepted; and the annual reports due 30/11/2026 — most units submitted on time, the
legal-aid centre (TGPL, the second demo unit head's) late after a reminder from the
office on 01/12, and the PBGD division (the first demo unit head's) still writing its
draft.

Idempotent: a period is keyed on its plan, kind and year, and a unit report is moved
only while it is untouched (a draft never submitted, or a report sent once and not yet
looked at), so a second run adds nothing and overwrites nothing entered since."""

import datetime

from django.db import transaction
from django.utils import timezone

from thidua.core.codes import State
from thidua.organization.models import Person, User
from thidua.plans.models import Plan
from thidua.reports import content, prefill, reminders, services
from thidua.reports.deadlines import ZONE
from thidua.reports.enums import PeriodKind, Section
from thidua.reports.models import ReportingPeriod, UnitReport

SIX_MONTHLY_DUE = datetime.date(2026, 6, 30)
ANNUAL_DUE = datetime.date(2026, 11, 30)
LATE_UNIT, DRAFT_UNIT = "TGPL", "PBGD"
REMINDED_ON = datetime.date(2026, 12, 1)

# What each unit writes where its recorded data says nothing yet.
WORDS = {
    "XDKT": ("1", "Tổ chức 03 hội nghị quán triệt Nghị quyết 57-NQ/TW cho công chức của phòng."),
    "PBGD": ("2", "Tiếp nhận hồ sơ cấp Phiếu lý lịch tư pháp trực tuyến; trả phiếu điện tử trên VNeID."),
    "BTTP": ("3", "Hướng dẫn các tổ chức hành nghề công chứng, luật sư sử dụng phần mềm quản lý chung."),
    "TGPL": ("4", "Trợ giúp pháp lý lưu động tại các xã vùng cao; tư vấn qua điện thoại và Zalo."),
    "CC1": ("5", "Giảm 40% giấy in nhờ lưu trữ hồ sơ công chứng điện tử."),
    "DGTS": ("2", "Thử nghiệm đấu giá trực tuyến đối với tài sản là phương tiện giao thông."),
}
DIFFICULTY = (
    "Thiết bị ký số và đường truyền tại một số điểm tiếp nhận còn hạn chế; "
    "đề nghị Sở bổ sung kinh phí nâng cấp trong năm tới."
)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=ZONE)


# (period kind, year, units' due date, submitted on, accepted on)
STORY = [
    (PeriodKind.SIX_MONTHLY, 2026, SIX_MONTHLY_DUE, datetime.date(2026, 6, 26), datetime.date(2026, 7, 3)),
    (PeriodKind.ANNUAL, 2026, ANNUAL_DUE, datetime.date(2026, 11, 27), None),
]


@transaction.atomic
def load(plan: Plan) -> str:
    office = User.objects.filter(username="vanphong").first()
    added = {"periods": 0, "sent": 0, "accepted": 0}
    for kind, year, due, sent_on, accepted_on in STORY:
        period = ReportingPeriod.objects.filter(plan=plan, kind=kind, year=year).first()
        if period is None:
            period = services.create_period(plan=plan, kind=kind, year=year, due_date=due, actor=office)
            added["periods"] += 1
        for report in period.unit_reports.select_related("unit", "owner", "period__plan"):
            _play(report, kind, sent_on, accepted_on, office, added)
    return (
        f"Báo cáo: thêm {added['periods']} kỳ báo cáo, {added['sent']} lần gửi báo cáo của đơn vị, "
        f"{added['accepted']} báo cáo được tiếp nhận."
    )


def _play(report: UnitReport, kind, sent_on, accepted_on, office, added) -> None:
    annual = kind == PeriodKind.ANNUAL
    if report.owner_id is None:
        _give_owner(report, office)
    untouched = report.state == State.DRAFT and report.submitted_at is None and not report.content
    if untouched and not (annual and report.unit.code == DRAFT_UNIT):
        when = _at(sent_on, 9)
        if annual and report.unit.code == LATE_UNIT:
            today = timezone.localdate()
            reminders.remind_report(report=report, actor=office, today=min(REMINDED_ON, today), email=False)
            when = _at(REMINDED_ON + datetime.timedelta(days=1), 10)
        # The demo never records what has not happened yet: before the late unit's
        # sending day it is still a reminded draft.
        if when <= timezone.now():
            services.submit_report(report=report, actor=None, content=_content(report), at=when)
            added["sent"] += 1
    report.refresh_from_db()
    if accepted_on and report.state == State.SUBMITTED and report.submissions.count() == 1:
        services.accept_report(report=report, actor=office, at=_at(accepted_on, 14))
        added["accepted"] += 1


def _give_owner(report: UnitReport, office) -> None:
    """Units whose head has no account yet: the head by position is named owner."""
    head = Person.objects.filter(code=f"{report.unit.code}-01").first()
    if head is not None:
        services.assign_owner(report=report, owner=head, actor=office)


def _content(report: UnitReport) -> dict:
    areas = content.areas_of(report.period)
    written = prefill.suggestions(report, areas)
    number, text = WORDS.get(report.unit.code, ("1", "Triển khai các nội dung của Kế hoạch."))
    for area in areas:
        if area.number == number and not written[Section.RESULTS][str(area.pk)]:
            written[Section.RESULTS][str(area.pk)] = f"- {text}"
    if not content.is_filled(written, Section.RESULTS) and areas:
        written[Section.RESULTS][str(areas[0].pk)] = f"- {text}"
    written[Section.DIFFICULTIES] = DIFFICULTY
    return written
