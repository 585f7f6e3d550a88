"""The commendation part of the demo year, loaded twice."""

import datetime

import pytest

from thidua.commendation.eligibility.loading import evaluate_subjects
from thidua.commendation.models import AwardRecord, PendingFlag, YearlyRating
from thidua.core.models import ActivityLog
from thidua.demo import commendation as demo
from thidua.demo.organization import load_demo
from thidua.organization.models import Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    from thidua.plans.loading import load_plan

    plan, _ = load_plan()
    load_demo(Unit.objects.get(code="STP"))
    return plan


def test_demo_tells_the_story_and_a_second_load_adds_nothing(plan):
    first = demo.load(plan)
    counts = (
        YearlyRating.objects.count(),
        AwardRecord.objects.count(),
        PendingFlag.objects.count(),
        ActivityLog.objects.count(),
    )
    second = demo.load(plan)
    assert "thêm 0 xếp loại, 0 khen thưởng trước khi có hệ thống, 0 trường hợp" in second
    assert first != second
    assert (
        YearlyRating.objects.count(),
        AwardRecord.objects.count(),
        PendingFlag.objects.count(),
        ActivityLog.objects.count(),
    ) == counts

    people = Person.objects.filter(unit__code__in=[*demo.UNIT_CODES, "BGD"])
    assert YearlyRating.objects.filter(person__in=people).count() == 3 * people.count()
    assert YearlyRating.objects.filter(unit__code__in=demo.UNIT_CODES).count() == 3 * len(demo.UNIT_CODES)
    ratings = list(YearlyRating.objects.filter(person__isnull=False).values_list("rating", flat=True))
    assert ratings.count("KHTNV") == 1
    assert ratings.count("HTNV") >= 2
    assert ratings.count("HTXSNV") + ratings.count("HTTNV") > 0.9 * len(ratings)
    assert AwardRecord.objects.filter(before_system=True, award_type__code="CSTDCS").count() == 4
    assert AwardRecord.objects.filter(award_type__code="LDTT").count() > 40
    assert PendingFlag.objects.get().person.code == "BTTP-03"


def test_demo_candidate_reaches_three_consecutive_cstdcs_in_2026(plan):
    demo.load(plan)
    candidate = Person.objects.get(code="PBGD-02")
    results = {r.award: r for r in evaluate_subjects(2026, [candidate], on=datetime.date(2026, 12, 15))}
    assert results["CSTDCS"].verdict == "eligible"
    # CSTĐCS 2024 and 2025 were awarded; 2026's is met, and waits for the Director's decision.
    assert [r.passed for r in results["CSTD_TINH"].reasons[:3]] == [True, True, None]
    assert results["CSTD_TINH"].reasons[2].condition == ("CSTDCS năm 2026 đạt tiêu chuẩn, chưa có quyết định công nhận")
    held = Person.objects.get(code="BTTP-03")
    assert {r.verdict for r in evaluate_subjects(2026, [held], on=datetime.date(2026, 12, 15))} == {"not_eligible"}
