"""The difficulties API: the same rules and services as the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core.codes import State
from thidua.difficulties.models import Difficulty

pytestmark = pytest.mark.django_db

LIST = "/api/v1/difficulties/"
BODY = {"title": "Thiếu chứng thư số", "description": "Chỉ có 2 chứng thư.", "proposal": "Cấp bổ sung."}


def _url(difficulty, step: str = "") -> str:
    return f"{LIST}{difficulty.pk}/" + (f"{step}/" if step else "")


def test_a_unit_head_raises_through_the_api(org, plan, client_for):
    response = client_for(org.users.head_a).post(LIST, BODY | {"unit": org.units.a.pk}, content_type="application/json")
    assert response.status_code == 201
    assert (response.json()["state"], response.json()["state_label"]) == ("submitted", "Đã gửi")
    assert Difficulty.objects.get().plan == plan


def test_raising_for_another_unit_is_403_and_saves_nothing(org, plan, client_for):
    response = client_for(org.users.head_a).post(LIST, BODY | {"unit": org.units.b.pk}, content_type="application/json")
    assert response.status_code == 403
    assert "Trung tâm Trợ giúp pháp lý" in response.json()["detail"]
    assert not Difficulty.objects.exists()


def test_a_missing_title_is_400_with_the_reason(org, plan, client_for):
    response = client_for(org.users.head_a).post(
        LIST, BODY | {"unit": org.units.a.pk, "title": ""}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"title": ["Hãy nhập tiêu đề khó khăn, vướng mắc."]}
    assert not Difficulty.objects.exists()


def test_the_list_holds_only_what_the_account_may_see(org, client_for, raise_for):
    raise_for("submitted", title="Của A")
    raise_for("submitted", unit=org.units.b, title="Của B")
    titles = [row["title"] for row in client_for(org.users.head_b).get(LIST).json()["results"]]
    assert titles == ["Của B"]


def test_another_units_item_is_404(org, client_for, raise_for):
    difficulty = raise_for("under_review")
    response = client_for(org.users.head_b).get(_url(difficulty))
    assert response.status_code == 404
    assert "chứng thư" not in response.content.decode()


def test_review_decide_and_close_through_the_api(org, client_for, raise_for):
    difficulty = raise_for("submitted")
    office, director = client_for(org.users.officer), client_for(org.users.director)
    assert office.post(_url(difficulty, "accept")).json()["state"] == "accepted"
    reviewed = office.post(
        _url(difficulty, "review"), {"summary": "Đúng.", "recommendation": "Đồng ý."}, content_type="application/json"
    ).json()
    assert reviewed["state"] == "under_review"
    decided = director.post(
        _url(difficulty, "decide"), {"decision": "Đồng ý cấp."}, content_type="application/json"
    ).json()
    assert (decided["state"], decided["decided_by_name"]) == ("decided", "Nguyễn Khánh Lâm")
    closed = office.post(_url(difficulty, "close"), {"note": "Xong."}, content_type="application/json").json()
    assert closed["closed_on"] is not None and closed["next_step"] == "Đã đóng"
    assert [row["title"] for row in office.get(LIST, {"open": "0"}).json()["results"]] == [difficulty.title]
    assert office.get(LIST, {"open": "1"}).json()["results"] == []


@pytest.mark.parametrize("persona", ["staff_a", "officer"])
def test_only_the_director_decides_through_the_api(org, client_for, raise_for, persona):
    difficulty = raise_for("under_review")
    response = client_for(getattr(org.users, persona)).post(
        _url(difficulty, "decide"), {"decision": "Đồng ý."}, content_type="application/json"
    )
    assert response.status_code == 403
    difficulty.refresh_from_db()
    assert difficulty.state == State.UNDER_REVIEW


def test_a_decision_without_text_is_400(org, client_for, raise_for):
    difficulty = raise_for("under_review")
    response = client_for(org.users.director).post(
        _url(difficulty, "decide"), {"decision": ""}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "Hãy ghi nội dung quyết định" in response.json()["decision"][0]


def test_a_step_the_state_forbids_is_409_with_the_reason(org, client_for, raise_for):
    difficulty = raise_for("decided")
    response = client_for(org.users.director).post(
        _url(difficulty, "decide"), {"decision": "Lần nữa."}, content_type="application/json"
    )
    assert response.status_code == 409
    assert "Không thể chuyển từ «Đã có quyết định»" in response.json()["detail"]


def test_the_api_list_runs_a_fixed_number_of_queries(org, client_for, raise_for):
    client = client_for(org.users.officer)
    raise_for("decided", title="Đầu tiên")
    client.get(LIST)
    with CaptureQueriesContext(connection) as first:
        client.get(LIST)
    for n in range(5):
        raise_for("decided", title=f"Thêm {n}")
    with CaptureQueriesContext(connection) as second:
        assert len(client.get(LIST).json()["results"]) == 6
    assert len(second.captured_queries) == len(first.captured_queries)


def test_a_difficulty_raised_inside_a_unit_report_keeps_its_link(org, plan, client_for):
    response = client_for(org.users.staff_a).post(
        LIST,
        BODY | {"unit": org.units.a.pk, "source_label": "Báo cáo năm 2026", "unit_report_id": 41, "submit": False},
        content_type="application/json",
    )
    data = response.json()
    assert (data["state"], data["source_label"], data["unit_report_id"]) == ("draft", "Báo cáo năm 2026", 41)
    assert client_for(org.users.officer).get(_url(Difficulty.objects.get())).status_code == 404  # a draft stays home
