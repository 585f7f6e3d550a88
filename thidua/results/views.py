"""Pages of results: the list, recording and editing an entry with its evidence, the
entry's page with its actions, the timelines of a unit and of a person, the unit head's
list of entries awaiting confirmation, and the evidence download."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import refuse, run_button, run_form, safe_next
from thidua.core.codes import State
from thidua.core.downloads import attachment, previewable
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.organization import rules as org_rules
from thidua.organization.models import Person, Unit
from thidua.plans.models import Plan
from thidua.results import exports, rules, services, timeline
from thidua.results.enums import EDITABLE
from thidua.results.forms import PERSONAL, ResultFilterForm, ResultForm, ReturnForm
from thidua.results.models import Evidence, ResultEntry


def _entry(user, pk: int) -> ResultEntry:
    """The entry, if the account may see it; another unit's entry is a 404."""
    entries = ResultEntry.objects.visible_to(user).select_related(
        "plan", "unit", "person", "content_area", "criterion", "created_by__person"
    )
    return get_object_or_404(entries, pk=pk)


def filtered_entries(request) -> tuple[ResultFilterForm, object]:
    """The entries the account sees, narrowed by the list's filter: one function for
    the page and its Excel export, so both hold the same rows."""
    form = ResultFilterForm(request.GET or None, user=request.user, plan=Plan.objects.current())
    entries = timeline.with_details(ResultEntry.objects.visible_to(request.user)).order_by("-date", "-id")
    if form.is_valid():
        entries = form.apply(entries)
    return form, entries


@login_required
def entry_list(request):
    form, entries = filtered_entries(request)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "results/list.html",
        {
            "form": form,
            "page_obj": paginate(request, entries),
            "query": query.urlencode(),
            "can_record": bool(_subjects(request.user)),
            "confirms": bool(rules.units_to_confirm(request.user) or org_rules.is_admin(request.user)),
        },
    )


@login_required
def entry_list_xlsx(request):
    _form, entries = filtered_entries(request)
    return attachment(exports.workbook(entries), exports.FILENAME)


def _subjects(user) -> list[tuple[str, str]]:
    """Whose result the account may record: its own person's, and each unit it heads."""
    subjects = []
    own = org_rules.person_of(user)
    if own is not None:
        subjects.append((PERSONAL, gettext("Cá nhân tôi (%(name)s)") % {"name": own.full_name}))
    for unit in Unit.objects.filter(pk__in=rules.units_recorded_for(user)):
        subjects.append((str(unit.pk), gettext("Đơn vị: %(name)s") % {"name": unit.name}))
    return subjects


def _owner(user, subject: str) -> tuple[Unit, Person | None]:
    if subject == PERSONAL:
        person = org_rules.person_of(user)
        return person.unit, person
    unit = get_object_or_404(Unit, pk=int(subject))
    if not rules.can_record_for_unit(user, unit):
        raise PermissionDenied
    return unit, None


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request):
    plan = Plan.objects.current_or_404()
    subjects = _subjects(request.user)
    require(subjects, gettext("Tài khoản này chưa gắn với cán bộ hay đơn vị nào để ghi kết quả."))
    form = ResultForm(
        request.POST or None, request.FILES or None, plan=plan, subjects=subjects, initial={"subject": subjects[0][0]}
    )

    def record(data):
        unit, person = _owner(request.user, data["subject"])
        return services.record_result(
            actor=request.user, plan=plan, unit=unit, person=person, files=data["files"], **form.values()
        )

    if answer := run_form(
        request,
        form,
        record,
        gettext("Đã lưu kết quả (nháp). Bấm «Gửi» khi đã đủ minh chứng."),
        None,
        then=lambda entry: _after_save(request, entry),
    ):
        return answer
    return _form_page(request, form, None)


def _after_save(request, entry: ResultEntry):
    if request.POST.get("action") == "submit":
        return _submit(request, entry)
    return redirect("result_detail", pk=entry.pk)


def _form_page(request, form: ResultForm, entry: ResultEntry | None):
    # A browser cannot put chosen files back into a re-rendered form: say so.
    files_dropped = request.method == "POST" and bool(request.FILES) and not form.is_valid()
    return render(request, "results/form.html", {"form": form, "entry": entry, "files_dropped": files_dropped})


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk: int):
    entry = _entry(request.user, pk)
    require(rules.can_edit(request.user, entry), gettext("Chỉ người ghi kết quả được sửa kết quả này."))
    if refusal := services.edit_refusal(entry):
        return refuse(request, refusal, redirect("result_detail", pk=entry.pk))
    form = ResultForm(
        request.POST or None,
        request.FILES or None,
        plan=entry.plan,
        subjects=[],
        entry=entry,
        initial=ResultForm.initial_for(entry),
    )
    if answer := run_form(
        request,
        form,
        lambda data: services.update_result(actor=request.user, entry=entry, values=form.values(), files=data["files"]),
        gettext("Đã lưu thay đổi. Lịch sử sửa đổi được ghi lại."),
        redirect("result_detail", pk=entry.pk),
        then=lambda _: _after_save(request, entry),
    ):
        return answer
    return _form_page(request, form, entry)


