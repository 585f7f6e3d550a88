"""The scoring sheet and its scores: the office's points and thresholds, self-assessment
with links to results, council scores (one per member, never one's own unit), and the
ranking with its classification."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.evaluation.conftest import assess, score
from thidua.core.models import ActivityLog
from thidua.evaluation import services
from thidua.evaluation.models import CouncilScore, SelfAssessment
from thidua.evaluation.ranking import ranking
from thidua.plans.enums import SubjectKind

pytestmark = pytest.mark.django_db


def test_a_new_sheet_shares_100_points_among_each_kind_of_criterion(sheet, unit_items, person_items):
    assert [i.max_points for i in unit_items] == [Decimal(20)] * 5
    # One criterion for each kind of person (III.1.2): each is a person's whole 100.
    assert [i.max_points for i in person_items] == [Decimal(100)] * 2
    assert ActivityLog.objects.filter(action="created").count() >= 8


def test_a_sheet_is_opened_once_a_year_by_the_office_only(org, plan, sheet):
    with pytest.raises(ValidationError, match="Đã có bảng chấm điểm năm 2026"):
        services.create_sheet(actor=org.users.officer, plan=plan, year=2026)
    with pytest.raises(ValidationError, match="Năm 2031 nằm ngoài kế hoạch"):
        services.create_sheet(actor=org.users.officer, plan=plan, year=2031)
    with pytest.raises(PermissionDenied):
        services.create_sheet(actor=org.users.head_a, plan=plan, year=2027)


def test_points_cannot_fall_below_a_score_already_given(org, sheet, unit_items):
    assess(org.users.head_a, sheet, org.units.a, unit_items, 18)
    with pytest.raises(ValidationError) as refused:
        services.set_points(actor=org.users.officer, sheet=sheet, points={unit_items[0].pk: Decimal(15)})
    assert "Đã có điểm 18 ở tiêu chí này" in str(refused.value)
    unit_items[0].refresh_from_db()
    assert unit_items[0].max_points == 20


def test_thresholds_must_fall_from_excellent_to_passed(org, sheet):
    with pytest.raises(ValidationError, match="Các ngưỡng phải giảm dần"):
        services.set_points(
            actor=org.users.officer, sheet=sheet, points={}, excellent_from=Decimal(60), good_from=Decimal(70)
        )


def test_a_self_score_above_the_most_points_is_refused_and_nothing_is_saved(org, sheet, unit_items):
    with pytest.raises(ValidationError) as refused:
        assess(org.users.head_a, sheet, org.units.a, unit_items, 15, 25)
    assert refused.value.message_dict == {
        f"score_{unit_items[1].pk}": [
            "Điểm 25 vượt quá điểm tối đa 20 của tiêu chí «Phối hợp phát triển theo chuỗi giá trị, tăng trưởng xanh». "
            "Hãy nhập từ 0 đến 20."
        ]
    }
    assert not SelfAssessment.objects.exists()


def test_a_unit_assesses_itself_only_through_its_own_head(org, sheet, unit_items):
    with pytest.raises(PermissionDenied, match="Chỉ thủ trưởng «Phòng Phổ biến"):
        assess(org.users.head_b, sheet, org.units.a, unit_items, 10)
    with pytest.raises(PermissionDenied):
        assess(org.users.staff_a, sheet, org.units.a, unit_items, 10)
    assert not SelfAssessment.objects.exists()


def test_a_self_assessment_links_the_subjects_own_results(org, sheet, unit_items, unit_result, other_unit_result):
    (row,) = assess(org.users.head_a, sheet, org.units.a, unit_items, 17, results=[unit_result.pk])
    assert list(row.results.all()) == [unit_result]
    with pytest.raises(ValidationError, match="Chỉ gắn được kết quả đã gửi của chính đối tượng"):
        assess(org.users.head_a, sheet, org.units.a, unit_items, 17, results=[other_unit_result.pk])
    assert list(row.results.all()) == [unit_result]
    assert ActivityLog.objects.filter(object_id=str(row.pk), changes__has_key="results").exists()


def test_a_person_assesses_themselves_with_individual_criteria_only(org, sheet, person_items, unit_items):
    assess(org.users.staff_a, sheet, org.people.staff_a, person_items, 40)
    assert SelfAssessment.objects.filter(person=org.people.staff_a).count() == 1
    with pytest.raises(ValidationError, match="không dùng để chấm"):
        assess(org.users.staff_a, sheet, org.people.staff_a, unit_items, 10)
    with pytest.raises(PermissionDenied):
        assess(org.users.staff_a, sheet, org.people.head_a, person_items, 10)


def test_an_empty_score_removes_a_stored_one(org, sheet, unit_items):
    assess(org.users.head_a, sheet, org.units.a, unit_items, 12)
    assess(org.users.head_a, sheet, org.units.a, unit_items, None)
    assert not SelfAssessment.objects.exists()
    assert ActivityLog.objects.filter(action="deleted").count() == 1


def test_one_score_per_member_subject_and_criterion(org, sheet, unit_items):
    score(org.users.director, sheet, org.units.a, unit_items, 15)
    score(org.users.director, sheet, org.units.a, unit_items, 16)
    assert list(CouncilScore.objects.values_list("score", flat=True)) == [Decimal(16)]
    changed = ActivityLog.objects.filter(action="changed").get()
    assert changed.changes["score"] == ["15.00", "16.00"]


def test_a_council_member_never_scores_their_own_unit_or_its_people(org, sheet, unit_items, person_items):
    with pytest.raises(PermissionDenied, match="không chấm điểm đơn vị của mình \\(«Văn phòng Sở»\\)"):
        score(org.users.councillor, sheet, org.units.office, unit_items, 15)
    with pytest.raises(PermissionDenied, match="Văn phòng Sở"):
        score(org.users.councillor, sheet, org.people.officer, person_items, 40)
    assert not CouncilScore.objects.exists()


def test_only_council_members_score(org, sheet, unit_items):
    with pytest.raises(PermissionDenied, match="Chỉ thành viên Hội đồng"):
        score(org.users.officer, sheet, org.units.a, unit_items, 15)


def test_a_council_score_above_the_most_points_is_refused(org, sheet, unit_items):
    with pytest.raises(ValidationError, match="Điểm 20,5 vượt quá điểm tối đa 20"):
        score(org.users.director, sheet, org.units.a, unit_items, "20.5")
    assert not CouncilScore.objects.exists()


def test_the_ranking_averages_members_sums_criteria_and_classifies(org, sheet, unit_items):
    assess(org.users.head_a, sheet, org.units.a, unit_items, 20, 20, 20, 20, 19)
    score(org.users.director, sheet, org.units.a, unit_items, 18, 18, 18, 18, 18)  # 90
    score(org.users.councillor, sheet, org.units.a, unit_items, 20, 20, 20, 20, 20)  # 100 → mean 95
    score(org.users.director, sheet, org.units.b, unit_items, 14, 14, 14, 14, 14)  # 70
    score(org.users.councillor, sheet, org.units.b, unit_items, 14, 14, 14, 14)  # criterion 5 by one only
    result = ranking(sheet, SubjectKind.COLLECTIVE)
    rows = {row.subject.code: row for row in result.rows}
    assert rows["PBGD"].max_total == 100
    assert (rows["PBGD"].rank, rows["PBGD"].council_total, rows["PBGD"].self_total) == (1, Decimal(95), Decimal(99))
    assert (rows["PBGD"].classification_label, rows["PBGD"].members) == ("Xuất sắc", 2)
    # One member left criterion 5 unscored: one full scoring, below the quorum of two.
    assert (rows["TGPL"].rank, rows["TGPL"].council_total, rows["TGPL"].members) == (None, Decimal(70), 1)
    assert rows["TGPL"].missing == ["Bùi Quang Long"]
    assert (rows["VP"].rank, rows["VP"].council_total, rows["VP"].classification) == (None, None, None)
    assert [row.subject.code for row in result.rows] == ["PBGD", "TGPL", "VP"]


def test_equal_totals_share_a_rank_and_thresholds_are_settings(org, sheet, unit_items):
    services.set_points(actor=org.users.officer, sheet=sheet, points={}, quorum=1)
    sheet.refresh_from_db()
    score(org.users.director, sheet, org.units.a, unit_items, 12, 12, 12, 12, 12)
    score(org.users.director, sheet, org.units.b, unit_items, 12, 12, 12, 12, 12)
    score(org.users.director, sheet, org.units.office, unit_items, 5, 5, 5, 5, 5)
    rows = ranking(sheet, SubjectKind.COLLECTIVE).rows
    assert [(r.rank, r.classification_label) for r in rows] == [(1, "Đạt"), (1, "Đạt"), (3, "Chưa đạt")]
    services.set_points(
        actor=org.users.officer,
        sheet=sheet,
        points={},
        excellent_from=Decimal(80),
        good_from=Decimal(55),
        pass_from=Decimal(20),
    )
    sheet.refresh_from_db()
    rows = ranking(sheet, SubjectKind.COLLECTIVE).rows
    assert [r.classification_label for r in rows] == ["Tốt", "Tốt", "Đạt"]


def test_people_are_ranked_when_they_have_a_score(org, sheet, person_items):
    assess(org.users.staff_a, sheet, org.people.staff_a, person_items, 85)
    score(org.users.director, sheet, org.people.staff_a, person_items, 84)
    score(org.users.councillor, sheet, org.people.staff_a, person_items, 80)
    rows = ranking(sheet, SubjectKind.INDIVIDUAL).rows
    assert [(r.subject, r.council_total, r.percent, r.classification_label) for r in rows] == [
        (org.people.staff_a, Decimal(82), Decimal(82), "Tốt")
    ]
