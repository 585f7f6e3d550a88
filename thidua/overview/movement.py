"""The office's view of the movement for a year: by content area and by unit —
registrations received, results recorded, initiatives by state and how many were
replicated (`initiatives.statistics`), indicators against targets — each figure from
one grouped query, whatever the number of units."""

from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext as _

from thidua.core.charts import bar_chart
from thidua.core.codes import State
from thidua.indicators.rollup import rollup
from thidua.indicators.rules import NOT_RECORDING
from thidua.initiatives import statistics
from thidua.initiatives.models import Initiative
from thidua.organization.models import Unit
from thidua.overview.queries import units_without_records
from thidua.registrations.models import UnitRegistration
from thidua.results.models import ResultEntry


def _state_counts(rows) -> list[tuple[str, int]]:
    labels = dict(State.choices)
    return [(str(labels.get(row["state"], row["state"])), row["n"]) for row in rows]


def _per_unit(units, plan, year) -> list[dict]:
    registrations = dict(UnitRegistration.objects.for_year(plan, year).values_list("unit_id", "state"))
    results = {r["unit_id"]: r["total"] for r in ResultEntry.objects.filter(plan=plan).count_by_unit(year)}
    initiatives = Counter(
        dict(_initiatives(plan, year).values_list("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))
    )
    replicated = statistics.replicated_by_unit(_initiatives(plan, year))
    labels = dict(State.choices)
    return [
        {
            "unit": unit,
            "registration": registrations.get(unit.pk),
            "registration_label": labels.get(registrations.get(unit.pk), ""),
            "results": results.get(unit.pk, 0),
            "initiatives": initiatives.get(unit.pk, 0),
            "replicated": replicated.get(unit.pk, 0),
        }
        for unit in units
    ]


def _initiatives(plan, year: int):
    """Initiatives sent in `year` (a draft has not been sent): chart and table count the same."""
    return Initiative.objects.filter(content_area__plan=plan, submitted_at__year=year).exclude(state=State.DRAFT)


def build(user, plan, year: int, quarter: int | None) -> dict:
    units = list(Unit.objects.visible_to(user).exclude(kind__in=NOT_RECORDING).order_by("order", "name"))
    results = ResultEntry.objects.filter(plan=plan, unit__in=units)
    by_area = list(results.count_by_content_area(year))
    initiatives = _initiatives(plan, year).filter(unit__in=units)
    registrations = UnitRegistration.objects.for_year(plan, year).filter(unit__in=units)
    return {
        "results_chart": bar_chart(
            _("Kết quả đã ghi nhận theo nội dung thi đua"),
            [(f"{r['content_area__number']}. {r['content_area__short_title']}", r["total"]) for r in by_area],
        ),
        "initiatives_chart": bar_chart(
            _("Sáng kiến theo trạng thái"),
            _state_counts(initiatives.values("state").annotate(n=Count("id")).order_by("state")),
        ),
        "registrations_chart": bar_chart(
            _("Đăng ký thi đua của đơn vị theo trạng thái"),
            _state_counts(registrations.values("state").annotate(n=Count("id")).order_by("state")),
        ),
        "registered_units": registrations.exclude(state=State.DRAFT).count(),
        "unit_count": len(units),
        "results_total": sum(r["total"] for r in by_area),
        "indicators": rollup(plan, year),
        # None for a year that has not started: no quarter of it can be silent yet.
        "silent_units": None
        if quarter is None
        else list(units_without_records(year, quarter, units=Unit.objects.filter(pk__in=[u.pk for u in units]))),
        "per_unit": _per_unit(units, plan, year),
    }
