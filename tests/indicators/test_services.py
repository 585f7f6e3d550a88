"""Recording values: one per indicator, unit and quarter, updated with history; the
checks on period and value; indicators and their targets."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.indicators.conftest import make_indicator
from thidua.core.models import ActivityLog
from thidua.indicators import services
from thidua.indicators.models import IndicatorTarget, IndicatorValue

pytestmark = pytest.mark.django_db


def test_entering_a_quarter_again_updates_it_and_keeps_the_history(org, share, record):
    first = record(share, org.units.a, 1, "80")
    second = record(share, org.units.a, 1, "85.5")
    assert first.pk == second.pk and IndicatorValue.objects.get().value == Decimal("85.50")
    log = ActivityLog.objects.for_object(first).order_by("at", "id")
    assert [row.action for row in log] == ["created", "changed"]
    assert log.last().changes["value"] == ["80.00", "85.50"]


def test_the_same_value_again_changes_nothing(org, share, record):
    record(share, org.units.a, 1, "80")
    _, outcome = services.record_value(
        actor=None, indicator=share, unit=org.units.a, year=2026, quarter=1, value=Decimal("80.0")
    )
    assert outcome == "unchanged"
    assert ActivityLog.objects.filter(action="changed").count() == 0


@pytest.mark.parametrize(
    ("year", "quarter", "field", "message"),
    [
        (2026, 5, "quarter", "Quý phải từ 1 đến 4 (đã nhập 5)."),
        (2026, 0, "quarter", "Quý phải từ 1 đến 4 (đã nhập 0)."),
        (2031, 1, "year", "Năm 2031 nằm ngoài kế hoạch. Hãy chọn năm từ 2026 đến 2030."),
    ],
)
def test_a_period_outside_the_plan_is_refused(org, share, year, quarter, field, message):
    with pytest.raises(ValidationError) as caught:
        services.record_value(
            actor=None, indicator=share, unit=org.units.a, year=year, quarter=quarter, value=Decimal(1)
        )
    assert caught.value.message_dict[field] == [message]
    assert not IndicatorValue.objects.exists()


def test_a_share_over_100_and_a_negative_count_are_refused(org, share, people_count):
    with pytest.raises(ValidationError, match="tính theo phần trăm: giá trị không vượt quá 100 \\(đã nhập 100,5\\)"):
        services.clean_value(indicator=share, raw="100,5")
    with pytest.raises(ValidationError, match="không nhận giá trị âm \\(đã nhập -2\\)"):
        services.clean_value(indicator=people_count, raw="-2")


def test_negative_values_are_accepted_where_possible(plan):
    change = make_indicator(plan, "THAY-DOI", allows_negative=True)
    assert services.clean_value(indicator=change, raw="-2,5") == Decimal("-2.5")


def test_targets_are_kept_one_per_year_and_an_empty_one_removed(plan, share):
    services.save_indicator(actor=None, indicator=share, targets={2026: Decimal(95), 2027: Decimal(100)})
    assert dict(IndicatorTarget.objects.values_list("year", "value")) == {2026: Decimal(95), 2027: Decimal(100)}
    services.save_indicator(actor=None, indicator=share, targets={2026: None, 2027: Decimal(100)})
    assert list(IndicatorTarget.objects.values_list("year", flat=True)) == [2027]
