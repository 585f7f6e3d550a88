"""The demo year's initiatives: the story's outcomes, written through the services, and
a second run that adds nothing."""

import datetime

import pytest
from django.utils import timezone

from thidua.core.codes import Scope, State
from thidua.core.models import ActivityLog
from thidua.demo import initiatives as demo
from thidua.demo.organization import load_demo
from thidua.initiatives.models import Adoption, Initiative, Score
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan():
    plan, _ = load_plan()
    load_demo(Unit.objects.get(code="STP"))
    return plan


def test_demo_tells_the_october_story(demo_plan):
    summary = demo.load(demo_plan)
    assert summary == "Sáng kiến: thêm 6 sáng kiến (đề nghị cấp tỉnh, 1 đơn vị áp dụng)."
    recognised = Initiative.objects.filter(state=State.RECOGNISED, scope=Scope.CO_SO)
    assert set(recognised.values_list("decision_number", flat=True)) == {"215/QĐ-STP", "216/QĐ-STP", "217/QĐ-STP"}
    assert all(d.month == 10 and d.year == 2026 for d in recognised.values_list("decision_date", flat=True))
    returned = Initiative.objects.get(state=State.RETURNED)
    assert returned.title == "Họp không giấy tờ" and "minh chứng" in returned.return_reason
    assert Initiative.objects.get(put_forward=True).title == "Số hóa và tra cứu hồ sơ lý lịch tư pháp"
    adoption = Adoption.objects.get()
    assert (adoption.initiative.title, adoption.unit.code) == ("Ký số 100% văn bản đi", "PBGD")
    assert adoption.applied_on == datetime.date(2026, 11, 2) and "ký số" in adoption.result
    # Sent between May and September, before the October decisions.
    for item in Initiative.objects.exclude(state=State.DRAFT):
        sent = timezone.localdate(item.submitted_at)
        assert datetime.date(2026, 5, 1) <= sent <= datetime.date(2026, 9, 30)
        assert item.decision_date is None or item.decision_date >= sent
    assert Score.objects.filter(member__username="hoidong").count() == 2
    assert not Score.objects.filter(member__username="hoidong", initiative__unit__code="VP").exists()
    story = ActivityLog.objects.for_object(returned).filter(action="transition")
    assert [e.changes["state"][1] for e in story.order_by("at", "id")] == ["submitted", "under_review", "returned"]


def test_a_second_run_adds_nothing(demo_plan):
    demo.load(demo_plan)
    counts = [Initiative.objects.count(), Score.objects.count(), Adoption.objects.count(), ActivityLog.objects.count()]
    assert demo.load(demo_plan) == "Sáng kiến: thêm 0 sáng kiến."
    assert [
        Initiative.objects.count(),
        Score.objects.count(),
        Adoption.objects.count(),
        ActivityLog.objects.count(),
    ] == counts
