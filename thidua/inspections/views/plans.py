"""The list of self-inspections, the office's form to plan one, and a plan's page with
the progress of each inspected unit."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.core.actions import run_form
from thidua.core.codes import State
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.inspections import rules, services
from thidua.inspections.forms import InspectionForm, ItemFormSet
from thidua.inspections.models import InspectionPlan, UnitChecklist
from thidua.organization.models import Unit
from thidua.plans.models import Plan

SENT = [State.SUBMITTED, State.ACCEPTED]


def checklist_progress(qs, today):
    """Checklists with their counts, each in one query whatever the number of rows."""
    return qs.select_related("unit", "inspection").annotate(
        items_total=Count("answers", distinct=True),
        items_answered=Count("answers", filter=~Q(answers__result=""), distinct=True),
        findings_count=Count("findings", distinct=True),
        actions_open=Count("actions", filter=Q(actions__done_on__isnull=True), distinct=True),
        actions_overdue=Count(
            "actions", filter=Q(actions__done_on__isnull=True, actions__due_on__lt=today), distinct=True
        ),
    )


@login_required
def inspection_list(request):
    user = request.user
    plans = (
        InspectionPlan.objects.visible_to(user)
        .annotate(
            units_count=Count("checklists", distinct=True),
            sent_count=Count("checklists", filter=Q(checklists__state__in=SENT), distinct=True),
        )
        .order_by("-starts_on", "-id")
    )  # an aggregate drops Meta.ordering
    own = UnitChecklist.objects.filter(unit_id__in=rules.member_unit_ids(user))
    return render(
        request,
        "inspections/list.html",
        {
            "page_obj": paginate(request, plans),
            "can_plan": rules.can_plan(user),
            "own_checklists": checklist_progress(own, timezone.localdate()).order_by("-inspection__starts_on", "id"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def inspection_create(request):
    require(rules.can_plan(request.user), gettext("Chỉ Văn phòng Sở lập kế hoạch tự kiểm tra."))
    plan = Plan.objects.current_or_404()
    form = InspectionForm(request.POST or None, units=Unit.objects.visible_to(request.user))
    items = ItemFormSet(request.POST or None, form_kwargs={"plan": plan}, prefix="items")
    if answer := run_form(
        request,
        form,
        lambda data: services.create_inspection(actor=request.user, plan=plan, items=items.cleaned_data, **data),
        gettext("Đã lập kế hoạch tự kiểm tra; mỗi đơn vị đã có bảng kiểm để trả lời."),
        None,
        then=redirect,
        also=[items],
    ):
        return answer
    return render(request, "inspections/form.html", {"form": form, "items": items, "plan": plan})


@login_required
def inspection_detail(request, pk: int):
    inspection = get_object_or_404(InspectionPlan.objects.visible_to(request.user).select_related("plan"), pk=pk)
    checklists = UnitChecklist.objects.visible_to(request.user).filter(inspection=inspection)
    return render(
        request,
        "inspections/detail.html",
        {
            "inspection": inspection,
            "items": inspection.items.select_related("content_area", "criterion"),
            "checklists": checklist_progress(checklists, timezone.localdate()).order_by("unit__order", "unit__name"),
        },
    )
