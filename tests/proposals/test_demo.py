"""The December–January part of the demo year, loaded twice; loaded before the council
meets, it records nothing dated after that day, and a later load plays the rest."""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.council.models import Ballot, Meeting, MeetingItem
from thidua.demo import commendation as commendation_demo
from thidua.demo import initiatives as initiatives_demo
from thidua.demo import proposals as demo
from thidua.demo.organization import load_demo
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan
from thidua.proposals.models import Decision, Proposal

pytestmark = pytest.mark.django_db

BEFORE_THE_COUNCIL = "2026-11-27 10:00 +07:00"
AFTER_THE_STORY = "2027-02-01 10:00 +07:00"
FULL_STORY = "Đề nghị khen thưởng: thêm 0 đề nghị, quyết định của Giám đốc: 01/QĐ-STP, 2 đề nghị trình UBND tỉnh."
NOTHING_NEW = (
    "Đề nghị khen thưởng: thêm 0 đề nghị, quyết định của Giám đốc: không có quyết định mới, 0 đề nghị trình UBND tỉnh."
)
# Dates that name what is planned, not what happened: they may lie ahead.
PLANNED = {
    "council.Meeting.date",
    "registrations.RegistrationWindow.closes_on",
    "reports.ReportingPeriod.due_date",
    "reports.ReportingPeriod.office_due_date",
    "inspections.InspectionPlan.ends_on",
    "inspections.FollowUpAction.due_on",
    "commendation.AwardType.effective_to",
    "commendation.EligibilityRule.effective_to",
    "commendation.PendingFlag.to_date",
    "reviews.Review.review_date",
}


@pytest.fixture
def plan(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with time_machine.travel(BEFORE_THE_COUNCIL, tick=False):
        plan, _ = load_plan()
        load_demo(Unit.objects.get(code="STP"))
        initiatives_demo.load(plan)
        commendation_demo.load(plan)
    return plan


def _counts():
    return (
        Proposal.objects.count(),
        Meeting.objects.count(),
        Ballot.objects.count(),
        Decision.objects.count(),
        AwardRecord.objects.count(),
        ActivityLog.objects.count(),
    )


def _dated_after(moment: datetime.datetime) -> list[str]:
    """Every date or time of the application's records that lies after `moment`."""
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("thidua."):
            continue
        for field in model._meta.concrete_fields:
            name = f"{model._meta.label}.{field.name}"
            if name in PLANNED or not isinstance(field, models.DateField):
                continue
            limit = moment if isinstance(field, models.DateTimeField) else timezone.localdate(moment)
            found += [
                f"{name}={value}"
                for value in model.objects.filter(**{f"{field.name}__gt": limit}).values_list(field.name, flat=True)
            ]
    return found


def _outcome():
    """What the story leaves, without row ids (a rolled-back load still uses up ids)."""
    proposals = sorted(
        map(
            str,
            Proposal.objects.values_list(
                "person__code",
                "unit__code",
                "award_code",
                "state",
                "forwarded_on",
                "decision__number_symbol",
                "cash_amount",
            ),
        )
    )
    meetings = list(Meeting.objects.order_by("date").values_list("date", "minutes_number", "minutes_date"))
    items = sorted(
        MeetingItem.objects.values_list(
            "meeting__date",
            "proposal__person__code",
            "proposal__unit__code",
            "proposal__award_code",
            "agree",
            "disagree",
            "abstain",
            "passed",
        ),
        key=str,
    )
    decisions = list(Decision.objects.values_list("number_symbol", "date"))
    return proposals, meetings, items, decisions, _counts()


def _assert_full_story():
    states = list(Proposal.objects.values_list("state", flat=True))
    for state in (State.SUBMITTED, State.RETURNED, State.ACCEPTED, State.DECIDED, State.FORWARDED):
        assert state in states
    assert states.count(State.RETURNED) == 1
    assert set(Proposal.objects.filter(state=State.FORWARDED).values_list("award_code", flat=True)) == {
        "TTLDXS",
        "BK_TINH",
    }
    assert set(Proposal.objects.filter(state=State.FORWARDED).values_list("forwarded_on", flat=True)) == {
        datetime.date(2027, 1, 8)
    }
    decision = Decision.objects.get(issued_here=True)
    assert (decision.number_symbol, decision.date) == ("01/QĐ-STP", datetime.date(2026, 12, 28))
    assert {"LDTT", "CSTDCS", "TTLDTT", "GK"} <= set(decision.proposals.values_list("award_code", flat=True))
    assert AwardRecord.objects.filter(decision_number=decision.number_symbol).count() == decision.proposals.count()
    assert all(m.is_closed for m in Meeting.objects.all())
    assert list(Meeting.objects.order_by("date").values_list("minutes_number", "minutes_date")) == [
        ("01/BB-STP", datetime.date(2026, 12, 22)),
        ("01/BB-STP", datetime.date(2027, 1, 6)),
    ]


def test_the_demo_tells_the_story_and_a_second_load_adds_nothing(plan):
    with time_machine.travel(AFTER_THE_STORY, tick=False):
        first = demo.load(plan)
        counts = _counts()
        second = demo.load(plan)
    assert (
        first == "Đề nghị khen thưởng: thêm 21 đề nghị, quyết định của Giám đốc: 01/QĐ-STP, 2 đề nghị trình UBND tỉnh."
    )
    assert second == NOTHING_NEW
    assert _counts() == counts
    _assert_full_story()
    # the browser test's path is left free: CSTĐCS for PBGD-02 and a form of commendation for PBGD-03
    assert not Proposal.objects.filter(person__code="PBGD-02", award_code="CSTDCS").exists()
    assert not Proposal.objects.filter(person__code="PBGD-03", category="form").exists()


def _loaded_once_after_the_story(plan):
    """The outcome of a single load after the story, rolled back."""
    with transaction.atomic():
        with time_machine.travel(AFTER_THE_STORY, tick=False):
            demo.load(plan)
        outcome = _outcome()
        transaction.set_rollback(True)
    return outcome


def test_before_the_council_meets_nothing_lies_ahead_and_a_later_load_plays_the_rest(plan):
    once = _loaded_once_after_the_story(plan)
    with time_machine.travel(BEFORE_THE_COUNCIL, tick=False):
        first = demo.load(plan)
        moment = timezone.now()
    assert first == (
        "Đề nghị khen thưởng: thêm 21 đề nghị, quyết định của Giám đốc: không có quyết định mới, "
        "0 đề nghị trình UBND tỉnh. Các bước từ ngày 22/12/2026 chưa diễn ra: chạy lại «thidua "
        "load_demo» sau ngày đó để nạp tiếp."
    )
    assert _dated_after(moment) == []
    # The meetings are scheduled with their agenda, but nobody has voted and no minutes exist.
    assert list(Meeting.objects.order_by("date").values_list("date", "minutes_number", "minutes_date")) == [
        (datetime.date(2026, 12, 22), "", None),
        (datetime.date(2027, 1, 6), "", None),
    ]
    assert MeetingItem.objects.count() > 0 and not Ballot.objects.exists()
    assert not Decision.objects.exists() and not AwardRecord.objects.filter(year=2026).exists()
    assert not Proposal.objects.filter(state__in=[State.APPROVED, State.DECIDED, State.FORWARDED]).exists()

    with time_machine.travel(AFTER_THE_STORY, tick=False):
        assert demo.load(plan) == FULL_STORY
        assert demo.load(plan) == NOTHING_NEW
    _assert_full_story()
    assert _outcome() == once
