"""The engine on the database: facts loaded for many subjects in a fixed number of
queries, `evaluate_subjects` for other parts of the application, and the office's pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory
from thidua.commendation import services
from thidua.commendation.eligibility.loading import evaluate_subjects, subject_key
from thidua.commendation.models import AwardType

pytestmark = pytest.mark.django_db
YEAR = 2026
TODAY = datetime.date(2026, 12, 15)


def rate(subject, *pairs, movement=True, unity=None):
    for year, rating in pairs:
        services.set_rating(
            actor=None,
            subject=subject,
            year=year,
            rating=rating,
            participates_in_movement=movement,
            internal_unity=unity,
        )


def give(subject, code, year, kind="cong_trang", key=""):
    return services.record_award(
        actor=None,
        subject=subject,
        code=code,
        year=year,
        kind=kind,
        decision_number=f"{year - 2000:02d}/QĐ-STP",
        achievement_key_text=key,
    )


def verdicts(results, subject) -> dict[str, str]:
    return {r.award: r.verdict for r in results if r.subject == subject_key(subject)}


def test_a_persons_record_is_judged_from_the_database(org):
    staff = org.people.staff_a
    rate(staff, (2024, "HTXSNV"), (2025, "HTXSNV"), (2026, "HTXSNV"))
    give(staff, "CSTDCS", 2024)
    give(staff, "CSTDCS", 2025)
    results = evaluate_subjects(YEAR, [staff], on=TODAY)
    found = verdicts(results, staff)
    # CSTĐCS 2026 is met but no decision has awarded it yet: the Bằng khen waits for it.
    assert (found["LDTT"], found["CSTDCS"], found["BK_TINH"]) == ("eligible", "eligible", "needs_review")
    assert found["CSTD_TINH"] == "not_eligible"  # no provincial initiative
    cstd = next(r for r in results if r.award == "CSTD_TINH")
    assert [r.passed for r in cstd.reasons[:3]] == [True, True, None]
    assert "CSTDCS năm 2026 đạt tiêu chuẩn, chưa có quyết định công nhận" in cstd.reasons[2].condition

    give(staff, "CSTDCS", 2026)  # the register now holds the decision
    results = evaluate_subjects(YEAR, [staff], on=TODAY)
    assert verdicts(results, staff)["BK_TINH"] == "eligible"
    cstd = next(r for r in results if r.award == "CSTD_TINH")
    assert [r.passed for r in cstd.reasons[:3]] == [True, True, True]
    assert cstd.reasons[2].condition == "Đã được tặng CSTDCS năm 2026 (QĐ 26/QĐ-STP)"


def test_a_thematic_award_in_the_database_does_not_count(org):
    staff = org.people.staff_a
    rate(staff, (2025, "HTXSNV"), (2026, "HTTNV"))
    give(staff, "CSTDCS", 2025, kind="chuyen_de")
    (result,) = evaluate_subjects(YEAR, [staff], awards=["BK_TINH"], on=TODAY)
    assert "CSTDCS năm 2025 là khen thưởng «chuyen_de»: không được tính làm căn cứ (R11)" in result.summary
    assert result.reasons[0].passed is False


def test_an_active_hold_blocks_and_an_ended_one_does_not(org):
    staff = org.people.staff_b
    rate(staff, (2026, "HTXSNV"))
    flag = services.save_hold(actor=None, subject=staff, kind="discipline", from_date=datetime.date(2026, 11, 1))
    assert verdicts(evaluate_subjects(YEAR, [staff], on=TODAY), staff)["LDTT"] == "not_eligible"
    services.save_hold(
        actor=None,
        subject=staff,
        kind="discipline",
        from_date=flag.from_date,
        to_date=datetime.date(2026, 12, 1),
        flag=flag,
    )
    assert verdicts(evaluate_subjects(YEAR, [staff], on=TODAY), staff)["LDTT"] == "eligible"


def test_a_unit_is_judged_with_its_members(org):
    unit = org.units.a
    members = [org.people.head_a, org.people.staff_a, *PersonFactory.create_batch(8, unit=unit)]
    rate(unit, (2026, "HTXSNV"), unity=True)
    for index, person in enumerate(members):
        rate(person, (2026, "HTTNV"))
        if index < 7:
            give(person, "LDTT", 2026)
    give(members[0], "CSTDCS", 2026)
    result = next(r for r in evaluate_subjects(YEAR, [unit], awards=["TTLDXS"], on=TODAY))
    assert result.verdict == "eligible"
    assert "7/10 (70%)" in result.summary
    give(members[7], "CSTDCS", 2025)  # another year's title is not this year's
    services.record_discipline(
        actor=None, person=members[9], form="canh_cao", date=datetime.date(2026, 4, 1), text="Vi phạm"
    )
    ttldtt = next(r for r in evaluate_subjects(YEAR, [unit], awards=["TTLDTT"], on=TODAY))
    assert ttldtt.verdict == "not_eligible"
    assert any("Cảnh cáo" in r.condition or "canh_cao" in r.condition for r in ttldtt.reasons if r.passed is False)


def test_a_recognised_initiative_of_the_initiatives_app_counts(org):
    from thidua.initiatives.models import Authorship, Initiative
    from thidua.plans.loading import load_plan

    plan, _ = load_plan()
    staff = org.people.staff_a
    rate(staff, (2026, "HTTNV"))
    assert verdicts(evaluate_subjects(YEAR, [staff], on=TODAY), staff)["CSTDCS"] == "not_eligible"
    initiative = Initiative.objects.create(
        title="Số hóa hồ sơ lý lịch tư pháp",
        unit=org.units.a,
        content_area=plan.content_areas.first(),
        problem="…",
        solution="…",
        novelty="…",
        state="recognised",
        scope="co_so",
        decision_number="215/QĐ-STP",
        decision_date=datetime.date(2026, 10, 20),
    )
    Authorship.objects.create(initiative=initiative, person=staff, share=100)
    assert verdicts(evaluate_subjects(YEAR, [staff], on=TODAY), staff)["CSTDCS"] == "eligible"


def test_the_whole_department_is_judged_in_a_fixed_number_of_queries(org):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            evaluate_subjects(YEAR, on=TODAY)
        return len(ctx.captured_queries)

    rate(org.units.a, (2026, "HTXSNV"))
    before = count()
    for person in PersonFactory.create_batch(30, unit=org.units.b):
        rate(person, (2025, "HTTNV"), (2026, "HTXSNV"))
        give(person, "LDTT", 2025)
    services.save_hold(actor=None, subject=org.people.staff_b, kind="complaint", from_date=TODAY)
    assert count() == before


# --- the office's pages ----------------------------------------------------------------------
def page(client, **params):
    return client.get(reverse("eligibility"), {"year": YEAR} | params)


def test_office_sees_every_persons_and_units_verdicts(org, client_for):
    rate(org.people.staff_a, (2026, "HTXSNV"))
    response = page(client_for(org.users.officer))
    body = response.content.decode()
    people = body.split('data-testid="people-verdicts"')[1].split("</table>")[0]
    units = body.split('data-testid="unit-verdicts"')[1].split("</table>")[0]
    assert "Đặng Thị Hương" in people and "Triệu Thị Mai" in people
    assert "Phòng Phổ biến, giáo dục pháp luật" in units and "Đặng Thị Hương" not in units
    assert people.index("Danh hiệu thi đua") < people.index("Hình thức khen thưởng")
    assert "Đủ điều kiện" in people


@pytest.mark.parametrize("persona", ["head_a", "staff_a", "councillor"])
def test_the_eligibility_pages_are_for_the_office(org, client_for, persona):
    client = client_for(getattr(org.users, persona))
    assert page(client).status_code == 403
    url = reverse("eligibility_subject", args=["ca-nhan", org.people.staff_a.pk])
    assert client.get(url).status_code == 403


def test_filters_by_award_verdict_unit_and_name(org, client_for):
    rate(org.people.staff_a, (2026, "HTXSNV"))
    rate(org.people.staff_b, (2026, "HTNV"))
    client = client_for(org.users.officer)
    eligible = page(client, award="LDTT", verdict="eligible").context["people_page"]
    assert [row["subject"] for row in eligible] == [org.people.staff_a]
    in_b = page(client, unit=org.units.b.pk).context["people_page"]
    assert {row["subject"] for row in in_b} == {org.people.head_b, org.people.staff_b}
    assert [row["subject"] for row in page(client, q="huong").context["people_page"]] == [org.people.staff_a]


def test_one_subjects_reasoning_shows_each_condition(org, client_for):
    staff = org.people.staff_a
    rate(staff, (2026, "HTTNV"))
    url = reverse("eligibility_subject", args=["ca-nhan", staff.pk])
    body = client_for(org.users.officer).get(url, {"year": YEAR}).content.decode()
    cstdcs = body.split('data-testid="result-CSTDCS"')[1].split("</section>")[0]
    assert "Đạt tiêu chuẩn LDTT năm 2026" in cstdcs and "Xếp loại HTXSNV năm 2026" in cstdcs
    assert "Không đủ điều kiện" in cstdcs and "Giám đốc Sở quyết định" in cstdcs
    assert body.index("result-CSTD_TQ") < body.index("result-GK")  # titles, then forms


def test_a_cap_exceeded_is_a_warning_with_the_figures(org, client_for):
    AwardType.objects.filter(code="LDTT").update(yearly_cap=1)
    for person in (org.people.staff_a, org.people.staff_b):
        rate(person, (2026, "HTTNV"))
    body = page(client_for(org.users.officer)).content.decode()
    assert "LDTT: 2 đủ điều kiện, vượt giới hạn 1 mỗi năm (chỉ cảnh báo)." in body


def test_the_page_runs_a_fixed_number_of_queries(org, client_for):
    client = client_for(org.users.officer)
    page(client)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert page(client).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for person in PersonFactory.create_batch(30, unit=org.units.a):
        rate(person, (2026, "HTTNV"))
        give(person, "LDTT", 2025)
    assert count() == before
