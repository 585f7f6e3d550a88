"""The demo year's self-inspection: Q3 2026 over three units, one action overdue; a
second load adds nothing."""

import pytest
import time_machine

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.demo import inspections as demo
from thidua.demo.organization import load_demo
from thidua.inspections.models import FollowUpAction, InspectionPlan
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_demo_tells_the_story_and_a_second_load_adds_nothing():
    plan, _ = load_plan()
    load_demo(Unit.objects.get(code="STP"))
    with time_machine.travel("2026-11-27 09:00 +07:00", tick=False):
        assert demo.load(plan).startswith("Tự kiểm tra: thêm đợt quý III/2026 cho 3 đơn vị")
        inspection = InspectionPlan.objects.get()
        states = dict(inspection.checklists.values_list("unit__code", "state"))
        assert states == {"PBGD": State.ACCEPTED, "TGPL": State.SUBMITTED, "CC1": State.DRAFT}
        assert [a.text[:20] for a in FollowUpAction.objects.overdue()] == ["Ký số toàn bộ văn bả"]
        assert FollowUpAction.objects.count() == 3
        logged = ActivityLog.objects.count()
        assert demo.load(plan) == "Tự kiểm tra: đã có đợt quý III/2026, không thêm gì."
    assert ActivityLog.objects.count() == logged
    assert InspectionPlan.objects.count() == 1
