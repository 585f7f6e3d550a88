"""Builders for eligibility facts, so each rule test states only what it is about."""

import pytest

from thidua.commendation.eligibility.engine import evaluate
from thidua.commendation.eligibility.facts import (
    AwardFact,
    EvaluationRequest,
    InitiativeFact,
    MemberFact,
    ResearchFact,
    SubjectFacts,
)
from thidua.commendation.eligibility.ruleset import default_ruleset

YEAR = 2026


def person(**values) -> SubjectFacts:
    values.setdefault("participates_in_movement", True)
    return SubjectFacts(id=values.pop("id", "p1"), kind="individual", **values)


def unit(**values) -> SubjectFacts:
    values.setdefault("participates_in_movement", True)
    values.setdefault("internal_unity", True)
    return SubjectFacts(id=values.pop("id", "u1"), kind="collective", **values)


def award(code: str, year: int, kind: str = "cong_trang", **values) -> AwardFact:
    return AwardFact(code=code, year=year, kind=kind, **values)


def initiative(year: int = YEAR, scope: str = "co_so", recognised: bool = True, applied: bool = True):
    return InitiativeFact(year, scope, recognised, applied)


def research(year: int = YEAR, scope: str = "co_so", accepted: bool = True, applied: bool = True):
    return ResearchFact(year, scope, accepted, applied)


def member(rating: str = "HTTNV", *codes: str, discipline: str | None = None, year: int = YEAR) -> MemberFact:
    return MemberFact(rating=rating, awards=tuple(AwardFact(c, year) for c in codes), discipline=discipline)


def ratings(*pairs) -> dict[int, str]:
    return dict(pairs)


def run(subject: SubjectFacts, code: str, year: int = YEAR, ruleset=None):
    """The one result for `code`."""
    request = EvaluationRequest(year=year, subjects=(subject,), awards=(code,))
    (result,) = evaluate(request, ruleset or default_ruleset())
    return result


def failed(result) -> list[str]:
    """Rules of the conditions that fail; alternatives only when every one fails."""
    groups: dict[str, list] = {}
    for reason in result.reasons:
        if reason.alternative:
            groups.setdefault(reason.alternative, []).append(reason)
    alone = [r.rule for r in result.reasons if r.passed is False and not r.alternative]
    return alone + [g[0].rule for g in groups.values() if all(r.passed is False for r in g)]


def conditions(result, rule: str) -> list:
    return [r for r in result.reasons if r.rule == rule]


@pytest.fixture
def ruleset():
    return default_ruleset()
