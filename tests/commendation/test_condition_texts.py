"""No condition is marked met (✓) with a count the facts do not reach.

Hypothesis draws people and units with ratings, awards of every title and form (of
every kind), works, members and holds, and rule parameters the office may set; every
rule of the rule set judges them, and each condition marked met is read back: a count
it states ("đã được tặng 2023, 2024", "có 2 năm", "7/10", "cần ít nhất 1") must reach
what it asks for, and must not exceed what the facts hold. A met condition whose text
states a count no reader below knows fails too, so a new wording is read back as well."""

import dataclasses
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.commendation.eligibility.engine import evaluate
from thidua.commendation.eligibility.facts import (
    AwardFact,
    EvaluationRequest,
    InitiativeFact,
    MemberFact,
    ResearchFact,
    SubjectFacts,
)
from thidua.commendation.eligibility.ruleset import RuleSet, default_ruleset

YEAR = 2026
RULESET = default_ruleset()
CODES = list(RULESET.awards)
RATINGS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
KINDS = ["cong_trang", "cong_trang", "cong_trang", "chuyen_de", "dot_xuat"]
SCOPES = ["co_so", "tinh", "toan_quoc"]
DISCIPLINE = [None, None, "khien_trach", "canh_cao", "ha_bac_luong", "cach_chuc"]


# --- facts ---------------------------------------------------------------------------------
years = st.integers(YEAR - 9, YEAR)
awards = st.lists(st.builds(AwardFact, st.sampled_from(CODES), years, st.sampled_from(KINDS)), max_size=12)
initiatives = st.lists(
    st.builds(InitiativeFact, years, st.sampled_from(SCOPES), st.booleans(), st.booleans()), max_size=4
)
research = st.lists(st.builds(ResearchFact, years, st.sampled_from(SCOPES), st.booleans(), st.booleans()), max_size=3)
ratings = st.dictionaries(years, st.sampled_from(RATINGS), max_size=10)
member_awards = st.lists(
    st.builds(
        AwardFact, st.sampled_from(["LDTT", "CSTDCS", "GK"]), st.sampled_from([YEAR, YEAR - 1]), st.sampled_from(KINDS)
    ),
    max_size=2,
)
members = st.lists(
    st.builds(MemberFact, st.sampled_from([*RATINGS, None]), member_awards.map(tuple), st.sampled_from(DISCIPLINE)),
    max_size=12,
)
maybe = st.sampled_from([True, False, None])


@st.composite
def subjects(draw):
    collective = draw(st.booleans())
    return SubjectFacts(
        id="s",
        kind="collective" if collective else "individual",
        ratings=draw(ratings),
        awards=tuple(draw(awards)),
        initiatives=tuple(draw(initiatives)),
        research_projects=tuple(draw(research)),
        participates_in_movement=draw(maybe),
        internal_unity=draw(maybe) if collective else None,
        pending_discipline=draw(st.booleans()),
        members=tuple(draw(members)) if collective else None,
    )


@st.composite
def rulesets(draw) -> RuleSet:
    """The first stored rules, with the counts the office may change drawn anew."""
    changes = {
        "R3": {"consecutive": draw(st.integers(1, 4))},
        "R4": {"consecutive": draw(st.integers(1, 3)), "period_years": draw(st.integers(1, 3))},
        "R5": {
            "ldtt_share_min": draw(st.sampled_from(["0.5", "0.70", "1"])),
            "min_cstdcs_members": draw(st.integers(0, 3)),
            "no_disciplined_member": draw(st.booleans()),
        },
        "R6": {"ldtt_share_above": draw(st.sampled_from(["0", "0.50", "0.9"]))},
        "R7": {
            "consecutive": draw(st.integers(1, 3)),
            "excellent_years": draw(st.integers(1, 3)),
            "min_initiatives": draw(st.integers(1, 3)),
            "manual_alternatives": draw(st.booleans()),
        },
        "R8": {"years": draw(st.integers(3, 6)), "min_prerequisite": draw(st.integers(1, 5))},
    }
    rules = dict(RULESET.rules)
    for code, params in changes.items():
        rule = rules[code]
        rules[code] = dataclasses.replace(rule, params=dict(rule.params) | params, confirmed=True)
    return RuleSet(rules, RULESET.awards)


