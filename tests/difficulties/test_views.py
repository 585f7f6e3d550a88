"""The difficulty pages for each role: raising, the office's and the director's steps,
what the unit sees of the decision, what other units cannot see, and a fixed number of
queries on every list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.core.codes import State
from thidua.difficulties.models import Difficulty

pytestmark = pytest.mark.django_db

RAISE = {
    "title": "Thiếu chứng thư số",
    "description": "Chỉ có 2 chứng thư cho 6 người.",
    "proposal": "Cấp bổ sung 4 chứng thư số.",
    "source_label": "",
    "content_area": "",
}


def _body(response) -> str:
    return response.content.decode()


def test_a_unit_head_raises_and_sends_to_the_office(org, plan, client_for):
    area = plan.content_areas.get(number="2")
    response = client_for(org.users.head_a).post(
        reverse("difficulty_create"), RAISE | {"unit": org.units.a.pk, "content_area": area.pk, "gui": "1"}, follow=True
    )
    difficulty = Difficulty.objects.get()
    assert (difficulty.unit, difficulty.state, difficulty.content_area) == (org.units.a, State.SUBMITTED, area)
    body = _body(response)
    assert "Đã gửi Văn phòng Sở." in body
    assert 'data-state="submitted"' in body
    assert "Văn phòng Sở tiếp nhận" in body  # the next step, in words


def test_saving_a_draft_says_it_is_not_sent(org, plan, client_for):
    response = client_for(org.users.staff_a).post(
        reverse("difficulty_create"), RAISE | {"unit": org.units.a.pk, "nhap": "1"}, follow=True
    )
    assert Difficulty.objects.get().state == State.DRAFT
    assert "Khó khăn chưa được gửi" in _body(response)
    assert 'data-state="draft"' in _body(response)


def test_raising_for_another_unit_is_forbidden_and_saves_nothing(org, plan, client_for):
    response = client_for(org.users.head_a).post(
        reverse("difficulty_create"), RAISE | {"unit": org.units.b.pk, "gui": "1"}
    )
    assert response.status_code == 403
    assert not Difficulty.objects.exists()


def test_the_form_offers_only_the_users_own_unit(org, plan, client_for):
    body = _body(client_for(org.users.head_a).get(reverse("difficulty_create")))
    assert "Phòng Phổ biến, giáo dục pháp luật" in body
    assert "Trung tâm Trợ giúp pháp lý" not in body


def test_the_director_without_a_unit_role_cannot_open_the_form(org, plan, client_for):
    assert client_for(org.users.director).get(reverse("difficulty_create")).status_code == 403


def test_a_missing_title_is_explained_and_the_typed_text_is_kept(org, plan, client_for):
    response = client_for(org.users.head_a).post(
        reverse("difficulty_create"), RAISE | {"unit": org.units.a.pk, "title": "", "gui": "1"}
    )
    body = _body(response)
    assert "Hãy nhập tiêu đề khó khăn, vướng mắc." in body
    assert "Chỉ có 2 chứng thư cho 6 người." in body
    assert not Difficulty.objects.exists()


@pytest.mark.parametrize("url_name", ["difficulty_detail", "difficulty_edit"])
def test_another_units_difficulty_is_404(org, client_for, raise_for, url_name):
    difficulty = raise_for("draft")
    for persona in ("head_b", "officer"):  # the office does not see a unit's unsent draft either
        response = client_for(getattr(org.users, persona)).get(reverse(url_name, args=[difficulty.pk]))
        assert response.status_code == 404
        assert "Thiếu chứng thư số cho công chức" not in _body(response)


def test_the_office_takes_in_and_passes_to_the_director(org, client_for, raise_for):
    difficulty = raise_for("submitted")
    client = client_for(org.users.officer)
    client.post(reverse("difficulty_accept", args=[difficulty.pk]))
    response = client.post(
        reverse("difficulty_review", args=[difficulty.pk]),
        {"summary": "Hai đơn vị cùng thiếu.", "recommendation": "Đề nghị đồng ý."},
        follow=True,
    )
    difficulty.refresh_from_db()
    assert difficulty.state == State.UNDER_REVIEW
    assert "Đã trình Giám đốc Sở." in _body(response)
    assert "Giám đốc Sở quyết định" in _body(response)


def test_the_office_review_without_recommendation_keeps_the_summary(org, client_for, raise_for):
    difficulty = raise_for("accepted")
    response = client_for(org.users.officer).post(
        reverse("difficulty_review", args=[difficulty.pk]), {"summary": "Hai đơn vị cùng thiếu.", "recommendation": " "}
    )
    body = _body(response)
    assert "Hãy ghi đề xuất của Văn phòng Sở để Giám đốc xem xét." in body
    assert "Hai đơn vị cùng thiếu." in body
    difficulty.refresh_from_db()
    assert (difficulty.state, difficulty.office_summary) == (State.ACCEPTED, "")


@pytest.mark.parametrize("persona", ["staff_a", "head_a", "officer"])
def test_only_the_director_may_decide(org, client_for, raise_for, persona):
    difficulty = raise_for("under_review")
    response = client_for(getattr(org.users, persona)).post(
        reverse("difficulty_decide", args=[difficulty.pk]), {"decision": "Đồng ý.", "decided_on": "2026-08-01"}
    )
    assert response.status_code == 403
    difficulty.refresh_from_db()
    assert (difficulty.state, difficulty.decision) == (State.UNDER_REVIEW, "")


def test_the_decision_form_is_shown_to_the_director_only(org, client_for, raise_for):
    difficulty = raise_for("under_review")
    url = reverse("difficulty_detail", args=[difficulty.pk])
    assert "Ghi quyết định" in _body(client_for(org.users.director).get(url))
    assert "Ghi quyết định" not in _body(client_for(org.users.officer).get(url))
    assert "Ghi quyết định" not in _body(client_for(org.users.head_a).get(url))


def test_a_decision_without_text_is_explained_and_the_date_is_kept(org, client_for, raise_for):
    difficulty = raise_for("under_review")
    response = client_for(org.users.director).post(
        reverse("difficulty_decide", args=[difficulty.pk]), {"decision": "", "decided_on": "2026-08-01"}
    )
    body = _body(response)
    assert "Hãy ghi nội dung quyết định" in body
    assert 'value="2026-08-01"' in body
    difficulty.refresh_from_db()
    assert (difficulty.state, difficulty.decision) == (State.UNDER_REVIEW, "")


def test_the_unit_sees_the_decision_on_the_page_and_in_its_list(org, client_for, raise_for):
    difficulty = raise_for("under_review")
    client_for(org.users.director).post(
        reverse("difficulty_decide", args=[difficulty.pk]),
        {"decision": "Đồng ý cấp 4 chứng thư.", "decided_on": "2026-08-01"},
    )
    staff = client_for(org.users.staff_a)
    detail = _body(staff.get(reverse("difficulty_detail", args=[difficulty.pk])))
    assert "Đồng ý cấp 4 chứng thư." in detail
    assert "Nguyễn Khánh Lâm" in detail and "01/08/2026" in detail
    assert 'data-state="decided"' in detail
    listing = _body(staff.get(reverse("difficulty_list")))
    assert "Đồng ý cấp 4 chứng thư." in listing


def test_editing_after_the_decision_is_refused_with_the_reason(org, client_for, raise_for):
    difficulty = raise_for("decided")
    response = client_for(org.users.head_a).post(
        reverse("difficulty_edit", args=[difficulty.pk]), RAISE | {"title": "Sửa sau quyết định"}, follow=True
    )
    assert "đã có quyết định của Giám đốc Sở" in _body(response)
    difficulty.refresh_from_db()
    assert difficulty.title == "Thiếu chứng thư số cho công chức"


def test_a_double_click_on_submit_sends_once(org, client_for, raise_for):
    difficulty = raise_for("draft")
    client = client_for(org.users.head_a)
    client.post(reverse("difficulty_submit", args=[difficulty.pk]))
    response = client.post(reverse("difficulty_submit", args=[difficulty.pk]), follow=True)
    assert "«Đã gửi»" in _body(response)
    assert difficulty.history().filter(action="transition").count() == 1


def test_the_office_closes_and_the_lists_filter_open_and_closed(org, client_for, raise_for):
    done = raise_for("decided", title="Đã thực hiện xong")
    waiting = raise_for("submitted", title="Còn chờ")
    client = client_for(org.users.officer)
    client.post(reverse("difficulty_close", args=[done.pk]), {"note": "Đã cấp đủ chứng thư."})
    open_titles = {d.title for d in client.get(reverse("difficulty_list")).context["page_obj"]}
    closed_titles = {
        d.title for d in client.get(reverse("difficulty_list"), {"tinh_trang": "dong"}).context["page_obj"]
    }
    assert (open_titles, closed_titles) == ({waiting.title}, {done.title})


def test_the_office_list_shows_how_long_each_item_has_been_open(org, client_for, raise_for):
    import time_machine

    with time_machine.travel("2026-10-01 09:00 +07:00", tick=False):
        raise_for("submitted")
    with time_machine.travel("2026-10-13 09:00 +07:00", tick=False):
        body = _body(client_for(org.users.officer).get(reverse("difficulty_office_queue")))
    assert "12 ngày" in body
    assert "01/10/2026" in body


def test_the_queues_hold_whose_turn_it_is(org, client_for, raise_for):
    raise_for("submitted", title="Chờ tiếp nhận")
    raise_for("under_review", title="Chờ quyết định")
    raise_for("closed", title="Đã đóng xong")
    office = {
        d.title for d in client_for(org.users.officer).get(reverse("difficulty_office_queue")).context["page_obj"]
    }
    director = {
        d.title for d in client_for(org.users.director).get(reverse("difficulty_director_queue")).context["page_obj"]
    }
    assert office == {"Chờ tiếp nhận"}
    assert director == {"Chờ quyết định"}


@pytest.mark.parametrize(
    ("persona", "url_name"),
    [
        ("head_a", "difficulty_office_queue"),
        ("director", "difficulty_office_queue"),
        ("officer", "difficulty_director_queue"),
        ("head_a", "difficulty_director_queue"),
    ],
)
def test_queues_belong_to_their_role(org, client_for, persona, url_name):
    assert client_for(getattr(org.users, persona)).get(reverse(url_name)).status_code == 403


def test_a_unit_head_of_b_lists_only_b(org, client_for, raise_for):
    raise_for("submitted", title="Của A")
    raise_for("submitted", unit=org.units.b, title="Của B")
    titles = {d.title for d in client_for(org.users.head_b).get(reverse("difficulty_list")).context["page_obj"]}
    assert titles == {"Của B"}


def test_the_detail_page_shows_the_history(org, client_for, raise_for):
    difficulty = raise_for("under_review")
    body = _body(client_for(org.users.head_a).get(reverse("difficulty_detail", args=[difficulty.pk])))
    assert "Lịch sử" in body
    assert "Hoàng Thị Thu" in body and "Nguyễn Văn Đạt" in body  # names, not login names


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("persona", "url_name", "step"),
    [
        ("officer", "difficulty_list", "decided"),
        ("head_a", "difficulty_list", "decided"),
        ("officer", "difficulty_office_queue", "accepted"),
        ("director", "difficulty_director_queue", "under_review"),
    ],
)
def test_lists_run_a_fixed_number_of_queries(org, client_for, raise_for, persona, url_name, step):
    client = client_for(getattr(org.users, persona))
    url = reverse(url_name)
    raise_for(step, title="Đầu tiên")
    client.get(url)
    before = _queries(client, url)
    for n in range(6):
        raise_for(step, title=f"Thêm {n}")
    assert len(client.get(url).context["page_obj"]) == 7
    assert _queries(client, url) == before
