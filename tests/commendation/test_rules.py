"""Each rule R1–R21 of the eligibility engine, at its edges. Pure: facts in, verdicts
out, with the rules as first stored (`docs/law.md`, section 4)."""

import dataclasses
from decimal import Decimal

import pytest

from tests.commendation.conftest import (
    YEAR,
    award,
    conditions,
    failed,
    initiative,
    member,
    person,
    ratings,
    research,
    run,
    unit,
)
from thidua.commendation.eligibility import procedure
from thidua.commendation.eligibility.ruleset import RuleSet


def with_params(ruleset: RuleSet, code: str, **changes) -> RuleSet:
    rule = ruleset.rules[code]
    params = dict(rule.params) | changes.pop("params", {})
    rules = dict(ruleset.rules) | {code: dataclasses.replace(rule, params=params, **changes)}
    return RuleSet(rules, ruleset.awards)


# --- R1 Lao động tiên tiến -------------------------------------------------------------------
@pytest.mark.parametrize("rating", ["HTTNV", "HTXSNV"])
def test_r1_good_or_excellent_rating_with_movement_is_eligible(rating):
    result = run(person(ratings={YEAR: rating}), "LDTT")
    assert result.verdict == "eligible"
    assert all(r.passed for r in conditions(result, "R1"))


@pytest.mark.parametrize("rating", ["HTNV", "KHTNV", None])
def test_r1_lower_or_missing_rating_is_not_eligible(rating):
    result = run(person(ratings={YEAR: rating} if rating else {}), "LDTT")
    assert result.verdict == "not_eligible"
    assert failed(result) == ["R1"]


def test_r1_unconfirmed_movement_participation_needs_review():
    result = run(person(ratings={YEAR: "HTTNV"}, participates_in_movement=None), "LDTT")
    assert result.verdict == "needs_review"
    assert "chưa được xác nhận" in conditions(result, "R1")[1].condition


def test_r1_provincial_criteria_entered_by_the_office_are_judged_by_people(ruleset):
    changed = with_params(ruleset, "R1", params={"provincial_criteria": ["Không vi phạm quy chế văn hóa công sở"]})
    result = run(person(ratings={YEAR: "HTTNV"}), "LDTT", ruleset=changed)
    assert result.verdict == "needs_review"
    assert "Không vi phạm quy chế văn hóa công sở (xem xét thủ công)" in [r.condition for r in result.reasons]


# --- R2 Chiến sĩ thi đua cơ sở ---------------------------------------------------------------
def test_r2_good_rating_with_a_recognised_initiative_is_eligible_and_shows_each_condition():
    result = run(person(ratings={YEAR: "HTTNV"}, initiatives=(initiative(),)), "CSTDCS")
    assert result.verdict == "eligible"
    assert result.summary.startswith(
        "CSTDCS 2026: Đạt tiêu chuẩn LDTT năm 2026 ✓; Xếp loại HTXSNV năm 2026 ✗; "
        "Sáng kiến được công nhận ở phạm vi «Cơ sở» trở lên năm 2026 ✓"
    )
    assert result.summary.endswith("→ eligible")


def test_r2_excellent_rating_needs_no_initiative():
    assert run(person(ratings={YEAR: "HTXSNV"}), "CSTDCS").verdict == "eligible"


def test_r2_an_accepted_research_project_is_an_alternative():
    assert run(person(ratings={YEAR: "HTTNV"}, research_projects=(research(),)), "CSTDCS").verdict == "eligible"


@pytest.mark.parametrize("work", [initiative(year=YEAR - 1), initiative(recognised=False)])
def test_r2_an_initiative_of_another_year_or_not_recognised_does_not_count(work):
    result = run(person(ratings={YEAR: "HTTNV"}, initiatives=(work,)), "CSTDCS")
    assert result.verdict == "not_eligible"


def test_r2_requires_the_ldtt_standard_first():
    result = run(person(ratings={YEAR: "HTNV"}, initiatives=(initiative(),)), "CSTDCS")
    assert result.verdict == "not_eligible"
    assert conditions(result, "R2")[0].condition == "Chưa đạt tiêu chuẩn LDTT năm 2026"


