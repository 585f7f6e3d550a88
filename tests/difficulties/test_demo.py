"""The demo year's difficulties: one decided, one with the Director, one just sent; a
second load adds nothing."""

import pytest

from thidua.core.models import ActivityLog
from thidua.demo import difficulties as demo
from thidua.demo.organization import load_demo
from thidua.difficulties.models import Difficulty
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan():
    plan, _ = load_plan()
    load_demo(Unit.objects.get(code="STP"))
    return plan


def test_demo_tells_the_story_and_a_second_load_adds_nothing(demo_plan):
    assert demo.load(demo_plan) == "Khó khăn, vướng mắc: thêm 3, đã có 0."
    states = dict(Difficulty.objects.values_list("unit__code", "state").filter(unit__code="TGPL"))
    assert states == {"TGPL": "decided"}
    assert sorted(Difficulty.objects.values_list("state", flat=True)) == ["decided", "submitted", "under_review"]
    decided = Difficulty.objects.get(state="decided")
    assert decided.decided_by_name == "Nguyễn Khánh Lâm"
    logged = ActivityLog.objects.count()
    assert demo.load(demo_plan) == "Khó khăn, vướng mắc: thêm 0, đã có 3."
    assert Difficulty.objects.count() == 3
    assert ActivityLog.objects.count() == logged


def test_demo_without_the_demo_department_changes_nothing(db):
    plan, _ = load_plan()
    assert "bỏ qua" in demo.load(plan)
    assert not Difficulty.objects.exists()
