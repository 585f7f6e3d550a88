"""The rules and the catalogue as the engine sees them: plain values, read from the
database once per evaluation (`from_database`) or from the first stored versions
(`default_ruleset`, for code that runs without a database)."""

import datetime
from dataclasses import dataclass, field, fields
from decimal import Decimal

from thidua.commendation.eligibility.facts import COLLECTIVE, INDIVIDUAL, Reason
from thidua.commendation.eligibility.texts import gettext

UNSETTLED = {"U", "historical", "not_found"}


@dataclass(frozen=True)
class RuleDef:
    code: str
    name: str
    article: str
    confidence: str
    awards: tuple[str, ...] = ()
    params: dict = field(default_factory=dict)
    confirmed: bool = False

    @property
    def unsettled(self) -> bool:
        return self.confidence in UNSETTLED and not self.confirmed

    def reason(self, condition: str, passed: bool | None, alternative: str = "") -> Reason:
        return Reason(self.code, self.article, self.confidence, condition + self._label(), passed, alternative)

    def _label(self) -> str:
        if self.confidence == "historical":
            return " " + gettext("[quy định cũ, chưa đối chiếu văn bản hiện hành; cấu hình được]")
        if self.confidence == "not_found":
            return " " + gettext("[chưa tìm thấy văn bản; cấu hình được]")
        if self.confidence == "U":
            return " " + gettext("[chưa kiểm chứng; cấu hình được]")
        return ""


@dataclass(frozen=True)
class AwardDef:
    code: str
    category: str
    subject: str
    route: str
    name: str = ""
    cash_multiple: Decimal | None = None
    yearly_cap: int | None = None

    def applies_to(self, kind: str) -> bool:
        return self.subject == "both" or self.subject == kind


@dataclass(frozen=True)
class RuleSet:
    rules: dict[str, RuleDef]
    awards: dict[str, AwardDef]
    # What is worked out from the rules once, not per subject: a province asks for each
    # award's rules about a million times. The rules never change inside a RuleSet.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def rules_for(self, award: str) -> tuple[RuleDef, ...]:
        key = ("rules", award)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = tuple(rule for rule in self.rules.values() if award in rule.awards)
        return found

    def rule(self, code: str) -> RuleDef | None:
        return self.rules.get(code)

    def awards_for(self, kind: str, wanted: tuple[str, ...] | None = None) -> list[str]:
        codes = wanted if wanted is not None else tuple(self.awards)
        return [code for code in codes if code in self.awards and self.awards[code].applies_to(kind)]

    def excluded_kinds(self) -> frozenset[str]:
        found = self.memo.get("excluded_kinds")
        if found is None:
            rule = self.rules.get("R11")
            found = self.memo["excluded_kinds"] = frozenset(rule.params.get("excluded_kinds", []) if rule else ())
        return found


def _from_row(cls, row, **given):
    """A definition from a stored row: each field read from the row's attribute of the
    same name, unless given."""
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls) if f.name not in given}, **given)


def rule_def(row) -> RuleDef:
    return _from_row(
        RuleDef,
        row,
        awards=tuple(row.awards or ()),
        params=dict(row.parameters or {}),
        confirmed=row.office_confirmed,
    )


def award_def(row) -> AwardDef:
    return _from_row(AwardDef, row)


def rules_date(year: int) -> datetime.date:
    """The rules that judge a year are those in force on its last day."""
    return datetime.date(year, 12, 31)


def from_database(year: int) -> RuleSet:
    """Two queries: the rules and the catalogue in force for `year`."""
    from thidua.commendation.models import AwardType, EligibilityRule

    on = rules_date(year)
    rules = {row.code: rule_def(row) for row in EligibilityRule.objects.in_force(on)}
    awards = {row.code: award_def(row) for row in AwardType.objects.in_force(on)}
    return RuleSet(rules, awards)


def default_ruleset() -> RuleSet:
    from thidua.commendation.seeding import CATALOGUE, RULES

    rules = {
        code: RuleDef(code, name, article, confidence, tuple(awards), dict(params))
        for code, name, awards, article, confidence, params, _ in RULES
    }
    awards = {
        code: AwardDef(code, category, subject, route, code, Decimal(multiple) if multiple else None)
        for code, category, subject, route, multiple, _ in CATALOGUE
    }
    return RuleSet(rules, awards)


__all__ = ["RuleDef", "AwardDef", "RuleSet", "from_database", "default_ruleset", "INDIVIDUAL", "COLLECTIVE"]
