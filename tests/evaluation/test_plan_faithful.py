"""Scoring as the plan says (Kế hoạch, mục III.1): a person is scored on the criterion of
their kind — cán bộ, công chức, viên chức, or "Đối tượng khác" — never on both; a
collective task "theo phân công" a unit was not given is "không áp dụng" and leaves its
maximum; a unit is ranked once the quorum of council members has scored it."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.evaluation.conftest import assess, score
from tests.factories import PersonFactory
from thidua.core.models import ActivityLog
from thidua.evaluation import applicability, services
from thidua.evaluation.models import CouncilScore, NotApplicable, SelfAssessment
from thidua.evaluation.ranking import ranking
from thidua.organization.enums import Category, PersonKind
from thidua.plans.enums import SubjectKind

pytestmark = pytest.mark.django_db
NOT_ASSIGNED = "Năm 2026 phòng không được giao nhiệm vụ phối hợp phát triển theo chuỗi giá trị."


def _row(sheet, kind, subject):
    return next(row for row in ranking(sheet, kind).rows if row.subject.pk == subject.pk)


def _not_applicable(actor, sheet, unit, item, reason=NOT_ASSIGNED, score=None):
    line = services.SelfLine(item=item, score=score, not_applicable=True, reason=reason)
    return services.self_assess(actor=actor, sheet=sheet, subject=unit, lines=[line])


# --- Cá nhân: scored by kind of person ---------------------------------------------------
def test_a_cong_chuc_with_full_marks_ranks_xuat_sac(org, sheet, person_items):
    cong_chuc = org.people.staff_a
    assert cong_chuc.category == Category.CONG_CHUC
    assert applicability.items_for(sheet, cong_chuc) == [person_items[0]]
    assess(org.users.staff_a, sheet, cong_chuc, person_items, 100)
    score(org.users.director, sheet, cong_chuc, person_items, 100)
    score(org.users.councillor, sheet, cong_chuc, person_items, 100)
    row = _row(sheet, SubjectKind.INDIVIDUAL, cong_chuc)
    assert (row.max_total, row.council_total, row.percent) == (100, 100, 100)
    assert (row.rank, row.classification_label) == (1, "Xuất sắc")


def test_a_cong_chuc_is_never_scored_on_the_criterion_of_doi_tuong_khac(org, sheet, person_items):
    with pytest.raises(ValidationError) as refused:
        assess(org.users.staff_a, sheet, org.people.staff_a, person_items[1:], 30)
    assert refused.value.message_dict[f"score_{person_items[1].pk}"] == [
        "«Đặng Thị Hương» thuộc loại «Cán bộ, công chức, viên chức» nên chỉ được chấm theo tiêu chí dành cho "
        "loại đó, không chấm theo tiêu chí «Đóng góp của các đối tượng khác»."
    ]
    with pytest.raises(ValidationError):
        score(org.users.director, sheet, org.people.staff_a, person_items[1:], 30)
    assert not SelfAssessment.objects.exists() and not CouncilScore.objects.exists()


@pytest.mark.parametrize("category", [Category.KHAC, Category.NGUOI_LAO_DONG])
def test_a_doi_tuong_khac_is_scored_on_its_own_criterion(org, sheet, person_items, category):
    other = PersonFactory(full_name="Lý Văn Khánh", unit=org.units.a, category=category)
    assert other.kind == PersonKind.OTHER
    assert applicability.items_for(sheet, other) == [person_items[1]]
    assess(org.users.officer, sheet, other, person_items[1:], 80)
    score(org.users.director, sheet, other, person_items[1:], 90)
    score(org.users.councillor, sheet, other, person_items[1:], 94)
    with pytest.raises(ValidationError, match="thuộc loại «Đối tượng khác»"):
        score(org.users.director, sheet, other, person_items[:1], 50)
    row = _row(sheet, SubjectKind.INDIVIDUAL, other)
    assert (row.max_total, row.self_total, row.council_total, row.classification_label) == (
        100,
        80,
        92,
        "Xuất sắc",
    )


def test_the_subject_page_names_the_persons_kind_and_its_one_criterion(org, client_for, sheet, person_items):
    other = PersonFactory(full_name="Lý Văn Khánh", unit=org.units.a, category=Category.KHAC)
    page = client_for(org.users.officer).get(reverse("evaluation_subject", args=[2026, "ca-nhan", other.pk]))
    body = page.content.decode()
    assert '<span data-testid="person-kind">Đối tượng khác</span>' in body
    assert body.count('data-testid="subject-line"') == 1 and "Đóng góp của các đối tượng khác" in body
    assert "Sáng kiến, giải pháp sáng tạo của cán bộ, công chức, viên chức" not in body


# --- Tập thể: "không áp dụng" ------------------------------------------------------------
def test_a_criterion_marked_khong_ap_dung_shrinks_the_max(org, sheet, unit_items):
    chain = unit_items[1]  # criterion 2: "Phối hợp thực hiện … theo … phân công"
    assert chain.criterion.when_assigned
    _not_applicable(org.users.head_a, sheet, org.units.a, chain)
    others = [item for item in unit_items if item != chain]
    for member in (org.users.director, org.users.councillor):
        score(member, sheet, org.units.a, others, 18, 18, 18, 18)
    row = _row(sheet, SubjectKind.COLLECTIVE, org.units.a)
    assert (row.max_total, row.criteria, row.council_total) == (80, 4, 72)
    assert (row.percent, row.classification_label) == (90, "Xuất sắc")  # 72 of 100 would be only «Tốt»
    assert row.not_applicable == [chain]
    marked = NotApplicable.objects.get()
    assert (marked.reason, marked.marked_by) == (NOT_ASSIGNED, org.users.head_a)
    assert ActivityLog.objects.filter(object_id=str(marked.pk), action="created", actor=org.users.head_a).exists()


def test_khong_ap_dung_needs_a_reason_no_score_and_a_task_by_assignment(org, sheet, unit_items, person_items):
    with pytest.raises(ValidationError, match="Hãy ghi lý do không áp dụng"):
        _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[1], reason="  ")
    with pytest.raises(ValidationError, match="thì không chấm điểm: hãy xóa điểm 12"):
        _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[1], score=Decimal(12))
    with pytest.raises(ValidationError, match="chỉ tiêu chí tập thể thực hiện theo phân công"):
        _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[0])  # criterion 1 applies to all
    with pytest.raises(ValidationError, match="chỉ tiêu chí tập thể thực hiện theo phân công"):
        _not_applicable(org.users.staff_a, sheet, org.people.staff_a, person_items[0])
    with pytest.raises(PermissionDenied):
        _not_applicable(org.users.head_b, sheet, org.units.a, unit_items[1])
    assert not NotApplicable.objects.exists()


def test_the_council_does_not_score_a_criterion_that_does_not_apply(org, sheet, unit_items):
    _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[4])
    with pytest.raises(ValidationError, match=f"không áp dụng với «Phòng Phổ biến.*lý do: {NOT_ASSIGNED}"):
        score(org.users.director, sheet, org.units.a, unit_items, 10, 10, 10, 10, 10)
    score(org.users.director, sheet, org.units.a, unit_items[2:3], 10)
    with pytest.raises(ValidationError, match="Hội đồng đã chấm tiêu chí"):
        _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[2])


def test_scoring_the_criterion_again_removes_khong_ap_dung_with_history(org, sheet, unit_items):
    _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[1])
    marked = NotApplicable.objects.get()
    assess(org.users.head_a, sheet, org.units.a, unit_items[1:2], 15)
    assert not NotApplicable.objects.exists()
    removed = ActivityLog.objects.get(action="deleted", object_id=str(marked.pk))
    assert removed.actor == org.users.head_a and "không áp dụng" in removed.object_repr
    assert _row(sheet, SubjectKind.COLLECTIVE, org.units.a).max_total == 100


def test_the_self_form_marks_khong_ap_dung_and_the_pages_show_the_reason(org, client_for, sheet, unit_items):
    client = client_for(org.users.head_a)
    url = reverse("evaluation_self", args=[2026, "don-vi", org.units.a.pk])
    form = client.get(url).content.decode()
    assert form.count('data-testid="not-applicable-fields"') == 3  # criteria 2, 3 and 5
    kept = client.post(url, {f"not_applicable_{unit_items[4].pk}": "on", f"score_{unit_items[4].pk}": "3"})
    assert "hãy xóa điểm 3" in kept.content.decode() and not NotApplicable.objects.exists()
    client.post(url, {f"not_applicable_{unit_items[4].pk}": "on", f"reason_{unit_items[4].pk}": NOT_ASSIGNED})
    assert NotApplicable.objects.get().item == unit_items[4]
    page = client.get(reverse("evaluation_subject", args=[2026, "don-vi", org.units.a.pk])).content.decode()
    assert "Không áp dụng" in page and NOT_ASSIGNED in page and "Ghi bởi Nguyễn Văn Đạt" in page
    assert '<td class="text-end" data-testid="subject-max">80</td>' in page
    council = client_for(org.users.director).get(
        reverse("evaluation_council_score", args=[2026, "don-vi", org.units.a.pk])
    )
    assert f'name="score_{unit_items[4].pk}"' not in council.content.decode()
    assert NOT_ASSIGNED in council.content.decode()


# --- Quorum ------------------------------------------------------------------------------
def test_a_unit_with_fewer_council_scores_than_the_quorum_is_not_ranked(org, client_for, sheet, unit_items):
    assert sheet.quorum == 2
    assess(org.users.head_a, sheet, org.units.a, unit_items, 20, 20, 20, 20, 20)
    score(org.users.director, sheet, org.units.a, unit_items, 20, 20, 20, 20, 20)
    row = _row(sheet, SubjectKind.COLLECTIVE, org.units.a)
    assert (row.rank, row.classification, row.members, row.missing) == (None, None, 1, ["Bùi Quang Long"])
    page = client_for(org.users.officer).get(reverse("evaluation_ranking", args=[2026])).content.decode()
    assert "Chưa đủ số thành viên chấm để xếp hạng." in page
    assert '<span data-testid="missing-members">Bùi Quang Long</span>' in page
    subject = client_for(org.users.head_a).get(reverse("evaluation_subject", args=[2026, "don-vi", org.units.a.pk]))
    assert "mới có 1/2 thành viên Hội đồng chấm đủ các tiêu chí" in subject.content.decode()
    assert '<span data-testid="missing-members">Bùi Quang Long</span>' in subject.content.decode()


def test_a_member_who_left_a_criterion_unscored_is_still_missing(org, sheet, unit_items):
    score(org.users.director, sheet, org.units.a, unit_items, 20, 20, 20, 20, 20)
    score(org.users.councillor, sheet, org.units.a, unit_items, 20, 20, 20, 20)
    row = _row(sheet, SubjectKind.COLLECTIVE, org.units.a)
    assert (row.rank, row.members, row.missing) == (None, 1, ["Bùi Quang Long"])
    score(org.users.councillor, sheet, org.units.a, unit_items[4:], 20)
    row = _row(sheet, SubjectKind.COLLECTIVE, org.units.a)
    assert (row.rank, row.members, row.missing, row.classification_label) == (1, 2, [], "Xuất sắc")


def test_a_member_of_the_unit_is_not_counted_as_missing(org, sheet, unit_items):
    """The councillor works in the office and never scores it: only the Director is named."""
    assess(org.users.officer, sheet, org.units.office, unit_items, 10)
    assert _row(sheet, SubjectKind.COLLECTIVE, org.units.office).missing == ["Nguyễn Khánh Lâm"]


def test_the_office_sets_the_quorum_and_the_ranking_follows(org, sheet, unit_items):
    score(org.users.director, sheet, org.units.a, unit_items, 20, 20, 20, 20, 20)
    with pytest.raises(ValidationError, match="phải từ 1 đến 50 \\(đã nhập 0\\)"):
        services.set_points(actor=org.users.officer, sheet=sheet, points={}, quorum=0)
    services.set_points(actor=org.users.officer, sheet=sheet, points={}, quorum=1)
    sheet.refresh_from_db()
    assert _row(sheet, SubjectKind.COLLECTIVE, org.units.a).rank == 1
    assert ActivityLog.objects.filter(changes__quorum=[2, 1]).exists()
    with pytest.raises(PermissionDenied):
        services.set_points(actor=org.users.head_a, sheet=sheet, points={}, quorum=1)


def test_the_method_is_stated_on_the_scoring_pages(org, client_for, sheet):
    client = client_for(org.users.staff_a)
    for name in ("evaluation_sheet", "evaluation_ranking"):
        page = client.get(reverse(name, args=[2026])).content.decode()
        assert 'data-testid="scoring-method"' in page
        assert "không ai được chấm theo cả hai tiêu chí" in page
        assert "Chỉ xếp hạng, xếp loại khi đã có ít nhất 2 thành viên Hội đồng" in page


# --- Who may see and mark ----------------------------------------------------------------
def test_another_units_user_gets_404_or_403(org, client_for, sheet, unit_items):
    head_b = client_for(org.users.head_b)
    self_url = reverse("evaluation_self", args=[2026, "don-vi", org.units.a.pk])
    marking = {f"not_applicable_{unit_items[1].pk}": "on", f"reason_{unit_items[1].pk}": NOT_ASSIGNED}
    assert head_b.post(self_url, marking).status_code == 404
    assert head_b.get(reverse("evaluation_subject", args=[2026, "don-vi", org.units.a.pk])).status_code == 404
    api = {"year": 2026, "criterion": unit_items[1].criterion_id, "unit": org.units.a.pk, "reason": NOT_ASSIGNED}
    assert head_b.post("/api/v1/not-applicable/", api, content_type="application/json").status_code == 404
    director = client_for(org.users.director)  # sees every unit, heads none
    refused = director.post("/api/v1/not-applicable/", api, content_type="application/json")
    assert refused.status_code == 403 and "Chỉ thủ trưởng" in refused.json()["detail"]
    assert client_for(org.users.head_a).get(reverse("evaluation_sheet_edit", args=[2026])).status_code == 403
    assert not NotApplicable.objects.exists()


def test_the_api_marks_khong_ap_dung_and_lists_it_within_what_the_account_sees(org, client_for, sheet, unit_items):
    api = {"year": 2026, "criterion": unit_items[4].criterion_id, "unit": org.units.a.pk, "reason": NOT_ASSIGNED}
    created = client_for(org.users.head_a).post("/api/v1/not-applicable/", api, content_type="application/json")
    assert created.status_code == 201 and created.json()["reason"] == NOT_ASSIGNED
    no_reason = client_for(org.users.head_a).post(
        "/api/v1/not-applicable/",
        api | {"criterion": unit_items[1].criterion_id, "reason": " "},
        content_type="application/json",
    )
    assert no_reason.status_code == 400
    assert len(client_for(org.users.officer).get("/api/v1/not-applicable/").json()["results"]) == 1
    assert client_for(org.users.head_b).get("/api/v1/not-applicable/").json()["results"] == []
    rows = client_for(org.users.officer).get("/api/v1/rankings/", {"year": 2026}).json()
    row = next(r for r in rows if r["subject_id"] == org.units.a.pk)
    # The same figures as the page: the maximum without criterion 5, the members yet to score.
    assert (row["max_total"], row["not_applicable"]) == ("80.00", [unit_items[4].criterion_id])
    assert _row(sheet, SubjectKind.COLLECTIVE, org.units.a).max_total == Decimal(row["max_total"])


def test_the_not_applicable_list_runs_a_fixed_number_of_queries(org, client_for, sheet, unit_items):
    client = client_for(org.users.officer)
    _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[1])
    with CaptureQueriesContext(connection) as first:
        assert client.get("/api/v1/not-applicable/", {"year": 2026}).status_code == 200
    _not_applicable(org.users.head_a, sheet, org.units.a, unit_items[2])
    _not_applicable(org.users.head_b, sheet, org.units.b, unit_items[4])
    with CaptureQueriesContext(connection) as then:
        response = client.get("/api/v1/not-applicable/", {"year": 2026})
    assert len(response.json()["results"]) == 3
    assert len(then.captured_queries) == len(first.captured_queries)
