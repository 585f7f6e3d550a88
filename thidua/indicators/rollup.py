"""Units' values rolled up to the department, and progress against the year's target:
the one computation of every indicator figure. The indicator pages, the API, the
consolidated report (its page, Word and Excel files) and a review's frozen figures all
call `rollup` (or `department_figure` on the values they read).

A value describes the state at the end of its quarter. The department's figure "as at"
a quarter is taken from the latest quarter up to it in which any unit recorded a value
(the figure's period). Every unit that has recorded a value of the indicator up to that
quarter is expected in it: a unit without a value for the figure's period is not left
out, its latest earlier value is carried forward and marked with the quarter it comes
from. The figure is complete only when every expected unit reported for its period;
"Đạt mục tiêu" is said only of a complete figure, otherwise "Chưa đủ số liệu (n/N đơn
vị)". Two queries whatever the number of indicators."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext

from thidua.indicators import sources
from thidua.indicators.enums import QUARTERS, Direction, Rollup
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from thidua.plans.models import Plan

CENT = Decimal("0.01")


@dataclass(frozen=True)
class UnitFigure:
    """One unit's value in a department figure: of the figure's period, or carried
    forward from an earlier quarter (`carried`)."""

    unit_id: int
    unit_name: str
    value: Decimal
    year: int
    quarter: int
    carried: bool = False


@dataclass(frozen=True)
class Figure:
    """The department's figure of one indicator as at a quarter."""

    value: Decimal
    year: int
    quarter: int  # the figure's period: the latest quarter any unit reported
    lines: tuple[UnitFigure, ...] = field(default=())  # every expected unit, reported or carried

    @property
    def expected(self) -> int:
        return len(self.lines)

    @property
    def reported(self) -> int:
        return sum(1 for line in self.lines if not line.carried)

    @property
    def complete(self) -> bool:
        return self.reported == self.expected

    @property
    def carried(self) -> list[UnitFigure]:
        return [line for line in self.lines if line.carried]

    @property
    def note(self) -> str:
        """ "Chưa đủ số liệu (3/4 đơn vị)" for an incomplete figure, else nothing."""
        return "" if self.complete else incomplete_text(self.reported, self.expected)


@dataclass(frozen=True)
class Progress:
    """One indicator's department figure for a year against its target."""

    indicator: Indicator
    figure: Figure | None
    target: Decimal | None
    quarters: dict[int, Figure]  # the year's quarters in which a unit reported, each as at that quarter

    @property
    def value(self) -> Decimal | None:
        return self.figure.value if self.figure else None

    @property
    def quarter(self) -> int | None:
        return self.figure.quarter if self.figure else None

    @property
    def year(self) -> int | None:
        return self.figure.year if self.figure else None

    @property
    def units(self) -> int:
        """How many units reported for the figure's period."""
        return self.figure.reported if self.figure else 0

    @property
    def expected(self) -> int:
        return self.figure.expected if self.figure else 0

    @property
    def complete(self) -> bool:
        return self.figure is not None and self.figure.complete

    @property
    def fraction(self) -> float | None:
        """0–1, how far from the baseline toward the target; None without a target."""
        return progress_fraction(self.indicator, self.value, self.target)

    @property
    def percent(self) -> int | None:
        return None if self.fraction is None else round(self.fraction * 100)

    @property
    def met(self) -> bool | None:
        """Whether the figure meets the target, on complete data only (None otherwise)."""
        if not self.complete or self.target is None:
            return None
        return reached(self.indicator, self.value, self.target)

    @property
    def reached(self) -> bool:
        return bool(self.met)

    @property
    def status(self) -> str:
        return verdict(self.indicator, self.figure, self.target)

    @property
    def source(self) -> str:
        """Where the target comes from, as the page says it."""
        return sources.screen_text(self.indicator)


