"""Baseline → mid-term → final, per indicator of the plan: the baseline from the
indicator, the mid-term and final figures from the department's frozen snapshot rows
(never from today's data), each with whether it moved the way the indicator counts as
better. Also the frozen counts of results per content area and of initiatives. Three
queries whatever the number of indicators."""

from dataclasses import dataclass
from decimal import Decimal

from thidua.indicators.enums import Direction
from thidua.indicators.models import Indicator
from thidua.plans.enums import ReviewKind
from thidua.plans.models import Plan
from thidua.reviews.enums import SnapshotKind
from thidua.reviews.models import Review, ReviewSnapshot


@dataclass(frozen=True)
class Step:
    value: Decimal | None
    change: Decimal | None  # from the baseline
    better: bool | None  # None: nothing to compare
    period: tuple[int, int] | None = None  # (year, quarter) the frozen figure is of


@dataclass(frozen=True)
class IndicatorLine:
    indicator: Indicator
    baseline: Decimal | None
    mid_term: Step
    final: Step

    @property
    def steps(self) -> tuple[Step, Step]:
        return self.mid_term, self.final

    @property
    def lower_is_better(self) -> bool:
        return self.indicator.direction == Direction.LOWER


@dataclass(frozen=True)
class CountLine:
    label: str
    mid_term: Decimal | None
    final: Decimal | None


@dataclass(frozen=True)
class Comparison:
    reviews: dict  # review kind → Review (only those scheduled)
    indicators: list[IndicatorLine]
    results: list[CountLine]
    initiatives: CountLine


def improved(indicator: Indicator, start: Decimal | None, value: Decimal | None) -> bool | None:
    if start is None or value is None or value == start:
        return None
    return value < start if indicator.direction == Direction.LOWER else value > start


def _step(indicator: Indicator, value: Decimal | None, period: tuple[int, int] | None = None) -> Step:
    start = indicator.baseline_value
    change = value - start if value is not None and start is not None else None
    return Step(value=value, change=change, better=improved(indicator, start, value), period=period)


def _frozen(figures: dict, periods: dict, key: tuple) -> tuple:
    return figures.get(key), periods.get(key)


def compare(plan: Plan) -> Comparison:
    reviews = {r.phase.review_kind: r for r in Review.objects.filter(plan=plan).select_related("phase")}
    frozen = {r.pk: kind for kind, r in reviews.items() if r.is_frozen}
    figures: dict[tuple, Decimal] = {}
    periods: dict[tuple, tuple[int, int]] = {}
    labels: dict[int, str] = {}
    for row in ReviewSnapshot.objects.filter(review_id__in=frozen, unit__isnull=True).order_by("id"):
        subject = row.indicator_id or row.content_area_id or row.kind
        figures[(frozen[row.review_id], row.kind, subject)] = row.value
        if row.period_year:
            periods[(frozen[row.review_id], row.kind, subject)] = (row.period_year, row.period_quarter)
        if row.content_area_id:
            labels[row.content_area_id] = row.label
    indicators = [
        IndicatorLine(
            indicator=i,
            baseline=i.baseline_value,
            mid_term=_step(i, *_frozen(figures, periods, (ReviewKind.MID_TERM, SnapshotKind.INDICATOR, i.pk))),
            final=_step(i, *_frozen(figures, periods, (ReviewKind.FINAL, SnapshotKind.INDICATOR, i.pk))),
        )
        for i in Indicator.objects.filter(plan=plan).select_related("content_area")
    ]
    results = [
        CountLine(
            label,
            figures.get((ReviewKind.MID_TERM, SnapshotKind.RESULTS, pk)),
            figures.get((ReviewKind.FINAL, SnapshotKind.RESULTS, pk)),
        )
        for pk, label in labels.items()
    ]
    kind = SnapshotKind.INITIATIVES
    initiatives = CountLine(
        str(kind.label),
        figures.get((ReviewKind.MID_TERM, kind, kind.value)),
        figures.get((ReviewKind.FINAL, kind, kind.value)),
    )
    return Comparison(
        reviews=reviews, indicators=indicators, results=sorted(results, key=lambda r: r.label), initiatives=initiatives
    )
