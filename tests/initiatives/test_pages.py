"""The initiative pages: lists, the form with its refusals, the detail page with the
office's actions, attachments and who may see what."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.initiatives.conftest import pdf, program_as_pdf
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.initiatives.models import Attachment, Initiative

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return response.content.decode()


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


# --- lists -----------------------------------------------------------------------------


def test_my_list_shows_my_initiatives_with_state_badges(org, make, client_for):
    make(title="Sáng kiến nháp của tôi")
    make(State.SUBMITTED, title="Sáng kiến đã gửi của tôi")
    body = _body(client_for(org.users.staff_a).get(reverse("initiative_list")))
    assert "Sáng kiến nháp của tôi" in body and "Sáng kiến đã gửi của tôi" in body
    assert 'data-state="draft">Nháp (chưa gửi)' in body
    assert 'data-state="submitted">Đã gửi' in body


def test_unit_list_of_the_head_does_not_show_another_unit(org, make, client_for):
    make(title="Của đơn vị A")
    make(unit=org.units.b, creator=org.users.head_b, authors=[(org.people.head_b, 100)], title="Của đơn vị B")
    body = _body(client_for(org.users.head_a).get(reverse("initiative_list"), {"xem": "don-vi"}))
    assert "Của đơn vị A" in body
    assert "Của đơn vị B" not in body


def test_office_list_by_state_hides_other_units_drafts(org, make, client_for):
    make(title="Bản nháp của phòng A")
    make(State.UNDER_REVIEW, title="Đang xem xét của phòng A")
    response = client_for(org.users.officer).get(reverse("initiative_office"))
    titles = {i.title for i in response.context["page_obj"]}
    assert titles == {"Đang xem xét của phòng A"}
    tabs = {value: count for value, _, count in response.context["tabs"]}
    assert tabs["under_review"] == 1 and tabs["draft"] == 0


def test_office_list_is_not_for_staff(org, client_for):
    assert client_for(org.users.staff_a).get(reverse("initiative_office")).status_code == 403


@pytest.mark.parametrize(
    ("url_name", "persona", "params"),
    [
        ("initiative_list", "staff_a", {}),
        ("initiative_list", "head_a", {"xem": "don-vi"}),
        ("initiative_office", "officer", {}),
        ("council_queue", "councillor", {}),
        ("library", "head_b", {}),
        ("library", "head_b", {"q": "ho so", "tag": "chuyen_doi_so"}),
    ],
)
def test_list_pages_run_a_fixed_number_of_queries(org, make, client_for, url_name, persona, params):
    def add_rows(state):
        for i in range(3):
            make(
                state, title=f"Sáng kiến hồ sơ {state} {i}", authors=[(org.people.staff_a, 60), (org.people.head_a, 40)]
            )

    state = {"library": State.RECOGNISED, "council_queue": State.UNDER_REVIEW}.get(url_name, State.UNDER_REVIEW)
    add_rows(state)
    client = client_for(getattr(org.users, persona))
    url = reverse(url_name)
    client.get(url, params)  # warm the session
    before = _queries(client, url, params)
    add_rows(state)
    assert _queries(client, url, params) == before


# --- the form -----------------------------------------------------------------------------


def test_create_saves_a_draft_and_says_it_is_not_submitted(org, client_for, formdata):
    response = client_for(org.users.staff_a).post(reverse("initiative_create"), formdata(), follow=True)
    item = Initiative.objects.get()
    assert item.state == State.DRAFT and item.created_by == org.users.staff_a
    assert "Sáng kiến chưa được gửi" in _body(response)


def test_shares_not_adding_to_100_keep_everything_typed(org, client_for, formdata):
    data = formdata(authors=[(org.people.staff_a, 60), (org.people.head_a, 30)])
    response = client_for(org.users.staff_a).post(reverse("initiative_create"), data)
    body = _body(response)
    assert "phải đúng 100% (hiện là 90%)" in body
    assert 'value="Trợ lý ảo hỏi đáp pháp luật"' in body
    assert "Người dân khó hỏi đáp pháp luật." in body
    assert 'name="authors-1-share" value="30"' in body
    assert f'<option value="{org.people.head_a.pk}" selected>' in body
    assert 'value="chuyen_doi_so"' in body and "checked" in body
    assert not Initiative.objects.exists()


def test_an_author_twice_is_refused_in_the_form(org, client_for, formdata):
    data = formdata(authors=[(org.people.staff_a, 50), (org.people.staff_a, 50)])
    body = _body(client_for(org.users.staff_a).post(reverse("initiative_create"), data))
    assert "«Đặng Thị Hương» có tên hai lần" in body
    assert 'value="Trợ lý ảo hỏi đáp pháp luật"' in body
    assert not Initiative.objects.exists()


def test_negative_benefit_is_refused_in_the_form(org, client_for, formdata):
    body = _body(client_for(org.users.staff_a).post(reverse("initiative_create"), formdata(hours_saved="-5")))
    assert "không được âm" in body
    assert 'value="-5"' in body
    assert not Initiative.objects.exists()


def test_program_renamed_pdf_is_refused_in_the_form(org, client_for, formdata):
    data = formdata(attachments=program_as_pdf())
    body = _body(client_for(org.users.staff_a).post(reverse("initiative_create"), data))
    assert "không phải là tệp .pdf thật (có thể đã bị đổi đuôi)" in body
    assert 'value="Trợ lý ảo hỏi đáp pháp luật"' in body
    assert not Initiative.objects.exists() and not Attachment.objects.exists()


def test_editing_after_submission_is_refused_saying_why(org, make, client_for, formdata):
    item = make(State.SUBMITTED)
    client = client_for(org.users.staff_a)
    response = client.post(reverse("initiative_edit", args=[item.pk]), formdata(title="Đổi tên"), follow=True)
    assert "nên không sửa được" in _body(response)
    assert Initiative.objects.get(pk=item.pk).title == "Số hóa hồ sơ lý lịch tư pháp"
    assert "nên không sửa được" in _body(client.get(reverse("initiative_edit", args=[item.pk]), follow=True))


def test_a_returned_initiative_is_edited_in_the_form(org, make, client_for, formdata):
    item = make(State.RETURNED)
    client = client_for(org.users.staff_a)
    assert "Bổ sung minh chứng." in _body(client.get(reverse("initiative_edit", args=[item.pk])))
    data = formdata(title="Tên đã sửa", authors=[(org.people.staff_a, 70), (org.people.head_a, 30)])
    client.post(reverse("initiative_edit", args=[item.pk]), data)
    item.refresh_from_db()
    assert item.title == "Tên đã sửa" and item.authors.count() == 2


def test_another_units_user_cannot_edit(org, make, client_for, formdata):
    item = make()
    assert client_for(org.users.head_b).get(reverse("initiative_edit", args=[item.pk])).status_code == 404


# --- detail and actions --------------------------------------------------------------------


def test_double_click_on_submit_gives_one_submission(org, make, client_for):
    item = make()
    client = client_for(org.users.staff_a)
    url = reverse("initiative_submit", args=[item.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "đã được gửi trước đó" in _body(response)
    assert Initiative.objects.get(pk=item.pk).state == State.SUBMITTED
    assert ActivityLog.objects.for_object(item).filter(action="transition").count() == 1


def test_detail_of_another_unit_is_404(org, make, client_for):
    item = make(State.SUBMITTED)
    response = client_for(org.users.head_b).get(reverse("initiative_detail", args=[item.pk]))
    assert response.status_code == 404
    assert "Số hóa hồ sơ" not in _body(response)


def test_the_office_does_not_see_another_units_draft(org, make, client_for):
    item = make()
    assert client_for(org.users.officer).get(reverse("initiative_detail", args=[item.pk])).status_code == 404


def test_detail_shows_history(org, make, client_for):
    item = make(State.SUBMITTED)
    body = _body(client_for(org.users.head_a).get(reverse("initiative_detail", args=[item.pk])))
    assert "chuyển trạng thái: Nháp (chưa gửi) → Đã gửi" in body and "Đặng Thị Hương" in body


def test_recognising_without_decision_keeps_what_was_typed(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    response = client_for(org.users.officer).post(
        reverse("initiative_recognise", args=[item.pk]), {"scope": "co_so", "decision_number": "215/QĐ-STP"}
    )
    body = _body(response)
    assert "Hãy nhập ngày của quyết định công nhận" in body
    assert 'value="215/QĐ-STP"' in body
    assert Initiative.objects.get(pk=item.pk).state == State.UNDER_REVIEW


def test_office_recognises_and_the_page_shows_the_decision(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    response = client_for(org.users.officer).post(
        reverse("initiative_recognise", args=[item.pk]),
        {"scope": "co_so", "decision_number": "215/QĐ-STP", "decision_date": "2026-10-20"},
        follow=True,
    )
    assert "Quyết định số 215/QĐ-STP ngày 20/10/2026" in _body(response)


def test_not_recognising_without_reason_is_refused(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    body = _body(
        client_for(org.users.officer).post(reverse("initiative_not_recognise", args=[item.pk]), {"refuse-reason": ""})
    )
    assert "Hãy ghi lý do không công nhận" in body
    assert Initiative.objects.get(pk=item.pk).state == State.UNDER_REVIEW


def test_put_forward_is_shown_on_the_page(org, make, client_for):
    item = make(State.RECOGNISED)
    response = client_for(org.users.officer).post(reverse("initiative_put_forward", args=[item.pk]), follow=True)
    assert "Đã đề nghị công nhận cấp tỉnh ngày" in _body(response)
    assert "Được công nhận" in _body(response)


def test_office_actions_are_forbidden_to_a_unit_head(org, make, client_for):
    item = make(State.SUBMITTED)
    response = client_for(org.users.head_a).post(reverse("initiative_return", args=[item.pk]), {"return-reason": "x"})
    assert response.status_code == 403
    assert Initiative.objects.get(pk=item.pk).state == State.SUBMITTED


def test_office_sees_scores_averages_pending_and_conflicts(org, make, client_for):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    response = client_for(org.users.officer).get(reverse("initiative_detail", args=[item.pk]))
    review = response.context["review"]
    assert review.averages == {"novelty": 8, "effectiveness": 7, "applicability": 9}
    assert review.average_total == 24
    assert [m.username for m in review.pending] == ["giamdoc"]
    body = _body(response)
    assert "Điểm trung bình" in body and "Nguyễn Khánh Lâm" in body


# --- attachments -------------------------------------------------------------------------


def test_attachment_is_downloaded_by_its_unit_and_404_for_another(org, plan, client_for, formdata):
    client_for(org.users.staff_a).post(reverse("initiative_create"), formdata(attachments=pdf()))
    attachment = Attachment.objects.get()
    url = reverse("initiative_attachment", args=[attachment.pk])
    response = client_for(org.users.head_a).get(url)
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert 'filename="minh-chung.pdf"' in response["Content-Disposition"]
    assert client_for(org.users.head_b).get(url).status_code == 404


def test_the_create_page_starts_with_me_as_the_author(org, client_for):
    response = client_for(org.users.staff_a).get(reverse("initiative_create"))
    body = _body(response)
    assert f'<option value="{org.people.staff_a.pk}" selected>' in body
    assert 'name="authors-0-share" value="100"' in body
    assert "Ma Văn Sơn" not in body  # another unit's people are not offered


def test_a_zero_share_is_refused_in_the_form(org, client_for, formdata):
    data = formdata(authors=[(org.people.staff_a, 100), (org.people.head_a, 0)])
    body = _body(client_for(org.users.staff_a).post(reverse("initiative_create"), data))
    assert "Tỷ lệ đóng góp phải từ 1 đến 100%." in body
    assert not Initiative.objects.exists()
