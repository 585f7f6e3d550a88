"""The registration workflow through its services: what is refused and why, and that a
double submission gives exactly one."""

import datetime
import threading

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from tests.registrations.conftest import commitments_for
from thidua.core.codes import EmulationTitle, State
from thidua.core.models import ActivityLog
from thidua.core.workflow import AlreadyChanged
from thidua.registrations import services
from thidua.registrations.models import PersonRegistration, RegistrationWindow, UnitRegistration

pytestmark = pytest.mark.django_db


def _transitions(registration) -> list[list[str]]:
    logs = ActivityLog.objects.for_object(registration).filter(action="transition").order_by("at", "id")
    return [log.changes["state"] for log in logs]


def test_window_with_reversed_dates_is_refused(plan, org):
    with pytest.raises(ValidationError) as caught:
        services.set_window(
            plan=plan,
            year=2026,
            opens_on=datetime.date(2026, 5, 31),
            closes_on=datetime.date(2026, 5, 1),
            actor=org.users.officer,
        )
    assert "Ngày kết thúc (01/05/2026) đứng trước ngày bắt đầu (31/05/2026)" in str(caught.value)
    assert not RegistrationWindow.objects.exists()


def test_window_outside_the_plan_is_refused(plan, org):
    with pytest.raises(ValidationError) as caught:
        services.set_window(
            plan=plan,
            year=2026,
            opens_on=datetime.date(2025, 12, 1),
            closes_on=datetime.date(2026, 1, 31),
            actor=org.users.officer,
        )
    assert "nằm trong thời gian của kế hoạch (2026–2030)" in str(caught.value)


def test_window_reads_as_its_dates(window):
    assert str(window) == "Đợt đăng ký năm 2026: từ 01/05/2026 đến 31/05/2026"


def test_submitting_records_who_and_when(draft, org):
    registration = services.submit_registration(registration=draft, actor=org.users.head_a)
    assert registration.state == State.SUBMITTED
    assert registration.submitted_by == org.users.head_a
    assert registration.submitted_at.date() == datetime.date(2026, 5, 15)
    assert not registration.is_late
    assert _transitions(registration) == [["draft", "submitted"]]


def test_submitting_with_a_commitment_missing_names_the_content_area(plan, org, areas, window):
    registration = services.open_registration(plan=plan, year=2026, unit=org.units.a, actor=org.users.head_a)
    services.save_unit_registration(
        registration=registration,
        title=EmulationTitle.TTLDTT,
        commitments=commitments_for(areas, skip="5"),
        actor=org.users.head_a,
    )
    with pytest.raises(services.SubmissionRefused) as caught:
        services.submit_registration(registration=registration, actor=org.users.head_a)
    assert "Chưa có cam kết ở nội dung: 5. Chuyển đổi xanh, chống biến đổi khí hậu." in str(caught.value)
    registration.refresh_from_db()
    assert registration.state == State.DRAFT


def test_a_blank_commitment_counts_as_missing(draft, org, areas):
    services.save_unit_registration(
        registration=draft, title=EmulationTitle.TTLDTT, actor=org.users.head_a, commitments={areas[2].pk: "   "}
    )
    with pytest.raises(services.SubmissionRefused, match="Chưa có cam kết ở nội dung: 3. "):
        services.submit_registration(registration=draft, actor=org.users.head_a)


def test_submitting_without_a_title_says_so(plan, org, areas, window):
    registration = services.open_registration(plan=plan, year=2026, unit=org.units.a, actor=org.users.head_a)
    services.save_unit_registration(
        registration=registration, title="", commitments=commitments_for(areas), actor=org.users.head_a
    )
    with pytest.raises(services.SubmissionRefused, match="Chưa chọn danh hiệu thi đua đơn vị đăng ký"):
        services.submit_registration(registration=registration, actor=org.users.head_a)