# --- what the facts hold -------------------------------------------------------------------
def held(subject, code: str, year: int) -> bool:
    return any(a.code == code and a.year == year and a.kind == "cong_trang" for a in subject.awards)


def members_with(subject, codes) -> int:
    return sum(
        1
        for m in subject.members or ()
        if any(a.code in codes and a.year == YEAR and a.kind == "cong_trang" for a in m.awards)
    )


def excellent_run(subject) -> int:
    run, year = 0, YEAR
    while subject.ratings.get(year) == "HTXSNV":
        run, year = run + 1, year - 1
    return run


def works(items, years, done: str) -> int:
    return sum(1 for i in items if i.year in years and getattr(i, done) and i.applied)


# --- reading a met condition back ----------------------------------------------------------
# Each reader: (pattern, check(match, subject) -> bool). A met condition must pass every
# reader whose pattern it contains.
def _awarded_years(match, subject) -> bool:
    wanted, code, listed = int(match["wanted"]), match["code"], match["years"]
    found = [] if listed == "chưa có" else [int(y) for y in listed.split(", ")]
    return not match["pending"] and len(found) >= wanted and all(held(subject, code, y) for y in found)


def _consecutive(match, subject) -> bool:
    parts = match["details"].split("; ")
    return len(parts) == int(match["count"]) and all(p.startswith("Đã được tặng") for p in parts)


def _excellent(match, subject) -> bool:
    run, need = int(match["run"]), int(match["need"])
    wanted, found_i, found_r = int(match["wanted"]), int(match["initiatives"]), int(match["research"])
    window = range(YEAR - run + 1, YEAR + 1)
    truthful = (
        run <= excellent_run(subject)
        and found_i <= works(subject.initiatives, window, "recognised")
        and found_r <= works(subject.research_projects, window, "accepted")
    )
    return truthful and run >= need and (found_i >= wanted or found_r >= wanted)


def _share(match, subject) -> bool:
    count, total, share = int(match["count"]), int(match["total"]), float(match["share"]) / 100
    enough = count > share * total if match["how"] == "trên" else count >= share * total - 1e-9
    return total == len(subject.members or ()) and count <= members_with(subject, {"LDTT", "CSTDCS"}) and enough


def _all_members(match, subject) -> bool:
    return int(match["count"]) == int(match["total"]) == len(subject.members or ())


def _cstdcs_members(match, subject) -> bool:
    count = int(match["count"])
    return int(match["minimum"]) <= count <= members_with(subject, {"CSTDCS"})


def _good_years(match, subject) -> bool:
    first, last = int(match["first"]), int(match["last"] or match["first"])
    return not match["missing"] and all(subject.ratings.get(y) in ("HTXSNV", "HTTNV") for y in range(first, last + 1))


def _prior_forms(match, subject) -> bool:
    listed = match["found"]
    if listed == "chưa có":
        return False
    return all(held(subject, code, int(year)) for code, year in (item.split(" ") for item in listed.split(", ")))


def _given(match, subject) -> bool:
    return held(subject, match["code"], int(match["year"]))


def _rating(match, subject) -> bool:
    return subject.ratings.get(int(match["year"])) == match["rating"]


