"""A review the office can present: each figure against the target of the review year
(never "progress" for a missed target), the ranking, awards by level, initiatives
recognised and replicated, self-inspection findings and difficulties frozen with it,
the office's results, shortcomings and lessons in the document, the mid-term lessons on
the final review, and a review frozen before these sections still shown."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from docx import Document

from tests.reviews.conftest import phase, record
from thidua.commendation.services import record_award
from thidua.core.codes import State
from thidua.difficulties.models import Difficulty
from thidua.evaluation import services as evaluation
from thidua.evaluation.models import CouncilScore
from thidua.indicators.models import IndicatorTarget
from thidua.initiatives.models import Adoption
from thidua.inspections.enums import Severity
from thidua.inspections.models import Finding, FollowUpAction, InspectionPlan, UnitChecklist
from thidua.plans.enums import ReviewKind, SubjectKind
from thidua.reviews import sections, services
from thidua.reviews.comparison import compare
from thidua.reviews.models import Review
from thidua.reviews.review_report_docx import ReviewReportDocx

pytestmark = pytest.mark.django_db
BEFORE_REVIEW = datetime.datetime(2027, 3, 1, 9, 0)


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# --- against the target -------------------------------------------------------------------
def test_a_missed_target_is_never_progress(org, plan, client_for, review, values, share, pages, after_review):
    IndicatorTarget.objects.create(indicator=share, year=2027, value=Decimal(95))  # 94 frozen: missed
    IndicatorTarget.objects.create(indicator=pages, year=2027, value=Decimal(15000))  # 14.000 frozen: reached
    services.freeze_review(actor=org.users.officer, review=review)
    lines = {line.indicator.code: line for line in compare(plan).indicators}
    share_step, pages_step = lines["KY-SO"].mid_term, lines["TRANG-IN"].mid_term
    assert (share_step.better, share_step.target, share_step.reached) == (True, Decimal(95), False)
    assert share_step.verdict == "Tăng so với năm gốc, chưa đạt chỉ tiêu"
    assert (pages_step.reached, pages_step.verdict) == (True, "Giảm so với năm gốc, đạt chỉ tiêu")
    page = client_for(org.users.staff_a).get(reverse("reviews_comparison")).content.decode()
    assert 'data-testid="verdict">Tăng so với năm gốc, chưa đạt chỉ tiêu</span>' in page
    assert "chỉ tiêu 95" in page and "tiến bộ" not in page.lower()
    review.refresh_from_db()
    text = _text(ReviewReportDocx(review, compare(plan), []).render())
    assert "Chỉ tiêu năm 2027" in text and "Tăng so với năm gốc, chưa đạt chỉ tiêu" in text
    assert "Tiến bộ" not in text


def test_the_final_figure_is_read_from_the_mid_term_one_too(org, plan, frozen, share):
    IndicatorTarget.objects.create(indicator=share, year=2030, value=Decimal(99))
    final = services.schedule_review(
        actor=org.users.officer, phase=phase(plan, ReviewKind.FINAL), review_date=datetime.date(2030, 11, 30)
    )
    with time_machine.travel(datetime.datetime(2030, 12, 1, 9, 0), tick=False):
        record(org, share, org.units.a, 2030, 3, "100")
        record(org, share, org.units.b, 2030, 3, "100")
        services.freeze_review(actor=org.users.officer, review=final)
    line = next(line for line in compare(plan).indicators if line.indicator.pk == share.pk)
    assert line.final.since_previous == Decimal(6)
    assert line.final.verdict == "Tăng so với năm gốc, tăng so với sơ kết, đạt chỉ tiêu"


# --- the frozen sections --------------------------------------------------------------------
@pytest.fixture
def year_of_work(org, plan, recognised):
    """A scored 2026 sheet, awards decided before and after the review date, the
    recognised initiative applied by unit B, a self-inspection with findings and
    actions, and difficulties decided or not."""
    a, b = org.units.a, org.units.b
    sheet = evaluation.create_sheet(actor=org.users.officer, plan=plan, year=2026)
    sheet.quorum = 1  # one council member's scores rank a unit here
    sheet.save(update_fields=["quorum"])
    # The member scores every line of both units: 18 and 12 on the first, nothing elsewhere.
    for item in sheet.items.filter(criterion__subject_kind=SubjectKind.COLLECTIVE):
        first = item.criterion.number == "1"
        for unit, score in ((a, 18), (b, 12)):
            value = Decimal(score if first else 0)
            CouncilScore.objects.create(item=item, unit=unit, member=org.users.councillor, score=value)
    record_award(actor=None, subject=a, code="GK", year=2026, decision_date=datetime.date(2027, 1, 15))
    record_award(actor=None, subject=org.people.staff_a, code="GK", year=2026, decision_date=datetime.date(2027, 1, 15))
    record_award(actor=None, subject=b, code="BK_TINH", year=2026, decision_date=datetime.date(2027, 5, 2))
    record_award(actor=None, subject=b, code="GK", year=2027, decision_date=datetime.date(2027, 8, 1))  # after
    with time_machine.travel(BEFORE_REVIEW, tick=False):
        Adoption.objects.create(
            initiative=recognised, unit=b, applied_on=BEFORE_REVIEW.date(), result="Áp dụng tại Trung tâm"
        )
        rounds = InspectionPlan.objects.create(
            plan=plan,
            title="Tự kiểm tra năm 2027",
            year=2027,
            starts_on=datetime.date(2027, 2, 1),
            ends_on=datetime.date(2027, 3, 31),
        )
        for unit, text in ((a, "Chưa số hóa sổ theo dõi"), (b, "Chưa niêm yết quy trình")):
            checklist = UnitChecklist.objects.create(inspection=rounds, unit=unit)
            finding = Finding.objects.create(checklist=checklist, text=text, severity=Severity.HIGH)
            FollowUpAction.objects.create(
                checklist=checklist,
                finding=finding,
                text="Khắc phục",
                owner=org.people.staff_a if unit == a else org.people.head_b,
                due_on=datetime.date(2027, 5, 31),
                done_on=datetime.date(2027, 5, 20) if unit == a else None,
            )
        moment = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)
        for unit, title, decided in ((a, "Thiếu máy quét", True), (b, "Thiếu đường truyền", False)):
            Difficulty.objects.create(
                plan=plan,
                unit=unit,
                title=title,
                description="Mô tả",
                proposal="Đề xuất",
                state=State.DECIDED if decided else State.UNDER_REVIEW,
                submitted_at=moment,
                decision="Giao Văn phòng mua sắm" if decided else "",
                decided_on=datetime.date(2027, 4, 2) if decided else None,
            )


@pytest.fixture
def presented(org, review, values, recorded, year_of_work, after_review):
    services.freeze_review(actor=org.users.officer, review=review)
    review.refresh_from_db()
    return review


def test_the_freeze_keeps_ranking_awards_initiatives_inspections_and_difficulties(presented):
    ranking = sections.section(presented, sections.RANKING)
    assert [(r["rank"], r["unit"], r["total"]) for r in ranking[0]["units"]] == [
        (1, "Phòng Phổ biến, giáo dục pháp luật", "18.00"),
        (2, "Trung tâm Trợ giúp pháp lý", "12.00"),
    ]
    assert ranking[0]["year"] == 2026
    assert sections.section(presented, sections.AWARDS) == [
        {"level": "Cấp Sở", "award": "Giấy khen của Giám đốc Sở", "collectives": 1, "people": 1},
        {"level": "Cấp tỉnh", "award": "Bằng khen của Chủ tịch UBND tỉnh", "collectives": 1, "people": 0},
    ]
    initiatives = sections.section(presented, sections.INITIATIVES)
    assert (initiatives["recognised"], initiatives["replicated"], initiatives["adoptions"]) == (1, 1, 1)
    assert initiatives["by_scope"] == {"Cơ sở": 1}
    inspections = sections.section(presented, sections.INSPECTIONS)
    assert (inspections["rounds"], inspections["findings"], inspections["actions"], inspections["done"]) == (1, 2, 2, 1)
    assert inspections["overdue"] == 1  # due 31/05, the review is on 30/06: B's is late
    difficulties = sections.section(presented, sections.DIFFICULTIES)
    assert (difficulties["raised"], difficulties["decided"]) == (2, 1)
    assert difficulties["items"][0]["decision"] == "Giao Văn phòng mua sắm"


def test_the_review_page_shows_the_sections_and_another_units_lines_stay_hidden(org, client_for, presented):
    url = reverse("review_detail", args=[presented.pk])
    office = client_for(org.users.officer).get(url).content.decode()
    for text in ("Chưa niêm yết quy trình", "Thiếu máy quét", "Bằng khen của Chủ tịch UBND tỉnh", "Cấp tỉnh"):
        assert text in office
    assert 'data-testid="missing-section"' not in office
    head_b = client_for(org.users.head_b).get(url).content.decode()
    assert "Chưa niêm yết quy trình" in head_b and "Chưa số hóa sổ theo dõi" not in head_b
    assert "Thiếu máy quét" not in head_b
    api = client_for(org.users.head_b).get(f"/api/v1/reviews/{presented.pk}/").json()
    assert [row["unit"] for row in api["sections"]["ranking"][0]["units"]] == ["Trung tâm Trợ giúp pháp lý"]
    assert api["sections"]["difficulties"]["raised"] == 2 and api["sections"]["difficulties"]["items"] == []


def test_the_report_carries_the_offices_lessons_and_the_new_sections(org, presented):
    services.save_texts(
        actor=org.users.officer,
        review=presented,
        achievements="Hoàn thành các nội dung của giai đoạn 1.",
        shortcomings="Việc số hóa còn chậm do thiếu thiết bị.",
        lessons="Gắn thi đua với nhiệm vụ chuyên môn.\nKiểm tra thường xuyên.",
    )
    presented.refresh_from_db()
    text = _text(ReviewReportDocx(presented, compare(presented.plan), []).render())
    for expected in (
        "Hoàn thành các nội dung của giai đoạn 1.",
        "Hạn chế, nguyên nhân",
        "Việc số hóa còn chậm do thiếu thiết bị.",
        "BÀI HỌC KINH NGHIỆM",
        "Gắn thi đua với nhiệm vụ chuyên môn.",
        "Kiểm tra thường xuyên.",
        "3. Kết quả đánh giá, xếp hạng thi đua",
        "Phòng Phổ biến, giáo dục pháp luật",
        "4. Khen thưởng",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "1 sáng kiến được nhân rộng, áp dụng tại 1 lượt đơn vị",
        "Đã tiến hành 1 đợt tự kiểm tra, có 2 phát hiện",
        "Chưa niêm yết quy trình",
        "Giao Văn phòng mua sắm",
    ):
        assert expected in text, expected


def test_a_review_frozen_before_the_sections_still_shows_them_as_missing(org, client_for, presented):
    Review.objects.filter(pk=presented.pk).update(sections={})  # as frozen by an earlier version
    presented.refresh_from_db()
    page = client_for(org.users.officer).get(reverse("review_detail", args=[presented.pk])).content.decode()
    assert page.count('data-testid="missing-section"') == 5
    text = _text(ReviewReportDocx(presented, compare(presented.plan), []).render())
    assert text.count("Chưa có số liệu.") == 5
    assert client_for(org.users.staff_a).get(f"/api/v1/reviews/{presented.pk}/").json()["sections"]["awards"] is None


def test_the_final_review_page_shows_the_mid_term_lessons(org, client_for, plan, frozen):
    services.save_texts(
        actor=org.users.officer,
        review=frozen,
        lessons="Phải giao chỉ tiêu cụ thể cho từng đơn vị.",
        shortcomings="Chỉ tiêu ký số chưa đạt.",
    )
    final = services.schedule_review(
        actor=org.users.officer, phase=phase(plan, ReviewKind.FINAL), review_date=datetime.date(2030, 11, 30)
    )
    page = client_for(org.users.staff_a).get(reverse("review_detail", args=[final.pk])).content.decode()
    assert 'data-testid="mid-term-lessons"' in page
    assert "Phải giao chỉ tiêu cụ thể cho từng đơn vị." in page and "Chỉ tiêu ký số chưa đạt." in page
    mid_term_page = client_for(org.users.staff_a).get(reverse("review_detail", args=[frozen.pk])).content.decode()
    assert 'data-testid="mid-term-lessons"' not in mid_term_page
