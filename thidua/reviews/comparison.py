"""Baseline → mid-term → final, per indicator of the plan, and each against the target
of its review year: the baseline from the indicator, the mid-term and final figures
from the department's frozen snapshot rows (never from today's data), each with which
way it moved from the baseline (and the final one from the mid-term one), whether it
reached the target, and the words that say both ("Tăng so với năm gốc, chưa đạt chỉ
tiêu": never "progress" for a missed target). Also the frozen counts of results per
content area and of initiatives. Four queries whatever the number of indicators."""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext

from thidua.indicators.enums import Direction
from thidua.indicators.models import Indicator, IndicatorTarget
from thidua.indicators.rollup import reached
from thidua.plans.enums import ReviewKind
from thidua.plans.models import Phase, Plan
from thidua.reviews.enums import SnapshotKind
from thidua.reviews.models import Review, ReviewSnapshot


@dataclass(frozen=True)
class Step:
    value: Decimal | None
    change: Decimal | None  # from the baseline
    better: bool | None  # None: nothing to compare
    period: tuple[int, int] | None = None  # (year, quarter) the frozen figure is of
    target: Decimal | None = None  # the department's target for the review year
    reached: bool | None = None  # None: no figure or no target
    since_previous: Decimal | None = None  # the final figure from the mid-term one
    verdict: str = ""  # the assessment in words (`assess`)


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


def _movement(change: Decimal | None) -> str:
    if change is None:
        return ""
    return gettext("Tăng") if change > 0 else gettext("Giảm") if change < 0 else gettext("Không đổi")


def assess(step: Step, *, previous: Step | None = None) -> str:
    """The assessment of a frozen figure in the office's words: how it moved from the
    baseline (and from the mid-term review), then the target: "Tăng so với năm gốc,
    chưa đạt chỉ tiêu", "Giảm so với năm gốc, đạt chỉ tiêu". Up or down says only the
    movement; whether the target is reached says the rest, so a missed target never
    reads as progress."""
    if step.value is None:
        return gettext("Chưa có số liệu")
    moves = []
    if step.change is not None:
        moves.append(gettext("%(movement)s so với năm gốc") % {"movement": _movement(step.change)})
    if previous is not None and step.since_previous is not None:
        moves.append(gettext("%(movement)s so với sơ kết") % {"movement": _movement(step.since_previous).lower()})
    values = {"movement": ", ".join(moves) or gettext("Chưa có giá trị gốc")}
    if step.reached is None:
        return gettext("%(movement)s; chưa có chỉ tiêu để đối chiếu") % values
    if step.reached:
        return gettext("%(movement)s, đạt chỉ tiêu") % values
    return gettext("%(movement)s, chưa đạt chỉ tiêu") % values


def _step(
    indicator: Indicator,
    value: Decimal | None,
    target: Decimal | None,
    previous: Step | None = None,
    period: tuple[int, int] | None = None,
) -> Step:
    start = indicator.baseline_value
    change = value - start if value is not None and start is not None else None
    since = value - previous.value if previous is not None and None not in (value, previous.value) else None
    step = Step(
        value=value,
        change=change,
        better=improved(indicator, start, value),
        target=target,
        reached=None if value is None or target is None else reached(indicator, value, target),
        since_previous=since,
        period=period,
    )
    return replace(step, verdict=assess(step, previous=previous))


def _targets(plan: Plan) -> dict[tuple[int, str], Decimal]:
    """{(indicator id, review kind): target of the review's year}, in one query."""
    kind = Phase.objects.filter(plan=plan, review_year=OuterRef("year")).values("review_kind")[:1]
    rows = (
        IndicatorTarget.objects.filter(indicator__plan=plan, year__in=plan.phases.values("review_year"))
        .annotate(kind=Subquery(kind))
        .values_list("indicator_id", "kind", "value")
    )
    return {(indicator, kind): value for indicator, kind, value in rows}


def _line(indicator: Indicator, figures: dict, periods: dict, targets: dict) -> IndicatorLine:
    def of(kind):
        key = (kind, SnapshotKind.INDICATOR, indicator.pk)
        return {"value": figures.get(key), "target": targets.get((indicator.pk, kind)), "period": periods.get(key)}

    mid_term = _step(indicator, **of(ReviewKind.MID_TERM))
    final = _step(indicator, **of(ReviewKind.FINAL), previous=mid_term)
    return IndicatorLine(indicator=indicator, baseline=indicator.baseline_value, mid_term=mid_term, final=final)


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
    targets = _targets(plan)
    indicators = [
        _line(i, figures, periods, targets) for i in Indicator.objects.filter(plan=plan).select_related("content_area")
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
