"""Facts from the database, for many subjects at once: one query per kind of fact
(ratings, awards, holds, discipline, initiatives), never one per person, so a whole
department or province is evaluated in a fixed number of queries.

Subjects are named "person:<id>" and "unit:<id>" in the results (`subject_key`)."""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from thidua.commendation.eligibility.engine import evaluate
from thidua.commendation.eligibility.facts import (
    COLLECTIVE,
    INDIVIDUAL,
    AwardFact,
    CollectiveFigures,
    EvaluationRequest,
    MemberFact,
    Result,
    SubjectFacts,
    collective_figures,
)
from thidua.commendation.eligibility.ruleset import RuleSet, from_database
from thidua.commendation.eligibility.works import work_facts
from thidua.commendation.enums import DISCIPLINE_ORDER, PendingKind
from thidua.commendation.models import AwardRecord, DisciplineRecord, PendingFlag, YearlyRating
from thidua.core.batch import collector_paused
from thidua.organization.enums import UnitKind
from thidua.organization.models import Person, Unit
from thidua.organization.tree import UnitTree

# How far back the rules look: CSTĐ toàn quốc spans two provincial titles of three
# years each; Bằng khen Thủ tướng five years after the previous award.
LOOKBACK_YEARS = 12
COLLECTIVE_KINDS = [UnitKind.AGENCY, UnitKind.OFFICE, UnitKind.DIVISION, UnitKind.PUBLIC_SERVICE, UnitKind.OTHER]


def subject_key(subject) -> str:
    return f"person:{subject.pk}" if isinstance(subject, Person) else f"unit:{subject.pk}"


def evaluate_subjects(
    year: int,
    subjects: Iterable | None = None,
    awards: Iterable[str] | None = None,
    *,
    on: datetime.date | None = None,
    ruleset: RuleSet | None = None,
) -> list[Result]:
    """Verdicts for `subjects` (Person and Unit objects; None: every person and every
    unit that can hold a collective title) for `year`, for `awards` (None: every title
    and form for each subject's kind). Holds are those active on `on` (today). Pass
    `ruleset` (`ruleset.from_database(year)`) when the caller already read it."""
    with collector_paused():
        people, units = _split(subjects)
        facts = load_facts(year, people=people, units=units, on=on)
        request = EvaluationRequest(year=year, subjects=tuple(facts), awards=tuple(awards) if awards else None)
        return evaluate(request, ruleset or from_database(year))


def unit_figures(unit: Unit, year: int) -> CollectiveFigures:
    """The Điều 27 counts of `unit`'s members for `year`, as the rules count them."""
    with collector_paused():
        facts = load_facts(year, people=[], units=[unit])[0]
        return collective_figures(facts.members, year, from_database(year).excluded_kinds())


def _split(subjects) -> tuple[list[Person], list[Unit]]:
    if subjects is None:
        # Only what the facts need: a province is fifty thousand people.
        return (
            list(Person.objects.only("id", "unit_id", "full_name")),
            list(Unit.objects.filter(kind__in=COLLECTIVE_KINDS).only("id", "name", "kind", "parent_id")),
        )
    subjects = list(subjects)
    return ([s for s in subjects if isinstance(s, Person)], [s for s in subjects if isinstance(s, Unit)])


def load_facts(
    year: int, *, people: list[Person], units: list[Unit], on: datetime.date | None = None
) -> list[SubjectFacts]:
    on = on or timezone.localdate()
    members = _members(units)
    unit_ids = {u.pk for u in units} | {p.unit_id for p in people} | {m.unit_id for ms in members.values() for m in ms}
    ratings, confirmations = _ratings(year, unit_ids)
    awards = _awards(year, unit_ids)
    holds = _holds(on, unit_ids)
    discipline = _discipline(year, unit_ids)
    works = work_facts(year, unit_ids)
    facts = [_person_facts(p, ratings, confirmations, awards, holds, works) for p in people]
    facts += [
        _unit_facts(u, year, members[u.pk], ratings, confirmations, awards, holds, discipline, works) for u in units
    ]
    return facts


def _members(units: list[Unit]) -> dict[int, list[Person]]:
    """People of each unit; the people of an agency are everyone under it."""
    if not units:
        return {}
    wide = [u for u in units if u.kind in (UnitKind.AGENCY, UnitKind.PROVINCE)]
    under = _subtrees(wide) if wide else {}
    covered = {u.pk for u in units} | {i for ids in under.values() for i in ids}
    # For each unit, the evaluated units its people count for: itself, and every
    # evaluated agency above it. One lookup per person, whatever the number of agencies.
    counts_for: dict[int, list[int]] = defaultdict(list)
    for unit in units:
        counts_for[unit.pk].append(unit.pk)
    for root, ids in under.items():
        for unit_id in ids - {root}:
            counts_for[unit_id].append(root)
    result: dict[int, list[Person]] = {u.pk: [] for u in units}
    for person in Person.objects.filter(unit_id__in=covered).only("id", "unit_id"):
        for unit_id in counts_for.get(person.unit_id, ()):
            result[unit_id].append(person)
    return result


