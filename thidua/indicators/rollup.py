"""Units' values rolled up to the department, and progress against the year's target.

A value describes the state at the end of its quarter, so the department's figure for a
year is its figure for the latest quarter of that year with any value recorded. Per
indicator and quarter, units' values are added up or averaged as the indicator says; all
indicators are rolled up by one aggregate query."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, OuterRef, Subquery, Sum

from thidua.indicators.enums import Direction, Rollup
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from thidua.plans.models import Plan

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Period:
    value: Decimal
    units: int  # how many units recorded a value


@dataclass(frozen=True)
class Progress:
    """One indicator's department figure for a year against its target."""

    indicator: Indicator
    value: Decimal | None
    quarter: int | None  # the quarter `value` is for
    units: int
    target: Decimal | None
    fraction: float | None  # 0–1, how far from the baseline toward the target; None without a target
    reached: bool
    quarters: dict[int, Period]

    @property
    def percent(self) -> int | None:
        return None if self.fraction is None else round(self.fraction * 100)


def period_rollup(indicators, year: int) -> dict[tuple[int, int], Period]:
    """{(indicator id, quarter): Period} for `year`, in one query for all `indicators`."""
    rows = (
        IndicatorValue.objects.filter(indicator__in=indicators, year=year)
        .values("indicator_id", "quarter")
        .annotate(total=Sum("value"), mean=Avg("value"), units=Count("id"))
        .order_by()
    )
    kinds = {i.pk: i.rollup for i in indicators}
    return {
        (row["indicator_id"], row["quarter"]): Period(_department(row, kinds[row["indicator_id"]]), row["units"])
        for row in rows
    }


def _department(row: dict, rollup: str) -> Decimal:
    value = row["total"] if rollup == Rollup.SUM else row["mean"]
    # SQLite may answer an average as a float: go through its shortest text form.
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def progress_fraction(indicator: Indicator, value: Decimal | None, target: Decimal | None) -> float | None:
    """How far the figure has come from the baseline toward the target, 0–1. Without a
    baseline, a "higher is better" indicator starts from 0; a "lower is better" one is
    measured as target ÷ value."""
    if value is None or target is None:
        return None
    lower = indicator.direction == Direction.LOWER
    start = indicator.baseline_value
    if start is None:
        if lower:
            return 1.0 if value <= target else float(target / value)
        start = Decimal(0)
    if start == target:
        return 1.0 if (value <= target if lower else value >= target) else 0.0
    return min(max(float((value - start) / (target - start)), 0.0), 1.0)


def attainment(value: Decimal | None, target: Decimal | None) -> Decimal | None:
    """The figure as a share of the target, in percent with one decimal: what a report's
    column "Thực hiện/Chỉ tiêu (%)" says. Not the progress from the baseline
    (`progress_fraction`); for a "lower is better" indicator, 100 or less means reached.
    None without a figure or a target, or with a target of zero."""
    if value is None or not target:
        return None
    return (Decimal(value) * 100 / Decimal(target)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def reached(indicator: Indicator, value: Decimal | None, target: Decimal | None) -> bool:
    if value is None or target is None:
        return False
    return value <= target if indicator.direction == Direction.LOWER else value >= target


def indicators_with_target(plan: Plan, year: int, **filters):
    """The plan's indicators, each with `year_target` for `year` (one query)."""
    target = IndicatorTarget.objects.filter(indicator=OuterRef("pk"), year=year).values("value")[:1]
    return (
        Indicator.objects.filter(plan=plan, **filters)
        .select_related("content_area")
        .annotate(year_target=Subquery(target))
    )


def rollup(plan: Plan, year: int, **filters) -> list[Progress]:
    """Every indicator of the plan (narrowed by `filters`, e.g. content_area=…) with its
    department figure for `year`, its target and the progress fraction. Two queries."""
    indicators = list(indicators_with_target(plan, year, **filters))
    periods = period_rollup(indicators, year)
    return [_progress(indicator, periods) for indicator in indicators]


def _progress(indicator: Indicator, periods: dict[tuple[int, int], Period]) -> Progress:
    quarters = {q: p for (pk, q), p in periods.items() if pk == indicator.pk}
    latest = max(quarters, default=None)
    value = quarters[latest].value if latest else None
    target = indicator.year_target
    return Progress(
        indicator=indicator,
        value=value,
        quarter=latest,
        units=quarters[latest].units if latest else 0,
        target=target,
        fraction=progress_fraction(indicator, value, target),
        reached=reached(indicator, value, target),
        quarters=dict(sorted(quarters.items())),
    )
