"""The demo year's evaluation on the demo department: the 2026 sheet with its points,
self-assessments from most units linking their results, council scores from hoidong
and giamdoc (hoidong never scores his own office), and a ranking; loading again adds
and overwrites nothing."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from thidua.core.models import ActivityLog
from thidua.demo import evaluation as demo
from thidua.demo import results as results_demo
from thidua.demo.organization import load_demo
from thidua.evaluation.models import CouncilScore, ScoringSheet, SelfAssessment
from thidua.evaluation.ranking import ranking
from thidua.organization.models import Unit
from thidua.plans.enums import SubjectKind
from thidua.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_plan", verbosity=0)
    load_demo(Unit.objects.get(code="STP"))
    plan = Plan.objects.get()
    results_demo.load(plan)
    return plan


def test_the_demo_sheet_is_scored_and_ranked(demo_plan):
    summary = demo.load(demo_plan)
    assert summary == ("Chấm điểm minh họa: bảng chấm điểm năm 2026 (mới lập), 9 lượt tự chấm, 59 điểm của Hội đồng.")
    sheet = ScoringSheet.objects.get(year=2026)
    assert sum(i.max_points for i in sheet.items.filter(criterion__subject_kind="collective")) == 100
    assert not SelfAssessment.objects.filter(unit__code="DGTS").exists()
    assert not CouncilScore.objects.filter(member__username="hoidong", unit__code="VP").exists()
    linked = SelfAssessment.objects.filter(unit__code="PBGD", item__criterion__number="4").get()
    assert linked.results.count() == 2
    rows = ranking(sheet, SubjectKind.COLLECTIVE).rows
    assert [(r.subject.code, r.rank, r.council_total, r.classification_label) for r in rows[:3]] == [
        ("PBGD", 1, Decimal(92), "Xuất sắc"),
        ("TGPL", 2, Decimal("90.5"), "Xuất sắc"),
        ("CC1", 3, Decimal("80.5"), "Tốt"),
    ]
    by_code = {r.subject.code: r for r in rows}
    # BTTP was not given criterion 5 (15 points): 58,5 of 85 is 68,82%.
    bttp = by_code["BTTP"]
    assert (bttp.max_total, bttp.percent, bttp.classification_label) == (85, Decimal("68.82"), "Đạt")
    assert [item.criterion.number for item in bttp.not_applicable] == ["5"]
    # Only the Director may score the office (hoidong works there): it waits for the quorum.
    assert (by_code["VP"].rank, by_code["VP"].members, by_code["VP"].awaiting_quorum) == (None, 1, True)
    people = ranking(sheet, SubjectKind.INDIVIDUAL).rows
    assert len(people) == 3 and {p.subject.kind for p in people} == {"can_bo_cong_chuc_vien_chuc", "doi_tuong_khac"}
    assert all(p.max_total == 100 for p in people)
    assert rows[-1].subject.code == "DGTS" and rows[-1].rank is None


def test_loading_again_adds_and_overwrites_nothing(demo_plan):
    demo.load(demo_plan)
    counts = (SelfAssessment.objects.count(), CouncilScore.objects.count(), ActivityLog.objects.count())
    assert demo.load(demo_plan) == (
        "Chấm điểm minh họa: bảng chấm điểm năm 2026 (đã có), 0 lượt tự chấm, 0 điểm của Hội đồng."
    )
    assert counts == (SelfAssessment.objects.count(), CouncilScore.objects.count(), ActivityLog.objects.count())


def test_without_the_demo_department_nothing_is_loaded(db):
    call_command("load_plan", verbosity=0)
    assert "bỏ qua" in demo.load(Plan.objects.get())
    assert not ScoringSheet.objects.exists()