# --- R3 Chiến sĩ thi đua cấp tỉnh ------------------------------------------------------------
def cstd_tinh_candidate(**changes):
    values = {
        "ratings": ratings((2024, "HTXSNV"), (2025, "HTXSNV"), (2026, "HTXSNV")),
        "awards": (award("CSTDCS", 2024), award("CSTDCS", 2025)),
        "initiatives": (initiative(scope="tinh"),),
    }
    return person(**(values | changes))


def test_r3_three_consecutive_cstdcs_and_a_provincial_initiative_leave_only_the_councils_judgement():
    decided = cstd_tinh_candidate(awards=(award("CSTDCS", 2024), award("CSTDCS", 2025), award("CSTDCS", 2026)))
    result = run(decided, "CSTD_TINH")
    assert result.verdict == "needs_review"
    assert failed(result) == []
    assert [r.passed for r in conditions(result, "R3")][:3] == [True, True, True]
    assert [r.condition for r in result.reasons if r.passed is None] == [
        "Có thành tích xuất sắc tiêu biểu, được lựa chọn trong số những người đủ điều kiện (xem xét thủ công)"
    ]


def test_r3_this_years_cstdcs_met_but_not_decided_waits_for_its_decision():
    result = run(cstd_tinh_candidate(), "CSTD_TINH")
    assert result.verdict == "needs_review"
    assert [r.passed for r in conditions(result, "R3")][:3] == [True, True, None]
    assert conditions(result, "R3")[2].condition == "CSTDCS năm 2026 đạt tiêu chuẩn, chưa có quyết định công nhận"


def test_r3_this_years_cstdcs_not_met_fails():
    result = run(cstd_tinh_candidate(ratings=ratings((2026, "HTNV"))), "CSTD_TINH")
    assert result.verdict == "not_eligible"
    assert conditions(result, "R3")[2].condition == "Chưa đạt tiêu chuẩn CSTDCS năm 2026"


def test_r3_a_broken_run_of_years_is_not_eligible():
    broken = cstd_tinh_candidate(
        awards=(award("CSTDCS", 2022), award("CSTDCS", 2023), award("CSTDCS", 2024)),
        ratings=ratings((2025, "HTTNV"), (2026, "HTXSNV")),
    )
    result = run(broken, "CSTD_TINH")
    assert result.verdict == "not_eligible"
    assert "Chưa được tặng CSTDCS năm 2025 — chuỗi năm liên tục bị gián đoạn" in [
        r.condition for r in result.reasons if r.passed is False
    ]


def test_r3_a_thematic_cstdcs_does_not_count_r11():
    thematic = cstd_tinh_candidate(awards=(award("CSTDCS", 2024), award("CSTDCS", 2025, kind="chuyen_de")))
    result = run(thematic, "CSTD_TINH")
    assert result.verdict == "not_eligible"
    assert failed(result) == ["R11"]
    assert "chuyen_de" in conditions(result, "R11")[0].condition


def test_r3_an_initiative_of_too_narrow_a_scope_is_not_enough():
    narrow = cstd_tinh_candidate(initiatives=(initiative(scope="co_so"),))
    result = run(narrow, "CSTD_TINH")
    assert result.verdict == "not_eligible"
    text = [r.condition for r in result.reasons if r.alternative == "R3.b"][0]
    assert "phạm vi «Tỉnh» trở lên" in text and "chỉ có phạm vi Cơ sở" in text


def test_r3_years_counted_for_an_earlier_provincial_title_are_not_counted_again():
    again = cstd_tinh_candidate(awards=(award("CSTDCS", 2024), award("CSTDCS", 2025), award("CSTD_TINH", 2024)))
    result = run(again, "CSTD_TINH")
    assert result.verdict == "not_eligible"
    assert "đã được tính cho lần khen thưởng trước" in conditions(result, "R3")[0].condition


# --- R4 Chiến sĩ thi đua toàn quốc -----------------------------------------------------------
def test_r4_two_consecutive_provincial_titles_and_a_national_initiative():
    candidate = person(
        awards=(award("CSTD_TINH", 2023), award("CSTD_TINH", 2026)), initiatives=(initiative(2025, "toan_quoc"),)
    )
    result = run(candidate, "CSTD_TQ")
    assert result.verdict == "needs_review"
    assert failed(result) == []


