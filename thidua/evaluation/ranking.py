"""Totals, ranking and classification of a sheet, for units or for people.

A subject's council total is the sum, over the criteria, of the average of the council
members' scores of that criterion; its self total is the sum of its own scores. Subjects
are ranked by council total (equal totals share a rank: 1, 2, 2, 4) and classified by the
council total as a share of the sheet's total for their kind, against the sheet's
thresholds. Five grouped queries whatever the number of subjects and scores."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Sum

from thidua.evaluation.enums import SCORED_UNIT_KINDS, Classification
from thidua.evaluation.models import CouncilScore, ScoringSheet, SelfAssessment
from thidua.organization.models import Person, Unit
from thidua.plans.enums import SubjectKind

CENT = Decimal("0.01")


def _decimal(value) -> Decimal:
    # SQLite may answer an average as a float: go through its shortest text form.
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Row:
    subject: Unit | Person
    self_total: Decimal | None
    council_total: Decimal | None
    criteria_scored: int  # criteria with at least one council score
    members: int  # council members who scored the subject
    percent: Decimal | None = None
    classification: str | None = None
    rank: int | None = None

    @property
    def classification_label(self) -> str:
        return Classification(self.classification).label if self.classification else ""


@dataclass
class Ranking:
    sheet: ScoringSheet
    kind: str
    max_total: Decimal
    criteria: int
    rows: list[Row]


def classify(sheet: ScoringSheet, percent: Decimal) -> str:
    if percent >= sheet.excellent_from:
        return Classification.EXCELLENT
    if percent >= sheet.good_from:
        return Classification.GOOD
    if percent >= sheet.pass_from:
        return Classification.PASSED
    return Classification.NOT_PASSED


def ranking(sheet: ScoringSheet, kind: str) -> Ranking:
    """Every subject of `kind` with a total: for units, every division and unit of the
    plan's agency (assessed or not, so the office sees who has not); for people,
    everyone with a score."""
    items = list(sheet.items.filter(criterion__subject_kind=kind).values_list("max_points", flat=True))
    field = "unit_id" if kind == SubjectKind.COLLECTIVE else "person_id"
    scores = {"item__sheet": sheet, "item__criterion__subject_kind": kind}
    self_totals = dict(
        SelfAssessment.objects.filter(**scores)
        .values(field)
        .annotate(total=Sum("score"))
        .values_list(field, "total")
        .order_by()
    )
    council = _council_totals(CouncilScore.objects.filter(**scores), field)
    rows = [_row(subject, self_totals, council) for subject in _subjects(sheet, kind, {*self_totals, *council})]
    max_total = sum(items, Decimal(0))
    _rank(sheet, rows, max_total)
    return Ranking(sheet=sheet, kind=kind, max_total=max_total, criteria=len(items), rows=rows)


def _council_totals(scores, field: str) -> dict[int, tuple[Decimal, int, int]]:
    """subject id → (sum of per-criterion averages, criteria scored, members)."""
    totals: dict[int, list] = {}
    for row in scores.values(field, "item_id").annotate(mean=Avg("score")).order_by():
        entry = totals.setdefault(row[field], [Decimal(0), 0, 0])
        entry[0] += _decimal(row["mean"])
        entry[1] += 1
    for subject_id, members in (
        scores.values(field).annotate(n=Count("member", distinct=True)).values_list(field, "n").order_by()
    ):
        totals[subject_id][2] = members
    return {subject_id: tuple(entry) for subject_id, entry in totals.items()}


def _subjects(sheet: ScoringSheet, kind: str, scored: set[int]) -> list:
    if kind == SubjectKind.INDIVIDUAL:
        return list(Person.objects.filter(pk__in=scored).select_related("unit"))
    under_agency = Unit.objects.subtree_ids([sheet.plan.issuer_id])
    return list(Unit.objects.filter(pk__in=under_agency, kind__in=SCORED_UNIT_KINDS))


def _row(subject, self_totals: dict, council: dict) -> Row:
    total, criteria, members = council.get(subject.pk, (None, 0, 0))
    return Row(
        subject=subject,
        self_total=self_totals.get(subject.pk),
        council_total=total,
        criteria_scored=criteria,
        members=members,
    )


def _rank(sheet: ScoringSheet, rows: list[Row], max_total: Decimal) -> None:
    """Sort (scored first, by council total, then self total, then name) and number."""
    rows.sort(key=lambda r: (r.council_total is None, -(r.council_total or 0), -(r.self_total or 0), str(r.subject)))
    previous, rank = None, 0
    for position, row in enumerate(rows, 1):
        if row.council_total is None:
            continue
        if row.council_total != previous:
            rank, previous = position, row.council_total
        row.rank = rank
        row.percent = (row.council_total * 100 / max_total).quantize(CENT) if max_total else None
        row.classification = classify(sheet, row.percent) if row.percent is not None else None
