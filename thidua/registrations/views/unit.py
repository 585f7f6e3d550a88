"""The unit head's page (the unit's registration with its people's rows, edited and
submitted together), a person's own registration, and the entry point that sends each
role to its page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core import params
from thidua.core.actions import run_button, run_form
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.organization import rules as org_rules
from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.plans.models import Plan
from thidua.registrations import rules, services
from thidua.registrations.forms import PersonRegistrationForm, UnitRegistrationForm
from thidua.registrations.models import UnitRegistration
from thidua.registrations.views.common import (
    plan_year,
    redirect_for_year,
    year_context,
)


@login_required
def registration_home(request):
    """One link in the navigation: the office's list, the head's unit or one's own page."""
    user, year = request.user, params.for_page(request, params.year, "nam")
    heads = org_rules.units_with_role(user, Role.UNIT_HEAD)
    if rules.can_oversee(user):
        target = reverse("registration_office_list")
    elif heads:
        target = reverse("registration_unit", args=[heads[0]])
    else:
        target = reverse("registration_mine")
    return redirect(f"{target}?nam={year}" if year else target)


def _registration(plan, year: int, unit) -> UnitRegistration | None:
    return (
        UnitRegistration.objects.for_year(plan, year)
        .filter(unit=unit)
        .select_related("unit", "plan")
        .prefetch_related("commitments", "people")
        .first()
    )


def _unit_year(request, unit_id: int, allowed, refusal: str):
    """The unit (404 outside the account's units; 403 with `refusal` unless
    `allowed(user, unit)`), the plan, the year asked for and the unit's registration."""
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_id)
    require(allowed(request.user, unit), refusal)
    plan = Plan.objects.current_or_404()
    year = plan_year(request, plan)
    return unit, plan, year, _registration(plan, year, unit)


@login_required
@require_http_methods(["GET", "POST"])
def unit_registration(request, unit_id: int):
    unit, plan, year, registration = _unit_year(
        request,
        unit_id,
        rules.can_read_people,
        gettext("Chỉ thủ trưởng đơn vị và Văn phòng Sở xem được bản đăng ký của cả đơn vị."),
    )
    form = None
    if rules.can_manage(request.user, unit) and (request.method == "POST" or _editable(registration)):
        form = UnitRegistrationForm(request.POST or None, areas=plan.content_areas.all(), registration=registration)
    if request.method == "POST":
        require(form is not None, gettext("Chỉ thủ trưởng đơn vị sửa được bản đăng ký của đơn vị."))
        if answer := run_form(
            request,
            form,
            lambda _: _save_unit(request.user, form, plan, year, unit, registration),
            gettext("Đã lưu bản nháp. Bản đăng ký chỉ đến Văn phòng Sở khi bấm «Gửi đăng ký»."),
            None,
            then=lambda _: redirect_for_year("registration_unit", year, unit.pk),
        ):
            return answer
    return render(request, "registrations/unit.html", _unit_context(request.user, plan, year, unit, registration, form))


def _editable(registration: UnitRegistration | None) -> bool:
    return registration is None or registration.is_editable


@transaction.atomic
def _save_unit(user, form, plan, year: int, unit, registration) -> None:
    registration = registration or services.open_registration(plan=plan, year=year, unit=unit, actor=user)
    services.save_unit_registration(
        registration=registration, title=form.cleaned_data["title"], commitments=form.commitments(), actor=user
    )


def _unit_context(user, plan, year: int, unit, registration, form) -> dict:
    rows = {row.person_id: row for row in registration.people.all()} if registration else {}
    people = [
        {"person": p, "row": rows.get(p.pk), "can_edit": rules.can_edit_person(user, p)}
        for p in Person.objects.filter(unit=unit)
        .filter(Q(anonymised_at__isnull=True) | Q(pk__in=rows.keys()))
        .order_by("full_name")
    ]
    stored = {c.content_area_id: c.text for c in registration.commitments.all()} if registration else {}
    may_submit = bool(registration and rules.MOVES.may(user, registration, State.SUBMITTED))
    return year_context(plan, year) | {
        "unit": unit,
        "registration": registration,
        "form": form,
        "people": people,
        "editable": _editable(registration),
        "commitments": [(area, stored.get(area.pk, "")) for area in plan.content_areas.all()],
        "unregistered": sum(1 for p in people if p["row"] is None),
        "may_submit": may_submit,
        "problems": services.submission_problems(registration, actor=user, on=timezone.localdate())
        if may_submit
        else [],
        "may_accept": bool(registration and rules.MOVES.may(user, registration, State.ACCEPTED)),
        "may_return": bool(registration and rules.MOVES.may(user, registration, State.RETURNED)),
        "history": ActivityLog.objects.for_object(registration).select_related("actor__person")[:20]
        if registration
        else [],
        "other_units": Unit.objects.filter(pk__in=org_rules.units_with_role(user, Role.UNIT_HEAD)).exclude(pk=unit.pk),
    }