@pytest.mark.parametrize(("years", "scope"), [((2022, 2026), "toan_quoc"), ((2023, 2026), "tinh")])
def test_r4_titles_not_consecutive_or_scope_too_narrow(years, scope):
    candidate = person(awards=tuple(award("CSTD_TINH", y) for y in years), initiatives=(initiative(2025, scope),))
    assert run(candidate, "CSTD_TQ").verdict == "not_eligible"


# --- R5 Tập thể lao động xuất sắc ------------------------------------------------------------
def excellent_unit(count: int, ldtt: int, **changes) -> object:
    members = [member("HTXSNV", "LDTT", "CSTDCS")] + [member("HTTNV", "LDTT") for _ in range(ldtt - 1)]
    members += [member("HTNV") for _ in range(count - ldtt)]
    return unit(**({"ratings": {YEAR: "HTXSNV"}, "members": tuple(members)} | changes))


def test_r5_exactly_seventy_percent_of_members_passes():
    result = run(excellent_unit(10, 7), "TTLDXS")
    assert result.verdict == "eligible"
    assert "7/10 (70%), cần ít nhất 70%" in conditions(result, "R5")[2].condition


def test_r5_sixty_nine_point_nine_percent_fails():
    result = run(excellent_unit(1000, 699), "TTLDXS")
    assert result.verdict == "not_eligible"
    assert "699/1000 (69.9%)" in [r.condition for r in result.reasons if r.passed is False][0]
    assert run(excellent_unit(1000, 700), "TTLDXS").verdict == "eligible"


def test_r5_every_member_must_complete_their_duties():
    members = excellent_unit(10, 9).members[:-1] + (member("KHTNV", "LDTT"),)
    result = run(excellent_unit(10, 9, members=members), "TTLDXS")
    assert result.verdict == "not_eligible"
    assert "9/10 (90%)" in conditions(result, "R5")[1].condition


def test_r5_needs_a_member_with_cstdcs_and_an_excellent_unit_rating():
    no_cstdcs = unit(ratings={YEAR: "HTXSNV"}, members=tuple(member("HTTNV", "LDTT") for _ in range(5)))
    assert run(no_cstdcs, "TTLDXS").verdict == "not_eligible"
    assert run(excellent_unit(10, 8, ratings={YEAR: "HTTNV"}), "TTLDXS").verdict == "not_eligible"
    assert run(unit(ratings={YEAR: "HTXSNV"}), "TTLDXS").verdict == "not_eligible"  # no member list


def test_r5_unity_and_movement_not_confirmed_need_review():
    result = run(excellent_unit(10, 8, internal_unity=None), "TTLDXS")
    assert result.verdict == "needs_review"


# --- R6 Tập thể lao động tiên tiến (historical default) ------------------------------------
def advanced_unit(ldtt: int, count: int = 10, discipline: str | None = None):
    members = [member("HTTNV", "LDTT") for _ in range(ldtt)] + [member("HTNV") for _ in range(count - ldtt)]
    if discipline:
        members[-1] = member("HTNV", discipline=discipline)
    return unit(ratings={YEAR: "HTTNV"}, members=tuple(members))


def test_r6_is_marked_historical_and_needs_the_offices_check_before_eligible(ruleset):
    result = run(advanced_unit(6), "TTLDTT")
    assert result.verdict == "needs_review"
    assert all(r.confidence == "historical" for r in conditions(result, "R6"))
    assert all("[quy định cũ" in r.condition for r in conditions(result, "R6"))
    confirmed = with_params(ruleset, "R6", confirmed=True)
    assert run(advanced_unit(6), "TTLDTT", ruleset=confirmed).verdict == "eligible"


def test_r6_more_than_half_is_strict(ruleset):
    confirmed = with_params(ruleset, "R6", confirmed=True)
    assert run(advanced_unit(5), "TTLDTT", ruleset=confirmed).verdict == "not_eligible"
    assert run(advanced_unit(6), "TTLDTT", ruleset=confirmed).verdict == "eligible"


def test_r6_a_member_disciplined_with_a_warning_or_worse_fails(ruleset):
    confirmed = with_params(ruleset, "R6", confirmed=True)
    assert run(advanced_unit(7, discipline="canh_cao"), "TTLDTT", ruleset=confirmed).verdict == "not_eligible"
    assert run(advanced_unit(7, discipline="khien_trach"), "TTLDTT", ruleset=confirmed).verdict == "eligible"


