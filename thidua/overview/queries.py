"""Questions the office overview asks across results and indicators."""

from django.db.models import Exists, OuterRef

from thidua.indicators.models import IndicatorValue
from thidua.indicators.rules import NOT_RECORDING
from thidua.organization.models import Unit
from thidua.results.models import ResultEntry, quarter_bounds


def units_without_records(year: int, quarter: int, *, units=None):
    """Units (of `units`, default all) that recorded no result dated in the quarter
    (drafts do not count) and no indicator value for it. One query."""
    results = ResultEntry.objects.recorded().filter(unit=OuterRef("pk"), date__range=quarter_bounds(year, quarter))
    values = IndicatorValue.objects.filter(unit=OuterRef("pk"), year=year, quarter=quarter)
    base = Unit.objects.all() if units is None else units
    return base.exclude(kind__in=NOT_RECORDING).filter(~Exists(results), ~Exists(values)).order_by("order", "name")
