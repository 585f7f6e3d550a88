"""The office's personal-data pages (Nghị định 13/2023): the export of everything held
about a person and the anonymisation of one who has left."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.organization import rules
from thidua.organization.views import visible_person
from thidua.privacy import anonymisation, personal_data
from thidua.privacy.forms import AnonymiseForm


def _require_personal_data_manager(user) -> None:
    require(rules.can_manage_personal_data(user), gettext("Chỉ Văn phòng Sở được thực hiện việc này."))


@login_required
def personal_data_export(request, pk: int):
    """Everything held about the person, as a .zip (`personal_data.py`); audited."""
    person = visible_person(request.user, pk)
    _require_personal_data_manager(request.user)
    archive = personal_data.write_export(person, exported_by=request.user)
    filename = personal_data.export_filename(person)
    record(
        actor=request.user,
        obj=person,
        action=ActivityLog.Action.EXPORTED,
        note=gettext("Tải về toàn bộ dữ liệu cá nhân (%(file)s).") % {"file": filename},
    )
    return FileResponse(archive, as_attachment=True, filename=filename, content_type="application/zip")


@login_required
@require_http_methods(["GET", "POST"])
def person_anonymise(request, pk: int):
    """The confirmation page, which says what goes and what stays, then the POST."""
    person = visible_person(request.user, pk)
    _require_personal_data_manager(request.user)
    form = AnonymiseForm(request.POST if request.method == "POST" else None)
    refusal, status = None, 200
    try:
        anonymisation.check(request.user, person)
    except ValidationError as exc:
        refusal, status = exc.messages[0], (409 if request.method == "POST" else 200)
    if refusal is None and request.method == "POST" and form.is_valid():
        try:
            anonymisation.anonymise(actor=request.user, person=person)
        except ValidationError as exc:  # done from another window meanwhile
            refusal, status = exc.messages[0], 409
        else:
            messages.success(
                request, gettext("Đã ẩn danh hóa. Sổ khen thưởng vẫn giữ họ tên như khi được khen thưởng.")
            )
            return redirect("person_detail", pk=person.pk)
    return render(
        request,
        "organization/person_anonymise.html",
        {"person": person, "form": form, "refusal": refusal, "label": anonymisation.label(person)},
        status=status,
    )
