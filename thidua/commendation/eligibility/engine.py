"""Evaluate facts against the rules: for each subject and each title or form, a verdict
with every condition shown.

A verdict is `eligible` only when every condition holds; any condition that fails makes
it `not_eligible`; otherwise a condition left to human judgement makes it
`needs_review`. Conditions sharing an `alternative` name are alternatives: the group
holds when one of them does.

The rules of an award (its standard) are kept apart from the two rules about the
subject's standing, R10 (the achievement is not rewarded twice) and R12 (no pending
discipline or investigation): "meets LDTT 2026", as a condition of CSTDCS, is about the
standard only."""

import math
from collections import Counter
from decimal import Decimal

from thidua.commendation.eligibility import rules as rule_functions
from thidua.commendation.eligibility.facts import (
    AwardFact,
    EvaluationRequest,
    Reason,
    Result,
    SubjectFacts,
)
from thidua.commendation.eligibility.ruleset import RuleDef, RuleSet
from thidua.commendation.eligibility.texts import gettext, one_language

ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW = "eligible", "not_eligible", "needs_review"
STANDING_RULES = {"R10", "R12"}


def evaluate(request: EvaluationRequest, ruleset: RuleSet) -> list[Result]:
    results = []
    with one_language():
        for subject in request.subjects:
            evaluation = SubjectEvaluation(subject, request.year, ruleset)
            for award in ruleset.awards_for(subject.kind, request.awards):
                results.append(evaluation.result(award))
    return results


def _with_standing(standard_verdict: str, standing: list[Reason]) -> str:
    """verdict_of(standard reasons + standing reasons), from the standard's verdict
    already worked out: standing conditions (R10, R12) are never alternatives, so each
    counts on its own and the standard's groups are unchanged by them."""
    if any(r.alternative for r in standing):
        raise ValueError("standing conditions are never alternatives")
    passed = {r.passed for r in standing}
    if False in passed or standard_verdict == NOT_ELIGIBLE:
        return NOT_ELIGIBLE
    return NEEDS_REVIEW if None in passed or standard_verdict == NEEDS_REVIEW else ELIGIBLE


def verdict_of(reasons) -> str:
    statuses = [r.passed for r in reasons if not r.alternative]
    groups: dict[str, list] = {}
    for reason in reasons:
        if reason.alternative:
            groups.setdefault(reason.alternative, []).append(reason.passed)
    for members in groups.values():
        statuses.append(True if True in members else (None if None in members else False))
    if False in statuses:
        return NOT_ELIGIBLE
    return NEEDS_REVIEW if None in statuses else ELIGIBLE