@login_required
def entry_detail(request, pk: int):
    entry, user = _entry(request.user, pk), request.user
    return render(
        request,
        "results/detail.html",
        {
            "entry": entry,
            "evidence": entry.evidence.all(),
            "can_edit": entry.state in EDITABLE and rules.can_edit(user, entry),
            "can_submit": rules.MOVES.may(user, entry, State.SUBMITTED),
            "can_confirm": rules.MOVES.may(user, entry, State.CONFIRMED),
            "can_return": rules.MOVES.may(user, entry, State.RETURNED),
            "return_form": ReturnForm(),
            "history": _history(entry),
        },
    )


def _history(entry: ResultEntry) -> list[dict]:
    labels = dict(State.choices)
    return [{"row": row, "state": labels.get((row.changes.get("state") or [None, None])[1])} for row in entry.history()]


def _submit(request, entry: ResultEntry):
    return run_button(
        request,
        lambda: services.submit_result(actor=request.user, entry=entry),
        _sent,
        redirect("result_detail", pk=entry.pk),
    )


def _sent(entry: ResultEntry) -> str:
    if entry.state == State.CONFIRMED:
        return gettext("Đã gửi. Kết quả do thủ trưởng đơn vị gửi nên được xác nhận ngay.")
    return gettext("Đã gửi. Kết quả đang chờ thủ trưởng đơn vị xác nhận.")


@login_required
@require_POST
def entry_submit(request, pk: int):
    entry = _entry(request.user, pk)
    require(rules.can_submit(request.user, entry), gettext("Chỉ người ghi kết quả được gửi kết quả này."))
    return _submit(request, entry)


def _next_or_detail(request, entry: ResultEntry):
    target = safe_next(request)
    return redirect(target) if target else redirect("result_detail", pk=entry.pk)


def _confirmable(request, pk: int, predicate) -> ResultEntry:
    """The entry, when the move's predicate (confirm or return) lets the account make it."""
    entry = _entry(request.user, pk)
    require(
        predicate(request.user, entry),
        gettext(
            "Chỉ thủ trưởng đơn vị xác nhận hoặc trả lại kết quả của cán bộ trong "
            "đơn vị; không ai tự xác nhận kết quả của mình."
        ),
    )
    return entry


@login_required
@require_POST
def entry_confirm(request, pk: int):
    entry = _confirmable(request, pk, rules.can_confirm)
    return run_button(
        request,
        lambda: services.confirm_result(actor=request.user, entry=entry),
        gettext("Đã xác nhận kết quả «%(title)s».") % {"title": entry.title},
        _next_or_detail(request, entry),
    )


@login_required
@require_POST
def entry_return(request, pk: int):
    entry = _confirmable(request, pk, rules.can_return)
    return run_button(
        request,
        lambda: services.return_result(actor=request.user, entry=entry, reason=request.POST.get("reason", "")),
        gettext("Đã trả lại kết quả «%(title)s» kèm lý do.") % {"title": entry.title},
        _next_or_detail(request, entry),
    )


@login_required
def evidence_download(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.visible_to(request.user), pk=pk)
    content_type = evidence.content_type
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(gettext("Tệp minh chứng không còn trên máy chủ.")) from exc
    # ?xem=1 opens a PDF or a picture in the browser; other files are saved as before.
    inline = request.GET.get("xem") == "1" and previewable(content_type)
    return FileResponse(handle, as_attachment=not inline, filename=evidence.original_name, content_type=content_type)


@login_required
@require_POST
def evidence_delete(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.visible_to(request.user).select_related("entry"), pk=pk)
    if not rules.can_edit(request.user, evidence.entry):
        raise PermissionDenied
    return run_button(
        request,
        lambda: services.remove_evidence(actor=request.user, evidence=evidence),
        gettext("Đã gỡ tệp «%(name)s».") % {"name": evidence.original_name},
        redirect("result_detail", pk=evidence.entry_id),
    )


@login_required
def awaiting(request):
    """Entries of the unit's people submitted and not yet confirmed or returned."""
    units = rules.units_to_confirm(request.user)
    if units == []:
        raise PermissionDenied(gettext("Chỉ thủ trưởng đơn vị xác nhận kết quả của cán bộ trong đơn vị."))
    entries = ResultEntry.objects.filter(state=State.SUBMITTED, person__isnull=False)
    if units is not None:
        entries = entries.filter(unit_id__in=units)
    entries = timeline.with_details(entries.exclude(person__user_id=request.user.pk)).order_by("date", "id")
    return render(
        request, "results/awaiting.html", {"page_obj": paginate(request, entries), "return_form": ReturnForm()}
    )


def _timeline(request, subject: str, **owner):
    """The timeline of the results the account sees of one unit or one person (`owner`)."""
    plan = Plan.objects.current()
    entries = ResultEntry.objects.visible_to(request.user).filter(**owner)
    return render(
        request,
        "results/timeline.html",
        owner | {"subject": subject, **timeline.context(entries, plan, timeline.chosen_year(request, plan, entries))},
    )


@login_required
def unit_timeline(request, pk: int):
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=pk)
    return _timeline(request, unit.name, unit=unit)


@login_required
def person_timeline(request, pk: int):
    person = get_object_or_404(Person.objects.visible_to(request.user).select_related("unit"), pk=pk)
    return _timeline(request, person.full_name, person=person)


@login_required
def my_timeline(request):
    person = org_rules.person_of(request.user)
    if person is None:
        return redirect("results_list")
    return redirect("results_person_timeline", pk=person.pk)
