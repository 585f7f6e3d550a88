"""The plan page any signed-in user can read, its Word download, and the office's
editing pages. Every save goes through the activity log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from thidua.core import params
from thidua.core.actions import add_errors, run_form
from thidua.core.history import delete_with_history, save_with_history
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.documents import word_or_pdf
from thidua.organization import rules
from thidua.plans import dispatch, timeline
from thidua.plans.enums import ItemKind, SubjectKind
from thidua.plans.forms import PART_FORMS, MovementForm, PhaseFormSet, PlanDispatchForm, PlanForm, PlanNumberForm
from thidua.plans.models import Plan

SAVED = _("Đã lưu thay đổi. Lịch sử sửa đổi được ghi lại.")


def _plan_or_404(code: str | None) -> Plan:
    return get_object_or_404(Plan, code=code) if code else Plan.objects.current_or_404()


def _require_editor(user) -> None:
    require(rules.can_edit_plan(user), gettext("Chỉ Văn phòng Sở được sửa kế hoạch."))


def _plan_parts(plan: Plan) -> dict:
    items = list(plan.items.all())
    criteria = list(plan.criteria.all())
    phases = list(plan.phases.all())
    return {
        "bases": plan.legal_bases.all(),
        "items_by_kind": {kind: [i for i in items if i.kind == kind] for kind in ItemKind.values},
        "content_areas": plan.content_areas.all(),
        "collective_criteria": [c for c in criteria if c.subject_kind == SubjectKind.COLLECTIVE],
        "individual_criteria": [c for c in criteria if c.subject_kind == SubjectKind.INDIVIDUAL],
        "phases": phases,
        "timeline": timeline.build(plan, phases),
        "report_duties": plan.report_duties.all(),
        "recipients": plan.recipients.all(),
        "movements": plan.movements.all(),
    }


@login_required
def plan_detail(request, code: str | None = None):
    plan = _plan_or_404(code)
    context = {
        "plan": plan,
        "can_edit": rules.can_edit_plan(request.user),
        "other_plans": Plan.objects.exclude(pk=plan.pk).only("code", "title", "start_year", "end_year"),
    }
    if context["can_edit"]:
        context["history"] = ActivityLog.objects.for_object(plan).select_related("actor__person")[:10]
    return render(request, "plans/plan_detail.html", context | _plan_parts(plan))


@login_required
def plan_docx(request, code: str | None = None):
    from thidua.plans.plan_docx import PlanDocx, filename

    plan = _plan_or_404(code)
    with override("vi"):  # an official document stays Vietnamese whatever the interface language
        document = PlanDocx(plan).render()
    return word_or_pdf.document(request, document, filename(plan))


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, code: str | None = None):
    _require_editor(request.user)
    plan = _plan_or_404(code) if code else None
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = save_with_history(form.save(commit=False), actor=request.user)
            form.save_m2m()
        messages.success(request, SAVED)
        return redirect("plan_detail_code", code=saved.code)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@login_required
@require_http_methods(["GET", "POST"])
def plan_number(request, code: str):
    """The plan's number and date, asked once: every document citing the plan reads them."""
    _require_editor(request.user)
    plan = _plan_or_404(code)
    initial = {"number": params.to_int(plan.number), "date": plan.issued_on}
    form = PlanNumberForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        date = form.cleaned_data["date"]
        plan.number = f"{form.cleaned_data['number']:02d}"
        plan.issued_day, plan.issued_month, plan.issued_year = date.day, date.month, date.year
        save_with_history(plan, actor=request.user, note=gettext("Số và ngày ban hành của kế hoạch"))
        messages.success(
            request,
            gettext("Đã lưu số %(number)s ngày %(date)s của kế hoạch.")
            % {"number": plan.number_and_symbol, "date": date.strftime("%d/%m/%Y")},
        )
        return redirect("plan_detail_code", code=plan.code)
    return render(
        request, "plans/plan_number_form.html", {"form": form, "plan": plan}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def phases_edit(request, code: str):
    _require_editor(request.user)
    plan = _plan_or_404(code)
    formset = PhaseFormSet(request.POST or None, instance=plan)
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            for phase in formset.save(commit=False):
                save_with_history(phase, actor=request.user)
            for phase in formset.deleted_objects:
                delete_with_history(phase, actor=request.user)
        messages.success(request, SAVED)
        return redirect("plan_detail_code", code=plan.code)
    return render(request, "plans/phases_form.html", {"formset": formset, "plan": plan})


@login_required
@require_http_methods(["GET", "POST"])
def part_edit(request, code: str, part: str, pk: int | None = None):
    _require_editor(request.user)
    plan = _plan_or_404(code)
    if part not in PART_FORMS:
        raise Http404
    model, form_class = PART_FORMS[part]
    instance = get_object_or_404(model, pk=pk, plan=plan) if pk else model(plan=plan)
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save_with_history(form.save(commit=False), actor=request.user)
        messages.success(request, SAVED)
        return redirect("plan_detail_code", code=plan.code)
    return render(
        request,
        "plans/part_form.html",
        {"form": form, "plan": plan, "part_name": model._meta.verbose_name, "instance": instance},
    )


@login_required
@require_http_methods(["GET", "POST"])
def movement_create(request):
    _require_editor(request.user)
    form = MovementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        save_with_history(form.save(commit=False), actor=request.user)
        messages.success(request, gettext("Đã thêm phong trào. Có thể chọn phong trào này khi tạo kế hoạch."))
        return redirect("plan_create")
    return render(request, "plans/movement_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def plan_dispatches(request, code: str):
    """The office's record of where the signed plan went and where it was published."""
    require(rules.can_edit_plan(request.user), gettext("Trang này dành cho Văn phòng Sở."))
    plan = _plan_or_404(code)
    places = dispatch.recipients(plan)
    form = PlanDispatchForm(request.POST or None, recipients=places, initial={"sent_on": timezone.localdate()})
    if answer := run_form(
        request,
        form,
        lambda data: dispatch.record_dispatch(plan=plan, actor=request.user, **data),
        lambda saved: (
            gettext("Đã ghi nhận %(what)s: %(recipient)s.")
            % {"what": saved.get_channel_display().lower(), "recipient": saved.recipient}
        ),
        redirect("plan_dispatches", code=plan.code),
        add_errors,
    ):
        return answer
    rows = plan.dispatches.select_related("recorded_by__person")
    return render(
        request,
        "plans/dispatches.html",
        {"plan": plan, "form": form, "rows": rows, "places": places, "sent": {r.recipient for r in rows}},
        status=400 if form.errors else 200,
    )
