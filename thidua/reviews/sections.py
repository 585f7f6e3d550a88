"""What a review freezes besides the figures of `snapshot.py`, as they stand at its
review date: the yearly ranking of the divisions and units (evaluation), the awards
decided by level (the register of awards), the initiatives recognised and replicated,
the self-inspection findings and their follow-up, and the difficulties raised and
decided. Stored once in `Review.sections` at the freeze, with the names and labels of
that day in the department's language, so the document and the pages never read
today's data. A review frozen before a section existed has no key for it: `section`
answers None and the pages and the document say it is missing.

Nothing here writes: `freeze(review)` returns the dictionary."""

import copy
import datetime
from collections import Counter

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import override

from thidua.commendation.models import AwardRecord
from thidua.core.codes import Scope, State
from thidua.difficulties.models import Difficulty
from thidua.evaluation.models import ScoringSheet
from thidua.evaluation.ranking import ranking
from thidua.initiatives.models import Adoption, Initiative
from thidua.inspections.models import Finding, FollowUpAction, InspectionPlan
from thidua.organization import rules
from thidua.organization.models import Unit
from thidua.plans.enums import SubjectKind
from thidua.reviews.models import Review

KEYS = ("ranking", "awards", "initiatives", "inspections", "difficulties")
RANKING, AWARDS, INITIATIVES, INSPECTIONS, DIFFICULTIES = KEYS

# The level of each title and form, as the review report groups them: what the Director
# gives, what the province gives, what a ministry gives, what the State gives.
LEVELS = ("Cấp Sở", "Cấp tỉnh", "Cấp Bộ", "Cấp Nhà nước")
LEVEL_OF = {
    "GK": "Cấp Sở",
    "LDTT": "Cấp Sở",
    "CSTDCS": "Cấp Sở",
    "TTLDTT": "Cấp Sở",
    "BK_TINH": "Cấp tỉnh",
    "CSTD_TINH": "Cấp tỉnh",
    "TTLDXS": "Cấp tỉnh",
    "CO_TINH": "Cấp tỉnh",
    "BK_BO": "Cấp Bộ",
    "BK_TTG": "Cấp Nhà nước",
    "CSTD_TQ": "Cấp Nhà nước",
    "CO_CP": "Cấp Nhà nước",
}


def section(review: Review, key: str):
    """A frozen section, or None when the review was frozen without it."""
    return (review.sections or {}).get(key)


def visible(review: Review, user) -> dict:
    """The frozen sections as `user` may read them: the department's counts for everyone
    signed in, the lines about a unit (its rank, findings, difficulties) only for those
    who see the unit, as the review's own figures and the ranking page do. Each of
    `KEYS`, None when the review was frozen without it."""
    scope = rules.unit_scope(user)

    def seen(rows: list[dict]) -> list[dict]:
        return rows if scope is rules.EVERYTHING else [row for row in rows if row.get("unit_id") in scope]

    shown = {key: copy.deepcopy(section(review, key)) for key in KEYS}
    for year in shown[RANKING] or []:
        year["units"] = seen(year["units"])
    for key in (INSPECTIONS, DIFFICULTIES):
        if shown[key] is not None:
            shown[key]["items"] = seen(shown[key]["items"])
    return shown


def freeze(review: Review) -> dict:
    with override("vi"):  # labels are stored as data, in the department's language
        return {
            RANKING: _ranking(review),
            AWARDS: _awards(review),
            INITIATIVES: _initiatives(review),
            INSPECTIONS: _inspections(review),
            DIFFICULTIES: _difficulties(review),
        }


def _first_day(review: Review) -> datetime.date:
    return datetime.date(review.plan.start_year, 1, 1)


