"""Findings and follow-up actions: adding them to a unit's checklist, marking an action
done, and the list of actions with the overdue ones one click away."""

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import run_form
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.inspections import rules, services
from thidua.inspections.forms import ActionFilterForm, ActionForm, DoneForm, FindingForm
from thidua.inspections.models import FollowUpAction
from thidua.inspections.views.checklists import checklist_context, get_checklist
from thidua.organization.enums import UnitKind
from thidua.organization.models import Unit


def _follow_up(request, pk: int, *, form, key: str, save, success: str):
    checklist = get_checklist(request, pk)
    require(
        rules.can_follow_up(request.user, checklist),
        gettext("Chỉ Văn phòng Sở hoặc thủ trưởng đơn vị ghi phát hiện, giao việc khắc phục."),
    )
    bound = form(checklist)
    answer = run_form(request, bound, lambda data: save(checklist, data), success, redirect(checklist))
    return answer or render(
        request, "inspections/checklist.html", checklist_context(request, checklist, **{key: bound})
    )


@login_required
@require_POST
def finding_add(request, pk: int):
    return _follow_up(
        request,
        pk,
        form=lambda c: FindingForm(request.POST),
        key="finding_form",
        success=gettext("Đã ghi phát hiện."),
        save=lambda c, data: services.add_finding(actor=request.user, checklist=c, **data),
    )


@login_required
@require_POST
def action_add(request, pk: int):
    return _follow_up(
        request,
        pk,
        form=lambda c: ActionForm(request.POST, checklist=c),
        key="action_form",
        success=gettext("Đã giao việc khắc phục."),
        save=lambda c, data: services.add_action(actor=request.user, checklist=c, **data),
    )


def _visible_actions(user):
    return FollowUpAction.objects.visible_to(user).select_related(
        "owner", "checklist__unit", "checklist__inspection", "finding"
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_done(request, pk: int):
    action = get_object_or_404(_visible_actions(request.user), pk=pk)
    require(
        rules.can_complete(request.user, action),
        gettext("Chỉ người phụ trách, thủ trưởng đơn vị hoặc Văn phòng Sở xác nhận hoàn thành việc này."),
    )
    form = DoneForm(request.POST or None)
    if answer := run_form(
        request,
        form,
        lambda data: services.complete_action(actor=request.user, action=action, **data),
        gettext("Đã xác nhận hoàn thành việc khắc phục."),
        redirect(action.checklist),
    ):
        return answer
    return render(request, "inspections/action_done.html", {"action": action, "form": form})


def _render_actions(request, *, overdue_only: bool):
    user, today = request.user, timezone.localdate()
    units = Unit.objects.visible_to(user).exclude(kind__in=[UnitKind.PROVINCE, UnitKind.AGENCY])
    form = ActionFilterForm(request.GET or None, units=units)
    qs = _visible_actions(user)
    qs = qs.overdue(on=today) if overdue_only else form.apply(qs, today)
    page = paginate(request, qs.order_by(F("done_on").asc(nulls_first=True), "due_on", "id"))
    for action in page:
        action.overdue_today = action.is_overdue(today)
    return render(
        request,
        "inspections/action_list.html",
        {"page_obj": page, "form": form, "overdue_only": overdue_only, "today": today},
    )


@login_required
def action_list(request):
    return _render_actions(request, overdue_only=False)


@login_required
def overdue_actions(request):
    """The target of the "needs attention" panels: overdue actions in the account's scope."""
    return _render_actions(request, overdue_only=True)
