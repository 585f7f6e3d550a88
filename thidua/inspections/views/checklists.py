"""A unit's checklist: its page (answers, findings, follow-up actions, history), the
answering form, sending it, the office taking it in or returning it, and the download
of evidence files through an access check."""

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import Moves, as_message, refuse, run_button, run_form
from thidua.core.codes import State
from thidua.core.downloads import saved_file
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.inspections import rules, services
from thidua.inspections.enums import EDITABLE
from thidua.inspections.forms import ActionForm, AnswerFormSet, FindingForm, ReturnForm
from thidua.inspections.models import Answer, Finding, FollowUpAction, UnitChecklist


def get_checklist(request, pk: int) -> UnitChecklist:
    qs = UnitChecklist.objects.visible_to(request.user).select_related("unit", "inspection")
    return get_object_or_404(qs, pk=pk)


def _history(checklist: UnitChecklist, answers, findings, actions):
    """The checklist's own log and that of its answers, findings and actions, newest first."""

    def rows(model, objects):
        return Q(content_type=ContentType.objects.get_for_model(model), object_id__in=[str(o.pk) for o in objects])

    query = (
        rows(UnitChecklist, [checklist])
        | rows(Answer, answers)
        | rows(Finding, findings)
        | rows(FollowUpAction, actions)
    )
    return ActivityLog.objects.filter(query).select_related("actor__person")[:50]


def checklist_context(request, checklist: UnitChecklist, **bound) -> dict:
    user, today = request.user, timezone.localdate()
    answers = list(checklist.answers.select_related("item", "item__content_area", "item__criterion"))
    findings = list(checklist.findings.all())
    actions = list(checklist.actions.select_related("owner", "finding"))
    for action in actions:
        action.overdue_today = action.is_overdue(today)
        action.can_complete = action.done_on is None and rules.can_complete(user, action)
    follow_up = rules.can_follow_up(user, checklist)
    return {
        "checklist": checklist,
        "answers": answers,
        "findings": findings,
        "actions": actions,
        "history": _history(checklist, answers, findings, actions),
        "can_fill": checklist.state in EDITABLE and rules.can_fill(user, checklist),
        "can_submit": rules.MOVES.may(user, checklist, State.SUBMITTED),
        "can_accept": rules.MOVES.may(user, checklist, State.ACCEPTED),
        "can_return": rules.MOVES.may(user, checklist, State.RETURNED),
        "return_form": bound.get("return_form") or ReturnForm(),
        "finding_form": (bound.get("finding_form") or FindingForm()) if follow_up else None,
        "action_form": (bound.get("action_form") or ActionForm(checklist=checklist)) if follow_up else None,
    }


@login_required
def checklist_detail(request, pk: int):
    checklist = get_checklist(request, pk)
    return render(request, "inspections/checklist.html", checklist_context(request, checklist))


@login_required
@require_http_methods(["GET", "POST"])
def checklist_answers(request, pk: int):
    checklist = get_checklist(request, pk)
    require(rules.can_fill(request.user, checklist), gettext("Chỉ cán bộ của đơn vị được trả lời bảng kiểm này."))
    if checklist.state not in EDITABLE:
        return refuse(request, services.locked_message(checklist), redirect(checklist))
    queryset = checklist.answers.select_related("item", "item__content_area", "item__criterion", "checklist")
    formset = AnswerFormSet(request.POST or None, request.FILES or None, queryset=queryset, prefix="answers")
    if answer := run_form(
        request,
        formset,
        lambda _: _save_answers(request.user, formset),
        gettext(
            "Đã lưu câu trả lời. Bảng kiểm chưa được gửi: thủ trưởng đơn vị bấm «Gửi Văn phòng Sở» khi đã trả lời đủ."
        ),
        redirect(checklist),
        as_message(request),
    ):
        return answer
    return render(request, "inspections/answers.html", {"checklist": checklist, "formset": formset})


@transaction.atomic
def _save_answers(user, formset) -> None:
    for form in formset.forms:
        if form.has_changed():
            data = form.cleaned_data
            services.answer_item(
                actor=user,
                answer=form.instance,
                result=data["result"],
                note=data["note"],
                evidence=data.get("evidence_file") or None,
            )


moves = Moves(keyword="checklist", fetch=get_checklist, back=redirect)
checklist_submit = moves.button(services.submit_checklist, gettext_lazy("Đã gửi bảng kiểm cho Văn phòng Sở."))
checklist_accept = moves.button(services.accept_checklist, gettext_lazy("Văn phòng Sở đã tiếp nhận bảng kiểm."))


@login_required
@require_POST
def checklist_return(request, pk: int):
    checklist = get_checklist(request, pk)
    if not rules.can_return(request.user, checklist):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if form.is_valid():
        return run_button(
            request,
            lambda: services.return_checklist(
                actor=request.user, checklist=checklist, reason=form.cleaned_data["reason"]
            ),
            gettext("Đã trả lại bảng kiểm kèm lý do."),
            redirect(checklist),
        )
    return render(request, "inspections/checklist.html", checklist_context(request, checklist, return_form=form))


@login_required
def evidence_download(request, pk: int):
    """The file only for those who may see the unit's checklist; others get 404."""
    visible = UnitChecklist.objects.visible_to(request.user)
    answer = get_object_or_404(Answer.objects.filter(checklist__in=visible), pk=pk)
    if not answer.evidence:
        raise Http404
    return saved_file(answer.evidence, answer.evidence_name)