def _end_of(day: datetime.date) -> datetime.datetime:
    """The last moment of the review date, in the department's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def _number(value) -> str | None:
    return None if value is None else str(value)


# --- the ranking ------------------------------------------------------------------------
def _ranking(review: Review) -> list[dict]:
    """Each year's council ranking of the divisions and units, from the plan's first year
    to the review year, and how many people reached each classification."""
    sheets = ScoringSheet.objects.filter(plan=review.plan, year__lte=review.year).order_by("year")
    years = []
    for sheet in sheets:
        units = [row for row in ranking(sheet, SubjectKind.COLLECTIVE).rows if row.rank is not None]
        scored = ranking(sheet, SubjectKind.INDIVIDUAL).rows
        people = Counter(str(row.classification_label) for row in scored if row.rank is not None)
        if units or people:
            years.append({"year": sheet.year, "units": [_ranked(row) for row in units], "people": dict(people)})
    return years


def _ranked(row) -> dict:
    return {
        "rank": row.rank,
        "unit_id": row.subject.pk,
        "unit": row.subject.name,
        "total": _number(row.council_total),
        "percent": _number(row.percent),
        "classification": str(row.classification_label),
    }


# --- awards -----------------------------------------------------------------------------
def _awards(review: Review) -> list[dict]:
    """The awards decided from the plan's first day to the review date for the
    department's units and people, counted by level and by title or form."""
    agency = Unit.objects.subtree_ids([review.plan.issuer_id])
    rows = (
        AwardRecord.objects.in_force()
        .filter(decision_date__range=(_first_day(review), review.review_date), before_system=False)
        .filter(Q(unit_id__in=agency) | Q(person__unit_id__in=agency))
        .values("award_type__code", "award_type__name")
        .annotate(
            collectives=Count("id", filter=Q(unit__isnull=False)), people=Count("id", filter=Q(person__isnull=False))
        )
        .order_by()
    )
    found = [
        {
            "level": LEVEL_OF.get(row["award_type__code"], LEVELS[0]),
            "award": row["award_type__name"],
            "collectives": row["collectives"],
            "people": row["people"],
        }
        for row in rows
    ]
    return sorted(found, key=lambda r: (LEVELS.index(r["level"]), r["award"]))


# --- initiatives ------------------------------------------------------------------------
def _initiatives(review: Review) -> dict:
    """Initiatives recognised by the review date (by scope, and those put forward to the
    province) and those replicated: applied by another unit by then."""
    recognised = Initiative.objects.filter(
        content_area__plan=review.plan,
        state=State.RECOGNISED,
        decision_date__range=(_first_day(review), review.review_date),
    )
    scopes = dict(recognised.values("scope").annotate(n=Count("id")).values_list("scope", "n").order_by())
    # Replicated as the initiatives app counts it (`initiatives.statistics`), by the day
    # the adopting unit applied it.
    adoptions = Adoption.objects.filter(initiative__in=recognised, applied_on__lte=review.review_date)
    return {
        "recognised": recognised.count(),
        "by_scope": {str(Scope(code).label): n for code, n in scopes.items() if code},
        "put_forward": recognised.filter(put_forward=True, put_forward_on__lte=review.review_date).count(),
        "replicated": adoptions.values("initiative_id").distinct().count(),
        "adoptions": adoptions.count(),
    }


# --- self-inspection ----------------------------------------------------------------------
def _inspections(review: Review) -> dict:
    """The self-inspection rounds begun by the review date, their findings by severity,
    and how the follow-up actions stood that day (done, late, still open)."""
    day = review.review_date
    rounds = InspectionPlan.objects.filter(plan=review.plan, starts_on__lte=day)
    findings = Finding.objects.filter(checklist__inspection__in=rounds, created_at__lte=_end_of(day))
    actions = FollowUpAction.objects.filter(checklist__inspection__in=rounds, created_at__lte=_end_of(day))
    severity = dict(findings.values("severity").annotate(n=Count("id")).values_list("severity", "n").order_by())
    labels = dict(Finding._meta.get_field("severity").choices)
    return {
        "rounds": rounds.count(),
        "findings": sum(severity.values()),
        "by_severity": {str(labels[code]): n for code, n in severity.items()},
        "actions": actions.count(),
        "done": actions.filter(done_on__lte=day).count(),
        "overdue": actions.overdue(on=day).count(),
        "items": [_finding(f, day) for f in findings.select_related("checklist__unit").annotate(**_action_counts(day))],
    }


def _action_counts(day: datetime.date) -> dict:
    return {
        "n_actions": Count("actions", filter=Q(actions__created_at__lte=_end_of(day))),
        "n_done": Count("actions", filter=Q(actions__done_on__lte=day)),
    }


def _finding(finding, day: datetime.date) -> dict:
    return {
        "unit_id": finding.checklist.unit_id,
        "unit": finding.checklist.unit.name,
        "text": finding.text,
        "severity": str(finding.get_severity_display()),
        "actions": finding.n_actions,
        "done": finding.n_done,
    }


# --- difficulties -----------------------------------------------------------------------
def _difficulties(review: Review) -> dict:
    """The difficulties units had sent by the review date, and the Director's decisions
    taken by then."""
    day = review.review_date
    raised = Difficulty.objects.filter(plan=review.plan, submitted_at__lte=_end_of(day))
    decided = raised.filter(decided_on__lte=day).select_related("unit").order_by("decided_on", "id")
    return {
        "raised": raised.count(),
        "decided": decided.count(),
        "closed": raised.filter(closed_on__lte=day).count(),
        "items": [
            {
                "unit_id": d.unit_id,
                "unit": d.unit.name,
                "title": d.title,
                "decision": d.decision,
                "decided_on": d.decided_on.strftime("%d/%m/%Y"),
            }
            for d in decided
        ],
    }
