"""The rules of initiatives, checked on the functions the pages and the API share."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.initiatives.conftest import initiative_data, pdf, program_as_pdf
from thidua.core.codes import Scope, State
from thidua.core.models import ActivityLog
from thidua.core.workflow import AlreadyChanged, TransitionError
from thidua.initiatives import services
from thidua.initiatives.models import Adoption, ConflictDeclaration, Initiative, Score
from thidua.initiatives.services import AuthorShare

pytestmark = pytest.mark.django_db


def _messages(error) -> str:
    return " ".join(error.value.messages)


# --- authors and shares ----------------------------------------------------------------


def test_shares_must_add_up_to_exactly_100(org, plan):
    authors = [AuthorShare(org.people.staff_a, 60), AuthorShare(org.people.head_a, 30)]
    with pytest.raises(ValidationError) as error:
        services.create_initiative(actor=org.users.staff_a, data=initiative_data(plan, org.units.a), authors=authors)
    assert "phải đúng 100% (hiện là 90%)" in _messages(error)
    assert not Initiative.objects.exists()


def test_an_author_cannot_be_listed_twice(org, plan):
    authors = [AuthorShare(org.people.staff_a, 50), AuthorShare(org.people.staff_a, 50)]
    with pytest.raises(ValidationError) as error:
        services.create_initiative(actor=org.users.staff_a, data=initiative_data(plan, org.units.a), authors=authors)
    assert "«Đặng Thị Hương» có tên hai lần" in _messages(error)
    assert not Initiative.objects.exists()


def test_creating_logs_the_initiative_and_its_authors(org, make):
    item = make(authors=[(org.people.staff_a, 70), (org.people.head_a, 30)])
    assert item.state == State.DRAFT
    assert item.tag_list == ["chuyen_doi_so", "cai_cach_tthc"]
    assert [(a.person.full_name, a.share) for a in item.authors.all()] == [
        ("Đặng Thị Hương", 70),
        ("Nguyễn Văn Đạt", 30),
    ]
    log = ActivityLog.objects.for_object(item)
    assert {row.action for row in log} == {"created", "changed"}
    assert any(row.changes.get("tac_gia", [None, ""])[1] == "Đặng Thị Hương 70%; Nguyễn Văn Đạt 30%" for row in log)


def test_staff_cannot_create_for_another_unit(org, plan):
    authors = [AuthorShare(org.people.staff_a, 100)]
    with pytest.raises(PermissionDenied):
        services.create_initiative(actor=org.users.staff_a, data=initiative_data(plan, org.units.b), authors=authors)


def test_an_author_from_outside_ones_scope_is_refused(org, plan):
    authors = [AuthorShare(org.people.staff_b, 100)]
    with pytest.raises(ValidationError) as error:
        services.create_initiative(actor=org.users.staff_a, data=initiative_data(plan, org.units.a), authors=authors)
    assert "Triệu Thị Mai" in _messages(error)


def test_negative_benefit_is_refused_by_the_database_too(org, make):
    item = make()
    with pytest.raises(Exception):  # noqa: B017 - the CHECK constraint of a positive field
        Initiative.objects.filter(pk=item.pk).update(hours_saved=-1)


def test_program_renamed_pdf_is_refused_and_nothing_is_saved(org, plan):
    with pytest.raises(ValidationError) as error:
        services.create_initiative(
            actor=org.users.staff_a,
            data=initiative_data(plan, org.units.a),
            authors=[AuthorShare(org.people.staff_a, 100)],
            files=[program_as_pdf()],
        )
    assert "không phải là tệp .pdf thật" in _messages(error)
    assert not Initiative.objects.exists()


def test_a_real_pdf_is_attached(org, plan, media):
    item = services.create_initiative(
        actor=org.users.staff_a,
        data=initiative_data(plan, org.units.a),
        authors=[AuthorShare(org.people.staff_a, 100)],
        files=[pdf()],
    )
    attachment = item.attachments.get()
    assert attachment.name == "minh-chung.pdf"
    assert attachment.file.read().startswith(b"%PDF")


# --- the workflow ------------------------------------------------------------------------


def test_double_submit_gives_exactly_one_submission(org, make):
    item = make()
    first, second = Initiative.objects.get(pk=item.pk), Initiative.objects.get(pk=item.pk)
    services.submit(actor=org.users.staff_a, initiative=first)
    with pytest.raises(AlreadyChanged) as error:
        services.submit(actor=org.users.staff_a, initiative=second)
    assert "đã được người khác chuyển sang «Đã gửi»" in str(error.value)
    moves = ActivityLog.objects.for_object(item).filter(action="transition")
    assert [m.changes["state"] for m in moves] == [["draft", "submitted"]]


def test_editing_after_submission_is_refused_saying_why(org, make, plan):
    item = make(State.SUBMITTED)
    with pytest.raises(services.NotEditable) as error:
        services.update_initiative(actor=org.users.staff_a, initiative=item, data={"title": "Tên mới"}, authors=None)
    assert "«Đã gửi» nên không sửa được" in str(error.value)
    assert Initiative.objects.get(pk=item.pk).title == "Số hóa hồ sơ lý lịch tư pháp"


def test_a_returned_initiative_is_editable_and_can_be_submitted_again(org, make):
    item = make(State.RETURNED)
    assert item.return_reason == "Bổ sung minh chứng."
    item = services.update_initiative(actor=org.users.staff_a, initiative=item, data={"hours_saved": 1500})
    item = services.submit(actor=org.users.staff_a, initiative=item)
    assert item.state == State.SUBMITTED and item.hours_saved == 1500


def test_submission_needs_where_and_since_when_it_is_applied(org, make):
    item = make(applied_where="", applied_since=None)
    with pytest.raises(ValidationError) as error:
        services.submit(actor=org.users.staff_a, initiative=item)
    assert "nơi áp dụng" in _messages(error)
    assert Initiative.objects.get(pk=item.pk).state == State.DRAFT


def test_another_units_head_may_not_submit(org, make):
    item = make()
    with pytest.raises(PermissionDenied):
        services.submit(actor=org.users.head_b, initiative=item)


def test_only_the_office_starts_a_review(org, make):
    item = make(State.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.start_review(actor=org.users.head_a, initiative=item)


def test_recognising_needs_scope_and_decision(org, make):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    with pytest.raises(ValidationError) as error:
        services.recognise(actor=org.users.officer, initiative=item, scope="", decision_number=" ", decision_date=None)
    assert set(error.value.message_dict) == {"scope", "decision_number", "decision_date"}
    assert "số quyết định" in _messages(error)
    assert Initiative.objects.get(pk=item.pk).state == State.UNDER_REVIEW


def test_recognising_needs_a_council_score(org, make):
    item = make(State.UNDER_REVIEW)
    with pytest.raises(ValidationError) as error:
        services.recognise(
            actor=org.users.officer,
            initiative=item,
            scope=Scope.CO_SO,
            decision_number="215/QĐ-STP",
            decision_date=datetime.date(2026, 10, 20),
        )
    assert "Chưa đủ phiếu chấm" in _messages(error) and "còn thiếu 1" in _messages(error)


def test_recognition_records_scope_and_decision(org, make):
    item = make(State.RECOGNISED)
    assert (item.state, item.scope, item.decision_number) == (State.RECOGNISED, "co_so", "215/QĐ-STP")
    assert item.decision_date == datetime.date(2026, 10, 20)


def test_not_recognising_needs_a_reason(org, make):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    with pytest.raises(ValidationError) as error:
        services.not_recognise(actor=org.users.officer, initiative=item, reason="  ")
    assert "lý do không công nhận" in _messages(error)
    assert Initiative.objects.get(pk=item.pk).state == State.UNDER_REVIEW


def test_returning_needs_a_reason(org, make):
    item = make(State.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.return_for_changes(actor=org.users.officer, initiative=item, reason="")
    assert "lý do trả lại" in _messages(error)


def test_a_recognised_initiative_cannot_be_returned(org, make):
    item = make(State.RECOGNISED)
    with pytest.raises(TransitionError) as error:
        services.return_for_changes(actor=org.users.officer, initiative=item, reason="Sửa")
    assert "Không thể chuyển từ «Được công nhận»" in str(error.value)


def test_put_forward_keeps_the_base_level_recognition_and_is_logged(org, make):
    item = make(State.RECOGNISED)
    item = services.put_forward(actor=org.users.officer, initiative=item)
    assert item.put_forward and item.put_forward_on is not None
    assert (item.state, item.scope) == (State.RECOGNISED, Scope.CO_SO)
    entry = ActivityLog.objects.for_object(item).get(note="Đề nghị công nhận sáng kiến cấp tỉnh")
    assert entry.actor == org.users.officer
    with pytest.raises(TransitionError):
        services.put_forward(actor=org.users.officer, initiative=Initiative.objects.get(pk=item.pk))


def test_put_forward_only_for_base_level(org, make):
    item = make(State.UNDER_REVIEW)
    with pytest.raises(ValidationError):
        services.put_forward(actor=org.users.officer, initiative=item)


# --- the council ---------------------------------------------------------------------


@pytest.mark.parametrize("value", [-1, 11, 7.5])
def test_a_score_outside_0_to_10_is_refused(org, make, value):
    item = make(State.UNDER_REVIEW)
    with pytest.raises(ValidationError) as error:
        services.score(actor=org.users.councillor, initiative=item, novelty=value, effectiveness=5, applicability=5)
    assert f"«Tính mới» phải là số nguyên từ 0 đến 10 (đã nhập {value})" in _messages(error)
    assert not Score.objects.exists()


def test_scoring_twice_keeps_one_row_and_the_history(org, make):
    item = make(State.UNDER_REVIEW)
    services.score(actor=org.users.councillor, initiative=item, novelty=5, effectiveness=5, applicability=5)
    services.score(
        actor=org.users.councillor,
        initiative=item,
        novelty=8,
        effectiveness=6,
        applicability=7,
        comment="Đã xem thêm minh chứng",
    )
    row = Score.objects.get()
    assert (row.novelty, row.total, row.comment) == (8, 21, "Đã xem thêm minh chứng")
    changes = [entry.changes for entry in ActivityLog.objects.for_object(row).order_by("at", "id")]
    assert changes[1]["novelty"] == [5, 8]


def test_no_scoring_of_ones_own_unit(org, make):
    item = make(
        State.UNDER_REVIEW, unit=org.units.office, creator=org.users.officer, authors=[(org.people.officer, 100)]
    )
    with pytest.raises(ValidationError) as error:
        services.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=8, applicability=8)
    assert "không chấm sáng kiến của đơn vị mình («Văn phòng Sở»)" in _messages(error)
    assert not Score.objects.exists()


def test_no_scoring_of_a_co_authored_initiative(org, make):
    item = make(
        State.UNDER_REVIEW, creator=org.users.officer, authors=[(org.people.staff_a, 70), (org.people.councillor, 30)]
    )
    with pytest.raises(ValidationError) as error:
        services.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=8, applicability=8)
    assert "đồng tác giả" in _messages(error)
    assert not Score.objects.exists()


def test_no_scoring_after_declaring_a_conflict(org, make):
    item = make(State.UNDER_REVIEW)
    services.declare_conflict(actor=org.users.councillor, initiative=item, reason="Người thân của tác giả")
    with pytest.raises(ValidationError) as error:
        services.score(
            actor=org.users.councillor,
            initiative=Initiative.objects.get(pk=item.pk),
            novelty=8,
            effectiveness=8,
            applicability=8,
        )
    assert "đã khai báo xung đột lợi ích" in _messages(error)
    assert "Người thân của tác giả" in _messages(error)
    assert not Score.objects.exists()


def test_declaring_a_conflict_withdraws_an_earlier_score(org, make):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    services.declare_conflict(actor=org.users.councillor, initiative=item, reason="Đã góp ý xây dựng")
    assert not Score.objects.exists()
    assert ConflictDeclaration.objects.get().reason == "Đã góp ý xây dựng"
    assert ActivityLog.objects.filter(action="deleted", note__contains="xung đột").exists()


def test_only_council_members_score(org, make):
    item = make(State.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.score(actor=org.users.officer, initiative=item, novelty=8, effectiveness=8, applicability=8)


def test_scoring_only_while_under_review(org, make):
    item = make(State.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=8, applicability=8)
    assert "Đang xem xét" in _messages(error)


# --- the library -----------------------------------------------------------------------

APPLIED = {"applied_on": datetime.date(2026, 11, 2), "result": "Áp dụng cho toàn bộ hồ sơ từ 11/2026."}


def test_one_adoption_per_unit(org, make):
    item = make(State.RECOGNISED)
    services.mark_applied(actor=org.users.head_b, initiative=item, unit=org.units.b, **APPLIED)
    with pytest.raises(ValidationError) as error:
        services.mark_applied(actor=org.users.head_b, initiative=item, unit=org.units.b, **APPLIED)
    assert "đã đánh dấu áp dụng sáng kiến này rồi" in _messages(error)
    assert Adoption.objects.count() == 1


def test_adoption_is_for_the_actors_own_unit_only(org, make):
    item = make(State.RECOGNISED)
    with pytest.raises(PermissionDenied):
        services.mark_applied(actor=org.users.head_a, initiative=item, unit=org.units.b, **APPLIED)


def test_adoption_needs_a_recognised_initiative(org, make):
    item = make(State.UNDER_REVIEW)
    with pytest.raises(ValidationError):
        services.mark_applied(actor=org.users.head_b, initiative=item, unit=org.units.b, **APPLIED)
    assert not Adoption.objects.exists()
