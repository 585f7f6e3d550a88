"""The demo year's results, loaded on the demo department: what they tell, and that
loading again adds and overwrites nothing."""

import datetime

import pytest
from django.core.management import call_command

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.demo import results as results_demo
from thidua.demo.organization import load_demo
from thidua.organization.models import Unit
from thidua.plans.models import Plan
from thidua.results.models import Evidence, ResultEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(db, media):
    call_command("load_plan", verbosity=0)
    load_demo(Unit.objects.get(code="STP"))  # the department only: each app's year is loaded by the test
    return Plan.objects.get()


def test_the_demo_results_tell_the_story(demo_plan):
    summary = results_demo.load(demo_plan)
    assert summary == "Kết quả minh họa: thêm 21 kết quả, 22 tệp minh chứng."
    waiting = ResultEntry.objects.get(state=State.SUBMITTED)
    assert (waiting.person.code, waiting.unit.code) == ("PBGD-02", "PBGD")
    assert ResultEntry.objects.filter(person__isnull=False, state=State.CONFIRMED).count() == 5
    assert ResultEntry.objects.filter(unit__code="TGPL", title__contains="lưu động").count() == 2
    assert all(e.file.read(5) == b"%PDF-" for e in Evidence.objects.all())
    assert Evidence.objects.filter(original_name="Ảnh chụp màn hình VNeID.pdf").exists()
    # Written through the services: the unit head's submission is logged, then its confirmation.
    unit_entry = ResultEntry.objects.get(unit__code="PBGD", date=datetime.date(2026, 5, 20))
    moves = ActivityLog.objects.for_object(unit_entry).filter(action="transition").order_by("id")
    assert [(m.changes["state"][1], m.actor.username) for m in moves] == [
        ("submitted", "truongphong"),
        ("confirmed", "truongphong"),
    ]


def test_loading_again_adds_and_overwrites_nothing(demo_plan):
    results_demo.load(demo_plan)
    entry = ResultEntry.objects.get(state=State.SUBMITTED)
    counts = (ResultEntry.objects.count(), Evidence.objects.count(), ActivityLog.objects.count())
    assert results_demo.load(demo_plan) == "Kết quả minh họa: thêm 0 kết quả, 0 tệp minh chứng."
    assert counts == (ResultEntry.objects.count(), Evidence.objects.count(), ActivityLog.objects.count())
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED


def test_without_the_demo_department_nothing_is_loaded(db):
    call_command("load_plan", verbosity=0)
    assert "bỏ qua" in results_demo.load(Plan.objects.get())
    assert not ResultEntry.objects.exists()