# --- R7 Bằng khen cấp Bộ, tỉnh -----------------------------------------------------------------
def test_r7_two_consecutive_cstdcs_awarded():
    candidate = person(ratings={2025: "HTXSNV", YEAR: "HTXSNV"}, awards=(award("CSTDCS", 2025), award("CSTDCS", 2026)))
    result = run(candidate, "BK_TINH")
    assert result.verdict == "eligible"
    assert result.route == "province_chairman"
    assert run(candidate, "BK_BO").route == "minister"


@pytest.mark.parametrize("code", ["BK_TINH", "BK_BO"])
def test_r7_this_years_cstdcs_met_but_not_decided_needs_review_and_names_the_decision(code):
    candidate = person(ratings={2025: "HTXSNV", YEAR: "HTXSNV"}, awards=(award("CSTDCS", 2025),))
    result = run(candidate, code)
    assert result.verdict == "needs_review"
    (titles,) = [r for r in conditions(result, "R7") if r.condition.startswith("02 lần liên tục")]
    assert titles.passed is None
    assert "CSTDCS năm 2026 đạt tiêu chuẩn, chưa có quyết định công nhận" in titles.condition


def test_r7_two_excellent_years_with_two_initiatives():
    two = (initiative(2025), initiative(2026))
    candidate = person(ratings={2025: "HTXSNV", YEAR: "HTXSNV"}, initiatives=two, participates_in_movement=False)
    assert run(candidate, "BK_TINH").verdict == "eligible"  # path b: CSTĐCS 2026 fails, the works path holds
    one = person(ratings={2025: "HTXSNV", YEAR: "HTXSNV"}, initiatives=two[:1], participates_in_movement=False)
    assert run(one, "BK_TINH").verdict == "needs_review"  # only points a–c (not found) remain


def test_r7_without_the_manual_alternatives_a_failed_candidate_is_not_eligible(ruleset):
    changed = with_params(ruleset, "R7", params={"manual_alternatives": False})
    assert run(person(ratings={YEAR: "HTTNV"}), "BK_TINH", ruleset=changed).verdict == "not_eligible"


def test_r7_years_rewarded_by_an_earlier_bang_khen_and_sudden_awards_do_not_count(ruleset):
    changed = with_params(ruleset, "R7", params={"manual_alternatives": False})
    earlier = person(ratings={YEAR: "HTXSNV"}, awards=(award("CSTDCS", 2025), award("BK_TINH", 2025)))
    assert run(earlier, "BK_TINH", ruleset=changed).verdict == "not_eligible"
    sudden = person(ratings={YEAR: "HTXSNV"}, awards=(award("CSTDCS", 2025, kind="dot_xuat"),))
    assert run(sudden, "BK_TINH", ruleset=changed).verdict == "not_eligible"


def test_r7_collective_criteria_were_not_found_and_are_judged():
    result = run(unit(ratings={YEAR: "HTXSNV"}), "BK_TINH")
    assert result.verdict == "needs_review"


# --- R8 Bằng khen Thủ tướng -----------------------------------------------------------------
def ttg_candidate(**changes):
    values = {
        "ratings": {y: "HTTNV" for y in range(2022, 2027)},
        "awards": (award("BK_TINH", 2021), award("CSTDCS", 2023), award("CSTDCS", 2024), award("CSTDCS", 2025)),
    }
    return person(**(values | changes))


def test_r8_prior_bang_khen_five_good_years_and_three_cstdcs():
    assert run(ttg_candidate(), "BK_TTG").verdict == "eligible"


def test_r8_a_gap_in_the_five_years_fails():
    gap = ttg_candidate(ratings={y: ("HTNV" if y == 2023 else "HTTNV") for y in range(2022, 2027)})
    result = run(gap, "BK_TTG")
    assert result.verdict == "not_eligible"
    assert "không đạt các năm: 2023" in conditions(result, "R8")[1].condition


