"""Totals, ranking and classification of a sheet, for units or for people — the one
place these figures are computed (the pages and the API read them from here).

The method, as the scoring page states it:

- each subject is scored only on the criteria that apply to it (`applicability`): a
  unit on the collective criteria except those marked "không áp dụng" for it; a person
  on the individual criterion of their kind (cán bộ, công chức, viên chức; or "Đối
  tượng khác");
- its maximum is the sum of those criteria's most points, so a criterion marked "không
  áp dụng" leaves the maximum;
- its council total is the sum, over those criteria, of the average of the council
  members' scores; its self total the sum of its own scores;
- its percentage is the council total over its own maximum, classified against the
  sheet's thresholds;
- it is ranked only once at least the sheet's quorum of council members have scored
  every criterion that applies to it; until then the row names the members who may
  score it and have not. Ranked rows are ordered by percentage (equal percentages share
  a rank: 1, 2, 2, 4).

A fixed number of grouped queries whatever the number of subjects and scores."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg

from thidua.evaluation import applicability
from thidua.evaluation.enums import SCORED_UNIT_KINDS, Classification
from thidua.evaluation.members import Member, council_members
from thidua.evaluation.models import CouncilScore, ScoringSheet, SelfAssessment, SheetItem
from thidua.organization.models import Person, Unit
from thidua.plans.enums import SubjectKind

CENT = Decimal("0.01")


def _decimal(value) -> Decimal:
    # SQLite may answer an average as a float: go through its shortest text form.
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Row:
    subject: Unit | Person
    max_total: Decimal  # over the criteria that apply to the subject
    criteria: int  # criteria that apply to the subject
    self_total: Decimal | None
    council_total: Decimal | None
    criteria_scored: int  # applicable criteria with at least one council score
    members: int  # council members who scored every applicable criterion
    not_applicable: list[SheetItem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # names of members yet to score it
    percent: Decimal | None = None
    classification: str | None = None
    rank: int | None = None

    @property
    def classification_label(self) -> str:
        return Classification(self.classification).label if self.classification else ""

    @property
    def awaiting_quorum(self) -> bool:
        """Assessed or scored, but by fewer council members than the quorum: not ranked
        yet (`missing` names who may still score it)."""
        return self.rank is None and (self.council_total is not None or self.self_total is not None)


@dataclass
class Ranking:
    sheet: ScoringSheet
    kind: str
    rows: list[Row]


def classify(sheet: ScoringSheet, percent: Decimal) -> str:
    if percent >= sheet.excellent_from:
        return Classification.EXCELLENT
    if percent >= sheet.good_from:
        return Classification.GOOD
    if percent >= sheet.pass_from:
        return Classification.PASSED
    return Classification.NOT_PASSED


@dataclass
class _Scores:
    """The sheet's scores of one kind of subject, read once, by subject id."""

    own: dict[int, dict[int, Decimal]]  # subject → item → own score
    means: dict[int, dict[int, Decimal]]  # subject → item → council average
    by_member: dict[int, dict[int, set[int]]]  # subject → member → items scored


def _scores(sheet: ScoringSheet, kind: str, field_name: str) -> _Scores:
    where = {"item__sheet": sheet, "item__criterion__subject_kind": kind}
    own: dict[int, dict[int, Decimal]] = {}
    for subject_id, item_id, score in SelfAssessment.objects.filter(**where).values_list(
        field_name, "item_id", "score"
    ):
        own.setdefault(subject_id, {})[item_id] = score
    council = CouncilScore.objects.filter(**where)
    means: dict[int, dict[int, Decimal]] = {}
    for row in council.values(field_name, "item_id").annotate(mean=Avg("score")).order_by():
        means.setdefault(row[field_name], {})[row["item_id"]] = _decimal(row["mean"])
    by_member: dict[int, dict[int, set[int]]] = {}
    for subject_id, member_id, item_id in council.values_list(field_name, "member_id", "item_id"):
        by_member.setdefault(subject_id, {}).setdefault(member_id, set()).add(item_id)
    return _Scores(own, means, by_member)


def ranking(sheet: ScoringSheet, kind: str) -> Ranking:
    """Every subject of `kind` with its figures: for units, every division and unit of
    the plan's agency (assessed or not, so the office sees who has not); for people,
    everyone with a score."""
    items = list(sheet.items.filter(criterion__subject_kind=kind).select_related("criterion"))
    field_name = "unit_id" if kind == SubjectKind.COLLECTIVE else "person_id"
    scores = _scores(sheet, kind, field_name)
    marked = applicability.not_applicable_by_unit(sheet) if kind == SubjectKind.COLLECTIVE else {}
    members = council_members()
    scored = {*scores.own, *scores.means}
    rows = [
        _row(subject, items, marked.get(subject.pk, set()), scores, members)
        for subject in _subjects(sheet, kind, scored)
    ]
    _rank(sheet, rows)
    return Ranking(sheet=sheet, kind=kind, rows=rows)


def _subjects(sheet: ScoringSheet, kind: str, scored: set[int]) -> list:
    if kind == SubjectKind.INDIVIDUAL:
        return list(Person.objects.filter(pk__in=scored).select_related("unit"))
    under_agency = Unit.objects.subtree_ids([sheet.plan.issuer_id])
    return list(Unit.objects.filter(pk__in=under_agency, kind__in=SCORED_UNIT_KINDS))


def _sum(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) if values else None


def _row(subject, items: list[SheetItem], marked: set[int], scores: _Scores, members: list[Member]) -> Row:
    scored_on = [item for item in items if applicability.scores(item, subject)]
    applicable = [item for item in scored_on if item.pk not in marked]
    ids = {item.pk for item in applicable}
    own, means = scores.own.get(subject.pk, {}), scores.means.get(subject.pk, {})
    done = {member for member, lines in scores.by_member.get(subject.pk, {}).items() if ids and ids <= lines}
    unit_id = subject.unit_id if isinstance(subject, Person) else subject.pk
    return Row(
        subject=subject,
        max_total=sum((item.max_points for item in applicable), Decimal(0)),
        criteria=len(applicable),
        self_total=_sum([own[pk] for pk in ids if pk in own]),
        council_total=_sum([means[pk] for pk in ids if pk in means]),
        criteria_scored=len(ids & set(means)),
        members=len(done),
        not_applicable=[item for item in scored_on if item.pk in marked],
        missing=[m.name for m in members if m.may_score(unit_id) and m.user_id not in done],
    )


def _rank(sheet: ScoringSheet, rows: list[Row]) -> None:
    """Work out each row's percentage; rank and classify those with the quorum, by
    percentage (then council total, self total, name), the others after them."""
    for row in rows:
        if row.council_total is not None and row.max_total:
            row.percent = (row.council_total * 100 / row.max_total).quantize(CENT)
    ranked_ids = {id(row) for row in rows if row.percent is not None and row.members >= sheet.quorum}
    rows.sort(
        key=lambda r: (
            id(r) not in ranked_ids,
            r.council_total is None,
            -(r.percent or 0),
            -(r.council_total or 0),
            -(r.self_total or 0),
            str(r.subject),
        )
    )
    previous, rank = None, 0
    for position, row in enumerate(rows, 1):
        if id(row) not in ranked_ids:
            continue
        if row.percent != previous:
            rank, previous = position, row.percent
        row.rank, row.classification = rank, classify(sheet, row.percent)
