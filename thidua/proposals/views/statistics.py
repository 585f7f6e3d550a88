"""The statistics of awards across the years: the page and its Excel file, both from
`proposals.statistics.table`."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext

from thidua.commendation import catalogue
from thidua.core import params
from thidua.core.downloads import attachment
from thidua.core.permissions import require
from thidua.proposals import rules, statistics


def _require_reader(user) -> None:
    require(
        rules.can_read_statistics(user),
        gettext("Thống kê khen thưởng dành cho Văn phòng Sở, Giám đốc và thủ trưởng đơn vị."),
    )


def _award_choices() -> list[tuple[str, str]]:
    """Titles and forms by name; a code the catalogue no longer holds is still accepted."""
    return [(kind.code, kind.name) for kind in catalogue.in_force()]


def _page(request, **context):
    """The page with the filters as typed; with `error`, what to fix and no table (400)."""
    context |= {
        "typed": request.GET,
        "units": statistics.units_to_choose(request.user),
        "awards": _award_choices(),
        "query": request.GET.urlencode(),
    }
    return render(request, "proposals/statistics.html", context, status=400 if "error" in context else 200)


@login_required
def award_statistics(request):
    _require_reader(request.user)
    try:
        filters = statistics.read_filters(request.user, request.GET)
    except params.InvalidParameter as error:
        return _page(request, error=error.message)
    data = statistics.table(request.user, filters)
    return _page(request, table=data, charts=statistics.charts(data))


@login_required
def award_statistics_xlsx(request):
    _require_reader(request.user)
    try:
        filters = statistics.read_filters(request.user, request.GET)
    except params.InvalidParameter as error:
        return _page(request, error=error.message)
    return attachment(statistics.workbook(statistics.table(request.user, filters)), statistics.FILENAME)
