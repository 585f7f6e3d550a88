"""Self-inspection through its services: planning gives each unit its checklist; answers,
sending, taking in and returning; findings and actions; what is overdue and when."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.inspections.conftest import ELF, END, PDF, START, answer_all
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.workflow import AlreadyChanged, TransitionError
from thidua.inspections import services
from thidua.inspections.models import Answer, FollowUpAction, InspectionPlan, UnitChecklist

pytestmark = pytest.mark.django_db


def test_planning_gives_each_unit_its_own_checklist(org, inspection):
    assert set(inspection.units.all()) == {org.units.a, org.units.b}
    assert [item.text for item in inspection.items.all()] == [
        "Đã quán triệt Kế hoạch",
        "Ký số văn bản đi",
        "Bình dân học vụ số",
    ]
    for checklist in inspection.checklists.all():
        assert checklist.state == State.DRAFT
        assert checklist.answers.count() == 3
        assert not checklist.answers.exclude(result="").exists()


def test_empty_item_rows_are_skipped(org, plan):
    inspection = services.create_inspection(
        actor=org.users.officer,
        plan=plan,
        title="Đợt 2",
        year=2026,
        starts_on=START,
        ends_on=END,
        units=[org.units.a],
        items=[{"text": "  "}, {"text": "Một nội dung"}, {"text": ""}],
    )
    assert [(i.order, i.text) for i in inspection.items.all()] == [(1, "Một nội dung")]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_on": datetime.date(2026, 6, 1)}, "ends_on", "đứng trước ngày bắt đầu (01/07/2026)"),
        ({"units": []}, "units", "Hãy chọn ít nhất một đơn vị"),
        ({"title": " "}, "title", "Hãy nhập tên đợt tự kiểm tra."),
    ],
)
def test_a_bad_plan_is_refused_and_nothing_is_saved(org, plan, changes, field, message):
    values = {
        "actor": org.users.officer,
        "plan": plan,
        "title": "Đợt",
        "year": 2026,
        "starts_on": START,
        "ends_on": END,
        "units": [org.units.a],
        "items": [{"text": "Nội dung"}],
    } | changes
    with pytest.raises(ValidationError) as refused:
        services.create_inspection(**values)
    assert message in refused.value.message_dict[field][0]
    assert not InspectionPlan.objects.exists()


def test_a_plan_without_any_item_is_refused(org, plan):
    with pytest.raises(ValidationError) as refused:
        services.create_inspection(
            actor=org.users.officer,
            plan=plan,
            title="Đợt",
            year=2026,
            starts_on=START,
            ends_on=END,
            units=[org.units.a],
            items=[{"text": ""}],
        )
    assert "chưa có nội dung nào" in refused.value.messages[0]


@pytest.mark.parametrize("persona", ["head_a", "director", "staff_a"])
def test_only_the_office_plans(org, plan, persona):
    with pytest.raises(PermissionDenied):
        services.create_inspection(
            actor=getattr(org.users, persona),
            plan=plan,
            title="Đợt",
            year=2026,
            starts_on=START,
            ends_on=END,
            units=[org.units.a],
            items=[{"text": "x"}],
        )


def test_staff_answer_with_evidence_and_the_log_keeps_the_file_name(org, checklist_a):
    answer = checklist_a.answers.select_related("checklist").first()
    services.answer_item(
        actor=org.users.staff_a,
        answer=answer,
        result="dat",
        note="Đã quán triệt",
        evidence=SimpleUploadedFile("bien-ban.pdf", PDF),
    )
    answer.refresh_from_db()
    assert (answer.result, answer.note, answer.evidence_name) == ("dat", "Đã quán triệt", "bien-ban.pdf")
    assert answer.evidence.read() == PDF
    logged = ActivityLog.objects.for_object(answer).first()
    assert logged.changes["evidence"][1].endswith("bien-ban.pdf")


def test_a_second_evidence_file_logs_the_name_it_replaced(org, checklist_a):
    answer = checklist_a.answers.select_related("checklist").first()
    for name in ("bien-ban.pdf", "bien-ban-2.pdf"):
        services.answer_item(
            actor=org.users.staff_a, answer=answer, result="dat", evidence=SimpleUploadedFile(name, PDF)
        )
    first, second = [
        log.changes["evidence"]
        for log in ActivityLog.objects.for_object(answer).order_by("id")
        if "evidence" in log.changes
    ]
    assert first[0] is None and first[1].endswith("bien-ban.pdf")
    assert second == [first[1], answer.evidence.name] and second[1].endswith("bien-ban-2.pdf")


def test_a_program_renamed_pdf_is_refused_and_nothing_is_saved(org, checklist_a):
    answer = checklist_a.answers.select_related("checklist").first()
    with pytest.raises(ValidationError) as refused:
        services.answer_item(
            actor=org.users.head_a,
            answer=answer,
            result="dat",
            note="x",
            evidence=SimpleUploadedFile("minh-chung.pdf", ELF),
        )
    assert "không phải là tệp .pdf thật" in refused.value.messages[0]
    stored = Answer.objects.get(pk=answer.pk)
    assert (stored.result, stored.evidence.name) == ("", "")


def test_another_unit_cannot_answer(org, checklist_a):
    answer = checklist_a.answers.select_related("checklist").first()
    with pytest.raises(PermissionDenied):
        services.answer_item(actor=org.users.head_b, answer=answer, result="dat")


def test_a_checklist_is_sent_only_when_every_item_is_answered(org, checklist_a):
    answer = checklist_a.answers.select_related("checklist").first()
    services.answer_item(actor=org.users.staff_a, answer=answer, result="dat")
    with pytest.raises(ValidationError) as refused:
        services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    assert "còn nội dung 2, 3 chưa trả lời" in refused.value.messages[0]
    checklist_a.refresh_from_db()
    assert checklist_a.state == State.DRAFT


def test_only_the_unit_head_sends(org, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    with pytest.raises(PermissionDenied):
        services.submit_checklist(actor=org.users.staff_a, checklist=checklist_a)


def test_sent_answers_are_locked_until_the_office_returns_them(org, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    answer = checklist_a.answers.select_related("checklist").first()
    with pytest.raises(TransitionError) as locked:
        services.answer_item(actor=org.users.head_a, answer=answer, result="chua_dat")
    assert "đang ở trạng thái «Đã gửi»" in str(locked.value)
    services.return_checklist(actor=org.users.officer, checklist=checklist_a, reason="Thiếu minh chứng nội dung 2")
    checklist_a.refresh_from_db()
    assert (checklist_a.state, checklist_a.returned_reason) == (State.RETURNED, "Thiếu minh chứng nội dung 2")
    services.answer_item(actor=org.users.head_a, answer=answer, result="chua_dat")
    services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    services.accept_checklist(actor=org.users.officer, checklist=checklist_a)
    assert UnitChecklist.objects.get(pk=checklist_a.pk).state == State.ACCEPTED


def test_returning_needs_a_reason(org, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    with pytest.raises(ValidationError):
        services.return_checklist(actor=org.users.officer, checklist=checklist_a, reason=" ")


def test_a_due_date_before_the_inspection_start_is_refused(org, checklist_a, action_of):
    with pytest.raises(ValidationError) as refused:
        action_of(checklist_a, due_on=datetime.date(2026, 6, 30))
    assert refused.value.message_dict["due_on"] == [
        "Hạn hoàn thành 30/06/2026 đứng trước ngày bắt đầu đợt kiểm tra (01/07/2026). Hãy chọn hạn từ "
        "01/07/2026 trở đi."
    ]
    assert not FollowUpAction.objects.exists()


def test_the_owner_must_be_a_person_of_the_unit(org, checklist_a, action_of):
    with pytest.raises(ValidationError) as refused:
        action_of(checklist_a, owner=org.people.staff_b)
    assert "phải là cán bộ của Phòng Phổ biến" in refused.value.message_dict["owner"][0]


def test_the_unit_head_follows_up_but_staff_do_not(org, checklist_a):
    services.add_finding(actor=org.users.head_a, checklist=checklist_a, text="Chưa ký số đủ", severity="cao")
    with pytest.raises(PermissionDenied):
        services.add_finding(actor=org.users.staff_a, checklist=checklist_a, text="x")
    with pytest.raises(PermissionDenied):
        services.add_finding(actor=org.users.head_b, checklist=checklist_a, text="x")


def test_overdue_starts_after_2359_of_the_due_day_in_vietnam(org, checklist_a, action_of):
    action = action_of(checklist_a, due_on=datetime.date(2026, 10, 15))
    overdue = FollowUpAction.objects.overdue
    assert not overdue(on=datetime.date(2026, 10, 15)).exists()
    assert list(overdue(on=datetime.date(2026, 10, 16))) == [action]
    utc = datetime.UTC
    # 16:59 UTC is 23:59 in Hà Nội on the due day; 17:00 UTC is already the next day there.
    assert not overdue(on=datetime.datetime(2026, 10, 15, 16, 59, tzinfo=utc)).exists()
    assert overdue(on=datetime.datetime(2026, 10, 15, 17, 0, tzinfo=utc)).exists()
    assert action.due_at.isoformat() == "2026-10-15T23:59:59+07:00"


def test_overdue_follows_today_when_no_day_is_given(org, checklist_a, action_of):
    action = action_of(checklist_a, due_on=datetime.date(2026, 10, 15))
    with time_machine.travel("2026-10-15 23:58 +07:00", tick=False):
        assert not FollowUpAction.objects.overdue().exists()
        assert not action.is_overdue()
    with time_machine.travel("2026-10-16 00:01 +07:00", tick=False):
        assert FollowUpAction.objects.overdue().exists()
        assert action.is_overdue()


def test_an_action_done_late_is_no_longer_overdue_but_was_so_before(org, checklist_a, action_of):
    action = action_of(checklist_a, due_on=datetime.date(2026, 7, 15))
    with time_machine.travel("2026-07-20 10:00 +07:00", tick=False):
        services.complete_action(actor=org.users.staff_a, action=action, note="Đã ký số đủ")
    overdue = FollowUpAction.objects.overdue
    assert not overdue(on=datetime.date(2026, 7, 25)).exists()
    assert overdue(on=datetime.date(2026, 7, 18)).get() == action


def test_an_action_is_marked_done_once(org, checklist_a, action_of):
    action = action_of(checklist_a)
    services.complete_action(actor=org.users.staff_a, action=action, note="Đã xong")
    with pytest.raises(AlreadyChanged):
        services.complete_action(actor=org.users.officer, action=action, note="Lần nữa")
    action.refresh_from_db()
    assert (action.done_note, action.done_by) == ("Đã xong", org.users.staff_a)


def test_marking_done_needs_a_note_and_the_right_person(org, checklist_a, action_of):
    action = action_of(checklist_a, owner=org.people.head_a)
    with pytest.raises(ValidationError):
        services.complete_action(actor=org.users.head_a, action=action, note="")
    with pytest.raises(PermissionDenied):
        services.complete_action(actor=org.users.staff_a, action=action, note="Không phải việc của tôi")
    with pytest.raises(PermissionDenied):
        services.complete_action(actor=org.users.head_b, action=action, note="x")


def test_visibility_keeps_units_apart(org, inspection, checklist_a, checklist_b, action_of):
    action_a, action_b = action_of(checklist_a), action_of(checklist_b)
    assert set(UnitChecklist.objects.visible_to(org.users.head_b)) == {checklist_b}
    assert set(FollowUpAction.objects.visible_to(org.users.staff_a)) == {action_a}
    assert set(FollowUpAction.objects.visible_to(org.users.officer)) == {action_a, action_b}
    assert list(InspectionPlan.objects.visible_to(org.users.head_b)) == [inspection]


def test_a_second_submission_of_the_same_checklist_does_nothing(org, checklist_a):
    answer_all(checklist_a, org.users.staff_a)
    stale = UnitChecklist.objects.get(pk=checklist_a.pk)
    services.submit_checklist(actor=org.users.head_a, checklist=checklist_a)
    with pytest.raises(AlreadyChanged) as second:
        services.submit_checklist(actor=org.users.head_a, checklist=stale)
    assert "«Đã gửi»" in str(second.value)
    assert checklist_a.history().filter(action="transition").count() == 1
