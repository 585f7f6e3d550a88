"""The scoring pages: the sheet and the office's points, the self-assessment form with
its results, the council's form and list, the ranked table; refusals keep what was
typed and save nothing; another unit's pages answer 404; lists run fixed queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.evaluation.conftest import assess, score
from tests.factories import PersonFactory
from thidua.evaluation import applicability, services
from thidua.evaluation.models import CouncilScore, ScoringSheet, SelfAssessment
from thidua.organization.enums import Category

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return response.content.decode()


def _subject_url(name, org, kind="don-vi", subject=None, year=2026):
    subject = subject or org.units.a
    return reverse(name, args=[year, kind, subject.pk])


def test_the_office_opens_a_sheet_and_sets_its_points(org, client_for, plan):
    client = client_for(org.users.officer)
    response = client.post(reverse("evaluation_sheet_create"), {"year": 2026})
    assert response.url == reverse("evaluation_sheet_edit", args=[2026])
    sheet = ScoringSheet.objects.get()
    items = {i.criterion.number + i.criterion.subject_kind: i for i in sheet.items.select_related("criterion")}
    data = {f"points_{i.pk}": "20" for i in items.values()} | {
        f"points_{items['1collective'].pk}": "30",
        f"points_{items['2collective'].pk}": "10",
        "excellent_from": "85",
        "good_from": "65,5",
        "pass_from": "50",
        "quorum": "3",
    }
    client.post(reverse("evaluation_sheet_edit", args=[2026]), data)
    page = _body(client.get(reverse("evaluation_sheet", args=[2026])))
    assert '<td class="text-end" data-testid="total-collective">100</td>' in page
    assert '<td class="text-end" data-testid="total-individual-can_bo_cong_chuc_vien_chuc">20</td>' in page
    assert '<td class="text-end" data-testid="total-individual-doi_tuong_khac">20</td>' in page
    assert "từ 85% «Xuất sắc»; từ 65,5% «Tốt»" in page
    assert "Số thành viên Hội đồng chấm tối thiểu để xếp hạng: 3." in page
    assert ScoringSheet.objects.get().quorum == 3
    assert "không phải quy định của pháp luật" in page


def test_bad_points_are_refused_with_the_reason_and_kept(org, client_for, sheet, unit_items):
    client = client_for(org.users.officer)
    data = {f"points_{i.pk}": "20" for i in sheet.items.all()} | {
        f"points_{unit_items[0].pk}": "0",
        "excellent_from": "90",
        "good_from": "95",
        "pass_from": "50",
        "quorum": "0",
    }
    page = _body(client.post(reverse("evaluation_sheet_edit", args=[2026]), data))
    assert "Số thành viên Hội đồng chấm tối thiểu phải từ 1 trở lên." in page
    data["quorum"] = "2"
    page = _body(client.post(reverse("evaluation_sheet_edit", args=[2026]), data))
    assert "Điểm tối đa phải lớn hơn 0." in page
    assert "Các ngưỡng phải giảm dần" in page
    assert 'value="95"' in page
    sheet.refresh_from_db()
    unit_items[0].refresh_from_db()
    assert (sheet.good_from, unit_items[0].max_points) == (70, 20)


def test_only_the_office_sets_points(org, client_for, sheet):
    assert client_for(org.users.head_a).get(reverse("evaluation_sheet_edit", args=[2026])).status_code == 403
    assert client_for(org.users.head_a).post(reverse("evaluation_sheet_create"), {"year": 2027}).status_code == 403
    assert ScoringSheet.objects.count() == 1


def test_a_unit_head_assesses_the_unit_with_its_results(org, client_for, sheet, unit_items, unit_result):
    client = client_for(org.users.head_a)
    form = _body(client.get(_subject_url("evaluation_self", org)))
    assert "Trả phiếu lý lịch tư pháp điện tử trên VNeID" in form
    client.post(
        _subject_url("evaluation_self", org),
        {
            f"score_{unit_items[3].pk}": "18,5",
            f"note_{unit_items[3].pk}": "Đạt 100% hồ sơ trực tuyến",
            f"results_{unit_items[3].pk}": [unit_result.pk],
        },
    )
    row = SelfAssessment.objects.get()
    assert (row.score, row.note, list(row.results.all())) == (
        Decimal("18.5"),
        "Đạt 100% hồ sơ trực tuyến",
        [unit_result],
    )
    page = _body(client.get(_subject_url("evaluation_subject", org)))
    assert '<strong data-testid="self-score">18,5</strong>' in page
    assert f'href="{reverse("result_detail", args=[unit_result.pk])}"' in page


def test_a_self_score_above_the_most_points_is_refused_and_kept(org, client_for, sheet, unit_items):
    client = client_for(org.users.head_a)
    page = _body(
        client.post(
            _subject_url("evaluation_self", org),
            {
                f"score_{unit_items[0].pk}": "12",
                f"score_{unit_items[1].pk}": "25",
                f"note_{unit_items[1].pk}": "Vượt chỉ tiêu",
            },
        )
    )
    assert "Điểm 25 vượt quá điểm tối đa 20 của tiêu chí" in page
    assert 'value="25"' in page and "Vượt chỉ tiêu" in page
    assert not SelfAssessment.objects.exists()


def test_another_units_pages_answer_404(org, client_for, sheet, unit_items):
    head_b = client_for(org.users.head_b)
    assert head_b.get(_subject_url("evaluation_self", org)).status_code == 404
    assert head_b.post(_subject_url("evaluation_self", org), {f"score_{unit_items[0].pk}": "5"}).status_code == 404
    assert head_b.get(_subject_url("evaluation_subject", org)).status_code == 404
    staff = client_for(org.users.staff_a)  # staff see themselves, not their unit
    assert staff.get(_subject_url("evaluation_subject", org)).status_code == 404
    assert staff.get(_subject_url("evaluation_subject", org, "ca-nhan", org.people.head_a)).status_code == 404
    assert not SelfAssessment.objects.exists()


def test_a_council_member_may_read_but_not_self_assess_a_unit(org, client_for, sheet, unit_items):
    client = client_for(org.users.councillor)
    assert client.get(_subject_url("evaluation_subject", org)).status_code == 200
    assert client.post(_subject_url("evaluation_self", org), {f"score_{unit_items[0].pk}": "5"}).status_code == 403
    assert not SelfAssessment.objects.exists()


def test_a_person_assesses_themselves(org, client_for, sheet, person_items, person_result):
    client = client_for(org.users.staff_a)
    url = _subject_url("evaluation_self", org, "ca-nhan", org.people.staff_a)
    client.post(url, {f"score_{person_items[0].pk}": "42", f"results_{person_items[0].pk}": [person_result.pk]})
    assert SelfAssessment.objects.get(person=org.people.staff_a).results.get() == person_result


def test_the_council_scores_and_sees_the_self_assessment(org, client_for, sheet, unit_items, unit_result):
    assess(org.users.head_a, sheet, org.units.a, unit_items[3:4], 19, results=[unit_result.pk])
    client = client_for(org.users.councillor)
    form = _body(client.get(_subject_url("evaluation_council_score", org)))
    assert "Trả phiếu lý lịch tư pháp điện tử trên VNeID" in form
    response = client.post(_subject_url("evaluation_council_score", org), {f"score_{unit_items[3].pk}": "17"})
    assert response.url == reverse("evaluation_council_queue", args=[2026])
    assert CouncilScore.objects.get().score == 17


def test_a_council_member_scoring_their_own_unit_is_refused(org, client_for, sheet, unit_items):
    client = client_for(org.users.councillor)
    url = _subject_url("evaluation_council_score", org, subject=org.units.office)
    response = client.post(url, {f"score_{unit_items[0].pk}": "17"}, follow=True)
    assert "Thành viên Hội đồng không chấm điểm đơn vị của mình («Văn phòng Sở»)" in _body(response)
    assert not CouncilScore.objects.exists()


def test_a_council_score_above_the_most_points_is_refused_and_kept(org, client_for, sheet, unit_items):
    page = _body(
        client_for(org.users.director).post(
            _subject_url("evaluation_council_score", org),
            {f"score_{unit_items[0].pk}": "21", f"comment_{unit_items[0].pk}": "Rất tốt"},
        )
    )
    assert "Điểm 21 vượt quá điểm tối đa 20" in page and 'value="21"' in page and "Rất tốt" in page
    assert not CouncilScore.objects.exists()


def test_the_council_list_shows_what_is_left_to_score(org, client_for, sheet, unit_items):
    assess(org.users.head_a, sheet, org.units.a, unit_items, 10)
    assess(org.users.officer, sheet, org.units.office, unit_items, 10)
    client = client_for(org.users.councillor)
    page = _body(client.get(reverse("evaluation_council_queue", args=[2026])))
    assert "Đơn vị của tôi — không chấm" in page and "0/5 tiêu chí" in page
    score(org.users.councillor, sheet, org.units.a, unit_items, 10, 10, 10, 10, 10)
    pending = _body(client.get(reverse("evaluation_council_queue", args=[2026]), {"chua-cham": "1"}))
    assert 'data-testid="queue-row"' not in pending
    assert client_for(org.users.head_a).get(reverse("evaluation_council_queue", args=[2026])).status_code == 403


def test_the_ranking_shows_each_account_what_it_may_see(org, client_for, sheet, unit_items, person_items):
    sheet.quorum = 1
    sheet.save()
    score(org.users.director, sheet, org.units.a, unit_items, 18, 18, 18, 18, 18)
    score(org.users.director, sheet, org.units.b, unit_items, 10, 10, 10, 10, 10)
    score(org.users.director, sheet, org.people.staff_a, person_items, 30)
    score(org.users.director, sheet, org.people.staff_b, person_items, 95)
    office = _body(client_for(org.users.officer).get(reverse("evaluation_ranking", args=[2026])))
    assert office.count('data-testid="ranking-row"') == 5
    assert "Xuất sắc" in office and "Chưa đạt" in office
    head_a = _body(client_for(org.users.head_a).get(reverse("evaluation_ranking", args=[2026])))
    assert "Phòng Phổ biến, giáo dục pháp luật" in head_a and "Trung tâm Trợ giúp pháp lý" not in head_a
    assert "Đặng Thị Hương" in head_a and "Triệu Thị Mai" not in head_a
    staff = _body(client_for(org.users.staff_a).get(reverse("evaluation_ranking", args=[2026])))
    assert staff.count('data-testid="ranking-row"') == 1 and "Đặng Thị Hương" in staff


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["evaluation_ranking", "evaluation_council_queue", "evaluation_home"])
def test_list_pages_run_a_fixed_number_of_queries(org, client_for, sheet, unit_items, person_items, name):
    client = client_for(org.users.director)
    url = reverse(name, args=[] if name == "evaluation_home" else [2026])
    assess(org.users.head_a, sheet, org.units.a, unit_items, 10, 10)
    score(org.users.director, sheet, org.units.a, unit_items, 10, 10)
    assess(org.users.staff_a, sheet, org.people.staff_a, person_items, 20)
    client.get(url)
    before = _queries(client, url)
    for n in range(4):  # both kinds of person, and a criterion marked "không áp dụng"
        category = Category.NGUOI_LAO_DONG if n % 2 else Category.VIEN_CHUC
        person = PersonFactory(unit=org.units.b, category=category)
        own = applicability.items_for(sheet, person)
        assess(org.users.officer, sheet, person, own, 20 + n)
        score(org.users.director, sheet, person, own, 25)
        score(org.users.councillor, sheet, person, own, 22)
    score(org.users.director, sheet, org.units.b, unit_items, 10, 11, 12, 13)
    not_assigned = services.SelfLine(item=unit_items[4], score=None, not_applicable=True, reason="Không được giao")
    services.self_assess(actor=org.users.head_b, sheet=sheet, subject=org.units.b, lines=[not_assigned])
    assert _queries(client, url) == before
