"""The REST API of initiatives: same visibility, same services, same refusals as the
pages; a fixed number of queries on every list; the OpenAPI schema covers it."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.initiatives.models import Adoption, Initiative, Score

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def _payload(org, plan, **extra):
    return {
        "title": "Họp không giấy tờ",
        "unit": org.units.a.pk,
        "content_area": plan.content_areas.get(number="5").pk,
        "tags": ["chuyen_doi_xanh"],
        "problem": "In tài liệu họp.",
        "solution": "Tài liệu trên máy tính bảng.",
        "novelty": "Biểu quyết trực tuyến.",
        "applied_where": "Phòng A",
        "applied_since": "2026-07-01",
        "paper_saved": 9000,
        "authors": [{"person": org.people.staff_a.pk, "share": 100}],
        **extra,
    }


def _count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


# --- initiatives -----------------------------------------------------------------------


def test_create_through_the_api_uses_the_service(org, plan, client_for):
    response = _post(client_for(org.users.staff_a), f"{API}/initiatives/", _payload(org, plan))
    assert response.status_code == 201
    item = Initiative.objects.get()
    assert response.json()["state"] == "draft" and response.json()["tags"] == ["chuyen_doi_xanh"]
    assert ActivityLog.objects.for_object(item).filter(action="created").exists()


def test_shares_not_adding_to_100_via_the_api(org, plan, client_for):
    authors = [{"person": org.people.staff_a.pk, "share": 50}, {"person": org.people.head_a.pk, "share": 40}]
    response = _post(client_for(org.users.staff_a), f"{API}/initiatives/", _payload(org, plan, authors=authors))
    assert response.status_code == 400
    assert "hiện là 90%" in response.json()["non_field_errors"][0]
    assert not Initiative.objects.exists()


def test_author_twice_via_the_api(org, plan, client_for):
    authors = [{"person": org.people.staff_a.pk, "share": 50}, {"person": org.people.staff_a.pk, "share": 50}]
    response = _post(client_for(org.users.staff_a), f"{API}/initiatives/", _payload(org, plan, authors=authors))
    assert "có tên hai lần" in response.json()["non_field_errors"][0]
    assert not Initiative.objects.exists()


def test_list_shows_only_what_the_user_may_see(org, make, client_for):
    make(State.SUBMITTED, title="Của A")
    make(unit=org.units.b, creator=org.users.head_b, authors=[(org.people.head_b, 100)], title="Nháp của B")
    titles = lambda user: {r["title"] for r in client_for(user).get(f"{API}/initiatives/").json()["results"]}  # noqa: E731
    assert titles(org.users.head_b) == {"Nháp của B"}
    assert titles(org.users.staff_a) == {"Của A"}
    assert titles(org.users.officer) == {"Của A"}


def test_another_units_initiative_is_404(org, make, client_for):
    item = make(State.SUBMITTED)
    assert client_for(org.users.head_b).get(f"{API}/initiatives/{item.pk}/").status_code == 404
    assert _post(client_for(org.users.head_b), f"{API}/initiatives/{item.pk}/submit/").status_code == 404


def test_submit_twice_via_the_api_gives_one_submission(org, make, client_for):
    item = make()
    client = client_for(org.users.staff_a)
    assert _post(client, f"{API}/initiatives/{item.pk}/submit/").json()["state"] == "submitted"
    second = _post(client, f"{API}/initiatives/{item.pk}/submit/")
    assert second.status_code == 409 and "Không thể chuyển từ «Đã gửi»" in second.json()["detail"]
    assert ActivityLog.objects.for_object(item).filter(action="transition").count() == 1


def test_editing_after_submission_via_the_api(org, make, client_for):
    item = make(State.SUBMITTED)
    response = client_for(org.users.staff_a).patch(
        f"{API}/initiatives/{item.pk}/", json.dumps({"title": "Mới"}), content_type="application/json"
    )
    assert response.status_code == 409 and "không sửa được" in response.json()["detail"]
    assert Initiative.objects.get(pk=item.pk).title != "Mới"


def test_partial_update_of_a_draft_keeps_authors_and_tags(org, make, client_for):
    item = make()
    response = client_for(org.users.staff_a).patch(
        f"{API}/initiatives/{item.pk}/", json.dumps({"paper_saved": 10}), content_type="application/json"
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.paper_saved == 10 and item.tags == "chuyen_doi_so,cai_cach_tthc" and item.authors.count() == 1


def test_the_office_walks_the_workflow_through_the_api(org, make, client_for):
    item = make(State.SUBMITTED)
    office = client_for(org.users.officer)
    assert _post(office, f"{API}/initiatives/{item.pk}/start-review/").json()["state"] == "under_review"
    score = _post(
        client_for(org.users.councillor),
        f"{API}/initiative-scores/",
        {"initiative": item.pk, "novelty": 8, "effectiveness": 8, "applicability": 7},
    )
    assert score.status_code == 201 and score.json()["total"] == 23
    refused = _post(office, f"{API}/initiatives/{item.pk}/recognise/", {"scope": "co_so"})
    assert refused.status_code == 400 and set(refused.json()) == {"decision_number", "decision_date"}
    done = _post(
        office,
        f"{API}/initiatives/{item.pk}/recognise/",
        {"scope": "co_so", "decision_number": "215/QĐ-STP", "decision_date": "2026-10-20"},
    )
    assert done.json()["state"] == "recognised" and done.json()["decision_number"] == "215/QĐ-STP"
    forward = _post(office, f"{API}/initiatives/{item.pk}/put-forward/")
    assert forward.json()["put_forward"] is True


def test_not_recognise_and_return_need_a_reason_via_the_api(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    office = client_for(org.users.officer)
    assert "reason" in _post(office, f"{API}/initiatives/{item.pk}/not-recognise/", {"reason": ""}).json()
    assert "reason" in _post(office, f"{API}/initiatives/{item.pk}/return/", {}).json()
    returned = _post(office, f"{API}/initiatives/{item.pk}/return/", {"reason": "Bổ sung minh chứng"})
    assert returned.json()["state"] == "returned" and returned.json()["return_reason"] == "Bổ sung minh chứng"


def test_office_actions_are_403_for_a_unit_head(org, make, client_for):
    item = make(State.SUBMITTED)
    assert _post(client_for(org.users.head_a), f"{API}/initiatives/{item.pk}/start-review/").status_code == 403
    assert Initiative.objects.get(pk=item.pk).state == State.SUBMITTED


# --- scores --------------------------------------------------------------------------------


def test_scoring_twice_via_the_api_keeps_one_row(org, make, client_for):
    item = make(State.UNDER_REVIEW)
    client = client_for(org.users.councillor)
    _post(
        client,
        f"{API}/initiative-scores/",
        {"initiative": item.pk, "novelty": 5, "effectiveness": 5, "applicability": 5},
    )
    _post(
        client,
        f"{API}/initiative-scores/",
        {"initiative": item.pk, "novelty": 9, "effectiveness": 5, "applicability": 5},
    )
    assert Score.objects.get().novelty == 9
    row = Score.objects.get()
    response = client.patch(
        f"{API}/initiative-scores/{row.pk}/", json.dumps({"comment": "Đọc lại"}), content_type="application/json"
    )
    assert response.json()["comment"] == "Đọc lại" and response.json()["novelty"] == 9


def test_score_out_of_range_via_the_api(org, make, client_for):
    item = make(State.UNDER_REVIEW)
    response = _post(
        client_for(org.users.councillor),
        f"{API}/initiative-scores/",
        {"initiative": item.pk, "novelty": 12, "effectiveness": 5, "applicability": 5},
    )
    assert "«Tính mới» phải là số nguyên từ 0 đến 10 (đã nhập 12)" in response.json()["novelty"][0]
    assert not Score.objects.exists()


def test_score_with_a_conflict_via_the_api(org, make, client_for):
    item = make(
        State.UNDER_REVIEW, unit=org.units.office, creator=org.users.officer, authors=[(org.people.officer, 100)]
    )
    response = _post(
        client_for(org.users.councillor),
        f"{API}/initiative-scores/",
        {"initiative": item.pk, "novelty": 8, "effectiveness": 8, "applicability": 8},
    )
    assert response.status_code == 400 and "xung đột lợi ích" in response.json()["non_field_errors"][0]
    assert not Score.objects.exists()


def test_scores_are_for_council_members_and_only_their_own(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    assert (
        _post(
            client_for(org.users.head_a),
            f"{API}/initiative-scores/",
            {"initiative": item.pk, "novelty": 8, "effectiveness": 8, "applicability": 8},
        ).status_code
        == 403
    )
    assert client_for(org.users.director).get(f"{API}/initiative-scores/").json()["count"] == 0
    row = Score.objects.get()
    assert client_for(org.users.director).get(f"{API}/initiative-scores/{row.pk}/").status_code == 404


# --- library and adoption ----------------------------------------------------------------------


def test_library_lists_only_recognised_and_searches_without_diacritics(org, make, client_for):
    make(State.RECOGNISED, title="Số hóa hồ sơ lý lịch tư pháp")
    make(State.UNDER_REVIEW, title="Số hóa sổ hộ tịch")
    make(title="Số hóa bản nháp")
    client = client_for(org.users.head_b)
    assert [r["title"] for r in client.get(f"{API}/initiative-library/").json()["results"]] == [
        "Số hóa hồ sơ lý lịch tư pháp"
    ]
    assert client.get(f"{API}/initiative-library/", {"search": "so hoa ly lich"}).json()["count"] == 1
    assert client.get(f"{API}/initiative-library/", {"search": "ho tich"}).json()["count"] == 0
    assert client.get(f"{API}/initiative-library/", {"tag": "chuyen_doi_xanh"}).json()["count"] == 0


def test_adoption_via_the_api_once_per_unit(org, make, client_for):
    item = make(State.RECOGNISED)
    client = client_for(org.users.head_b)
    first = _post(
        client,
        f"{API}/initiative-adoptions/",
        {"initiative": item.pk, "unit": org.units.b.pk, "applied_on": "2026-11-02", "result": "Áp dụng"},
    )
    second = _post(
        client,
        f"{API}/initiative-adoptions/",
        {"initiative": item.pk, "unit": org.units.b.pk, "applied_on": "2026-11-03", "result": "Lại"},
    )
    assert first.status_code == 201 and second.status_code == 400
    assert "đã đánh dấu" in second.json()["unit"][0]
    assert Adoption.objects.count() == 1
    library = client.get(f"{API}/initiative-library/{item.pk}/").json()
    assert library["adopted_by"] == ["Trung tâm Trợ giúp pháp lý"]


def test_adoption_of_an_unrecognised_initiative_is_refused(org, make, client_for):
    item = make(State.UNDER_REVIEW)
    response = _post(
        client_for(org.users.head_b),
        f"{API}/initiative-adoptions/",
        {"initiative": item.pk, "unit": org.units.b.pk, "applied_on": "2026-11-02", "result": "Áp dụng"},
    )
    assert response.status_code == 400 and not Adoption.objects.exists()


# --- query counts and schema -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "persona", "state", "params"),
    [
        ("initiatives", "officer", State.UNDER_REVIEW, {}),
        ("initiatives", "staff_a", State.DRAFT, {}),
        ("initiative-scores", "councillor", State.UNDER_REVIEW, {}),
        ("initiative-library", "head_b", State.RECOGNISED, {}),
        ("initiative-library", "head_b", State.RECOGNISED, {"search": "ho so", "scope": "co_so"}),
    ],
)
def test_api_lists_run_a_fixed_number_of_queries(org, make, client_for, path, persona, state, params):
    def add_rows():
        for i in range(3):
            item = make(state, title=f"Hồ sơ {i}", authors=[(org.people.staff_a, 60), (org.people.head_a, 40)])
            if path == "initiative-scores":
                from thidua.initiatives import services

                services.score(actor=org.users.councillor, initiative=item, novelty=5, effectiveness=5, applicability=5)

    add_rows()
    client = client_for(getattr(org.users, persona))
    url = f"{API}/{path}/"
    client.get(url, params)
    before = _count(client, url, params)
    add_rows()
    assert _count(client, url, params) == before


def test_anonymous_gets_nothing(client, org, make):
    make(State.RECOGNISED)
    assert client.get(f"{API}/initiative-library/").status_code == 403
    assert client.get(f"{API}/initiatives/").status_code == 403


def test_schema_covers_the_initiative_endpoints(org, client_for):
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    paths = set(schema["paths"])
    for path in [
        "/api/v1/initiatives/",
        "/api/v1/initiatives/{id}/submit/",
        "/api/v1/initiatives/{id}/recognise/",
        "/api/v1/initiatives/{id}/return/",
        "/api/v1/initiatives/{id}/put-forward/",
        "/api/v1/initiatives/{id}/higher-recognition/",
        "/api/v1/initiative-adoptions/",
        "/api/v1/initiative-scores/",
        "/api/v1/initiative-library/",
        "/api/v1/initiative-adoptions/",
    ]:
        assert path in paths