def _subtrees(roots: list[Unit]) -> dict[int, set[int]]:
    tree = UnitTree()
    return {root.pk: tree.subtree([root.pk]) for root in roots}


def _in_units(unit_ids) -> Q:
    return Q(person__unit_id__in=unit_ids) | Q(unit_id__in=unit_ids)


def _key(person_id, unit_id) -> str:
    return f"person:{person_id}" if person_id else f"unit:{unit_id}"


def _ratings(year: int, unit_ids) -> tuple[dict, dict]:
    ratings: dict[str, dict[int, str]] = defaultdict(dict)
    confirmations: dict[str, tuple] = {}
    rows = YearlyRating.objects.filter(_in_units(unit_ids), year__range=(year - LOOKBACK_YEARS, year)).values_list(
        "person_id", "unit_id", "year", "rating", "participates_in_movement", "internal_unity"
    )
    for person_id, unit_id, rated_year, rating, movement, unity in rows:
        key = _key(person_id, unit_id)
        ratings[key][rated_year] = rating
        if rated_year == year:
            confirmations[key] = (movement, unity)
    return ratings, confirmations


def _awards(year: int, unit_ids) -> dict[str, list[AwardFact]]:
    awards: dict[str, list[AwardFact]] = defaultdict(list)
    decisions: dict[tuple, str] = {}  # one decision rewards many people: its text is made once
    rows = (
        AwardRecord.objects.in_force()
        .filter(_in_units(unit_ids), year__lte=year)
        .values_list(
            "person_id",
            "unit_id",
            "award_type__code",
            "year",
            "kind",
            "achievement_key",
            "decision_number",
            "decision_date",
        )
    )
    for person_id, unit_id, code, award_year, kind, key, number, date in rows:
        decision = decisions.get((number, date))
        if decision is None:
            decision = decisions[(number, date)] = ", ".join(
                x for x in (number and f"QĐ {number}", date and date.strftime("%d/%m/%Y")) if x
            )
        awards[_key(person_id, unit_id)].append(AwardFact(code, award_year, kind, key, decision))
    return awards


def _holds(on: datetime.date, unit_ids) -> dict[str, set[str]]:
    holds: dict[str, set[str]] = defaultdict(set)
    for person_id, unit_id, kind in (
        PendingFlag.objects.filter(_in_units(unit_ids)).active_on(on).values_list("person_id", "unit_id", "kind")
    ):
        holds[_key(person_id, unit_id)].add(kind)
    return holds


def _discipline(year: int, unit_ids) -> dict[int, str]:
    """The heaviest discipline of each person in the year."""
    heaviest: dict[int, str] = {}
    rows = DisciplineRecord.objects.filter(person__unit_id__in=unit_ids, date__year=year).values_list(
        "person_id", "form"
    )
    for person_id, form in rows:
        if person_id not in heaviest or DISCIPLINE_ORDER.index(form) > DISCIPLINE_ORDER.index(heaviest[person_id]):
            heaviest[person_id] = form
    return heaviest


def _person_facts(person, ratings, confirmations, awards, holds, works) -> SubjectFacts:
    key = f"person:{person.pk}"
    initiatives, research = works.get(key, ((), ()))
    held = holds.get(key, set())
    return SubjectFacts(
        id=key,
        kind=INDIVIDUAL,
        name=person.full_name,
        ratings=ratings.get(key, {}),
        awards=tuple(awards.get(key, ())),
        initiatives=tuple(initiatives),
        research_projects=tuple(research),
        participates_in_movement=confirmations.get(key, (None, None))[0],
        pending_discipline=PendingKind.DISCIPLINE in held,
        under_investigation=PendingKind.INVESTIGATION in held,
        unresolved_complaint=PendingKind.COMPLAINT in held,
    )


def _unit_facts(unit, year, members, ratings, confirmations, awards, holds, discipline, works) -> SubjectFacts:
    key = f"unit:{unit.pk}"
    initiatives, research = works.get(key, ((), ()))
    held = holds.get(key, set())
    movement, unity = confirmations.get(key, (None, None))
    member_facts = tuple(
        MemberFact(
            rating=ratings.get(f"person:{m.pk}", {}).get(year),
            awards=tuple(a for a in awards.get(f"person:{m.pk}", ()) if a.year == year),
            discipline=discipline.get(m.pk),
        )
        for m in members
    )
    return SubjectFacts(
        id=key,
        kind=COLLECTIVE,
        name=unit.name,
        ratings=ratings.get(key, {}),
        awards=tuple(awards.get(key, ())),
        initiatives=tuple(initiatives),
        research_projects=tuple(research),
        participates_in_movement=movement,
        internal_unity=unity,
        pending_discipline=PendingKind.DISCIPLINE in held,
        under_investigation=PendingKind.INVESTIGATION in held,
        unresolved_complaint=PendingKind.COMPLAINT in held,
        members=member_facts,
    )
