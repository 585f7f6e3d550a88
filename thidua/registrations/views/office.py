"""The office's pages: every unit's registration for a year with its state, the Excel
export, accepting or returning a registration, and the registration window."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import run_button, run_form
from thidua.core.codes import State
from thidua.core.downloads import attachment
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.organization.enums import UnitKind
from thidua.organization.models import Unit
from thidua.plans.models import Plan
from thidua.registrations import rules, services
from thidua.registrations.enums import REGISTRATION_STATES
from thidua.registrations.forms import OfficeFilterForm, ReturnForm, WindowForm
from thidua.registrations.models import (
    PersonRegistration,
    RegistrationWindow,
    UnitCommitment,
    UnitRegistration,
)
from thidua.registrations.views.common import (
    plan_year,
    redirect_for_year,
    year_context,
)

# Units that register a collective title: the office, the divisions and the public-service
# units; the province, the agency itself and its leadership do not.
REGISTERING_KINDS = [UnitKind.OFFICE, UnitKind.DIVISION, UnitKind.PUBLIC_SERVICE]


def _year_registrations(user, plan, year: int):
    return UnitRegistration.objects.visible_to(user).for_year(plan, year)


@login_required
def office_list(request):
    require(rules.can_oversee(request.user), gettext("Chỉ Văn phòng Sở và lãnh đạo Sở xem được danh sách này."))
    plan = Plan.objects.current_or_404()
    year = plan_year(request, plan)
    everything = _year_registrations(request.user, plan, year)
    form = OfficeFilterForm(request.GET or None)
    rows = (
        form.apply(everything)
        .select_related("unit", "submitted_by")
        .annotate(people_count=Count("people"))
        .order_by("unit__order", "unit__name")
    )
    counts = dict(everything.order_by().values_list("state").annotate(n=Count("id")))
    page = paginate(request, rows)
    for registration in page:
        registration.may_accept = rules.MOVES.may(request.user, registration, State.ACCEPTED)
        registration.may_return = rules.MOVES.may(request.user, registration, State.RETURNED)
    return render(
        request,
        "registrations/office_list.html",
        year_context(plan, year)
        | {
            "form": form,
            "page_obj": page,
            "total": sum(counts.values()),
            "state_counts": [(s.value, s.label, counts.get(s.value, 0)) for s in REGISTRATION_STATES],
            "unregistered": _unregistered(request.user, everything),
            "can_set_window": rules.can_set_window(request.user),
            "can_review": rules.is_office(request.user),
        },
    )


def _unregistered(user, registrations):
    return (
        Unit.objects.visible_to(user)
        .filter(kind__in=REGISTERING_KINDS)
        .exclude(pk__in=registrations.values("unit_id"))
        .order_by("order", "name")
    )


@login_required
def office_export(request):
    from thidua.registrations.exports import RegistrationWorkbook, filename

    require(rules.can_oversee(request.user), gettext("Chỉ Văn phòng Sở và lãnh đạo Sở tải được danh sách này."))
    plan = Plan.objects.current_or_404()
    year = plan_year(request, plan)
    form = OfficeFilterForm(request.GET or None)
    registrations = (
        form.apply(_year_registrations(request.user, plan, year))
        .select_related("unit")
        .prefetch_related(
            Prefetch("commitments", queryset=UnitCommitment.objects.select_related("content_area")),
            Prefetch("people", queryset=PersonRegistration.objects.select_related("person")),
        )
    )
    workbook = RegistrationWorkbook(list(registrations), list(plan.content_areas.all()))
    return attachment(workbook.render(), filename(year))


def _reviewable(request, pk: int, predicate) -> UnitRegistration:
    """The registration, when the move's predicate lets the account make it."""
    registration = get_object_or_404(UnitRegistration.objects.visible_to(request.user).select_related("unit"), pk=pk)
    require(predicate(request.user, registration), gettext("Chỉ Văn phòng Sở tiếp nhận hoặc trả lại bản đăng ký."))
    return registration


@login_required
@require_POST
def accept(request, pk: int):
    registration = _reviewable(request, pk, rules.can_accept)
    return run_button(
        request,
        lambda: services.accept_registration(registration=registration, actor=request.user),
        gettext("Đã tiếp nhận bản đăng ký của %(unit)s.") % {"unit": registration.unit},
        redirect_for_year("registration_office_list", registration.year),
    )


@login_required
@require_http_methods(["GET", "POST"])
def return_for_changes(request, pk: int):
    registration = _reviewable(request, pk, rules.can_return)
    form = ReturnForm(request.POST or None)
    if answer := run_form(
        request,
        form,
        lambda data: services.return_registration(registration=registration, reason=data["reason"], actor=request.user),
        gettext("Đã trả lại bản đăng ký của %(unit)s kèm lý do.") % {"unit": registration.unit},
        None,
        then=lambda _: redirect_for_year("registration_office_list", registration.year),
    ):
        return answer
    return render(request, "registrations/return_form.html", {"registration": registration, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def window_edit(request):
    require(rules.can_set_window(request.user), gettext("Chỉ Văn phòng Sở đặt được thời gian đăng ký."))
    plan = Plan.objects.current_or_404()
    year = plan_year(request, plan)
    instance = services.window_for(plan, year) or RegistrationWindow(plan=plan, year=year)
    form = WindowForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        window = services.set_window(
            plan=plan,
            year=year,
            opens_on=form.cleaned_data["opens_on"],
            closes_on=form.cleaned_data["closes_on"],
            actor=request.user,
        )
        messages.success(request, gettext("Đã lưu. %(window)s.") % {"window": window})
        return redirect_for_year("registration_office_list", year)
    return render(request, "registrations/window_form.html", year_context(plan, year) | {"form": form})
