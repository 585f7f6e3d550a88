"""The sheets of the plan, one sheet with its points and thresholds, the office's form
to set them, and the ranked table of a year."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_form
from thidua.core.permissions import require
from thidua.evaluation import rules, services
from thidua.evaluation.enums import SLUG_OF_KIND
from thidua.evaluation.forms import SheetCreateForm, SheetPointsForm
from thidua.evaluation.models import ScoringSheet
from thidua.evaluation.ranking import ranking
from thidua.evaluation.views.common import own_subjects, sheet_of
from thidua.organization.enums import PersonKind
from thidua.plans.enums import SubjectKind
from thidua.plans.models import Plan


def _free_years(plan) -> list[int]:
    taken = set(ScoringSheet.objects.filter(plan=plan).values_list("year", flat=True))
    return [year for year in range(plan.start_year, plan.end_year + 1) if year not in taken]


@login_required
def home(request):
    plan = Plan.objects.current_or_404()
    manages = rules.can_create_sheet(request.user, plan)
    form = SheetCreateForm(years=_free_years(plan)) if manages else None
    return render(
        request,
        "evaluation/home.html",
        {"plan": plan, "sheets": ScoringSheet.objects.filter(plan=plan), "form": form, "manages": manages},
    )


@login_required
@require_POST
def sheet_create(request):
    plan = Plan.objects.current_or_404()
    require(rules.can_create_sheet(request.user, plan), gettext("Chỉ Văn phòng Sở lập bảng chấm điểm thi đua."))
    form = SheetCreateForm(request.POST, years=_free_years(plan))
    answer = run_form(
        request,
        form,
        lambda data: services.create_sheet(actor=request.user, plan=plan, year=data["year"]),
        lambda sheet: (
            gettext("Đã lập bảng chấm điểm năm %(year)s. Hãy đặt điểm tối đa của từng tiêu chí.") % {"year": sheet.year}
        ),
        None,
        add_errors,
        then=lambda sheet: redirect("evaluation_sheet_edit", year=sheet.year),
    )
    return answer or render(
        request,
        "evaluation/home.html",
        {"plan": plan, "sheets": ScoringSheet.objects.filter(plan=plan), "form": form, "manages": True},
    )


def _by_kind(items) -> list[dict]:
    """The collective criteria together; the individual ones by kind of person, each
    kind's total being the most a person of that kind can earn."""
    groups = [(SubjectKind.COLLECTIVE, "", SubjectKind.COLLECTIVE.label)]
    for person_kind, label in PersonKind.choices:
        groups.append((SubjectKind.INDIVIDUAL, person_kind, f"{SubjectKind.INDIVIDUAL.label} — {label}"))
    tables = []
    for kind, person_kind, label in groups:
        lines = [i for i in items if i.criterion.subject_kind == kind and i.criterion.person_kind == person_kind]
        tables.append(
            {
                "kind": f"{kind}-{person_kind}" if person_kind else kind,
                "label": label,
                "items": lines,
                "total": sum((item.max_points for item in lines), 0),
            }
        )
    return tables


@login_required
def sheet_detail(request, year: int):
    sheet = sheet_of(year)
    items = list(sheet.items.select_related("criterion"))
    return render(
        request,
        "evaluation/sheet.html",
        {
            "sheet": sheet,
            "groups": _by_kind(items),
            "manages": rules.can_set_points(request.user, sheet),
            "own": own_subjects(request.user),
            "scores": rules.sits_on_council(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sheet_edit(request, year: int):
    sheet = sheet_of(year)
    require(rules.can_set_points(request.user, sheet), gettext("Chỉ Văn phòng Sở đặt điểm của bảng chấm điểm."))
    items = list(sheet.items.select_related("criterion"))
    form = SheetPointsForm(request.POST or None, sheet=sheet, items=items)
    if answer := run_form(
        request,
        form,
        lambda data: services.set_points(
            actor=request.user,
            sheet=sheet,
            points=form.points(),
            excellent_from=data["excellent_from"],
            good_from=data["good_from"],
            pass_from=data["pass_from"],
            quorum=data["quorum"],
        ),
        gettext("Đã lưu điểm và ngưỡng xếp loại của bảng chấm điểm năm %(year)s.") % {"year": sheet.year},
        redirect("evaluation_sheet", year=sheet.year),
        add_errors,
    ):
        return answer
    return render(request, "evaluation/sheet_form.html", {"sheet": sheet, "form": form})


def _visible(user, rows) -> list:
    return [row for row in rows if rules.can_see(user, row.subject)]


@login_required
def ranking_page(request, year: int):
    sheet = sheet_of(year)
    tables = []
    for kind, label in SubjectKind.choices:
        result = ranking(sheet, kind)
        tables.append(
            {
                "kind": kind,
                "slug": SLUG_OF_KIND[kind],
                "label": label,
                "ranking": result,
                "rows": _visible(request.user, result.rows),
            }
        )
    return render(request, "evaluation/ranking.html", {"sheet": sheet, "tables": tables})
