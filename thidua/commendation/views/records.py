"""The commendation record of a person or a unit — ratings by year, titles and forms
received, discipline, holds — and the office's pages to add or correct them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from thidua.commendation import rules, services
from thidua.commendation.enums import AwardCategory
from thidua.commendation.forms import AwardRecordForm, DisciplineRecordForm, PendingFlagForm
from thidua.commendation.models import AwardRecord, DisciplineRecord, PendingFlag, YearlyRating
from thidua.commendation.views.common import (
    history_of,
    require_manager,
    subject_from,
    visible_person,
    visible_unit,
)
from thidua.organization.models import Person

SAVED = _("Đã lưu. Lịch sử thay đổi được ghi lại.")


def _record_context(user, subject) -> dict:
    awards = list(AwardRecord.objects.for_subject(subject).select_related("award_type"))
    context = {
        "subject": subject, "kind": "ca-nhan" if isinstance(subject, Person) else "don-vi",
        "ratings": YearlyRating.objects.for_subject(subject),
        "titles": [a for a in awards if a.award_type.category == AwardCategory.TITLE],
        "forms": [a for a in awards if a.award_type.category == AwardCategory.FORM],
        "can_manage": rules.can_manage(user), "can_rate": rules.can_rate(user, subject),
        "can_see_pending": rules.can_see_pending(user),
    }
    if isinstance(subject, Person):
        context["discipline"] = DisciplineRecord.objects.filter(person=subject)
    if context["can_see_pending"]:
        context["holds"] = PendingFlag.objects.for_subject(subject)
    if context["can_manage"]:
        context["history"] = history_of(awards)
    return context


@login_required
def person_record(request, pk: int):
    person = visible_person(request.user, pk)
    return render(request, "commendation/record.html", _record_context(request.user, person))


@login_required
def unit_record(request, pk: int):
    unit = visible_unit(request.user, pk)
    return render(request, "commendation/record.html", _record_context(request.user, unit))


def _back(subject):
    name = "person_record" if isinstance(subject, Person) else "unit_record"
    return redirect(name, pk=subject.pk)


def _show_errors(form, error: ValidationError) -> None:
    for field, texts in error.message_dict.items():
        form.add_error(field if field in form.fields else None, texts)


@login_required
@require_http_methods(["GET", "POST"])
def award_record_edit(request, kind: str, pk: int, record_pk: int | None = None):
    require_manager(request.user)
    subject = subject_from(request.user, kind, pk)
    record = get_object_or_404(AwardRecord.objects.for_subject(subject), pk=record_pk) if record_pk else None
    form = AwardRecordForm.for_record(record, request.POST or None) if record else AwardRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_award(
                actor=request.user, subject=subject, code=data["code"], year=data["year"], kind=data["kind"],
                decision_number=data["decision_number"], decision_date=data["decision_date"], issuer=data["issuer"],
                before_system=data["before_system"], achievement_key_text=data["achievement_key"],
                note=data["note"], record=record)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, SAVED)
            return _back(subject)
    return render(request, "commendation/record_form.html", {
        "form": form, "subject": subject, "title": _("Khen thưởng đã nhận"), "record": record})


@login_required
@require_http_methods(["GET", "POST"])
def discipline_edit(request, pk: int, record_pk: int | None = None):
    require_manager(request.user)
    person = visible_person(request.user, pk)
    record = get_object_or_404(DisciplineRecord, pk=record_pk, person=person) if record_pk else None
    initial = {"form": record.form, "date": record.date, "text": record.text,
               "decision_number": record.decision_number} if record else None
    form = DisciplineRecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.record_discipline(actor=request.user, person=person, record=record, **form.cleaned_data)
        messages.success(request, SAVED)
        return _back(person)
    return render(request, "commendation/record_form.html", {
        "form": form, "subject": person, "title": _("Kỷ luật"), "record": record})


@login_required
@require_http_methods(["GET", "POST"])
def hold_edit(request, kind: str, pk: int, record_pk: int | None = None):
    require_manager(request.user)
    subject = subject_from(request.user, kind, pk)
    flag = get_object_or_404(PendingFlag.objects.for_subject(subject), pk=record_pk) if record_pk else None
    form = PendingFlagForm(request.POST or None, instance=flag)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_hold(actor=request.user, subject=subject, flag=flag, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, SAVED)
            return _back(subject)
    return render(request, "commendation/record_form.html", {
        "form": form, "subject": subject, "title": _("Đang bị xem xét (tạm dừng khen thưởng)"), "record": flag})
