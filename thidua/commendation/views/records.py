"""The commendation record of a person or a unit — ratings by year, titles and forms
received, discipline, holds — and the office's pages to add or correct them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
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
from thidua.core.actions import add_errors, run_form
from thidua.organization.models import Person

SAVED = _("Đã lưu. Lịch sử thay đổi được ghi lại.")


def _record_context(user, subject) -> dict:
    awards = list(AwardRecord.objects.for_subject(subject).select_related("award_type"))
    context = {
        "subject": subject,
        "kind": "ca-nhan" if isinstance(subject, Person) else "don-vi",
        "ratings": YearlyRating.objects.for_subject(subject),
        "titles": [a for a in awards if a.award_type.category == AwardCategory.TITLE],
        "forms": [a for a in awards if a.award_type.category == AwardCategory.FORM],
        "can_manage": rules.can_manage(user),
        "can_rate": rules.can_rate(user, subject),
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


@dataclass(frozen=True)
class RecordPage:
    """What differs between the office's pages that add or correct one row of a
    record: the rows of the subject, the form, the service that saves it."""

    title: str
    rows: Callable  # subject -> the subject's rows of this kind
    form: Callable  # (row or None, data) -> the bound or blank form
    save: Callable  # (actor, subject, row or None, cleaned data) -> the saved row


def _save_award(actor, subject, record, data):
    """The form's fields are the service's keywords, but for the achievement key."""
    fields = dict(data)
    key = fields.pop("achievement_key")
    return services.record_award(actor=actor, subject=subject, record=record, achievement_key_text=key, **fields)


def _discipline_form(record, data):
    initial = (
        {"form": record.form, "date": record.date, "text": record.text, "decision_number": record.decision_number}
        if record
        else None
    )
    return DisciplineRecordForm(data, initial=initial)


PAGES = {
    "award": RecordPage(
        title=_("Khen thưởng đã nhận"),
        rows=AwardRecord.objects.for_subject,
        form=lambda record, data: AwardRecordForm.for_record(record, data) if record else AwardRecordForm(data),
        save=_save_award,
    ),
    "discipline": RecordPage(
        title=_("Kỷ luật"),
        rows=lambda person: DisciplineRecord.objects.filter(person=person),
        form=_discipline_form,
        save=lambda actor, person, record, data: services.record_discipline(
            actor=actor, person=person, record=record, **data
        ),
    ),
    "hold": RecordPage(
        title=_("Đang bị xem xét (tạm dừng khen thưởng)"),
        rows=PendingFlag.objects.for_subject,
        form=lambda flag, data: PendingFlagForm(data, instance=flag),
        save=lambda actor, subject, flag, data: services.save_hold(actor=actor, subject=subject, flag=flag, **data),
    ),
}


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request, *, page: str, pk: int, kind: str = "ca-nhan", record_pk: int | None = None):
    """Add (no `record_pk`) or correct one row of a person's or a unit's record; which
    row is `page` (PAGES), set by the address. Discipline is a person's only."""
    spec = PAGES[page]
    require_manager(request.user)
    subject = subject_from(request.user, kind, pk)
    record = get_object_or_404(spec.rows(subject), pk=record_pk) if record_pk else None
    form = spec.form(record, request.POST or None)
    if answer := run_form(
        request,
        form,
        lambda data: spec.save(request.user, subject, record, data),
        SAVED,
        _back(subject),
        add_errors,
    ):
        return answer
    return render(
        request,
        "commendation/record_form.html",
        {"form": form, "subject": subject, "title": spec.title, "record": record},
    )