def test_a_collective_title_for_a_person_is_refused(draft, org):
    with pytest.raises(ValidationError) as caught:
        services.save_person_registration(
            registration=draft,
            person=org.people.head_a,
            actor=org.users.head_a,
            title=EmulationTitle.TTLDTT,
            commitments="Cam kết",
        )
    assert "«Tập thể lao động tiên tiến» không phải danh hiệu dành cho cá nhân" in str(caught.value)
    assert not PersonRegistration.objects.filter(person=org.people.head_a).exists()


def test_an_individual_title_for_a_unit_is_refused(draft, org):
    with pytest.raises(ValidationError, match="«Lao động tiên tiến» không phải danh hiệu dành cho tập thể"):
        services.save_unit_registration(
            registration=draft, title=EmulationTitle.LDTT, commitments={}, actor=org.users.head_a
        )
    draft.refresh_from_db()
    assert draft.title == EmulationTitle.TTLDXS


def test_a_person_of_another_unit_is_refused(draft, org):
    row = {"registration": draft, "person": org.people.staff_b, "title": EmulationTitle.LDTT, "commitments": "Cam kết"}
    with pytest.raises(PermissionDenied, match="Mỗi cán bộ tự ghi đăng ký của mình"):
        services.save_person_registration(actor=org.users.head_a, **row)
    with pytest.raises(ValidationError, match="không thuộc"):  # even the system cannot put them in this unit
        services.save_person_registration(actor=None, **row)


def test_texts_are_written_only_by_those_the_rules_allow(draft, org, areas):
    with pytest.raises(PermissionDenied, match="Chỉ thủ trưởng đơn vị sửa được"):
        services.save_unit_registration(
            registration=draft, title="", actor=org.users.officer, commitments=commitments_for(areas)
        )
    with pytest.raises(PermissionDenied, match="Mỗi cán bộ tự ghi"):
        services.save_person_registration(
            registration=draft, person=org.people.staff_a, actor=org.users.head_a, title="LDTT", commitments="x"
        )
    with pytest.raises(PermissionDenied, match="Chỉ thủ trưởng và cán bộ của đơn vị"):
        services.open_registration(plan=draft.plan, year=2027, unit=org.units.a, actor=org.users.head_b)


def test_double_submit_with_a_stale_object_gives_one_submission(draft, org):
    first = UnitRegistration.objects.get(pk=draft.pk)
    second = UnitRegistration.objects.get(pk=draft.pk)
    services.submit_registration(registration=first, actor=org.users.head_a)
    with pytest.raises(AlreadyChanged, match="đã được người khác chuyển sang «Đã gửi»"):
        services.submit_registration(registration=second, actor=org.users.head_a)
    assert _transitions(draft) == [["draft", "submitted"]]


def test_submitting_again_after_submission_is_refused_saying_why(submitted, org):
    with pytest.raises(services.SubmissionRefused, match="đang ở trạng thái «Đã gửi»"):
        services.submit_registration(registration=submitted, actor=org.users.head_a)


def test_editing_after_submission_is_refused_saying_why(submitted, org, areas):
    with pytest.raises(services.RegistrationLocked) as caught:
        services.save_unit_registration(
            registration=submitted,
            title=EmulationTitle.TTLDTT,
            commitments={areas[0].pk: "Sửa sau khi gửi"},
            actor=org.users.head_a,
        )
    assert "đang ở trạng thái «Đã gửi»" in str(caught.value)
    assert "đề nghị Văn phòng Sở trả lại" in str(caught.value)
    assert submitted.commitments.get(content_area=areas[0]).text != "Sửa sau khi gửi"


def test_people_rows_are_locked_with_the_unit(submitted, org):
    with pytest.raises(services.RegistrationLocked):
        services.save_person_registration(
            registration=submitted,
            person=org.people.staff_a,
            actor=org.users.staff_a,
            title=EmulationTitle.CSTDCS,
            commitments="Sửa sau khi gửi",
        )
    assert PersonRegistration.objects.get(person=org.people.staff_a).title == EmulationTitle.LDTT


