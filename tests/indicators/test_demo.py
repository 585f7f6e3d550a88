"""The demo year's indicators, loaded on the demo department: baselines, 2026 targets
and three quarters of values; one unit with nothing this quarter; loading again adds
and overwrites nothing."""

import pytest
from django.core.management import call_command

from thidua.core.models import ActivityLog
from thidua.demo import indicators as indicators_demo
from thidua.demo import results as results_demo
from thidua.demo.organization import load_demo
from thidua.indicators.models import Indicator, IndicatorValue
from thidua.indicators.rollup import rollup
from thidua.organization.models import Unit
from thidua.overview.queries import units_without_records
from thidua.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the results' evidence files
    call_command("load_plan", verbosity=0)
    load_demo(Unit.objects.get(code="STP"))  # the department only: each app's year is loaded by the test
    return Plan.objects.get()


def test_the_demo_indicators_have_targets_and_three_quarters(demo_plan):
    summary = indicators_demo.load(demo_plan)
    assert summary == "Chỉ tiêu minh họa: thêm 5 chỉ tiêu, 74 số liệu quý."
    assert Indicator.objects.count() == 5
    rows = {row.indicator.code: row for row in rollup(demo_plan, 2026)}
    assert (rows["LLTP-TT"].value, rows["LLTP-TT"].target) == (68, 70)
    assert rows["TRANG-IN"].indicator.direction == "lower" and 0 < rows["TRANG-IN"].fraction < 1
    assert set(IndicatorValue.objects.values_list("quarter", flat=True)) == {1, 2, 3}
    assert all(i.is_illustrative and i.target_source == "office" for i in Indicator.objects.all())


def test_the_electricity_is_not_below_its_target_while_the_auction_centre_is_silent(demo_plan):
    indicators_demo.load(demo_plan)
    electricity = next(row for row in rollup(demo_plan, 2026) if row.indicator.code == "DIEN")
    # 6.100 + 1.400 + 1.250 reported for the third quarter, and the centre's 720 of the second.
    assert (electricity.value, electricity.quarter) == (9470, 3)
    assert electricity.status == "Chưa đủ số liệu (3/4 đơn vị)" and not electricity.reached


def test_one_unit_has_recorded_nothing_this_quarter(demo_plan):
    results_demo.load(demo_plan)
    indicators_demo.load(demo_plan)
    assert [u.code for u in units_without_records(2026, 3)] == ["DGTS"]
    assert [u.code for u in units_without_records(2026, 4)] == ["DGTS"]


def test_loading_again_adds_and_overwrites_nothing(demo_plan):
    indicators_demo.load(demo_plan)
    value = IndicatorValue.objects.first()
    value.value = 1
    value.save()
    counts = (Indicator.objects.count(), IndicatorValue.objects.count(), ActivityLog.objects.count())
    assert indicators_demo.load(demo_plan) == "Chỉ tiêu minh họa: thêm 0 chỉ tiêu, 0 số liệu quý."
    assert counts == (Indicator.objects.count(), IndicatorValue.objects.count(), ActivityLog.objects.count())
    value.refresh_from_db()
    assert value.value == 1


def test_without_the_demo_department_nothing_is_loaded(db):
    call_command("load_plan", verbosity=0)
    assert "bỏ qua" in indicators_demo.load(Plan.objects.get())
    assert not Indicator.objects.exists()
