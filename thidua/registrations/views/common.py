"""What every registration page needs: the plan, the year asked for, and links that keep
that year."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from thidua.core import params
from thidua.plans.models import Plan


def plan_year(request, plan: Plan) -> int:
    """The year asked for with ?nam=, or this year, kept inside the plan's years."""
    year = params.for_page(request, params.year, "nam", timezone.localdate().year)
    return min(max(year, plan.start_year), plan.end_year)


def url_for_year(name: str, year: int, *args) -> str:
    return f"{reverse(name, args=args)}?nam={year}"


def redirect_for_year(name: str, year: int, *args):
    return redirect(url_for_year(name, year, *args))


def year_context(plan: Plan, year: int) -> dict:
    from thidua.registrations.services import window_for

    return {
        "plan": plan,
        "year": year,
        "years": range(plan.start_year, plan.end_year + 1),
        "window": window_for(plan, year),
    }
