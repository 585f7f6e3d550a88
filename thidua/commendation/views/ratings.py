"""Entering yearly ratings: a unit's people on one page (the office also rates the unit
itself), or a whole file from Excel, all or nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.commendation import rules, services
from thidua.commendation.forms import RatingsForm, RatingsPickForm, confirm_value
from thidua.commendation.importing import import_ratings, template_workbook
from thidua.commendation.models import YearlyRating
from thidua.core import params
from thidua.core.downloads import attachment
from thidua.core.forms import WorkbookForm
from thidua.core.permissions import require
from thidua.organization.models import Person, Unit


def _units(user):
    scope = rules.rateable_units(user)
    if scope is rules.EVERYTHING:
        return Unit.objects.visible_to(user).exclude(kind="province")
    require(scope, gettext("Chỉ Văn phòng Sở hoặc thủ trưởng đơn vị được nhập xếp loại."))
    return Unit.objects.filter(pk__in=scope)


def _initial(people, unit, year: int) -> dict:
    wanted = Q(person__in=people) | (Q(unit=unit) if unit is not None else Q(pk__in=[]))
    initial = {}
    rows = YearlyRating.objects.filter(wanted, year=year)
    for row in rows:
        prefix = f"p{row.person_id}" if row.person_id else "unit"
        initial |= {
            f"{prefix}_rating": row.rating,
            f"{prefix}_movement": confirm_value(row.participates_in_movement),
            f"{prefix}_unity": confirm_value(row.internal_unity),
        }
    return initial


def _default_unit(user, units) -> int | None:
    """The user's own unit when they may rate it, else the first unit with people."""
    own = rules.person_of(user)
    if own is not None and units.filter(pk=own.unit_id).exists():
        return own.unit_id
    first = units.filter(people__isnull=False).first()
    return first.pk if first else None


@login_required
@require_http_methods(["GET", "POST"])
def ratings(request):
    units = _units(request.user)
    pick = RatingsPickForm(
        request.GET or {"year": timezone.localdate().year, "unit": _default_unit(request.user, units)}, units=units
    )
    if not pick.is_valid():
        return render(request, "commendation/ratings.html", {"pick": pick})
    year, unit = pick.cleaned_data["year"], pick.cleaned_data["unit"]
    people = list(Person.objects.current().filter(unit=unit).order_by("full_name"))
    rated_unit = unit if rules.can_manage(request.user) else None
    form = RatingsForm(request.POST or None, people=people, unit=rated_unit, initial=_initial(people, rated_unit, year))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for subject, rating, movement, unity in form.entries():
                services.set_rating(
                    actor=request.user,
                    subject=subject,
                    year=year,
                    rating=rating,
                    participates_in_movement=movement,
                    internal_unity=unity,
                )
        messages.success(request, gettext("Đã lưu xếp loại năm %(year)s của %(unit)s.") % {"year": year, "unit": unit})
        return redirect(f"{request.path}?year={year}&unit={unit.pk}")
    return render(request, "commendation/ratings.html", {"pick": pick, "form": form, "year": year, "unit": unit})


@login_required
@require_http_methods(["GET", "POST"])
def ratings_import(request):
    _units(request.user)
    result = None
    form = WorkbookForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = import_ratings(form.cleaned_data["file"], actor=request.user)
        if not result.errors:
            messages.success(request, result.summary())
    return render(request, "commendation/ratings_import.html", {"form": form, "result": result})


@login_required
def ratings_template(request):
    units = _units(request.user)
    year = params.for_page(request, params.year, "year", timezone.localdate().year)
    people = Person.objects.current().filter(unit__in=units).select_related("unit").order_by("unit__order", "full_name")
    rated_units = units.exclude(kind__in=["province", "leadership"]) if rules.can_manage(request.user) else []
    return attachment(template_workbook(people, rated_units, year), f"mau-xep-loai-{year}.xlsx")
