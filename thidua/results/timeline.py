"""Entries laid out in date order and grouped by month, for the unit and person
timelines."""

import datetime
from itertools import groupby

from django.db.models import Count
from django.utils import timezone

from thidua.core import params
from thidua.plans.models import Plan


def with_details(entries):
    """What every list of entries shows, fetched in a fixed number of queries."""
    return entries.select_related("unit", "person", "content_area", "criterion").annotate(
        evidence_count=Count("evidence")
    )


def by_month(entries) -> list[dict]:
    """[{"month": first day of the month, "entries": [...]}, …] in date order."""
    ordered = sorted(entries, key=lambda e: (e.date, e.pk))
    return [
        {"month": datetime.date(year, month, 1), "entries": list(group)}
        for (year, month), group in groupby(ordered, key=lambda e: (e.date.year, e.date.month))
    ]


def chosen_year(request, plan: Plan | None, entries=None) -> int:
    """The year asked for in ?year=, else the year with work: this year (kept within the
    plan's years) when it has entries, else the latest year of the plan that has any —
    a timeline does not open on an empty year while last year's results wait."""
    if year := params.for_page(request, params.year, "year"):
        return year
    year = timezone.localdate().year
    if plan is None:
        return year
    year = min(max(year, plan.start_year), plan.end_year)
    if entries is None or entries.filter(date__year=year).exists():
        return year
    years = entries.filter(date__year__gte=plan.start_year, date__year__lte=plan.end_year)
    latest = years.order_by("-date").values_list("date", flat=True).first()
    return latest.year if latest else year


def context(entries, plan: Plan | None, year: int) -> dict:
    rows = list(with_details(entries.filter(date__year=year)))
    return {
        "months": by_month(rows),
        "year": year,
        "count": len(rows),
        "years": range(plan.start_year, plan.end_year + 1) if plan else [year],
    }
