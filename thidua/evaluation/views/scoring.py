"""A subject's scores on a sheet, the self-assessment form (with links to the subject's
recorded results), the council member's scoring form, and the member's list of what
is left to score."""

from django.contrib.auth.decorators import login_required
from django.db.models import Avg, Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.core.actions import add_errors, refuse, run_form
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.evaluation import applicability, rules, services
from thidua.evaluation.forms import CouncilScoreForm, SelfAssessmentForm
from thidua.evaluation.models import CouncilScore, SelfAssessment
from thidua.evaluation.ranking import ranking
from thidua.evaluation.views.common import sheet_of, slug_of, subject_of
from thidua.plans.enums import SubjectKind


def _items(sheet, subject) -> list:
    return applicability.items_for(sheet, subject)


def _figures(sheet, subject):
    """The subject's row of the ranking: its maximum, totals, percentage, rank, and the
    members yet to score it — the same figures as the ranking page and the API."""
    rows = ranking(sheet, services.kind_of(subject)).rows
    return next((row for row in rows if row.subject.pk == subject.pk), None)


def _self_rows(sheet, subject) -> dict:
    rows = SelfAssessment.objects.for_subject(subject).filter(item__sheet=sheet).prefetch_related("results")
    return {row.item_id: row for row in rows}


def _council(sheet, subject, user) -> tuple[dict, dict]:
    """Per item: the average and number of members; and the member scores the account
    may read (everyone's for the office and the director, one's own for a member)."""
    scores = CouncilScore.objects.for_subject(subject).filter(item__sheet=sheet)
    averages = {
        row["item_id"]: row for row in scores.values("item_id").annotate(mean=Avg("score"), n=Count("id")).order_by()
    }
    if not rules.can_see_member_scores(user):
        scores = scores.filter(member=user)
    detail: dict[int, list] = {}
    for row in scores.select_related("member__person"):
        detail.setdefault(row.item_id, []).append(row)
    return averages, detail


@login_required
def subject_detail(request, year: int, kind: str, pk: int):
    sheet, subject = sheet_of(year), subject_of(request.user, kind, pk)
    stored = _self_rows(sheet, subject)
    averages, detail = _council(sheet, subject, request.user)
    marked = applicability.not_applicable(sheet, subject)
    lines = [
        {
            "item": item,
            "self": stored.get(item.pk),
            "average": averages.get(item.pk),
            "members": detail.get(item.pk, []),
            "not_applicable": marked.get(item.pk),
        }
        for item in _items(sheet, subject)
    ]
    return render(
        request,
        "evaluation/subject.html",
        {
            "sheet": sheet,
            "subject": subject,
            "slug": slug_of(subject),
            "lines": lines,
            "figures": _figures(sheet, subject),
            "can_self_assess": rules.can_self_assess(request.user, subject),
            "can_score": rules.can_score(request.user, subject),
            "conflict": rules.sits_on_council(request.user) and not rules.can_score(request.user, subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def self_assess(request, year: int, kind: str, pk: int):
    sheet, subject = sheet_of(year), subject_of(request.user, kind, pk)
    require(
        rules.can_self_assess(request.user, subject),
        gettext("Chỉ thủ trưởng «%(subject)s» (hoặc chính cá nhân đó) được tự chấm điểm.") % {"subject": subject},
    )
    results = list(services.linkable_results(sheet, subject).order_by("date", "id"))
    form = SelfAssessmentForm(
        request.POST or None,
        items=_items(sheet, subject),
        stored=_self_rows(sheet, subject),
        results=results,
        marked=applicability.not_applicable(sheet, subject),
        markable=services.kind_of(subject) == SubjectKind.COLLECTIVE,
    )
    if answer := run_form(
        request,
        form,
        lambda _: services.self_assess(actor=request.user, sheet=sheet, subject=subject, lines=form.lines()),
        gettext("Đã lưu điểm tự chấm của «%(subject)s».") % {"subject": subject},
        redirect("evaluation_subject", year=year, kind=kind, pk=pk),
        add_errors,
    ):
        return answer
    return render(
        request,
        "evaluation/self_form.html",
        {"sheet": sheet, "subject": subject, "slug": kind, "form": form, "has_results": bool(results)},
    )


def _my_rows(sheet, subject, user) -> dict:
    rows = CouncilScore.objects.for_subject(subject).filter(item__sheet=sheet, member=user)
    return {row.item_id: row for row in rows}


@login_required
@require_http_methods(["GET", "POST"])
def council_score(request, year: int, kind: str, pk: int):
    sheet, subject = sheet_of(year), subject_of(request.user, kind, pk)
    require(rules.sits_on_council(request.user), gettext("Chỉ thành viên Hội đồng Thi đua – Khen thưởng chấm điểm."))
    if not rules.can_score(request.user, subject):  # the member's own unit: said on the subject's page
        return refuse(
            request,
            services.score_refusal(request.user, subject),
            redirect("evaluation_subject", year=year, kind=kind, pk=pk),
        )
    marked = applicability.not_applicable(sheet, subject)
    form = CouncilScoreForm(
        request.POST or None,
        items=[item for item in _items(sheet, subject) if item.pk not in marked],
        stored=_my_rows(sheet, subject, request.user),
    )
    if answer := run_form(
        request,
        form,
        lambda _: services.council_score(actor=request.user, sheet=sheet, subject=subject, lines=form.lines()),
        gettext("Đã lưu điểm của bạn cho «%(subject)s».") % {"subject": subject},
        redirect("evaluation_council_queue", year=year),
        add_errors,
    ):
        return answer
    own = _self_rows(sheet, subject)
    blocks = [block | {"own": own.get(block["item"].pk)} for block in form.blocks()]
    return render(
        request,
        "evaluation/council_form.html",
        {"sheet": sheet, "subject": subject, "slug": kind, "form": form, "blocks": blocks, "marked": marked.values()},
    )


def _my_counts(sheet, user, field: str) -> dict[int, int]:
    return dict(
        CouncilScore.objects.filter(item__sheet=sheet, member=user)
        .values(field)
        .annotate(n=Count("id"))
        .values_list(field, "n")
        .order_by()
    )


def _queue_rows(sheet, user) -> list[dict]:
    """Every subject that assessed itself, with how many criteria the member scored."""
    rows = []
    for kind, field in ((SubjectKind.COLLECTIVE, "unit_id"), (SubjectKind.INDIVIDUAL, "person_id")):
        result, mine = ranking(sheet, kind), _my_counts(sheet, user, field)
        for row in result.rows:
            if row.self_total is None and not mine.get(row.subject.pk):
                continue
            rows.append(
                {
                    "row": row,
                    "slug": slug_of(row.subject),
                    "criteria": row.criteria,
                    "mine": mine.get(row.subject.pk, 0),
                    "conflict": not rules.can_score(user, row.subject),
                }
            )
    return rows


@login_required
def council_queue(request, year: int):
    require(rules.sits_on_council(request.user), gettext("Chỉ thành viên Hội đồng Thi đua – Khen thưởng chấm điểm."))
    sheet = sheet_of(year)
    rows = _queue_rows(sheet, request.user)
    pending_only = request.GET.get("chua-cham") == "1"
    if pending_only:
        rows = [r for r in rows if not r["conflict"] and r["mine"] < r["criteria"]]
    return render(
        request,
        "evaluation/council_queue.html",
        {"sheet": sheet, "page_obj": paginate(request, rows), "pending_only": pending_only},
    )
