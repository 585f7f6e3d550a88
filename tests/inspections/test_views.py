"""The self-inspection pages for each role: planning, answering with evidence, sending,
taking in and returning, follow-up, what other units cannot see, and a fixed number of
queries on every list."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.inspections.conftest import ELF, END, PDF, START, answer_all
from thidua.core.codes import State
from thidua.inspections import services
from thidua.inspections.models import Answer, FollowUpAction, InspectionPlan

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return response.content.decode()


def _plan_post(org, plan, **changes) -> dict:
    area = plan.content_areas.get(number="2")
    data = {
        "title": "Tự kiểm tra quý IV/2026",
        "year": "2026",
        "starts_on": "2026-10-01",
        "ends_on": "2026-12-31",
        "units": [org.units.a.pk, org.units.b.pk],
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "40",
        "items-0-text": "Ký số văn bản đi",
        "items-0-content_area": area.pk,
        "items-1-text": "Tiết kiệm điện",
        "items-2-text": "",
    }
    return data | changes


def test_the_office_plans_and_each_unit_gets_a_checklist(org, plan, client_for):
    response = client_for(org.users.officer).post(reverse("inspection_create"), _plan_post(org, plan), follow=True)
    inspection = InspectionPlan.objects.get()
    assert inspection.checklists.count() == 2
    assert [i.text for i in inspection.items.all()] == ["Ký số văn bản đi", "Tiết kiệm điện"]
    body = _body(response)
    assert "mỗi đơn vị đã có bảng kiểm" in body
    assert body.count('data-testid="checklist-row"') == 2


def test_a_plan_ending_before_it_starts_is_explained_and_the_typed_title_kept(org, plan, client_for):
    response = client_for(org.users.officer).post(
        reverse("inspection_create"), _plan_post(org, plan, ends_on="2026-09-01")
    )
    body = _body(response)
    assert "Ngày kết thúc (01/09/2026) đứng trước ngày bắt đầu (01/10/2026)" in body
    assert 'value="Tự kiểm tra quý IV/2026"' in body
    assert "Ký số văn bản đi" in body
    assert not InspectionPlan.objects.exists()


@pytest.mark.parametrize("persona", ["head_a", "staff_a", "director"])
def test_only_the_office_opens_the_planning_form(org, plan, client_for, persona):
    assert client_for(getattr(org.users, persona)).get(reverse("inspection_create")).status_code == 403


def test_unit_b_cannot_see_unit_as_checklist_or_its_evidence(org, client_for, checklist_a):
    answer = checklist_a.answers.select_related("checklist").first()
    services.answer_item(
        actor=org.users.head_a, answer=answer, result="dat", evidence=SimpleUploadedFile("bien-ban.pdf", PDF)
    )
    client = client_for(org.users.head_b)
    for url in (
        reverse("checklist_detail", args=[checklist_a.pk]),
        reverse("checklist_answers", args=[checklist_a.pk]),
        reverse("inspection_evidence", args=[answer.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert b"bien-ban" not in response.content


def test_the_plan_page_shows_unit_b_only_its_own_checklist(org, client_for, inspection):
    body = _body(client_for(org.users.head_b).get(reverse("inspection_detail", args=[inspection.pk])))
    assert body.count('data-testid="checklist-row"') == 1
    assert "Trung tâm Trợ giúp pháp lý" in body
    assert "Phòng Phổ biến, giáo dục pháp luật" not in body


def test_evidence_is_downloaded_through_the_access_check(org, client_for, checklist_a):
    answer = checklist_a.answers.select_related("checklist").first()
    services.answer_item(
        actor=org.users.head_a, answer=answer, result="dat", evidence=SimpleUploadedFile("bien-ban.pdf", PDF)
    )
    for persona in ("staff_a", "officer", "director"):
        response = client_for(getattr(org.users, persona)).get(reverse("inspection_evidence", args=[answer.pk]))
        assert b"".join(response.streaming_content) == PDF
        assert 'filename="bien-ban.pdf"' in response["Content-Disposition"]


def _answers_post(checklist, **per_item) -> dict:
    answers = list(checklist.answers.order_by("item__order"))
    data = {
        "answers-TOTAL_FORMS": str(len(answers)),
        "answers-INITIAL_FORMS": str(len(answers)),
        "answers-MIN_NUM_FORMS": "0",
        "answers-MAX_NUM_FORMS": "1000",
    }
    for index, answer in enumerate(answers):
        data |= {
            f"answers-{index}-id": answer.pk,
            f"answers-{index}-result": "dat",
            f"answers-{index}-note": f"Ghi chú {index + 1}",
        }
    return data | per_item


def test_staff_answer_the_checklist_with_evidence(org, client_for, checklist_a):
    data = _answers_post(checklist_a, **{"answers-0-evidence_file": SimpleUploadedFile("bien-ban.pdf", PDF)})
    response = client_for(org.users.staff_a).post(
        reverse("checklist_answers", args=[checklist_a.pk]), data, follow=True
    )
    assert "Bảng kiểm chưa được gửi" in _body(response)
    assert list(checklist_a.answers.values_list("result", flat=True)) == ["dat", "dat", "dat"]
    assert checklist_a.answers.get(item__order=1).evidence_name == "bien-ban.pdf"


def test_a_program_renamed_pdf_is_refused_the_notes_kept_and_nothing_saved(org, client_for, checklist_a):
    data = _answers_post(checklist_a, **{"answers-1-evidence_file": SimpleUploadedFile("so-lieu.pdf", ELF)})
    response = client_for(org.users.staff_a).post(reverse("checklist_answers", args=[checklist_a.pk]), data)
    body = _body(response)
    assert "Nội dung tệp «so-lieu.pdf» không phải là tệp .pdf thật" in body
    assert "Ghi chú 1" in body and "Ghi chú 3" in body
    assert not Answer.objects.exclude(result="").exists()
    assert not Answer.objects.exclude(evidence="").exists()


def test_sending_with_unanswered_items_names_them(org, client_for, checklist_a):
    response = client_for(org.users.head_a).post(reverse("checklist_submit", args=[checklist_a.pk]), follow=True)
    assert "còn nội dung 1, 2, 3 chưa trả lời" in _body(response)
    checklist_a.refresh_from_db()
    assert checklist_a.state == State.DRAFT


def test_sent_answers_cannot_be_edited(org, client_for, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    client = client_for(org.users.head_a)
    client.post(reverse("checklist_submit", args=[checklist_a.pk]))
    response = client.post(
        reverse("checklist_answers", args=[checklist_a.pk]),
        _answers_post(checklist_a, **{"answers-0-result": "chua_dat"}),
        follow=True,
    )
    assert "đang ở trạng thái «Đã gửi»" in _body(response)
    assert 'data-state="submitted"' in _body(response)
    assert not checklist_a.answers.filter(result="chua_dat").exists()


def test_the_office_returns_with_a_reason_the_unit_reads(org, client_for, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    office = client_for(org.users.officer)
    empty = _body(office.post(reverse("checklist_return", args=[checklist_a.pk]), {"reason": ""}))
    assert "Hãy ghi lý do trả lại để đơn vị biết cần sửa gì." in empty
    office.post(reverse("checklist_return", args=[checklist_a.pk]), {"reason": "Thiếu minh chứng nội dung 2"})
    body = _body(client_for(org.users.head_a).get(reverse("checklist_detail", args=[checklist_a.pk])))
    assert "Thiếu minh chứng nội dung 2" in body
    assert 'data-state="returned"' in body


def test_a_unit_head_cannot_take_in_a_checklist(org, client_for, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    response = client_for(org.users.head_a).post(reverse("checklist_return", args=[checklist_a.pk]), {"reason": "x"})
    assert response.status_code == 403
    response = client_for(org.users.head_a).post(reverse("checklist_accept", args=[checklist_a.pk]), follow=True)
    checklist_a.refresh_from_db()
    assert checklist_a.state == State.SUBMITTED


def test_a_due_date_before_the_start_is_explained_and_the_typed_text_kept(org, client_for, checklist_a):
    response = client_for(org.users.officer).post(
        reverse("action_add", args=[checklist_a.pk]),
        {"text": "Ký số toàn bộ văn bản đi", "owner": org.people.staff_a.pk, "due_on": "2026-06-30"},
    )
    body = _body(response)
    assert "Hạn hoàn thành 30/06/2026 đứng trước ngày bắt đầu đợt kiểm tra (01/07/2026)" in body
    assert "Ký số toàn bộ văn bản đi" in body
    assert 'value="2026-06-30"' in body
    assert not FollowUpAction.objects.exists()


def test_staff_cannot_give_follow_up_actions(org, client_for, checklist_a):
    response = client_for(org.users.staff_a).post(
        reverse("action_add", args=[checklist_a.pk]),
        {"text": "x", "owner": org.people.staff_a.pk, "due_on": "2026-10-01"},
    )
    assert response.status_code == 403
    assert not FollowUpAction.objects.exists()


def test_the_owner_marks_the_action_done(org, client_for, checklist_a, action_of):
    action = action_of(checklist_a)
    response = client_for(org.users.staff_a).post(
        reverse("action_done", args=[action.pk]),
        {"note": "Đã ký số 100%", "on": str(datetime.date.today())},
        follow=True,
    )
    assert "Đã xác nhận hoàn thành" in _body(response)
    action.refresh_from_db()
    assert action.done_note == "Đã ký số 100%"


def test_overdue_actions_are_flagged_and_listed(org, client_for, checklist_a, checklist_b, action_of):
    action_of(checklist_a, due_on=datetime.date(2026, 10, 15), text="Quá hạn của A")
    action_of(checklist_a, due_on=datetime.date(2026, 12, 31), text="Còn hạn của A")
    action_of(checklist_b, due_on=datetime.date(2026, 10, 1), text="Quá hạn của B")
    with time_machine.travel("2026-11-02 09:00 +07:00", tick=False):
        office = client_for(org.users.officer)
        overdue = {a.text for a in office.get(reverse("inspection_overdue_actions")).context["page_obj"]}
        filtered = {a.text for a in office.get(reverse("inspection_actions"), {"qua_han": "1"}).context["page_obj"]}
        head_a = {
            a.text for a in client_for(org.users.head_a).get(reverse("inspection_overdue_actions")).context["page_obj"]
        }
        page = _body(client_for(org.users.head_a).get(reverse("checklist_detail", args=[checklist_a.pk])))
    assert overdue == filtered == {"Quá hạn của A", "Quá hạn của B"}
    assert head_a == {"Quá hạn của A"}
    assert page.count('data-action-status="overdue"') == 1
    assert page.count('data-action-status="pending"') == 1


def test_the_checklist_page_shows_its_history(org, client_for, checklist_a, action_of):
    answer_all(checklist_a, org.users.staff_a)
    action_of(checklist_a)
    body = _body(client_for(org.users.head_a).get(reverse("checklist_detail", args=[checklist_a.pk])))
    assert "Lịch sử" in body
    assert "Đặng Thị Hương" in body and "Hoàng Thị Thu" in body  # names, not login names


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _more_plans(org, plan, count):
    for n in range(count):
        services.create_inspection(
            actor=org.users.officer,
            plan=plan,
            title=f"Đợt {n}",
            year=2026,
            starts_on=START,
            ends_on=END,
            units=[org.units.a, org.units.b],
            items=[{"text": "Nội dung"}],
        )


def _more_actions(org, checklist_a, checklist_b, action_of, count):
    for n in range(count):
        action_of(checklist_a, due_on=datetime.date(2026, 7, 2), text=f"A {n}")
        action_of(checklist_b, due_on=datetime.date(2026, 7, 3), text=f"B {n}")
        services.add_finding(actor=org.users.officer, checklist=checklist_a, text=f"Phát hiện {n}")


@pytest.mark.parametrize("persona", ["officer", "head_a"])
@pytest.mark.parametrize(
    "url_name",
    ["inspection_list", "inspection_actions", "inspection_overdue_actions", "inspection_detail", "checklist_detail"],
)
def test_lists_run_a_fixed_number_of_queries(
    org, plan, client_for, inspection, checklist_a, checklist_b, action_of, persona, url_name
):
    args = {"inspection_detail": [inspection.pk], "checklist_detail": [checklist_a.pk]}.get(url_name, [])
    url, client = reverse(url_name, args=args), client_for(getattr(org.users, persona))
    _more_actions(org, checklist_a, checklist_b, action_of, 1)
    client.get(url)
    before = _queries(client, url)
    _more_plans(org, plan, 4)
    _more_actions(org, checklist_a, checklist_b, action_of, 4)
    assert _queries(client, url) == before
