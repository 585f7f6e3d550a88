"""A loaded plan with three indicators: a share (average, higher is better), a count
(sum, higher is better) and pages printed (sum, lower is better)."""

from decimal import Decimal

import pytest

from thidua.indicators import services
from thidua.indicators.enums import Direction, Rollup
from thidua.indicators.models import Indicator
from thidua.plans.loading import load_plan


@pytest.fixture
def plan(org):
    return load_plan()[0]


def make_indicator(plan, code, *, area="2", target=None, **values) -> Indicator:
    indicator = Indicator(
        plan=plan,
        content_area=plan.content_areas.get(number=area),
        code=code,
        name=values.pop("name", f"Chỉ tiêu {code}"),
        unit_of_measure=values.pop("unit", "%"),
        **values,
    )
    return services.save_indicator(
        actor=None, indicator=indicator, targets={2026: Decimal(target)} if target is not None else {}
    )


@pytest.fixture
def share(plan):
    return make_indicator(
        plan,
        "KY-SO",
        name="Tỷ lệ văn bản đi được ký số",
        is_percentage=True,
        baseline_value=Decimal("72"),
        baseline_year=2025,
        rollup=Rollup.AVERAGE,
        target="100",
    )


@pytest.fixture
def people_count(plan):
    return make_indicator(
        plan,
        "BDHVS",
        area="4",
        name="Cán bộ được chứng nhận Bình dân học vụ số",
        unit="người",
        baseline_value=Decimal("0"),
        baseline_year=2025,
        rollup=Rollup.SUM,
        target="40",
    )


@pytest.fixture
def pages(plan):
    return make_indicator(
        plan,
        "TRANG-IN",
        area="5",
        name="Số trang giấy in mỗi tháng",
        unit="trang/tháng",
        baseline_value=Decimal("21000"),
        baseline_year=2025,
        direction=Direction.LOWER,
        rollup=Rollup.SUM,
        target="15000",
    )


@pytest.fixture
def record(org):
    def do(indicator, unit, quarter, value, year=2026, actor=None):
        return services.record_value(
            actor=actor or org.users.officer,
            indicator=indicator,
            unit=unit,
            year=year,
            quarter=quarter,
            value=Decimal(value),
        )[0]

    return do