def test_r8_this_years_cstdcs_met_but_not_decided_needs_review_and_names_the_decision():
    awards = (award("BK_TINH", 2021), award("CSTDCS", 2023), award("CSTDCS", 2024))
    result = run(ttg_candidate(awards=awards), "BK_TTG")
    assert result.verdict == "not_eligible"
    assert conditions(result, "R8")[2].condition.endswith("; Chưa đạt tiêu chuẩn CSTDCS năm 2026")
    excellent = {y: "HTTNV" for y in range(2022, 2026)} | {YEAR: "HTXSNV"}
    result = run(ttg_candidate(awards=awards, ratings=excellent), "BK_TTG")
    assert result.verdict == "needs_review"
    titles = conditions(result, "R8")[2]
    assert (titles.condition, titles.passed) == (
        "Ít nhất 3 lần CSTDCS trong 2022–2026: đã được tặng 2023, 2024; "
        "CSTDCS năm 2026 đạt tiêu chuẩn, chưa có quyết định công nhận",
        None,
    )
    decided = (*awards, award("CSTDCS", YEAR))
    assert run(ttg_candidate(awards=decided, ratings=excellent), "BK_TTG").verdict == "eligible"


def test_r8_thematic_cstdcs_and_a_missing_or_too_recent_bang_khen_fail():
    thematic = (
        award("BK_TINH", 2021),
        award("CSTDCS", 2023),
        award("CSTDCS", 2024, kind="chuyen_de"),
        award("CSTDCS", 2025),
    )
    assert run(ttg_candidate(awards=thematic), "BK_TTG").verdict == "not_eligible"
    assert run(ttg_candidate(awards=ttg_candidate().awards[1:]), "BK_TTG").verdict == "not_eligible"
    recent = (award("BK_TINH", 2023),) + ttg_candidate().awards[1:]
    assert run(ttg_candidate(awards=recent), "BK_TTG").verdict == "not_eligible"


# --- R9 Giấy khen, R20–R21 Cờ thi đua -------------------------------------------------------
def test_r9_giay_khen_follows_the_provincial_regulation_and_needs_review():
    result = run(person(ratings={YEAR: "HTXSNV"}), "GK")
    assert result.verdict == "needs_review"
    assert result.route == "director"


@pytest.mark.parametrize("code", ["CO_TINH", "CO_CP"])
def test_r20_r21_flags_say_their_text_was_not_found(code):
    result = run(unit(ratings={YEAR: "HTXSNV"}), code)
    assert result.verdict == "needs_review"
    assert all(
        "[chưa tìm thấy văn bản; cấu hình được]" in r.condition for r in result.reasons if r.rule in ("R20", "R21")
    )


# --- R10 one achievement, one reward ---------------------------------------------------------
def test_r10_the_same_title_for_the_same_year_is_refused():
    result = run(person(ratings={YEAR: "HTTNV"}, awards=(award("LDTT", YEAR, decision="QĐ 15/QĐ-STP"),)), "LDTT")
    assert result.verdict == "not_eligible"
    assert failed(result) == ["R10"]
    assert "QĐ 15/QĐ-STP" in conditions(result, "R10")[0].condition


def test_r10_a_second_form_for_the_same_years_achievement_is_refused():
    candidate = person(ratings={2025: "HTXSNV", YEAR: "HTXSNV"}, awards=(award("CSTDCS", 2025), award("GK", YEAR)))
    result = run(candidate, "BK_TINH")
    assert result.verdict == "not_eligible"
    assert failed(result) == ["R10"]


def test_r10_a_different_achievement_may_receive_the_same_form():
    sudden = person(
        ratings={2025: "HTXSNV", YEAR: "HTXSNV"},
        awards=(award("CSTDCS", 2025), award("CSTDCS", YEAR), award("GK", YEAR, kind="dot_xuat")),
    )
    assert run(sudden, "BK_TINH").verdict == "eligible"
    assert run(person(ratings={YEAR: "HTTNV"}, awards=(award("LDTT", 2025),)), "LDTT").verdict == "eligible"


# --- R12 pending discipline, investigation, complaint ---------------------------------------
@pytest.mark.parametrize("flag", ["pending_discipline", "under_investigation", "unresolved_complaint"])
def test_r12_a_pending_matter_blocks_every_award(flag):
    blocked = person(ratings={YEAR: "HTXSNV"}, **{flag: True})
    for code in ("LDTT", "CSTDCS", "GK"):
        result = run(blocked, code)
        assert result.verdict == "not_eligible"
        assert failed(result) == ["R12"]


