"""What every registration page needs: the plan, the year asked for, and links that keep
that year."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from thidua.core import params
from thidua.plans.models import Plan
from thidua.registrations.models import RegistrationWindow


def plan_year(request, plan: Plan) -> int:
    """The year asked for with ?nam=, or the year with work (`work_year`), kept inside
    the plan's years."""
    year = params.for_page(request, params.year, "nam", None)
    if year is None:
        year = work_year(plan)
    return min(max(year, plan.start_year), plan.end_year)


def work_year(plan: Plan) -> int:
    """The year a registration page opens on when none is asked for: the one whose
    window is open today, else the latest year the office opened a window for, else
    this year — so nobody lands on a closed year and has to look for the open one."""
    today = timezone.localdate()
    windows = RegistrationWindow.objects.filter(plan=plan, year__range=(plan.start_year, plan.end_year))
    open_now = windows.filter(opens_on__lte=today, closes_on__gte=today).order_by("-year").first()
    latest = open_now or windows.order_by("-year").first()
    return latest.year if latest else today.year


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
