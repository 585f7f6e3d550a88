"""The office's eligibility pages: a year's verdicts for every person and unit it sees,
with filters, and one subject's full reasoning. Built on `evaluate_subjects`, so the
whole department is evaluated in a fixed number of queries."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from thidua.commendation import rules
from thidua.commendation.eligibility.engine import cap_warnings
from thidua.commendation.eligibility.loading import COLLECTIVE_KINDS, evaluate_subjects, subject_key
from thidua.commendation.eligibility.ruleset import from_database
from thidua.commendation.enums import AwardCategory, Route, Verdict
from thidua.commendation.forms import EligibilityFilterForm
from thidua.commendation.views.common import subject_from
from thidua.core import params
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.organization.models import Person, Unit


def _require_engine(user) -> None:
    require(rules.can_use_engine(user), gettext("Chỉ Văn phòng Sở xem kết quả xét điều kiện."))


def _year(request) -> int:
    return params.for_page(request, params.year, "year", timezone.localdate().year)


def _subjects(user, data: dict) -> tuple[list[Person], list[Unit]]:
    people = Person.objects.visible_to(user).current().select_related("unit")
    units = Unit.objects.visible_to(user).filter(kind__in=COLLECTIVE_KINDS)
    if data.get("unit"):
        subtree = Unit.objects.subtree_ids([data["unit"]])
        people, units = people.filter(unit_id__in=subtree), units.filter(pk__in=subtree)
    if data.get("q"):
        people = people.search(data["q"])
        units = units.filter(name__icontains=data["q"]) | units.filter(code__iexact=data["q"])
    return list(people), list(units.order_by("order", "name"))


def _columns(ruleset, kind: str) -> dict[str, list]:
    awards = [a for a in ruleset.awards.values() if a.applies_to(kind)]
    return {
        "titles": [a for a in awards if a.category == AwardCategory.TITLE],
        "forms": [a for a in awards if a.category == AwardCategory.FORM],
    }


def _rows(subjects, by_subject, columns, data) -> list[dict]:
    rows = []
    for subject in subjects:
        results = by_subject.get(subject_key(subject), {})
        row = {
            "subject": subject,
            "titles": [results.get(a.code) for a in columns["titles"]],
            "forms": [results.get(a.code) for a in columns["forms"]],
        }
        if _keep(results, data):
            rows.append(row)
    return rows


def _keep(results: dict, data: dict) -> bool:
    award, verdict = data.get("award"), data.get("verdict")
    if award and verdict:
        return award in results and results[award].verdict == verdict
    if award:
        return award in results
    return not verdict or any(r.verdict == verdict for r in results.values())


@login_required
def eligibility(request):
    _require_engine(request.user)
    units = Unit.objects.visible_to(request.user).exclude(kind="province")
    form = EligibilityFilterForm(request.GET or {"year": timezone.localdate().year}, units=units)
    if not form.is_valid():
        return render(request, "commendation/eligibility.html", {"form": form})
    data = form.cleaned_data
    ruleset = from_database(data["year"])
    people, collective = _subjects(request.user, data)
    results = evaluate_subjects(data["year"], people + collective, ruleset=ruleset)
    by_subject: dict[str, dict] = {}
    for result in results:
        by_subject.setdefault(result.subject, {})[result.award] = result
    individual_columns, collective_columns = _columns(ruleset, "individual"), _columns(ruleset, "collective")
    return render(
        request,
        "commendation/eligibility.html",
        {
            "form": form,
            "year": data["year"],
            "warnings": cap_warnings(results, ruleset),
            "people_page": paginate(request, _rows(people, by_subject, individual_columns, data)),
            "unit_rows": _rows(collective, by_subject, collective_columns, data),
            "individual_columns": individual_columns,
            "collective_columns": collective_columns,
            "verdicts": Verdict,
        },
    )


@login_required
def eligibility_subject(request, kind: str, pk: int):
    _require_engine(request.user)
    subject = subject_from(request.user, kind, pk)
    year = _year(request)
    ruleset = from_database(year)
    items = [
        {
            "r": r,
            "name": ruleset.awards[r.award].name,
            "route": Route(r.route).label,
            "category": ruleset.awards[r.award].category,
        }
        for r in evaluate_subjects(year, [subject], ruleset=ruleset)
    ]
    return render(
        request,
        "commendation/eligibility_subject.html",
        {
            "subject": subject,
            "kind": kind,
            "year": year,
            "titles": [i for i in items if i["category"] == AwardCategory.TITLE],
            "forms": [i for i in items if i["category"] == AwardCategory.FORM],
        },
    )
