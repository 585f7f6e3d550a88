"""The library of recognised initiatives: open to every signed-in user, searchable
without diacritics, filtered, and marked "áp dụng tại đơn vị chúng tôi" once per unit."""

import pytest
from django.urls import reverse

from thidua.core.codes import State
from thidua.initiatives.enums import Tag
from thidua.initiatives.models import Adoption

pytestmark = pytest.mark.django_db


def _titles(response) -> set[str]:
    return {i.title for i in response.context["page_obj"]}


@pytest.fixture
def shelf(org, make):
    """One initiative in each state, plus a second recognised one of unit B."""
    return {
        state: make(state, title=f"Sáng kiến {state}")
        for state in [
            State.DRAFT,
            State.SUBMITTED,
            State.UNDER_REVIEW,
            State.RETURNED,
            State.NOT_RECOGNISED,
            State.RECOGNISED,
        ]
    } | {
        "b": make(
            State.RECOGNISED,
            unit=org.units.b,
            creator=org.users.head_b,
            authors=[(org.people.head_b, 100)],
            title="Trợ lý ảo hỏi đáp pháp luật",
            tags=[Tag.GREEN],
            problem="Người dân vùng cao khó hỏi luật.",
            solution="Trả lời tự động trên Zalo.",
        )
    }


@pytest.mark.parametrize("persona", ["staff_a", "head_b", "officer", "councillor", "director"])
def test_library_shows_only_recognised_initiatives_to_everyone(org, shelf, client_for, persona):
    titles = _titles(client_for(getattr(org.users, persona)).get(reverse("library")))
    assert titles == {"Sáng kiến recognised", "Trợ lý ảo hỏi đáp pháp luật"}


def test_drafts_and_unrecognised_of_another_unit_never_open_in_the_library(org, shelf, client_for):
    client = client_for(org.users.head_b)
    for state in [State.DRAFT, State.SUBMITTED, State.UNDER_REVIEW, State.RETURNED, State.NOT_RECOGNISED]:
        response = client.get(reverse("library_detail", args=[shelf[state].pk]))
        assert response.status_code == 404
        assert f"Sáng kiến {state}" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tro ly ao", {"Trợ lý ảo hỏi đáp pháp luật"}),
        ("TRỢ LÝ", {"Trợ lý ảo hỏi đáp pháp luật"}),
        ("vung cao", {"Trợ lý ảo hỏi đáp pháp luật"}),
        ("danh chi muc", {"Sáng kiến recognised"}),
        ("xyz khong thay", set()),
    ],
)
def test_search_ignores_diacritics(org, shelf, client_for, query, expected):
    assert _titles(client_for(org.users.head_b).get(reverse("library"), {"q": query})) == expected


def test_filters_by_tag_scope_and_content_area(org, shelf, client_for, plan):
    client = client_for(org.users.staff_a)
    assert _titles(client.get(reverse("library"), {"tag": "chuyen_doi_xanh"})) == {"Trợ lý ảo hỏi đáp pháp luật"}
    assert _titles(client.get(reverse("library"), {"tag": "cai_cach_tthc"})) == {"Sáng kiến recognised"}
    assert _titles(client.get(reverse("library"), {"scope": "tinh"})) == set()
    area = plan.content_areas.get(number="2").pk
    assert len(_titles(client.get(reverse("library"), {"content_area": area, "scope": "co_so"}))) == 2


def test_detail_shows_what_another_unit_needs_to_replicate(org, shelf, client_for):
    body = (
        client_for(org.users.head_b).get(reverse("library_detail", args=[shelf[State.RECOGNISED].pk])).content.decode()
    )
    for text in [
        "Hồ sơ giấy, tra cứu chậm.",
        "Quét và đánh chỉ mục",
        "Đặng Thị Hương",
        "Phòng Phổ biến",
        "215/QĐ-STP",
        "20/10/2026",
        "1.200",
    ]:
        assert text in body


def test_marking_applied_shows_the_unit_and_a_second_mark_is_refused(org, shelf, client_for):
    item = shelf[State.RECOGNISED]
    client = client_for(org.users.head_b)
    url = reverse("library_apply", args=[item.pk])
    typed = {"unit": org.units.b.pk, "applied_on": "02/11/2026", "result": "1.250 hồ sơ tra cứu điện tử"}
    body = client.post(url, typed, follow=True).content.decode()
    assert "Trung tâm Trợ giúp pháp lý</strong>" in body and "áp dụng từ 02/11/2026" in body
    assert "1.250 hồ sơ tra cứu điện tử" in body
    again = client.post(url, typed | {"result": "Ghi lần hai"}).content.decode()
    assert "đã đánh dấu áp dụng sáng kiến này rồi" in again and "Ghi lần hai" in again
    assert Adoption.objects.count() == 1


def test_a_unit_cannot_mark_its_own_initiative(org, shelf, client_for):
    response = client_for(org.users.head_a).post(
        reverse("library_apply", args=[shelf[State.RECOGNISED].pk]),
        {"unit": org.units.a.pk, "applied_on": "02/11/2026", "result": "Áp dụng"},
    )
    assert "Đây là sáng kiến của chính" in response.content.decode()
    assert not Adoption.objects.exists()


def test_marking_for_another_unit_is_refused(org, shelf, client_for):
    response = client_for(org.users.head_a).post(
        reverse("library_apply", args=[shelf["b"].pk]),
        {"unit": org.units.office.pk, "applied_on": "02/11/2026", "result": "Áp dụng"},
    )
    assert response.status_code == 200 and "Hãy chọn" in response.content.decode()
    assert not Adoption.objects.exists()