# --- the figure ------------------------------------------------------------------------
def department_figure(indicator: Indicator, values, *, year: int, quarter: int, since_year: int | None = None):
    """The Figure of `indicator` as at quarter `quarter` of `year` from `values`, rows of
    (unit id, unit name, year, quarter, value) in any order; None when no unit recorded
    a value up to then, or only before `since_year`."""
    latest: dict[int, tuple] = {}
    for row in values:
        if (row[2], row[3]) <= (year, quarter) and (row[0] not in latest or row[2:4] > latest[row[0]][2:4]):
            latest[row[0]] = row
    if not latest:
        return None
    period = max(row[2:4] for row in latest.values())
    if since_year is not None and period[0] < since_year:
        return None
    lines = tuple(
        UnitFigure(unit_id, name, Decimal(value), y, q, carried=(y, q) != period)
        for unit_id, name, y, q, value in sorted(latest.values(), key=lambda r: (r[1], r[0]))
    )
    total = sum((line.value for line in lines), Decimal(0))
    figure = total if indicator.rollup == Rollup.SUM else total / len(lines)
    return Figure(figure.quantize(CENT, rounding=ROUND_HALF_UP), period[0], period[1], lines)


def values_of(indicators, *, year: int, quarter: int = 4) -> dict[int, list[tuple]]:
    """{indicator id: [(unit id, unit name, year, quarter, value)]}: every value of
    `indicators` up to quarter `quarter` of `year`, in one query."""
    rows = (
        IndicatorValue.objects.filter(indicator__in=indicators, year__lte=year)
        .exclude(year=year, quarter__gt=quarter)
        .values_list("indicator_id", "unit_id", "unit__name", "year", "quarter", "value")
        .order_by()
    )
    found: dict[int, list[tuple]] = {}
    for indicator_id, *row in rows:
        found.setdefault(indicator_id, []).append(tuple(row))
    return found


def indicators_with_target(plan: Plan, year: int, **filters):
    """The plan's indicators, each with `year_target` for `year` (one query)."""
    target = IndicatorTarget.objects.filter(indicator=OuterRef("pk"), year=year).values("value")[:1]
    return (
        Indicator.objects.filter(plan=plan, **filters)
        .select_related("content_area", "plan")
        .annotate(year_target=Subquery(target))
    )


def rollup(plan: Plan, year: int, *, quarter: int = 4, **filters) -> list[Progress]:
    """Every indicator of the plan (narrowed by `filters`, e.g. content_area=…) with its
    department figure for `year` as at `quarter` (a figure of an earlier year is none of
    this year's), its target for `year` and each quarter's figure. Two queries."""
    indicators = list(indicators_with_target(plan, year, **filters))
    values = values_of(indicators, year=year, quarter=quarter)
    return [_progress(indicator, values.get(indicator.pk, []), year, quarter) for indicator in indicators]


def _progress(indicator: Indicator, values: list, year: int, quarter: int) -> Progress:
    reported = {q for _, _, y, q, _ in values if y == year}
    quarters = {
        q: department_figure(indicator, values, year=year, quarter=q)
        for q in QUARTERS
        if q <= quarter and q in reported
    }
    return Progress(
        indicator=indicator,
        figure=department_figure(indicator, values, year=year, quarter=quarter, since_year=year),
        target=indicator.year_target,
        quarters=quarters,
    )


# --- reading a figure against its target -----------------------------------------------
def verdict(indicator: Indicator, figure: Figure | None, target: Decimal | None) -> str:
    """ "Đạt mục tiêu" or "Chưa đạt mục tiêu" on complete data; "Chưa đủ số liệu (3/4 đơn
    vị)" when a unit's figure for the period is missing (carried forward); "Chưa có số
    liệu", "Chưa đặt mục tiêu"."""
    if figure is None:
        return gettext("Chưa có số liệu")
    if not figure.complete:
        return incomplete_text(figure.reported, figure.expected)
    if target is None:
        return gettext("Chưa đặt mục tiêu")
    return gettext("Đạt mục tiêu") if reached(indicator, figure.value, target) else gettext("Chưa đạt mục tiêu")


def incomplete_text(reported: int, expected: int) -> str:
    return gettext("Chưa đủ số liệu (%(n)s/%(total)s đơn vị)") % {"n": reported, "total": expected}


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