class SubjectEvaluation:
    """One subject in one year; remembers the standard verdicts it has worked out, since
    a higher title asks whether the lower one is met this year."""

    def __init__(self, subject: SubjectFacts, year: int, ruleset: RuleSet):
        self.subject, self.year, self.ruleset = subject, year, ruleset
        self.excluded_kinds = ruleset.excluded_kinds()
        self._standards: dict[str, tuple[str, list[Reason]]] = {}
        self._working: set[str] = set()
        # The rules ask "held X in year Y?" about a million times for a province: the
        # awards are sorted into lookups once per subject instead of scanned per question.
        self._counted: list[AwardFact] = []
        self._held: dict[tuple[str, int], AwardFact] = {}
        self._excluded: dict[tuple[str, int], AwardFact] = {}
        self._once: dict = {}
        self._achievements: dict[str, list[AwardFact]] | None = None
        for award in subject.awards:
            if award.kind in self.excluded_kinds:
                self._excluded.setdefault((award.code, award.year), award)
            else:
                self._counted.append(award)
                self._held.setdefault((award.code, award.year), award)

    # --- verdicts ---------------------------------------------------------------------
    def result(self, award: str) -> Result:
        standard_verdict, reasons = self.standard(award)
        standing = self._run(award, standing=True)
        verdict = _with_standing(standard_verdict, standing) if reasons else verdict_of(standing)
        reasons = reasons + standing
        route = self.ruleset.awards[award].route if award in self.ruleset.awards else ""
        return Result(self.subject.id, award, self.year, verdict, tuple(reasons), route)

    def standard(self, award: str) -> tuple[str, list[Reason]]:
        """The verdict of the award's own standard for the evaluated year."""
        if award in self._standards:
            return self._standards[award]
        if award in self._working:  # a prerequisite loop in edited rules: let a person judge
            return NEEDS_REVIEW, []
        self._working.add(award)
        reasons = self._run(award, standing=False) or [self._no_rule(award)]
        self._working.discard(award)
        self._standards[award] = (verdict_of(reasons), reasons)
        return self._standards[award]

    def _run(self, award: str, *, standing: bool) -> list[Reason]:
        reasons: list[Reason] = []
        for rule, function, unsettled in _steps(self.ruleset, award, standing):
            reasons += function(self, rule, award)
            if unsettled:
                reasons.append(
                    rule.reason(gettext("Văn phòng chưa đối chiếu quy định này với văn bản hiện hành"), None)
                )
        return reasons

    def _no_rule(self, award: str) -> Reason:
        text = gettext("Không có quy tắc đang hiệu lực cho %(award)s năm %(year)s") % {
            "award": award,
            "year": self.year,
        }
        return Reason("—", "", "", text, None)

    # --- facts the rules ask about ----------------------------------------------------
    def once(self, key, make):
        """What a rule works out the same for every award of this subject, kept."""
        found = self._once.get(key)
        if found is None:
            found = self._once[key] = make()
        return found

    def rewarded_for(self, achievement: str) -> list[AwardFact]:
        """Awards of the subject that rewarded `achievement` (R10)."""
        if self._achievements is None:
            self._achievements = {}
            for a in self.subject.awards:
                key = a.achievement or rule_functions.achievement_key(a.code, a.year, a.kind)
                self._achievements.setdefault(key, []).append(a)
        return self._achievements.get(achievement, [])

    def rating(self, year: int) -> str | None:
        return self.subject.ratings.get(year)

    def counted(self, codes) -> list[AwardFact]:
        """Awards that may serve as a basis (R11 leaves out thematic and sudden ones)."""
        return [a for a in self._counted if a.code in codes]

    def held(self, code: str, year: int) -> AwardFact | None:
        return self._held.get((code, year))

    def excluded(self, code: str, year: int) -> AwardFact | None:
        return self._excluded.get((code, year))

    def last_year(self, codes) -> int | None:
        years = [a.year for a in self.counted(set(codes)) if a.year <= self.year]
        return max(years) if years else None

    def year_status(
        self, code: str, year: int, used_until: int | None = None, *, standard_counts: bool = False
    ) -> tuple[bool | None, str]:
        """Whether `code` counts for `year`, with the text saying why. A title counts when
        a decision awarded it (the register): Luật Thi đua, khen thưởng 2022 asks for
        titles "được tặng" (Điều 21, 22, 73, 74). For the evaluated year a title whose
        standard is met but not yet decided is left for review, naming the missing
        decision; only where the law asks for the standard itself (`standard_counts`:
        "đạt tiêu chuẩn LĐTT" for CSTĐCS, Điều 23) does meeting it count."""
        values = {"award": code, "year": year, "until": used_until}
        if used_until is not None and year <= used_until:
            return False, gettext(
                "%(award)s năm %(year)s đã được tính cho lần khen thưởng trước (thành tích đến năm %(until)s)"
            ) % values
        award = self.held(code, year)
        if award is not None:
            return True, gettext("Đã được tặng %(award)s năm %(year)s") % values + _decision(award)
        if year == self.year and code in self.ruleset.awards:
            return self._standard_status(code, values, standard_counts)
        excluded = self.excluded(code, year)
        if excluded is not None:
            return False, gettext(
                "%(award)s năm %(year)s là khen thưởng «%(kind)s»: không được tính làm căn cứ (R11)"
            ) % (values | {"kind": excluded.kind})
        return False, gettext("Chưa được tặng %(award)s năm %(year)s") % values

    def _standard_status(self, code: str, values: dict, standard_counts: bool) -> tuple[bool | None, str]:
        """The evaluated year's `code`, not held: its standard as worked out now."""
        verdict, _ = self.standard(code)
        if verdict == NOT_ELIGIBLE:
            return False, gettext("Chưa đạt tiêu chuẩn %(award)s năm %(year)s") % values
        if standard_counts:
            if verdict == ELIGIBLE:
                return True, gettext("Đạt tiêu chuẩn %(award)s năm %(year)s") % values
            return None, gettext("%(award)s năm %(year)s: cần xem xét") % values
        if verdict == ELIGIBLE:
            return None, gettext("%(award)s năm %(year)s đạt tiêu chuẩn, chưa có quyết định công nhận") % values
        return None, gettext("%(award)s năm %(year)s: cần xem xét tiêu chuẩn, chưa có quyết định công nhận") % values

    def year_reason(self, rule: RuleDef, code: str, year: int, used_until: int | None = None) -> Reason:
        """One year of a consecutive run, as a condition. A year that only has a
        thematic or sudden award fails under R11, which says so."""
        passed, text = self.year_status(code, year, used_until)
        excluded = self.excluded(code, year)
        r11 = self.ruleset.rule("R11")
        if passed is False and excluded is not None and r11 is not None and (used_until or 0) < year:
            kind = excluded.kind
            return r11.reason(
                gettext(
                    "%(award)s năm %(year)s là khen thưởng «%(kind)s»: không được tính làm "
                    "căn cứ khen thưởng theo công trạng"
                )
                % {"award": code, "year": year, "kind": kind},
                False,
            )
        if passed is False and year < self.year and (used_until is None or year > used_until):
            text += gettext(" — chuỗi năm liên tục bị gián đoạn")
        return rule.reason(text, passed)


