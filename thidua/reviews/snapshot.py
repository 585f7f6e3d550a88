"""The figures a review freezes, as they stand at its review date, in four queries:

- each unit's value of each indicator: its latest quarter that had ended by the review
  date (a quarter's value is the state at its end), and the department's figure from
  those, added up or averaged as the indicator says;
- each unit's number of recorded results (every state but draft) per content area,
  from the plan's first day to the review date, and the department's per area;
- each unit's number of recognised initiatives decided by the review date, and the
  department's total.

Nothing here writes: `rows(review)` returns unsaved ReviewSnapshot rows."""

import datetime
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from thidua.core.codes import State
from thidua.indicators.enums import Rollup
from thidua.indicators.models import Indicator, IndicatorValue
from thidua.initiatives.models import Initiative
from thidua.results.models import ResultEntry
from thidua.reviews.enums import SnapshotKind
from thidua.reviews.models import Review, ReviewSnapshot

CENT = Decimal("0.01")
# Stored as data, in the department's language, whatever language the office works in.
INITIATIVES_LABEL = "Sáng kiến được công nhận"


def last_ended_quarter(day: datetime.date) -> tuple[int, int]:
    """(year, quarter) of the latest quarter whose last day is on or before `day`."""
    quarter = (day.month - 1) // 3 + 1
    ends = datetime.date(day.year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    if day >= ends - datetime.timedelta(days=1):
        return day.year, quarter
    return (day.year, quarter - 1) if quarter > 1 else (day.year - 1, 4)


def rows(review: Review) -> list[ReviewSnapshot]:
    return [*_indicator_rows(review), *_result_rows(review), *_initiative_rows(review)]


def _row(review: Review, kind: str, unit, label: str, value, **extra) -> ReviewSnapshot:
    return ReviewSnapshot(
        review=review,
        kind=kind,
        unit=unit,
        unit_name=unit.name if unit else "",
        label=label[:300],
        value=Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP),
        **extra,
    )


def _indicator_rows(review: Review) -> list[ReviewSnapshot]:
    year, quarter = last_ended_quarter(review.review_date)
    values = (
        IndicatorValue.objects.filter(indicator__plan=review.plan)
        .filter(Q(year__lt=year) | Q(year=year, quarter__lte=quarter))
        .select_related("unit")
        .order_by("indicator_id", "unit_id", "year", "quarter")
    )
    latest = {(v.indicator_id, v.unit_id): v for v in values}  # later quarters replace earlier ones
    by_indicator = defaultdict(list)
    for value in latest.values():
        by_indicator[value.indicator_id].append(value)
    found = []
    for indicator in Indicator.objects.filter(plan=review.plan):
        found += _indicator_lines(review, indicator, by_indicator.get(indicator.pk, []))
    return found


def _indicator_lines(review: Review, indicator: Indicator, values: list) -> list[ReviewSnapshot]:
    common = {"indicator": indicator, "unit_of_measure": indicator.unit_of_measure}
    label = f"{indicator.code} — {indicator.name}"
    lines = [
        _row(
            review,
            SnapshotKind.INDICATOR,
            v.unit,
            label,
            v.value,
            period_year=v.year,
            period_quarter=v.quarter,
            **common,
        )
        for v in values
    ]
    if values:
        total = sum((v.value for v in values), Decimal(0))
        figure = total if indicator.rollup == Rollup.SUM else total / len(values)
        newest = max((v.year, v.quarter) for v in values)
        lines.append(
            _row(
                review,
                SnapshotKind.INDICATOR,
                None,
                label,
                figure,
                period_year=newest[0],
                period_quarter=newest[1],
                **common,
            )
        )
    return lines


def _result_rows(review: Review) -> list[ReviewSnapshot]:
    first = datetime.date(review.plan.start_year, 1, 1)
    counts = (
        ResultEntry.objects.recorded()
        .filter(plan=review.plan, date__range=(first, review.review_date))
        .values("unit_id", "content_area_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    areas = {area.pk: area for area in review.plan.content_areas.all()}
    units = _units({row["unit_id"] for row in counts})
    totals: dict[int, int] = defaultdict(int)
    found = []
    for row in counts:
        area = areas[row["content_area_id"]]
        totals[area.pk] += row["n"]
        found.append(_row(review, SnapshotKind.RESULTS, units[row["unit_id"]], str(area), row["n"], content_area=area))
    found += [
        _row(review, SnapshotKind.RESULTS, None, str(areas[pk]), n, content_area=areas[pk]) for pk, n in totals.items()
    ]
    return found


def _units(ids: set[int]) -> dict:
    from thidua.organization.models import Unit

    return Unit.objects.in_bulk(list(ids))


def _initiative_rows(review: Review) -> list[ReviewSnapshot]:
    first = datetime.date(review.plan.start_year, 1, 1)
    counts = dict(
        Initiative.objects.filter(
            content_area__plan=review.plan, state=State.RECOGNISED, decision_date__range=(first, review.review_date)
        )
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
        .order_by()
    )
    label = INITIATIVES_LABEL
    units = _units(set(counts))
    found = [_row(review, SnapshotKind.INITIATIVES, units[pk], label, n) for pk, n in counts.items()]
    return found + [_row(review, SnapshotKind.INITIATIVES, None, label, sum(counts.values()))]
