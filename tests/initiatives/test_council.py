"""The council's pages: "chưa chấm" with its count, scoring with its refusals, and
declaring a conflict of interest."""

import pytest
from django.urls import reverse

from thidua.core.codes import State
from thidua.initiatives.models import ConflictDeclaration, Score

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return response.content.decode()


def test_not_yet_scored_lists_and_counts_what_i_may_score(org, make, client_for):
    to_do = make(State.UNDER_REVIEW, title="Chưa chấm")
    done = make(State.UNDER_REVIEW, title="Đã chấm", scores=[org.users.councillor])
    own = make(
        State.UNDER_REVIEW,
        title="Của Văn phòng",
        unit=org.units.office,
        creator=org.users.officer,
        authors=[(org.people.officer, 100)],
    )
    make(State.SUBMITTED, title="Chưa chuyển hội đồng")
    response = client_for(org.users.councillor).get(reverse("council_queue"))
    assert [i.pk for i in response.context["to_score"]] == [to_do.pk]
    assert [i.pk for i in response.context["scored"]] == [done.pk]
    assert [i.pk for i in response.context["conflicted"]] == [own.pk]
    assert 'data-testid="to-score-count">1<' in _body(response)


def test_the_queue_is_for_council_members_only(org, client_for):
    assert client_for(org.users.head_a).get(reverse("council_queue")).status_code == 403


def test_scoring_through_the_page_then_changing_it_keeps_one_row(org, make, client_for):
    item = make(State.UNDER_REVIEW)
    client = client_for(org.users.councillor)
    url = reverse("initiative_score", args=[item.pk])
    client.post(url, {"novelty": "6", "effectiveness": "7", "applicability": "8", "comment": ""})
    client.post(url, {"novelty": "9", "effectiveness": "7", "applicability": "8", "comment": "Sửa sau khi đọc lại"})
    row = Score.objects.get()
    assert (row.novelty, row.comment) == (9, "Sửa sau khi đọc lại")
    body = _body(client.get(url))
    assert 'value="9"' in body and "Lịch sử phiếu chấm của tôi" in body


@pytest.mark.parametrize("value", ["11", "-1", "7.5", "mười"])
def test_a_score_outside_0_to_10_keeps_what_was_typed(org, make, client_for, value):
    item = make(State.UNDER_REVIEW)
    body = _body(
        client_for(org.users.councillor).post(
            reverse("initiative_score", args=[item.pk]),
            {"novelty": value, "effectiveness": "7", "applicability": "8", "comment": "Nhận xét đã gõ"},
        )
    )
    assert "Điểm «Tính mới» phải là số nguyên từ 0 đến 10." in body
    assert f'value="{value}"' in body and "Nhận xét đã gõ" in body
    assert not Score.objects.exists()


def test_scoring_ones_own_unit_is_refused_with_the_reason(org, make, client_for):
    item = make(
        State.UNDER_REVIEW, unit=org.units.office, creator=org.users.officer, authors=[(org.people.officer, 100)]
    )
    client = client_for(org.users.councillor)
    url = reverse("initiative_score", args=[item.pk])
    assert "không chấm sáng kiến của đơn vị mình" in _body(client.get(url))
    body = _body(client.post(url, {"novelty": "9", "effectiveness": "9", "applicability": "9"}))
    assert "không chấm sáng kiến của đơn vị mình («Văn phòng Sở»)" in body
    assert not Score.objects.exists()


def test_scoring_a_co_authored_initiative_is_refused(org, make, client_for):
    item = make(
        State.UNDER_REVIEW, creator=org.users.officer, authors=[(org.people.staff_a, 50), (org.people.councillor, 50)]
    )
    body = _body(
        client_for(org.users.councillor).post(
            reverse("initiative_score", args=[item.pk]), {"novelty": "9", "effectiveness": "9", "applicability": "9"}
        )
    )
    assert "đồng tác giả" in body
    assert not Score.objects.exists()


def test_declaring_a_conflict_on_the_page_then_scoring_is_refused(org, make, client_for):
    item = make(State.UNDER_REVIEW)
    client = client_for(org.users.councillor)
    client.post(reverse("initiative_conflict", args=[item.pk]), {"reason": "Vợ của tác giả"})
    assert ConflictDeclaration.objects.get().reason == "Vợ của tác giả"
    body = _body(
        client.post(
            reverse("initiative_score", args=[item.pk]), {"novelty": "9", "effectiveness": "9", "applicability": "9"}
        )
    )
    assert "đã khai báo xung đột lợi ích" in body
    assert not Score.objects.exists()
    office = client_for(org.users.officer).get(reverse("initiative_detail", args=[item.pk]))
    assert ("hoidong", "tự khai báo: Vợ của tác giả") in [
        (m.username, why) for m, why in office.context["review"].conflicted
    ]


def test_declaring_without_a_reason_is_refused(org, make, client_for):
    item = make(State.UNDER_REVIEW)
    body = _body(client_for(org.users.councillor).post(reverse("initiative_conflict", args=[item.pk]), {"reason": ""}))
    assert "Hãy ghi ngắn gọn lý do xung đột lợi ích." in body
    assert not ConflictDeclaration.objects.exists()