# --- R13–R19: proposals, decisions, council, documents ---------------------------------------
def test_r13_dossier_of_titles_forms_and_the_simplified_procedure(ruleset):
    rule = ruleset.rules["R13"]
    assert procedure.required_documents(rule, "LDTT") == ["to_trinh", "bao_cao_thanh_tich", "bien_ban_binh_xet"]
    assert "chung_nhan_sang_kien" in procedure.required_documents(rule, "CSTDCS")
    assert procedure.required_documents(rule, "GK")[-1] == "bien_ban_xet_khen_thuong"
    assert procedure.missing_documents(rule, "CSTDCS", ["to_trinh", "bao_cao_thanh_tich"]) == [
        "bien_ban_binh_xet",
        "chung_nhan_sang_kien",
    ]
    simplified = procedure.required_documents(rule, "GK", simplified_case="sudden_achievement")
    assert simplified == ["to_trinh", "bao_cao_tom_tat_thanh_tich"]
    with pytest.raises(ValueError, match="thủ tục đơn giản"):
        procedure.required_documents(rule, "GK", simplified_case="yearly_review")


def test_r14_revocation_triggers(ruleset):
    rule = ruleset.rules["R14"]
    assert procedure.revocation_grounds(rule, ["false_dossier", "late_report"]) == ["false_dossier"]
    assert procedure.revocation_grounds(rule, []) == []


def test_r15_commemorative_medal_once_per_person_and_configurable_years(ruleset):
    rule = ruleset.rules["R15"]
    first = procedure.commemorative_medal(rule, already_received=False, service_years=12)
    assert [r.passed for r in first] == [True, None]  # the threshold was not found
    assert procedure.commemorative_medal(rule, already_received=True, service_years=12)[0].passed is False
    set_years = dataclasses.replace(rule, params=rule.params | {"min_service_years": 15})
    assert procedure.commemorative_medal(set_years, already_received=False, service_years=12)[1].passed is False


def test_r16_amount_is_multiple_times_base_salary(ruleset):
    base = Decimal("2340000")
    assert procedure.cash_amount(ruleset.awards["CSTDCS"].cash_multiple, base) == Decimal("2340000")
    assert procedure.cash_amount(ruleset.awards["LDTT"].cash_multiple, base) == Decimal("702000")
    assert procedure.cash_amount(ruleset.awards["CO_CP"].cash_multiple, base) == Decimal("28080000")
    assert procedure.cash_amount(ruleset.awards["GK"].cash_multiple, base) is None  # not found: office enters it


def test_r17_council_thresholds_are_shares_of_all_members(ruleset):
    rule = ruleset.rules["R17"]
    assert procedure.council_vote(rule, "LDTT", members=9, present=9, yes=5).passed
    assert not procedure.council_vote(rule, "LDTT", members=9, present=9, yes=4).passed
    assert not procedure.council_vote(rule, "LDTT", members=9, present=5, yes=5).quorum_met
    cstd = procedure.council_vote(rule, "CSTD_TINH", members=9, present=9, yes=8)
    assert (cstd.passed, cstd.needed, cstd.secret_ballot) == (False, 9, True)
    changed = dataclasses.replace(rule, params=rule.params | {"pass_share_by_award": {"CSTD_TINH": "0.7"}})
    assert procedure.council_vote(changed, "CSTD_TINH", members=10, present=10, yes=7).passed


def test_r18_numbers_and_the_layout_checker_on_a_generated_decision(ruleset):
    from docx.shared import Mm

    from tests.documents.layout import nd30_problems
    from tests.documents.test_nd30 import mutate
    from thidua.documents.nd30 import OfficialDocument

    rule = ruleset.rules["R18"]
    assert procedure.document_number_ok(rule, "05/QĐ-STP")
    assert not procedure.document_number_ok(rule, "5/QĐ-STP")
    assert not procedure.document_number_ok(rule, "05/qđ-stp")
    doc = OfficialDocument(
        agency_parent="UBND tỉnh Tuyên Quang",
        agency="Sở Tư pháp",
        number_symbol="05/QĐ-STP",
        place="Tuyên Quang",
        date_parts=(8, 1, 2027),
        doc_type="Quyết định",
        summary="Về việc tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2026",
    )
    doc.paragraph("Tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2026 cho 01 cá nhân có tên sau:")
    doc.signature("", "Giám đốc", "Nguyễn Khánh Lâm", ["Như Điều 3", "- Lưu: VT, VP."])
    data = doc.to_bytes()
    assert nd30_problems(data, doc_type="Quyết định") == []

    def narrow_left(d):
        d.sections[0].left_margin = Mm(20)

    assert any("left margin" in p for p in nd30_problems(mutate(data, narrow_left), doc_type="Quyết định"))


