"""The evaluation API: sheets (created and set by the office), self-assessments and
council scores recorded by create-or-update with the same refusals as the pages, and
the ranking; every list runs a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.evaluation.conftest import assess, score
from tests.factories import PersonFactory
from thidua.evaluation import services
from thidua.evaluation.models import CouncilScore, ScoringSheet, SelfAssessment

pytestmark = pytest.mark.django_db
SHEETS, SELF, COUNCIL, RANKINGS = (
    "/api/v1/scoring-sheets/",
    "/api/v1/self-assessments/",
    "/api/v1/council-scores/",
    "/api/v1/rankings/",
)


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_the_office_creates_a_sheet_and_sets_points(org, client_for, plan):
    client = client_for(org.users.officer)
    created = _post(client, SHEETS, {"year": 2027})
    assert created.status_code == 201 and created.json()["year"] == 2027
    items = created.json()["items"]
    individual = [(i["person_kind"], i["max_points"]) for i in items if i["subject_kind"] == "individual"]
    assert individual == [("can_bo_cong_chuc_vien_chuc", "100.00"), ("doi_tuong_khac", "100.00")]
    assert [i["when_assigned"] for i in items if i["subject_kind"] == "collective"] == [False, True, True, False, True]
    assert created.json()["quorum"] == 2
    changed = client.patch(
        f"{SHEETS}{created.json()['id']}/",
        {"items": [{"id": items[0]["id"], "max_points": "25,5"}], "excellent_from": "95", "quorum": 3},
        content_type="application/json",
    )
    assert changed.json()["items"][0]["max_points"] == "25.50" and changed.json()["excellent_from"] == "95.00"
    assert changed.json()["quorum"] == 3
    again = _post(client, SHEETS, {"year": 2027})
    assert again.status_code == 400 and "Đã có bảng chấm điểm năm 2027" in again.json()["year"][0]


def test_only_the_office_creates_sheets(org, client_for, plan):
    refused = _post(client_for(org.users.head_a), SHEETS, {"year": 2027})
    assert refused.status_code == 403 and "Chỉ Văn phòng Sở" in refused.json()["detail"]
    assert not ScoringSheet.objects.exists()


def test_the_sheet_list_runs_a_fixed_number_of_queries(org, client_for, plan, sheet):
    client = client_for(org.users.staff_a)
    before = _queries(client, SHEETS)
    services.create_sheet(actor=org.users.officer, plan=plan, year=2027)
    assert _queries(client, SHEETS) == before


def _self(org, item, **changes):
    return {"year": 2026, "criterion": item.criterion_id, "unit": org.units.a.pk, "score": "15"} | changes


def test_a_self_assessment_is_created_then_updated(org, client_for, sheet, unit_items, unit_result):
    client = client_for(org.users.head_a)
    created = _post(client, SELF, _self(org, unit_items[3], results=[unit_result.pk]))
    assert created.status_code == 201 and created.json()["results"] == [unit_result.pk]
    updated = _post(client, SELF, _self(org, unit_items[3], score="16,5", results=[unit_result.pk]))
    assert updated.status_code == 200 and updated.json()["score"] == "16.50"
    assert SelfAssessment.objects.get().score == Decimal("16.5")


def test_api_refusals_match_the_pages(org, client_for, sheet, unit_items):
    over = _post(client_for(org.users.head_a), SELF, _self(org, unit_items[0], score="21"))
    assert over.status_code == 400 and "Điểm 21 vượt quá điểm tối đa 20" in over.json()["score"][0]
    other = _post(client_for(org.users.head_b), SELF, _self(org, unit_items[0]))  # a unit it does not see
    assert other.status_code == 404
    page = reverse("evaluation_self", args=[2026, "don-vi", org.units.a.pk])
    assert client_for(org.users.head_b).post(page).status_code == 404
    staff = _post(client_for(org.users.director), SELF, _self(org, unit_items[0]))  # sees the unit, does not head it
    assert staff.status_code == 403 and "Chỉ thủ trưởng «Phòng Phổ biến" in staff.json()["detail"]
    own = _post(client_for(org.users.councillor), COUNCIL, _self(org, unit_items[0], unit=org.units.office.pk))
    assert own.status_code == 403 and "không chấm điểm đơn vị của mình" in own.json()["detail"]
    both = _post(client_for(org.users.head_a), SELF, _self(org, unit_items[0], person=org.people.head_a.pk))
    assert both.status_code == 400
    assert not SelfAssessment.objects.exists() and not CouncilScore.objects.exists()


def test_council_scores_are_one_per_member_and_private_to_the_member(org, client_for, sheet, unit_items):
    director = client_for(org.users.director)
    assert _post(director, COUNCIL, _self(org, unit_items[0], score="14")).status_code == 201
    assert _post(director, COUNCIL, _self(org, unit_items[0], score="15")).status_code == 200
    assert _post(client_for(org.users.councillor), COUNCIL, _self(org, unit_items[0], score="17")).status_code == 201
    assert CouncilScore.objects.count() == 2
    mine = client_for(org.users.councillor).get(COUNCIL).json()["results"]
    assert [row["score"] for row in mine] == ["17.00"]
    everyone = client_for(org.users.officer).get(COUNCIL, {"year": 2026}).json()["results"]
    assert sorted(row["score"] for row in everyone) == ["15.00", "17.00"]
    assert client_for(org.users.staff_a).get(COUNCIL).json()["results"] == []


def test_the_ranking_endpoint(org, client_for, sheet, unit_items):
    score(org.users.director, sheet, org.units.a, unit_items, 19, 19, 19, 19, 19)
    score(org.users.councillor, sheet, org.units.a, unit_items, 19, 19, 19, 19, 19)
    rows = client_for(org.users.officer).get(RANKINGS, {"year": 2026}).json()
    assert rows[0] | {"subject_id": None} == {
        "rank": 1,
        "subject_id": None,
        "name": "Phòng Phổ biến, giáo dục pháp luật",
        "person_kind": None,
        "max_total": "100.00",
        "self_total": None,
        "council_total": "95.00",
        "percent": "95.00",
        "classification": "xuat_sac",
        "classification_label": "Xuất sắc",
        "members": 2,
        "awaiting_quorum": False,
        "missing_members": [],
        "not_applicable": [],
    }
    assert [row["name"] for row in client_for(org.users.head_b).get(RANKINGS, {"year": 2026}).json()] == [
        "Trung tâm Trợ giúp pháp lý"
    ]


@pytest.mark.parametrize("url", [SELF, COUNCIL, RANKINGS])
def test_score_lists_run_a_fixed_number_of_queries(org, client_for, sheet, unit_items, person_items, url):
    client = client_for(org.users.officer)
    params = {"year": 2026, "kind": "individual"}
    assess(org.users.staff_a, sheet, org.people.staff_a, person_items, 20)
    score(org.users.director, sheet, org.people.staff_a, person_items, 20)
    before = _queries(client, url, params)
    for n in range(4):
        person = PersonFactory(unit=org.units.b)
        assess(org.users.officer, sheet, person, person_items, 20 + n)
        score(org.users.director, sheet, person, person_items, 25 + n)
    assert _queries(client, url, params) == before
