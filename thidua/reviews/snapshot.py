"""The figures a review freezes, as they stand at its review date, in a few queries:

- each unit's value of each indicator: its latest quarter that had ended by the review
  date (a quarter's value is the state at its end), and the department's figure from
  those, by the indicators' one roll-up (`indicators.rollup.department_figure`): a unit
  that did not report the figure's quarter is carried forward, its row keeping the
  quarter it comes from;
- each unit's number of recorded results (every state but draft) per content area,
  from the plan's first day to the review date, and the department's per area;
- each unit's number of recognised initiatives decided by the review date, and the
  department's total.

Nothing here writes: `rows(review)` returns unsaved ReviewSnapshot rows."""

import datetime
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from thidua.core.codes import State
from thidua.indicators.models import Indicator, IndicatorTarget
from thidua.indicators.rollup import Figure, UnitFigure, department_figure, values_of, verdict
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
    """Each unit's latest value and the department's figure, as the indicator pages
    compute it (`rollup.department_figure`): a unit that did not report the figure's
    quarter is carried forward, its row keeping the quarter it comes from."""
    year, quarter = last_ended_quarter(review.review_date)
    indicators = list(Indicator.objects.filter(plan=review.plan))
    values = values_of(indicators, year=year, quarter=quarter)
    figures = [
        (indicator, department_figure(indicator, values.get(indicator.pk, []), year=year, quarter=quarter))
        for indicator in indicators
    ]
    figures = [(indicator, figure) for indicator, figure in figures if figure is not None]
    units = _units({line.unit_id for _, figure in figures for line in figure.lines})
    return [row for indicator, figure in figures for row in _indicator_lines(review, indicator, figure, units)]


def _indicator_lines(review: Review, indicator: Indicator, figure: Figure, units: dict) -> list[ReviewSnapshot]:
    common = {"indicator": indicator, "unit_of_measure": indicator.unit_of_measure}
    label = f"{indicator.code} — {indicator.name}"
    lines = [
        _row(
            review,
            SnapshotKind.INDICATOR,
            units[line.unit_id],
            label,
            line.value,
            period_year=line.year,
            period_quarter=line.quarter,
            **common,
        )
        for line in figure.lines
    ]
    department = _row(
        review,
        SnapshotKind.INDICATOR,
        None,
        label,
        figure.value,
        period_year=figure.year,
        period_quarter=figure.quarter,
        **common,
    )
    return [*lines, department]


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


def frozen_figures(review: Review) -> dict[int, tuple[Figure, str]]:
    """{indicator id: (the department's frozen Figure, its verdict)}: the figure rebuilt
    from the frozen rows of every unit (whoever looks), read against the target of the
    figure's year by the indicators' one `verdict`, so the review says "Chưa đủ số liệu
    (n/N đơn vị)" exactly where the indicator page would. Two queries."""
    rows = list(ReviewSnapshot.objects.filter(review=review, kind=SnapshotKind.INDICATOR).select_related("indicator"))
    department = {row.indicator_id: row for row in rows if row.unit_id is None}
    by_unit = defaultdict(list)
    for row in rows:
        if row.unit_id is not None:
            by_unit[row.indicator_id].append(row)
    targets = {
        (t.indicator_id, t.year): t.value
        for t in IndicatorTarget.objects.filter(indicator_id__in=department).only("indicator_id", "year", "value")
    }
    found = {}
    for pk, total in department.items():
        period = (total.period_year, total.period_quarter)
        lines = tuple(
            UnitFigure(
                row.unit_id,
                row.unit_name,
                row.value,
                row.period_year,
                row.period_quarter,
                carried=(row.period_year, row.period_quarter) != period,
            )
            for row in by_unit[pk]
        )
        figure = Figure(total.value, total.period_year, total.period_quarter, lines)
        found[pk] = (figure, verdict(total.indicator, figure, targets.get((pk, total.period_year))))
    return found
