"""Everything this app reads from the data other apps record: results, indicators and
initiatives. Two uses: the suggested text of a unit report's sections (so nobody
retypes what is already recorded), and the department's figures for the consolidated
report.

Only data that someone has vouched for goes in as fact: confirmed results, recognised
initiatives. The unit's own entries that nobody has confirmed yet are added with a
visible mark ("[Chưa xác nhận]") so the writer checks them before sending."""

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.utils.translation import gettext, override

from thidua.core.codes import State
from thidua.core.numerals import vn_number
from thidua.reports.enums import PeriodKind, Section

UNCONFIRMED = "[Chưa xác nhận]"
IN_REVIEW = "[Đang xét]"


# --- the time a period covers -----------------------------------------------------------
def period_range(period) -> tuple[datetime.date, datetime.date]:
    """Six-monthly: January–June; annual: the year; mid-term and final reviews: from
    the plan's start to the end of the review year; ad hoc: the year up to its due date."""
    year, plan = period.year, period.plan
    start = datetime.date(year, 1, 1)
    if period.kind == PeriodKind.SIX_MONTHLY:
        return start, datetime.date(year, 6, 30)
    if period.kind in (PeriodKind.MID_TERM, PeriodKind.FINAL):
        return datetime.date(plan.start_year, 1, 1), datetime.date(year, 12, 31)
    if period.kind == PeriodKind.AD_HOC:
        return start, period.due_date
    return start, datetime.date(year, 12, 31)


# --- suggested text of one unit report ----------------------------------------------
def suggestions(report, areas) -> dict:
    """The content a unit would otherwise retype, in the shape of `content.clean`."""
    period = report.period
    return {
        Section.RESULTS.value: _results_text(report.unit_id, period, areas),
        Section.INDICATORS.value: indicators_text(report.unit_id, period),
        Section.INITIATIVES.value: _initiatives_text(report.unit_id, period),
        Section.EXAMPLES.value: _examples_text(report.unit_id, period),
        Section.DIFFICULTIES.value: "",
    }


def _results(unit_id, period):
    from thidua.results.models import ResultEntry

    start, end = period_range(period)
    return (
        ResultEntry.objects.filter(plan=period.plan, unit_id=unit_id, date__range=(start, end))
        .select_related("person")
        .order_by("date", "id")
    )


def _results_text(unit_id, period, areas) -> dict:
    lines = defaultdict(list)
    for entry in _results(unit_id, period):
        mark = "" if entry.state == State.CONFIRMED else f"{UNCONFIRMED} "
        lines[entry.content_area_id].append(f"- {mark}{_result_line(entry)}")
    return {str(a.pk): "\n".join(lines.get(a.pk, [])) for a in areas}


def _result_line(entry) -> str:
    who = f" ({entry.person.full_name})" if entry.person_id else ""
    amount = f": {_number(entry.quantity)} {entry.quantity_unit}".rstrip() if entry.quantity is not None else ""
    return f"{entry.title}{who}{amount} — {entry.date:%d/%m/%Y}."


def _number(value) -> str:
    return vn_number(value)


def _examples_text(unit_id, period) -> str:
    """People of the unit with the most confirmed results in the period."""
    people = defaultdict(list)
    for entry in _results(unit_id, period).filter(state=State.CONFIRMED, person__isnull=False):
        people[entry.person.full_name].append(entry.title)
    ranked = sorted(people.items(), key=lambda item: (-len(item[1]), item[0]))[:5]
    return "\n".join(
        gettext("- %(name)s: %(n)s kết quả đã xác nhận (%(titles)s).")
        % {"name": name, "n": len(titles), "titles": "; ".join(titles[:3])}
        for name, titles in ranked
    )


def _initiatives(unit_ids, period):
    from thidua.initiatives.models import Initiative

    start, end = period_range(period)
    recognised = Q(state=State.RECOGNISED, decision_date__range=(start, end))
    pending = Q(state__in=[State.DRAFT, State.SUBMITTED, State.UNDER_REVIEW, State.RETURNED], created_at__date__lte=end)
    return (
        Initiative.objects.filter(unit_id__in=unit_ids)
        .filter(recognised | pending)
        .select_related("unit")
        .prefetch_related("higher_recognitions")
        .order_by("unit__order", "title")
    )


def _initiatives_text(unit_id, period) -> str:
    lines = []
    for item in _initiatives([unit_id], period):
        if item.state == State.RECOGNISED:
            lines.append(
                gettext("- «%(title)s»: được công nhận, phạm vi %(scope)s (Quyết định số %(number)s ngày %(date)s).")
                % {
                    "title": item.title,
                    "scope": item.get_scope_display().lower(),
                    "number": (decision := item.scope_decision())[0],
                    "date": decision[1].strftime("%d/%m/%Y"),
                }
            )
        else:
            lines.append(f"- {IN_REVIEW} «{item.title}» ({item.get_state_display()}).")
    return "\n".join(lines)


