"""The council's pages: what I have not scored yet, the scoring form, and declaring a
conflict of interest."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_form
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.initiatives import rules, services
from thidua.initiatives.forms import ConflictForm, ScoreForm
from thidua.initiatives.models import Initiative, Score
from thidua.initiatives.views.common import initiatives_for_lists, visible_or_404


def _require_council(user) -> None:
    require(rules.can_score(user), gettext("Trang này dành cho thành viên Hội đồng sáng kiến."))


@login_required
def council_queue(request):
    """The "chưa chấm" page: what I may score and have not yet, what I scored, and
    what I may not score because of a conflict of interest."""
    user = request.user
    _require_council(user)
    under_review = initiatives_for_lists(user).filter(state=State.UNDER_REVIEW)
    conflicted_ids = Initiative.objects.filter(rules.conflict_q(user)).values("pk")
    scored_ids = Score.objects.filter(member=user).values("initiative_id")
    to_score = Initiative.objects.to_score_by(user).for_lists()
    mine = {s.initiative_id: s for s in Score.objects.filter(member=user, initiative__state=State.UNDER_REVIEW)}
    scored = list(under_review.filter(pk__in=scored_ids))
    for item in scored:
        item.my_score = mine.get(item.pk)
    return render(
        request,
        "initiatives/council_queue.html",
        {"to_score": list(to_score), "scored": scored, "conflicted": under_review.filter(pk__in=conflicted_ids)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_score(request, pk: int):
    user = request.user
    _require_council(user)
    initiative = visible_or_404(user, pk)
    current = Score.objects.filter(initiative=initiative, member=user).first()
    initial = {n: getattr(current, n) for n in [*services.CRITERIA, "comment"]} if current else None
    form = ScoreForm(request.POST or None, initial=initial)
    conflict = services.conflict_reason(user, initiative)
    if answer := run_form(
        request,
        form,
        lambda data: services.score(actor=user, initiative=initiative, **data),
        gettext("Đã lưu điểm chấm «%(title)s».") % {"title": initiative.title},
        redirect("council_queue"),
        add_errors,
    ):
        return answer
    history = ActivityLog.objects.for_object(current).select_related("actor__person") if current else []
    return render(
        request,
        "initiatives/score.html",
        {
            "initiative": initiative,
            "form": form,
            "conflict": conflict,
            "current": current,
            "history": history,
            "conflict_form": ConflictForm(),
            "open": initiative.state == State.UNDER_REVIEW,
        },
    )


@login_required
@require_POST
def declare_conflict(request, pk: int):
    user = request.user
    _require_council(user)
    initiative = visible_or_404(user, pk)
    form = ConflictForm(request.POST)
    answer = run_form(
        request,
        form,
        lambda data: services.declare_conflict(actor=user, initiative=initiative, reason=data["reason"]),
        gettext("Đã ghi nhận khai báo xung đột lợi ích; bạn sẽ không chấm sáng kiến này."),
        redirect("council_queue"),
        add_errors,
    )
    return answer or render(
        request,
        "initiatives/score.html",
        {
            "initiative": initiative,
            "form": ScoreForm(),
            "conflict": services.conflict_reason(user, initiative),
            "conflict_form": form,
            "open": initiative.state == State.UNDER_REVIEW,
            "history": [],
        },
    )