@login_required
@require_POST
def submit(request, unit_id: int):
    # Asked of the unit: the registration may not exist yet (`rules.can_submit` is the same rule).
    unit, _plan, year, registration = _unit_year(
        request, unit_id, rules.submits_for, gettext("Chỉ thủ trưởng đơn vị gửi được bản đăng ký của đơn vị.")
    )
    if registration is None:
        messages.error(
            request,
            gettext("Đơn vị chưa có bản đăng ký năm %(year)s. Hãy điền và lưu bản nháp trước.") % {"year": year},
        )
    back = redirect_for_year("registration_unit", year, unit.pk)
    if registration is None:
        messages.error(
            request,
            gettext("Đơn vị chưa có bản đăng ký năm %(year)s. Hãy điền và lưu bản nháp trước.") % {"year": year},
        )
        return back
    return run_button(
        request,
        lambda: services.submit_registration(registration=registration, actor=request.user),
        lambda _: _submitted(registration),
        back,
    )


def _submitted(registration: UnitRegistration) -> str:
    count = len(registration.people.all())
    return ngettext(
        "Đã gửi bản đăng ký năm %(year)s của %(unit)s cùng %(n)s bản đăng ký cá nhân đến Văn phòng Sở.",
        "Đã gửi bản đăng ký năm %(year)s của %(unit)s cùng %(n)s bản đăng ký cá nhân đến Văn phòng Sở.",
        count,
    ) % {"year": registration.year, "unit": registration.unit, "n": count}


@login_required
@require_http_methods(["GET", "POST"])
def my_registration(request):
    person = org_rules.person_of(request.user)
    if person is None:
        return render(request, "registrations/person.html", {"person": None})
    return _person_page(request, person)


@login_required
@require_http_methods(["GET", "POST"])
def person_registration(request, person_id: int):
    person = get_object_or_404(Person.objects.visible_to(request.user).select_related("unit"), pk=person_id)
    return _person_page(request, person)


def _person_page(request, person: Person):
    user = request.user
    may_edit = rules.can_edit_person(user, person)
    require(
        may_edit or rules.can_read_people(user, person.unit), gettext("Bạn chỉ xem được bản đăng ký của chính mình.")
    )
    plan = Plan.objects.current_or_404()
    year = plan_year(request, plan)
    registration = _registration(plan, year, person.unit)
    row = next((r for r in registration.people.all() if r.person_id == person.pk), None) if registration else None
    form = None
    if may_edit and (request.method == "POST" or _editable(registration)):
        initial = {"title": row.title, "commitments": row.commitments} if row else None
        form = PersonRegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST":
        require(form is not None, gettext("Bạn không sửa được bản đăng ký của người này."))
        if answer := run_form(
            request,
            form,
            lambda data: _save_person(request.user, data, plan, year, person, registration),
            gettext("Đã lưu đăng ký cá nhân. Thủ trưởng đơn vị sẽ gửi cùng bản đăng ký của đơn vị."),
            None,
            then=lambda _: _after_person_saved(request, person, year),
        ):
            return answer
    return render(
        request,
        "registrations/person.html",
        year_context(plan, year)
        | {
            "person": person,
            "registration": registration,
            "row": row,
            "form": form,
            "is_own": getattr(org_rules.person_of(user), "pk", None) == person.pk,
            "can_read_unit": rules.can_read_people(user, person.unit),
        },
    )


@transaction.atomic
def _save_person(user, data, plan, year: int, person: Person, registration) -> None:
    registration = registration or services.open_registration(plan=plan, year=year, unit=person.unit, actor=user)
    services.save_person_registration(
        registration=registration, person=person, actor=user, title=data["title"], commitments=data["commitments"]
    )


def _after_person_saved(request, person: Person, year: int):
    own = org_rules.person_of(request.user)
    if own is not None and own.pk == person.pk:
        return redirect_for_year("registration_mine", year)
    return redirect_for_year("registration_unit", year, person.unit_id)