def test_r19_the_director_decides_four_awards_the_rest_go_up(ruleset):
    routes = {code: a.route for code, a in ruleset.awards.items()}
    assert {c for c, r in routes.items() if r == "director"} == {"LDTT", "CSTDCS", "TTLDTT", "GK"}
    assert routes["BK_BO"] == "minister"
    assert {c for c, r in routes.items() if r == "province_chairman"} == {
        "CSTD_TINH",
        "CSTD_TQ",
        "TTLDXS",
        "CO_TINH",
        "CO_CP",
        "BK_TINH",
        "BK_TTG",
    }
    assert procedure.decided_here(ruleset.awards["TTLDTT"]) and not procedure.decided_here(ruleset.awards["TTLDXS"])


# --- the verdict as a whole -------------------------------------------------------------------
def test_every_title_and_form_of_the_subjects_kind_when_awards_are_not_named(ruleset):
    from thidua.commendation.eligibility.engine import evaluate
    from thidua.commendation.eligibility.facts import EvaluationRequest

    results = evaluate(EvaluationRequest(YEAR, (person(), unit())), ruleset)
    by_subject = {(r.subject, r.award) for r in results}
    assert {a for s, a in by_subject if s == "p1"} == {
        "LDTT",
        "CSTDCS",
        "CSTD_TINH",
        "CSTD_TQ",
        "GK",
        "BK_TINH",
        "BK_BO",
        "BK_TTG",
    }
    assert {a for s, a in by_subject if s == "u1"} == {
        "TTLDTT",
        "TTLDXS",
        "CO_TINH",
        "CO_CP",
        "GK",
        "BK_TINH",
        "BK_BO",
        "BK_TTG",
    }


def test_a_rule_no_longer_in_force_leaves_its_award_to_people(ruleset):
    rules = {code: rule for code, rule in ruleset.rules.items() if code != "R1"}
    result = run(person(ratings={YEAR: "HTTNV"}), "LDTT", ruleset=RuleSet(rules, ruleset.awards))
    assert result.verdict == "needs_review"


def test_caps_are_warnings_with_the_figures(ruleset):
    from thidua.commendation.eligibility.engine import cap_warnings, evaluate
    from thidua.commendation.eligibility.facts import EvaluationRequest

    people = tuple(person(id=f"p{i}", ratings={YEAR: "HTXSNV" if i < 3 else "HTTNV"}) for i in range(10))
    results = evaluate(EvaluationRequest(YEAR, people, ("LDTT", "CSTDCS")), ruleset)
    assert cap_warnings(results, ruleset) == []
    historical = with_params(ruleset, "R2", params={"cap_share_of_ldtt": "0.15"})
    assert cap_warnings(results, historical) == [
        "CSTDCS: 3 đủ điều kiện, vượt tỷ lệ 0.15 số LDTT (tối đa 1; chỉ cảnh báo)."
    ]
    capped = RuleSet(
        ruleset.rules, ruleset.awards | {"LDTT": dataclasses.replace(ruleset.awards["LDTT"], yearly_cap=8)}
    )
    assert cap_warnings(results, capped) == ["LDTT: 10 đủ điều kiện, vượt giới hạn 8 mỗi năm (chỉ cảnh báo)."]


def test_r17_default_quorum_is_two_thirds_of_members(ruleset):
    rule = ruleset.rules["R17"]
    assert rule.params["quorum_share"] == "2/3"
    assert procedure.council_vote(rule, "LDTT", members=6, present=4, yes=4).quorum_met
    assert procedure.council_vote(rule, "LDTT", members=3, present=2, yes=2).quorum_met
    assert not procedure.council_vote(rule, "LDTT", members=6, present=3, yes=3).quorum_met