def test_returning_needs_a_reason(submitted, org):
    with pytest.raises(ValidationError, match="Hãy ghi lý do trả lại"):
        services.return_registration(registration=submitted, reason="   ", actor=org.users.officer)
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_a_returned_registration_is_editable_and_resubmitted(submitted, org, areas):
    services.return_registration(registration=submitted, reason="thiếu cam kết ở nội dung 5", actor=org.users.officer)
    assert submitted.return_reason == "thiếu cam kết ở nội dung 5"
    services.save_unit_registration(
        registration=submitted,
        title=EmulationTitle.TTLDXS,
        actor=org.users.head_a,
        commitments={areas[4].pk: "Giảm 20% giấy in"},
    )
    services.save_person_registration(
        registration=submitted,
        person=org.people.staff_a,
        actor=org.users.staff_a,
        title=EmulationTitle.CSTDCS,
        commitments="Có một sáng kiến",
    )
    services.submit_registration(registration=submitted, actor=org.users.head_a)
    services.accept_registration(registration=submitted, actor=org.users.officer)
    assert _transitions(submitted) == [
        ["draft", "submitted"],
        ["submitted", "returned"],
        ["returned", "submitted"],
        ["submitted", "accepted"],
    ]
    returned = ActivityLog.objects.for_object(submitted).get(changes__state=["submitted", "returned"])
    assert returned.note == "thiếu cam kết ở nội dung 5"
    assert returned.actor == org.users.officer


def test_accepting_a_draft_is_refused(draft, org):
    with pytest.raises(services.TransitionError, match="Không thể chuyển từ «Nháp"):
        services.accept_registration(registration=draft, actor=org.users.officer)


def test_submitting_after_the_window_names_its_dates(draft, org):
    with time_machine.travel("2026-06-02 09:00 +07:00"):
        with pytest.raises(services.SubmissionRefused) as caught:
            services.submit_registration(registration=draft, actor=org.users.head_a)
    assert "Hôm nay (02/06/2026) nằm ngoài thời gian đăng ký" in str(caught.value)
    assert "Đợt đăng ký năm 2026: từ 01/05/2026 đến 31/05/2026" in str(caught.value)


def test_without_a_window_nothing_is_submitted(plan, org, areas):
    registration = services.open_registration(plan=plan, year=2026, unit=org.units.a, actor=org.users.head_a)
    services.save_unit_registration(
        registration=registration,
        title=EmulationTitle.TTLDTT,
        commitments=commitments_for(areas),
        actor=org.users.head_a,
    )
    with pytest.raises(services.SubmissionRefused, match="chưa mở đợt đăng ký năm 2026"):
        services.submit_registration(registration=registration, actor=org.users.head_a)


def test_the_office_records_a_late_registration(draft, org):
    with time_machine.travel("2026-06-10 09:00 +07:00"):
        registration = services.submit_registration(registration=draft, actor=org.users.officer)
        services.accept_registration(registration=registration, actor=org.users.officer)
    assert registration.is_late
    assert registration.state == State.ACCEPTED


def test_a_returned_registration_may_be_resubmitted_after_the_window(submitted, org):
    services.return_registration(registration=submitted, reason="Bổ sung", actor=org.users.officer)
    with time_machine.travel("2026-06-03 09:00 +07:00"):
        services.submit_registration(registration=submitted, actor=org.users.head_a)
    assert submitted.state == State.SUBMITTED
    assert not submitted.is_late


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_give_exactly_one(draft, org):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite in memory is one connection; the stale-object test covers it there")
    barrier, outcomes = threading.Barrier(2), []

    def click():
        from django.db import connections

        registration = UnitRegistration.objects.get(pk=draft.pk)
        barrier.wait()
        try:
            services.submit_registration(registration=registration, actor=org.users.head_a)
            outcomes.append("ok")
        except AlreadyChanged:
            outcomes.append("already")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "ok"]
    assert _transitions(draft) == [["draft", "submitted"]]
