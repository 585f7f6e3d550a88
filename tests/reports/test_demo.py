"""The demo year's reports load as the story tells, and a second load adds nothing."""

import datetime

import pytest
import time_machine

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.demo import reports as demo
from thidua.demo.organization import load_demo
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan
from thidua.reports.enums import PeriodKind, ReminderKind
from thidua.reports.models import Reminder, ReportingPeriod, Submission, UnitReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    plan = load_plan()[0]
    load_demo(Unit.objects.get(code="STP"))
    return plan


def states(kind) -> dict[str, str]:
    reports = UnitReport.objects.filter(period__kind=kind).select_related("unit")
    return {r.unit.code: (r.state, r.is_late) for r in reports}


def test_demo_tells_the_year(plan):
    with time_machine.travel("2026-12-05 10:00 +07:00", tick=False):
        summary = demo.load(plan)
    assert summary == "Báo cáo: thêm 2 kỳ báo cáo, 11 lần gửi báo cáo của đơn vị, 6 báo cáo được tiếp nhận."
    six = ReportingPeriod.objects.get(kind=PeriodKind.SIX_MONTHLY)
    assert six.due_date == datetime.date(2026, 6, 30)
    assert set(states(PeriodKind.SIX_MONTHLY).values()) == {(State.ACCEPTED, False)}
    annual = states(PeriodKind.ANNUAL)
    assert annual.pop("TGPL") == (State.SUBMITTED, True)
    assert annual.pop("PBGD") == (State.DRAFT, False)
    assert set(annual.values()) == {(State.SUBMITTED, False)}
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.report.unit.code, reminder.for_date) == (
        ReminderKind.MANUAL,
        "TGPL",
        datetime.date(2026, 12, 1),
    )
    assert reminder.recipient.username == "truongphong2"
    assert UnitReport.objects.filter(owner__isnull=True).count() == 0


def test_demo_records_nothing_that_has_not_happened_yet(plan):
    with time_machine.travel("2026-11-27 10:00 +07:00", tick=False):
        demo.load(plan)
    annual = states(PeriodKind.ANNUAL)
    assert annual["TGPL"] == (State.DRAFT, False)  # reminded, not yet sent
    reminder = Reminder.objects.get()
    assert (reminder.report.unit.code, reminder.for_date) == ("TGPL", datetime.date(2026, 11, 27))
    assert not Submission.objects.filter(submitted_at__gt="2026-11-27T10:00:00+07:00").exists()


def test_second_load_adds_nothing(plan):
    demo.load(plan)
    counts = (
        ReportingPeriod.objects.count(),
        UnitReport.objects.count(),
        Submission.objects.count(),
        Reminder.objects.count(),
        ActivityLog.objects.count(),
    )
    assert demo.load(plan) == "Báo cáo: thêm 0 kỳ báo cáo, 0 lần gửi báo cáo của đơn vị, 0 báo cáo được tiếp nhận."
    assert (
        ReportingPeriod.objects.count(),
        UnitReport.objects.count(),
        Submission.objects.count(),
        Reminder.objects.count(),
        ActivityLog.objects.count(),
    ) == counts


def test_demo_keeps_what_a_user_changed(plan):
    demo.load(plan)
    draft = UnitReport.objects.get(period__kind=PeriodKind.ANNUAL, unit__code="PBGD")
    from thidua.reports import services

    services.save_content(report=draft, actor=None, content={"difficulties": "Đang viết."})
    demo.load(plan)
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.content["difficulties"] == "Đang viết."