def _steps(ruleset: RuleSet, award: str, standing: bool) -> tuple:
    """(rule, function, unsettled) of each rule of `award` that has a function, standing
    rules or the standard's; kept with the rule set, which never changes once read."""
    key = ("steps", award, standing)
    found = ruleset.memo.get(key)
    if found is None:
        found = ruleset.memo[key] = tuple(
            (rule, rule_functions.REGISTRY[rule.code], rule.unsettled)
            for rule in ruleset.rules_for(award)
            if rule.code in rule_functions.REGISTRY and (rule.code in STANDING_RULES) == standing
        )
    return found


def _decision(award: AwardFact) -> str:
    return f" ({award.decision})" if award.decision else ""


def cap_warnings(results: list[Result], ruleset: RuleSet) -> list[str]:
    """Warnings (never refusals) when more subjects are eligible than a configured cap."""
    eligible = Counter(r.award for r in results if r.verdict == ELIGIBLE)
    warnings = []
    for code, award in ruleset.awards.items():
        if award.yearly_cap is not None and eligible[code] > award.yearly_cap:
            warnings.append(
                gettext("%(award)s: %(count)s đủ điều kiện, vượt giới hạn %(cap)s mỗi năm (chỉ cảnh báo).")
                % {"award": code, "count": eligible[code], "cap": award.yearly_cap}
            )
    share = ruleset.rule("R2").params.get("cap_share_of_ldtt") if ruleset.rule("R2") else None
    if share:
        limit = math.floor(Decimal(str(share)) * eligible["LDTT"])
        if eligible["CSTDCS"] > limit:
            warnings.append(
                gettext(
                    "CSTDCS: %(count)s đủ điều kiện, vượt tỷ lệ %(share)s số LDTT (tối đa %(limit)s; chỉ cảnh báo)."
                )
                % {"count": eligible["CSTDCS"], "share": share, "limit": limit}
            )
    return warnings
