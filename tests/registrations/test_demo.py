"""The demo year's registrations: everything accepted, one returned first, and a second
load adds nothing."""

import pytest
from django.utils import timezone

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.demo import registrations as demo
from thidua.demo.organization import load_demo
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan
from thidua.registrations.models import PersonRegistration, RegistrationWindow, UnitRegistration

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan():
    plan, _ = load_plan()
    load_demo(Unit.objects.get(code="STP"))
    return plan


def test_demo_registers_every_unit_and_its_people(demo_plan):
    summary = demo.load(demo_plan)
    assert summary.startswith("Đăng ký thi đua năm 2026: thêm 7 đơn vị và 38 cá nhân")
    assert str(RegistrationWindow.objects.get()) == "Đợt đăng ký năm 2026: từ 01/05/2026 đến 31/05/2026"
    registrations = UnitRegistration.objects.filter(year=2026)
    assert {r.unit.code for r in registrations} == {"VP", "XDKT", "PBGD", "BTTP", "TGPL", "CC1", "DGTS"}
    assert {r.state for r in registrations} == {State.ACCEPTED}
    assert {r.title for r in registrations} == {"TTLDTT", "TTLDXS"}
    assert all(r.commitments.exclude(text="").count() == 5 for r in registrations)
    titles = list(PersonRegistration.objects.values_list("title", flat=True))
    assert titles.count("CSTDCS") == 6 and titles.count("LDTT") == 32


def test_one_registration_was_returned_then_resubmitted(demo_plan):
    demo.load(demo_plan)
    returned = UnitRegistration.objects.get(unit__code="PBGD")
    steps = [log.changes["state"] for log in returned.history().filter(action="transition").order_by("at", "id")]
    assert steps == [
        ["draft", "submitted"],
        ["submitted", "returned"],
        ["returned", "submitted"],
        ["submitted", "accepted"],
    ]
    assert returned.history().get(changes__state=["submitted", "returned"]).note == "thiếu cam kết ở nội dung 5"
    assert returned.history().get(changes__state=["submitted", "returned"]).actor.username == "vanphong"
    assert timezone.localtime(returned.submitted_at).strftime("%d/%m/%Y") == "15/05/2026"  # sent again


def test_a_second_load_adds_nothing(demo_plan):
    demo.load(demo_plan)
    logs = ActivityLog.objects.count()
    assert "thêm 0 đơn vị và 0 cá nhân" in demo.load(demo_plan)
    assert ActivityLog.objects.count() == logs
    assert UnitRegistration.objects.count() == 7