def last_quarter(period) -> int:
    """The last quarter whose figures a period reports: June for the six-monthly one."""
    if period.kind == PeriodKind.SIX_MONTHLY:
        return 2
    if period.kind == PeriodKind.AD_HOC and period.due_date.year == period.year:
        return (period.due_date.month - 1) // 3 + 1
    return 4


def indicators_text(unit_id, period) -> str:
    """The unit's latest figure of each indicator in the period (a figure describes the
    state at the end of its quarter)."""
    from thidua.indicators.models import IndicatorValue

    values = (
        IndicatorValue.objects.filter(
            unit_id=unit_id, year=period.year, quarter__lte=last_quarter(period), indicator__plan=period.plan
        )
        .select_related("indicator")
        .order_by("indicator__content_area__order", "indicator__order", "quarter")
    )
    latest = {value.indicator_id: value for value in values}  # ordered by quarter: the last one wins
    return "\n".join(
        gettext("- %(name)s: %(value)s %(measure)s (quý %(quarter)s/%(year)s).")
        % {
            "name": v.indicator.name,
            "value": vn_number(v.value),
            "measure": v.indicator.unit_of_measure,
            "quarter": v.quarter,
            "year": v.year,
        }
        for v in latest.values()
    )


def indicator_rows(period) -> list[dict]:
    """The department's figure of each indicator as at the period's last quarter against
    the year's target, from the one roll-up of the indicators app (`rollup.rollup`): the
    same figure, period, carried-forward units and verdict as the indicator pages. Numbers
    as the documents print them ("15.000", "96,5"); `attainment` is the figure ÷ the target
    in percent, `lower_is_better` and `reached` say how to read it; `source` is where the
    target comes from, as a document prints it."""
    from thidua.indicators import sources
    from thidua.indicators.enums import Direction
    from thidua.indicators.rollup import attainment, rollup

    rows = []
    for progress in rollup(period.plan, period.year, quarter=last_quarter(period)):
        indicator, target, value, figure = progress.indicator, progress.target, progress.value, progress.figure
        share = attainment(value, target)
        rows.append(
            {
                "name": indicator.name,
                "measure": indicator.unit_of_measure,
                "baseline": vn_number(indicator.baseline_value),
                "target": vn_number(target),
                "source": sources.document_text(indicator) if target is not None else "",
                "illustrative": indicator.is_illustrative,
                "value": vn_number(value),
                "year": progress.year,
                "quarter": progress.quarter,
                "reported": progress.units,
                "expected": progress.expected,
                "carried": [
                    {"unit": line.unit_name, "value": vn_number(line.value), "year": line.year, "quarter": line.quarter}
                    for line in (figure.carried if figure else [])
                ],
                "verdict": _document_verdict(progress),
                "percent": "" if progress.percent is None else str(progress.percent),
                "attainment": vn_number(share, 1),
                "lower_is_better": indicator.direction == Direction.LOWER,
                "direction": str(indicator.get_direction_display()),
                "reached": progress.met,
                "baseline_number": _float(indicator.baseline_value),
                "target_number": _float(target),
                "value_number": _float(value),
                "percent_number": progress.percent,
                "attainment_number": _float(share),
            }
        )
    return rows


def _document_verdict(progress) -> str:
    """The verdict in the department's language, whatever language the office works in:
    it is printed in the report."""
    with override("vi"):
        return progress.status


def _float(value):
    return None if value is None else float(value)


# --- department figures -------------------------------------------------------------
def result_counts(period, unit_ids) -> dict:
    """{"units": {unit id: {total, confirmed}}, "areas": {area id: {total, confirmed, units}}}
    over entries past the draft stage, in two queries."""
    from thidua.results.models import ResultEntry

    start, end = period_range(period)
    base = ResultEntry.objects.filter(plan=period.plan, unit_id__in=unit_ids, date__range=(start, end)).exclude(
        state=State.DRAFT
    )
    counts = {"total": Count("id"), "confirmed": Count("id", filter=Q(state=State.CONFIRMED))}
    units = {row.pop("unit_id"): row for row in base.values("unit_id").annotate(**counts).order_by()}
    areas = {
        row.pop("content_area_id"): row
        for row in base.values("content_area_id").annotate(**counts, units=Count("unit_id", distinct=True)).order_by()
    }
    return {"units": units, "areas": areas}


def initiative_rows(period, unit_ids) -> list[dict]:
    from thidua.initiatives.statistics import replicated_ids

    items = _initiatives(unit_ids, period)
    replicated = replicated_ids(items)
    return [
        {
            "title": item.title,
            "unit": item.unit.name,
            "unit_id": item.unit_id,
            "state": str(item.get_state_display()),
            "recognised": item.state == State.RECOGNISED,
            "scope": str(item.get_scope_display()) if item.scope else "",
            "replicated": item.pk in replicated,
        }
        for item in items
        if item.state != State.DRAFT
    ]
