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


def chosen_year(request, plan: Plan | None) -> int:
    """The year asked for in ?year=, else this year kept within the plan's years."""
    if year := params.for_page(request, params.year, "year"):
        return year
    year = timezone.localdate().year
    return min(max(year, plan.start_year), plan.end_year) if plan else year


def context(entries, plan: Plan | None, year: int) -> dict:
    rows = list(with_details(entries.filter(date__year=year)))
    return {
        "months": by_month(rows),
        "year": year,
        "count": len(rows),
        "years": range(plan.start_year, plan.end_year + 1) if plan else [year],
    }