READERS = [
    (
        r"^Ít nhất (?P<wanted>\d+) lần (?P<code>\w+) trong [\d–]+: "
        r"đã được tặng (?P<years>[\d, ]+|chưa có)(?P<pending>; .*)?$",
        _awarded_years,
    ),
    (r"^(?P<count>\d+) lần liên tục (?P<code>\w+): (?P<details>.*)$", _consecutive),
    (
        r"^HTXSNV liên tục từ (?P<need>\d+) năm trở lên \(có (?P<run>\d+) năm\) và trong thời gian đó (?P<wanted>\d+) "
        r"sáng kiến .* \(có (?P<initiatives>\d+) sáng kiến, (?P<research>\d+) đề tài\)$",
        _excellent,
    ),
    (
        r": (?P<count>\d+)/(?P<total>\d+) \([\d.]+%\), cần (?P<how>ít nhất|trên) (?P<share>[\d.]+)%",
        _share,
    ),
    (r"^100% thành viên hoàn thành nhiệm vụ trở lên: (?P<count>\d+)/(?P<total>\d+) ", _all_members),
    (r"^Có cá nhân đạt CSTĐCS năm \d+: (?P<count>\d+) \(cần ít nhất (?P<minimum>\d+)\)$", _cstdcs_members),
    (r": (?P<count>\d+) người bị kỷ luật$", lambda match, subject: match["count"] == "0"),
    (
        r"^HTTNV trở lên liên tục \d+ năm \((?P<first>\d+)(?:–(?P<last>\d+))?\), sau thành tích của lần khen trước"
        r"(?P<missing> — không đạt.*)?$",
        _good_years,
    ),
    (r"^Đã được tặng Bằng khen cấp Bộ, tỉnh: (?P<found>.*)$", _prior_forms),
    (r"Đã được tặng (?P<code>\w+) năm (?P<year>\d+)", _given),
    (r"^Xếp loại (?P<rating>\w+) năm (?P<year>\d+)$", _rating),
]
# Words of a count or of a title not (yet) held: a met condition saying them must be
# read by one of the readers above, or is wrong.
COUNTED = re.compile(r"\d+ lần|\d+/\d+|ít nhất|có \d+|chưa có quyết định|Chưa được tặng|Chưa đạt")
# Texts of met conditions that state no count (the works of one scope, a rating allowed,
# a confirmation, R10 and R12).
UNCOUNTED = re.compile(
    r"^(Sáng kiến|Đề tài|Xếp loại năm|Đạt tiêu chuẩn LDTT|Tích cực|Nội bộ|Thành tích năm|Không đang bị)"
)


def misread(reason, subject) -> str | None:
    """Why a met condition's text is not borne out by `subject`, or None."""
    text, read = reason.condition.split(" [")[0], False
    for pattern, check in READERS:
        for match in re.finditer(pattern, text):
            read = True
            if not check(match, subject):
                return f"{reason.rule}: «{reason.condition}» is marked met, but the facts do not reach it"
    if not read and COUNTED.search(text) and not UNCOUNTED.match(text):
        return f"{reason.rule}: «{reason.condition}» states a count no reader of this test checks"
    return None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subjects(), rulesets())
def test_no_condition_is_marked_met_with_a_count_the_facts_do_not_reach(subject, ruleset):
    results = evaluate(EvaluationRequest(YEAR, (subject,)), ruleset)
    assert {r.award for r in results} == set(ruleset.awards_for(subject.kind))
    wrong = [
        problem for r in results for reason in r.reasons if reason.passed and (problem := misread(reason, subject))
    ]
    assert wrong == []


def test_the_readers_catch_the_count_that_was_marked_met_while_short():
    """The text of the defect this test guards against is refused by its readers."""
    subject = SubjectFacts("s", "individual", awards=(AwardFact("CSTDCS", 2022), AwardFact("CSTDCS", 2024)))
    short = RULESET.rule("R8").reason("Ít nhất 3 lần CSTDCS trong 2022–2026: đã được tặng 2022, 2024", True)
    assert "do not reach" in misread(short, subject)
    claimed = RULESET.rule("R8").reason("Ít nhất 2 lần CSTDCS trong 2022–2026: đã được tặng 2022, 2025", True)
    assert "do not reach" in misread(claimed, subject)  # 2025 was never awarded
    unknown = RULESET.rule("R8").reason("Có 3 lần được tặng CSTDCS", True)
    assert "no reader" in misread(unknown, subject)
    assert (
        misread(
            RULESET.rule("R8").reason("Ít nhất 2 lần CSTDCS trong 2022–2026: đã được tặng 2022, 2024", True), subject
        )
        is None
    )
