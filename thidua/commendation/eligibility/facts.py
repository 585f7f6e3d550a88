"""The facts the engine reasons about, as plain values: no database, no Django. They come
from the JSON interface (`schema.py`) or from the database (`loading.py`).

A fact the engine cannot check by itself (movement participation, internal unity) is
`None` when nobody has confirmed it; the condition then needs human review."""

from dataclasses import dataclass, field
from typing import NamedTuple

INDIVIDUAL = "individual"
COLLECTIVE = "collective"
CONG_TRANG = "cong_trang"
SCOPES = ("co_so", "tinh", "toan_quoc")  # from the narrowest to the widest
MARKS = {True: "✓", False: "✗", None: "?"}  # a condition met, not met, to be judged


def scope_at_least(scope: str, minimum: str) -> bool:
    return scope in SCOPES and SCOPES.index(scope) >= SCOPES.index(minimum)


class AwardFact(NamedTuple):
    """A title or form received. `year` is the year of the achievement it rewards;
    `achievement` names that achievement when it is not simply the year's (R10)."""

    # A named tuple, like Reason: immutable and cheap to build by the hundred thousand.
    code: str
    year: int
    kind: str = CONG_TRANG
    achievement: str = ""
    decision: str = ""


class InitiativeFact(NamedTuple):
    year: int
    scope: str
    recognised: bool
    applied: bool


class ResearchFact(NamedTuple):
    year: int
    scope: str
    accepted: bool
    applied: bool


class MemberFact(NamedTuple):
    """A member of a collective in the evaluated year: rating and the titles awarded to
    the member for that year; `discipline` is the heaviest form received that year."""

    rating: str | None
    awards: tuple[AwardFact, ...] = ()
    discipline: str | None = None


class CollectiveFigures(NamedTuple):
    """The counts Điều 27 of the Law tests for Tập thể lao động xuất sắc, over a
    collective's members in one year: how many they are, how many hold Lao động tiên
    tiến (a CSTĐCS holds it too) and how many hold CSTĐCS. The rules (R5, R6) judge
    them; the achievement report prints them."""

    headcount: int
    ldtt: int
    cstdcs: int

    @property
    def ldtt_percent(self) -> float | None:
        return round(self.ldtt * 100 / self.headcount, 1) if self.headcount else None


LDTT_CODES = frozenset({"LDTT", "CSTDCS"})
CSTDCS_CODES = frozenset({"CSTDCS"})


def holds_title(member: MemberFact, codes, year: int, excluded_kinds=frozenset()) -> bool:
    """The member holds one of `codes` for `year`, from an award of a kind that counts."""
    return any(a.code in codes and a.year == year and a.kind not in excluded_kinds for a in member.awards)


def collective_figures(members, year: int, excluded_kinds=frozenset()) -> CollectiveFigures:
    members = tuple(members or ())
    return CollectiveFigures(
        headcount=len(members),
        ldtt=sum(1 for m in members if holds_title(m, LDTT_CODES, year, excluded_kinds)),
        cstdcs=sum(1 for m in members if holds_title(m, CSTDCS_CODES, year, excluded_kinds)),
    )


@dataclass(frozen=True)
class SubjectFacts:
    id: str
    kind: str
    ratings: dict[int, str] = field(default_factory=dict)
    awards: tuple[AwardFact, ...] = ()
    initiatives: tuple[InitiativeFact, ...] = ()
    research_projects: tuple[ResearchFact, ...] = ()
    participates_in_movement: bool | None = None
    internal_unity: bool | None = None
    pending_discipline: bool = False
    under_investigation: bool = False
    unresolved_complaint: bool = False
    members: tuple[MemberFact, ...] | None = None
    name: str = ""

    @property
    def is_collective(self) -> bool:
        return self.kind == COLLECTIVE


@dataclass(frozen=True)
class EvaluationRequest:
    year: int
    subjects: tuple[SubjectFacts, ...]
    awards: tuple[str, ...] | None = None  # None: every title and form for each subject's kind


class Reason(NamedTuple):
    """One condition, checked. `passed` is None when a person must judge it.
    Conditions sharing an `alternative` name are alternatives: one passing is enough.
    A named tuple rather than a frozen dataclass: as immutable, and a province's
    evaluation makes two million of them, which a tuple builds several times faster."""

    rule: str
    article: str
    confidence: str
    condition: str
    passed: bool | None
    alternative: str = ""

    def as_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "article": self.article,
            "confidence": self.confidence,
            "condition": self.condition,
            "passed": self.passed,
        }
        if self.alternative:
            data["alternative"] = self.alternative
        return data


@dataclass(frozen=True)
class Result:
    subject: str
    award: str
    year: int
    verdict: str
    reasons: tuple[Reason, ...]
    route: str = ""

    @property
    def summary(self) -> str:
        """One line: each condition with its mark, then the verdict. Written when asked
        for: a province's evaluation makes hundreds of thousands of results and most
        are only counted."""
        parts = "; ".join(f"{r.condition} {MARKS[r.passed]}" for r in self.reasons)
        return f"{self.award} {self.year}: {parts} → {self.verdict}"

    def as_dict(self) -> dict:
        return {
            "subject": self.subject,
            "award": self.award,
            "year": self.year,
            "verdict": self.verdict,
            "route": self.route,
            "summary": self.summary,
            "reasons": [r.as_dict() for r in self.reasons],
        }
