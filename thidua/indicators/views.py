"""Pages of indicators: the overview and a page per content area with progress bars,
the office's indicator form, and a unit's values for a quarter, typed or from Excel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.core import params
from thidua.core.actions import run_form
from thidua.core.downloads import attachment
from thidua.core.forms import WorkbookForm
from thidua.core.permissions import require
from thidua.indicators import rules, services
from thidua.indicators.forms import IndicatorForm, ValuesForm
from thidua.indicators.models import Indicator, IndicatorValue
from thidua.indicators.rollup import rollup
from thidua.organization.models import Unit
from thidua.plans.models import Plan


def _within(plan: Plan, year: int) -> int:
    return min(max(year, plan.start_year), plan.end_year)


def _year(request, plan: Plan) -> int:
    return _within(plan, params.for_page(request, params.year, "year", timezone.localdate().year))


def _current_quarter() -> int:
    return (timezone.localdate().month - 1) // 3 + 1


@login_required
def overview(request):
    plan = Plan.objects.current_or_404()
    year = _year(request, plan)
    areas = {area.pk: {"area": area, "rows": []} for area in plan.content_areas.all()}
    for row in rollup(plan, year):
        areas[row.indicator.content_area_id]["rows"].append(row)
    return render(
        request,
        "indicators/overview.html",
        {
            "plan": plan,
            "year": year,
            "years": range(plan.start_year, plan.end_year + 1),
            "areas": list(areas.values()),
            "can_define": rules.can_define(request.user),
            "can_record": rules.recording_units(request.user).exists(),
        },
    )


@login_required
def area_detail(request, pk: int):
    plan = Plan.objects.current_or_404()
    area = get_object_or_404(plan.content_areas, pk=pk)
    year = _year(request, plan)
    rows = rollup(plan, year, content_area=area)
    values = (
        IndicatorValue.objects.visible_to(request.user)
        .filter(indicator__content_area=area, year=year)
        .select_related("unit")
        .order_by("unit__order", "unit__name", "quarter")
    )
    return render(
        request,
        "indicators/area.html",
        {
            "plan": plan,
            "area": area,
            "year": year,
            "years": range(plan.start_year, plan.end_year + 1),
            "sections": _sections(rows, values),
            "can_define": rules.can_define(request.user),
        },
    )


def _sections(rows, values) -> list[dict]:
    """Per indicator: its progress row, a line per unit with the four quarters' values,
    and the department's four quarters."""
    lines: dict[int, dict[int, dict]] = {row.indicator.pk: {} for row in rows}
    for value in values:
        line = lines[value.indicator_id].setdefault(value.unit_id, {"unit": value.unit, "quarters": [None] * 4})
        line["quarters"][value.quarter - 1] = value.value
    return [
        {
            "row": row,
            "lines": list(lines[row.indicator.pk].values()),
            "department": [row.quarters.get(q) for q in (1, 2, 3, 4)],
        }
        for row in rows
    ]


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk: int | None = None):
    require(rules.can_define(request.user), gettext("Chỉ Văn phòng Sở định nghĩa chỉ tiêu."))
    plan = Plan.objects.current_or_404()
    indicator = get_object_or_404(Indicator, pk=pk, plan=plan) if pk else Indicator(plan=plan)
    form = IndicatorForm(request.POST or None, instance=indicator, plan=plan)
    if answer := run_form(
        request,
        form,
        lambda _: services.save_indicator(
            actor=request.user, indicator=form.save(commit=False), targets=form.targets()
        ),
        lambda _: gettext("Đã lưu chỉ tiêu «%(name)s».") % {"name": indicator.name},
        None,
        then=lambda _: redirect("indicators_area", pk=indicator.content_area_id),
    ):
        return answer
    return render(request, "indicators/indicator_form.html", {"form": form, "indicator": indicator})


@login_required
def values_home(request):
    units = rules.recording_units(request.user)
    require(units.exists(), gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở nhập số liệu chỉ tiêu."))
    plan = Plan.objects.current_or_404()
    return render(
        request,
        "indicators/values_home.html",
        {"units": units, "year": _year(request, plan), "quarter": _current_quarter()},
    )


def _recording_unit(request, pk: int) -> Unit:
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=pk)
    require(
        rules.can_record_values(request.user, unit),
        gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở nhập số liệu của đơn vị này."),
    )
    return unit


def _period(request, plan: Plan) -> tuple[int, int]:
    source = request.POST if request.method == "POST" else request.GET
    year = params.for_page(request, params.year, "year", source=source)
    quarter = params.for_page(request, params.quarter, "quarter", _current_quarter(), source=source)
    return year or _within(plan, timezone.localdate().year), quarter


@login_required
@require_http_methods(["GET", "POST"])
def values_entry(request, pk: int):
    unit = _recording_unit(request, pk)
    plan = Plan.objects.current_or_404()
    year, quarter = _period(request, plan)
    indicators = list(Indicator.objects.filter(plan=plan).select_related("plan", "content_area"))
    stored = {v.indicator_id: v for v in IndicatorValue.objects.filter(unit=unit, year=year, quarter=quarter)}
    form = ValuesForm(
        request.POST or None,
        plan=plan,
        indicators=indicators,
        stored={pk: v.value for pk, v in stored.items()},
        initial={"year": year, "quarter": quarter},
    )
    if answer := run_form(
        request,
        form,
        lambda data: services.record_values(
            actor=request.user, unit=unit, year=data["year"], rows=form.rows(), note=data["note"] or None
        ),
        lambda counts: (
            gettext("Đã lưu số liệu quý %(quarter)s/%(year)s: %(created)s mới, %(updated)s cập nhật.")
            % {
                "quarter": form.cleaned_data["quarter"],
                "year": form.cleaned_data["year"],
                "created": counts.created,
                "updated": counts.updated,
            }
        ),
        None,
        then=lambda _: redirect(
            f"{request.path}?year={form.cleaned_data['year']}&quarter={form.cleaned_data['quarter']}"
        ),
    ):
        return answer
    lines = [(indicator, field, stored.get(indicator.pk)) for indicator, field in form.value_fields()]
    return render(
        request,
        "indicators/values_form.html",
        {"unit": unit, "form": form, "year": year, "quarter": quarter, "lines": lines},
    )


@login_required
@require_http_methods(["GET", "POST"])
def values_import(request, pk: int):
    from thidua.indicators.excel import import_values

    unit = _recording_unit(request, pk)
    plan = Plan.objects.current_or_404()
    form = WorkbookForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        outcome = import_values(form.cleaned_data["file"], plan=plan, unit=unit, actor=request.user)
        if not outcome.errors:
            messages.success(request, gettext("Đã nhập số liệu từ tệp Excel."))
    return render(
        request,
        "indicators/import.html",
        {
            "unit": unit,
            "form": form,
            "outcome": outcome,
            "year": _year(request, plan),
            "years": range(plan.start_year, plan.end_year + 1),
        },
    )


@login_required
def values_template(request, pk: int, year: int):
    from thidua.indicators.excel import template_workbook

    unit = _recording_unit(request, pk)
    plan = Plan.objects.current_or_404()
    if services.year_error(plan, year):
        raise Http404(services.year_error(plan, year))
    return attachment(template_workbook(plan, unit, year), f"so-lieu-chi-tieu-{unit.code}-{year}.xlsx")
