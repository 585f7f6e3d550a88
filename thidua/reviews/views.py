"""Pages of the mid-term and final reviews: the phases with their review dates and what
will be frozen, the office's date and freeze actions, a frozen review with the
department's and each unit's figures and the proposals attached to it, the baseline →
mid-term → final comparison, and the review report as Word."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext, override
from django.views.decorators.http import require_POST

from thidua.core.actions import add_errors, run_button, run_form
from thidua.core.permissions import require
from thidua.documents import word_or_pdf
from thidua.indicators.models import Indicator
from thidua.organization.models import Unit
from thidua.plans.enums import ReviewKind
from thidua.plans.models import Plan
from thidua.reviews import links, report_texts, rules, sections, services, snapshot
from thidua.reviews.comparison import compare
from thidua.reviews.enums import SnapshotKind
from thidua.reviews.forms import ReviewTextsForm, ScheduleForm
from thidua.reviews.models import Review, ReviewSnapshot
from thidua.reviews.review_report_docx import ReviewReportDocx, filename
from thidua.reviews.snapshot import last_ended_quarter


def _home(request, plan: Plan, bound: dict | None = None):
    phases = list(plan.phases.select_related("review"))
    today = timezone.localdate()
    lines = []
    for phase in phases:
        review = getattr(phase, "review", None)
        initial = {"review_date": review.review_date} if review else {}
        lines.append(
            {
                "phase": phase,
                "review": review,
                "form": (bound or {}).get(phase.pk) or ScheduleForm(initial=initial, prefix=f"p{phase.pk}"),
                "can_schedule": rules.can_schedule(request.user, phase),
                "can_freeze": review is not None
                and not review.is_frozen
                and review.review_date <= today
                and rules.can_freeze(request.user, review),
                "quarter": last_ended_quarter(review.review_date) if review else None,
            }
        )
    return render(
        request,
        "reviews/home.html",
        {
            "plan": plan,
            "lines": lines,
            "indicator_count": Indicator.objects.filter(plan=plan).count(),
            "area_count": plan.content_areas.count(),
        },
    )


@login_required
def home(request):
    return _home(request, Plan.objects.current_or_404())


@login_required
@require_POST
def schedule(request, phase_pk: int):
    plan = Plan.objects.current_or_404()
    phase = get_object_or_404(plan.phases, pk=phase_pk)
    require(rules.can_schedule(request.user, phase), services.office_only())
    form = ScheduleForm(request.POST, prefix=f"p{phase.pk}")
    answer = run_form(
        request,
        form,
        lambda data: services.schedule_review(actor=request.user, phase=phase, review_date=data["review_date"]),
        lambda review: (
            gettext("Đã đặt ngày chốt số liệu %(review)s: %(date)s.")
            % {"review": str(review).lower(), "date": review.review_date.strftime("%d/%m/%Y")}
        ),
        redirect("reviews_home"),
        add_errors,
    )
    return answer or _home(request, plan, {phase.pk: form})


@login_required
@require_POST
def freeze(request, pk: int):
    review = get_object_or_404(Review.objects.select_related("phase", "plan"), pk=pk)
    require(rules.can_freeze(request.user, review), services.office_only())
    return run_button(
        request,
        lambda: services.freeze_review(actor=request.user, review=review),
        lambda count: (
            gettext("Đã chốt %(count)s số liệu của %(review)s. Số liệu này không thay đổi nữa.")
            % {"count": count, "review": str(review).lower()}
        ),
        redirect("review_detail", pk=review.pk),
    )


def _review(pk: int) -> Review:
    return get_object_or_404(Review.objects.select_related("phase", "plan", "frozen_by"), pk=pk)


def _grouped(rows) -> dict[str, list]:
    groups: dict[str, list] = {kind: [] for kind in SnapshotKind.values}
    for row in rows:
        groups[row.kind].append(row)
    return groups


@login_required
def detail(request, pk: int):
    return _detail(request, _review(pk))


def _detail(request, review: Review, form: ReviewTextsForm | None = None):
    rows = ReviewSnapshot.objects.filter(review=review)
    department = _grouped(rows.department().select_related("indicator"))
    _with_verdicts(review, department["indicator"])
    unit_ids = set(rows.visible_to(request.user).exclude(unit__isnull=True).values_list("unit_id", flat=True))
    proposals, note = links.review_proposals(review, request.user)
    return render(
        request,
        "reviews/detail.html",
        {
            "review": review,
            "department": department,
            "units": Unit.objects.filter(pk__in=unit_ids),
            "proposals": [{"proposal": p, "url": links.proposal_url(p)} for p in proposals],
            "proposals_note": note,
            "quarter": last_ended_quarter(review.review_date),
            "can_freeze": not review.is_frozen
            and review.review_date <= timezone.localdate()
            and rules.can_freeze(request.user, review),
            "texts_form": form
            or (ReviewTextsForm(instance=review) if rules.can_write_texts(request.user, review) else None),
            "frozen": sections.visible(review, request.user),
        }
        | _mid_term_lessons(review),
    )


def _mid_term_lessons(review: Review) -> dict:
    """On the final review, what the mid-term review learnt: phase 2 builds on it."""
    if review.kind != ReviewKind.FINAL:
        return {}
    mid_term = Review.objects.filter(plan=review.plan, phase__review_kind=ReviewKind.MID_TERM).first()
    if mid_term is None:
        return {}
    return {
        "mid_term": mid_term,
        "mid_term_lessons": report_texts.lines(mid_term.lessons),
        "mid_term_shortcomings": report_texts.lines(mid_term.shortcomings),
    }


@login_required
@require_POST
def texts(request, pk: int):
    """The office's words in the review report (results, strengths, shortcomings,
    lessons, tasks ahead, Kính gửi, Nơi nhận)."""
    review = _review(pk)
    require(
        rules.can_write_texts(request.user, review), gettext("Chỉ Văn phòng Sở viết nội dung báo cáo sơ kết, tổng kết.")
    )
    form = ReviewTextsForm(request.POST, instance=Review.objects.get(pk=review.pk))
    answer = run_form(
        request,
        form,
        lambda data: services.save_texts(actor=request.user, review=review, **data),
        lambda saved: gettext("Đã lưu nội dung báo cáo %(review)s.") % {"review": str(saved).lower()},
        redirect("review_detail", pk=review.pk),
        add_errors,
    )
    return answer or _detail(request, review, form)


@login_required
def unit_detail(request, pk: int, unit_pk: int):
    review = _review(pk)
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_pk)
    rows = ReviewSnapshot.objects.filter(review=review, unit=unit).select_related("indicator")
    groups = _grouped(rows)
    _with_verdicts(review, groups["indicator"])
    return render(request, "reviews/unit.html", {"review": review, "unit": unit, "groups": groups})


def _with_verdicts(review: Review, rows) -> None:
    """The department's verdict on its own rows ("Chưa đủ số liệu (n/N đơn vị)"), and on
    a unit's row the mark that it was carried forward from an earlier quarter."""
    frozen = snapshot.frozen_figures(review) if rows else {}
    for row in rows:
        figure, verdict = frozen.get(row.indicator_id, (None, ""))
        if row.unit_id is None:
            row.verdict = verdict
        elif figure is not None and (row.period_year, row.period_quarter) != (figure.year, figure.quarter):
            row.carried = figure  # the department's figure is of a later quarter


@login_required
def comparison(request):
    plan = Plan.objects.current_or_404()
    return render(request, "reviews/comparison.html", {"plan": plan, "comparison": compare(plan)})


@login_required
def report_docx(request, pk: int):
    review = _review(pk)
    if not review.is_frozen:
        raise Http404(gettext("Báo cáo chỉ có sau khi chốt số liệu."))
    proposals, _note = links.review_proposals(review)
    with override("vi"):  # an official document stays Vietnamese whatever the interface language
        data = ReviewReportDocx(review, compare(review.plan), proposals).render()
    return word_or_pdf.document(request, data, filename(review))
