"""The order of decision, from the rules' prerequisites: a title is decided before the
awards whose rules count it as awarded."""

import dataclasses

from thidua.commendation.eligibility.order import decision_order, summary, waits_for
from thidua.commendation.eligibility.ruleset import RuleSet, default_ruleset


def codes(steps) -> list[list[str]]:
    return [[a.code for a in step.awards] for step in steps]


def test_the_catalogue_is_decided_in_three_steps_lower_titles_first(ruleset):
    steps = decision_order(ruleset)
    assert codes(steps) == [
        ["LDTT", "CSTDCS", "CO_TINH", "CO_CP", "GK"],
        ["CSTD_TINH", "TTLDTT", "TTLDXS", "BK_TINH", "BK_BO", "BK_TTG"],
        ["CSTD_TQ"],
    ]
    assert [s.number for s in steps] == [1, 2, 3]
    assert waits_for(ruleset, "CSTD_TQ") == {"CSTD_TINH"}
    assert waits_for(ruleset, "TTLDXS") == {"LDTT", "CSTDCS"}  # the members' titles (R5)
    assert waits_for(ruleset, "CSTDCS") == frozenset()  # R2 asks for the standard of LĐTT only


def test_only_the_awards_of_the_round_are_shown_numbered_from_one(ruleset):
    steps = decision_order(ruleset, {"BK_TTG", "CSTD_TQ", "LDTT"})
    assert codes(steps) == [["LDTT"], ["BK_TTG"], ["CSTD_TQ"]]
    assert codes(decision_order(ruleset, {"CSTD_TQ"})) == [["CSTD_TQ"]]
    assert steps[1].by_route()[0][0] == "Trình Chủ tịch UBND tỉnh"
    assert summary(steps) == (
        "Thứ tự quyết định: 1. LDTT (Giám đốc Sở quyết định). 2. BK_TTG (Trình Chủ tịch UBND tỉnh). "
        "3. CSTD_TQ (Trình Chủ tịch UBND tỉnh)."
    )


def test_the_order_follows_the_stored_prerequisite_and_survives_a_loop(ruleset):
    rule = ruleset.rules["R3"]
    looped = RuleSet(
        dict(ruleset.rules) | {"R3": dataclasses.replace(rule, params=dict(rule.params) | {"prerequisite": "CSTD_TQ"})},
        ruleset.awards,
    )
    steps = decision_order(looped, {"CSTD_TINH", "CSTD_TQ", "LDTT"})
    assert sorted(a.code for s in steps for a in s.awards) == ["CSTD_TINH", "CSTD_TQ", "LDTT"]
    assert len(steps) <= 3


def test_the_default_and_the_stored_rules_give_the_same_order(db):
    from thidua.commendation.eligibility.ruleset import from_database

    stored = decision_order(from_database(2026))
    assert codes(stored) == codes(decision_order(default_ruleset()))
    assert stored[0].awards[0].award.name == "Lao động tiên tiến"
