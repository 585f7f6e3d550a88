"""What the scoring pages share: the current plan, a year's sheet, a subject fetched
within what the account may see (another unit's is a 404), and the account's own links."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from thidua.evaluation import rules
from thidua.evaluation.enums import KIND_SLUGS, SLUG_OF_KIND
from thidua.evaluation.models import ScoringSheet
from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.organization.rules import units_with_role
from thidua.plans.enums import SubjectKind
from thidua.plans.models import Plan


def sheet_of(year: int) -> ScoringSheet:
    return get_object_or_404(ScoringSheet.objects.select_related("plan"), plan=Plan.objects.current_or_404(), year=year)


def subject_of(user, slug: str, pk: int):
    """The unit or person, if the account may see its scores; otherwise a 404."""
    kind = KIND_SLUGS.get(slug)
    if kind is None:
        raise Http404
    if kind == SubjectKind.COLLECTIVE:
        subject = get_object_or_404(Unit, pk=pk)
    else:
        subject = get_object_or_404(Person.objects.select_related("unit"), pk=pk)
    if not rules.can_see(user, subject):
        raise Http404
    return subject


def slug_of(subject) -> str:
    return SLUG_OF_KIND[SubjectKind.INDIVIDUAL if isinstance(subject, Person) else SubjectKind.COLLECTIVE]


def own_subjects(user) -> list[tuple[str, object]]:
    """(slug, subject) the account assesses itself: the units it heads, its own person."""
    subjects = [("don-vi", unit) for unit in Unit.objects.filter(pk__in=units_with_role(user, Role.UNIT_HEAD))]
    person = rules.person_of(user)
    if person is not None:
        subjects.append(("ca-nhan", person))
    return subjects
