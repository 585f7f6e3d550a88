"""The path of a difficulty through its services: who may take each step, what each step
records, and what is refused."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.workflow import AlreadyChanged, TransitionError
from thidua.difficulties import services
from thidua.difficulties.models import Difficulty

pytestmark = pytest.mark.django_db


def _raise(org, plan, **overrides):
    values = {
        "actor": org.users.head_a,
        "plan": plan,
        "unit": org.units.a,
        "title": "Thiếu máy quét",
        "description": "Máy quét hỏng.",
        "proposal": "Mua máy mới.",
    } | overrides
    return services.raise_difficulty(**values)


def test_a_unit_head_raises_for_own_unit_and_it_reaches_the_office(org, plan):
    difficulty = _raise(org, plan, source_label="Báo cáo 6 tháng đầu năm 2026", unit_report_id=12)
    assert difficulty.state == State.SUBMITTED
    assert difficulty.submitted_at is not None
    assert (difficulty.source_label, difficulty.unit_report_id) == ("Báo cáo 6 tháng đầu năm 2026", 12)
    actions = list(difficulty.history().values_list("action", flat=True))
    assert actions == [ActivityLog.Action.TRANSITION, ActivityLog.Action.CREATED]


def test_staff_raise_for_their_own_unit(org, plan):
    difficulty = _raise(org, plan, actor=org.users.staff_a, submit=False)
    assert difficulty.state == State.DRAFT
    assert difficulty.raised_by == org.users.staff_a


@pytest.mark.parametrize("persona", ["head_a", "staff_a", "officer", "director"])
def test_nobody_raises_for_a_unit_they_do_not_belong_to(org, plan, persona):
    with pytest.raises(PermissionDenied) as refused:
        _raise(org, plan, actor=getattr(org.users, persona), unit=org.units.b)
    assert "Trung tâm Trợ giúp pháp lý" in str(refused.value)
    assert not Difficulty.objects.exists()


def test_missing_texts_are_refused_and_nothing_is_saved(org, plan):
    with pytest.raises(ValidationError) as refused:
        _raise(org, plan, title="   ")
    assert refused.value.message_dict["title"] == ["Hãy nhập tiêu đề khó khăn, vướng mắc."]
    assert not Difficulty.objects.exists()


def test_the_whole_path_records_who_and_when(org, plan, raise_for):
    with time_machine.travel("2026-08-03 09:00 +07:00", tick=False):
        difficulty = raise_for("under_review")
        services.decide_difficulty(actor=org.users.director, difficulty=difficulty, decision="Đồng ý.")
    difficulty.refresh_from_db()
    assert difficulty.state == State.DECIDED
    assert difficulty.office_recommendation == "Đề nghị đồng ý cấp bổ sung."
    assert difficulty.reviewed_by == org.users.officer
    assert (difficulty.decided_by_name, difficulty.decided_on) == ("Nguyễn Khánh Lâm", datetime.date(2026, 8, 3))
    assert difficulty.closed_on is None
    moves = [entry.changes["state"] for entry in difficulty.history().filter(action="transition")]
    assert moves[::-1] == [
        ["draft", "submitted"],
        ["submitted", "accepted"],
        ["accepted", "under_review"],
        ["under_review", "decided"],
    ]


def test_closing_sets_a_date_and_keeps_the_decided_state(org, raise_for):
    with time_machine.travel("2026-09-10 15:00 +07:00", tick=False):
        difficulty = raise_for("closed")
    assert (difficulty.state, difficulty.closed_on) == (State.DECIDED, datetime.date(2026, 9, 10))
    assert difficulty.closing_note == "Đã cấp đủ."
    assert Difficulty.objects.closed().get() == difficulty
    assert not Difficulty.objects.open().exists()


@pytest.mark.parametrize("persona", ["officer", "head_a", "staff_a", "councillor"])
def test_only_the_director_decides(org, raise_for, persona):
    difficulty = raise_for("under_review")
    with pytest.raises(PermissionDenied):
        services.decide_difficulty(actor=getattr(org.users, persona), difficulty=difficulty, decision="Đồng ý.")
    difficulty.refresh_from_db()
    assert (difficulty.state, difficulty.decision) == (State.UNDER_REVIEW, "")


def test_a_decision_without_text_is_refused(org, raise_for):
    difficulty = raise_for("under_review")
    with pytest.raises(ValidationError) as refused:
        services.decide_difficulty(actor=org.users.director, difficulty=difficulty, decision="  \n ")
    assert "Hãy ghi nội dung quyết định" in refused.value.message_dict["decision"][0]
    difficulty.refresh_from_db()
    assert difficulty.state == State.UNDER_REVIEW


def test_a_decision_dated_in_the_future_is_refused(org, raise_for):
    difficulty = raise_for("under_review")
    with pytest.raises(ValidationError) as refused:
        services.decide_difficulty(
            actor=org.users.director,
            difficulty=difficulty,
            decision="Đồng ý.",
            decided_on=datetime.date.today() + datetime.timedelta(days=3),
        )
    assert "chưa đến" in refused.value.message_dict["decided_on"][0]


def test_the_director_cannot_decide_before_the_office_has_reviewed(org, raise_for):
    difficulty = raise_for("submitted")
    with pytest.raises(TransitionError) as refused:
        services.decide_difficulty(actor=org.users.director, difficulty=difficulty, decision="Đồng ý.")
    assert "«Đã gửi»" in str(refused.value)


def test_the_office_review_needs_both_texts(org, raise_for):
    difficulty = raise_for("accepted")
    with pytest.raises(ValidationError) as refused:
        services.review_difficulty(actor=org.users.officer, difficulty=difficulty, summary="Có", recommendation="")
    assert "recommendation" in refused.value.message_dict
    difficulty.refresh_from_db()
    assert difficulty.state == State.ACCEPTED


def test_editing_after_the_decision_is_refused(org, raise_for):
    difficulty = raise_for("decided")
    with pytest.raises(TransitionError) as refused:
        services.edit_difficulty(
            actor=org.users.head_a,
            difficulty=difficulty,
            fields={"title": "Tiêu đề mới", "description": "x", "proposal": "y"},
        )
    assert "đã có quyết định của Giám đốc Sở" in str(refused.value)
    difficulty.refresh_from_db()
    assert difficulty.title == "Thiếu chứng thư số cho công chức"


def test_a_draft_can_be_edited_by_its_unit_with_history(org, raise_for):
    difficulty = raise_for("draft")
    services.edit_difficulty(
        actor=org.users.staff_a,
        difficulty=difficulty,
        fields={"title": "Thiếu 4 chứng thư số", "description": "x", "proposal": "y"},
    )
    difficulty.refresh_from_db()
    assert difficulty.title == "Thiếu 4 chứng thư số"
    assert difficulty.history().first().changes["title"] == ["Thiếu chứng thư số cho công chức", "Thiếu 4 chứng thư số"]


def test_a_second_submission_of_the_same_draft_does_nothing(org, raise_for):
    difficulty = raise_for("draft")
    stale = Difficulty.objects.get(pk=difficulty.pk)
    services.submit_difficulty(actor=org.users.head_a, difficulty=difficulty)
    with pytest.raises(AlreadyChanged) as second:
        services.submit_difficulty(actor=org.users.staff_a, difficulty=stale)
    assert "đã được người khác chuyển sang «Đã gửi»" in str(second.value)
    assert difficulty.history().filter(action="transition").count() == 1


def test_closing_twice_or_before_a_decision_is_refused(org, raise_for):
    with pytest.raises(TransitionError) as early:
        services.close_difficulty(actor=org.users.officer, difficulty=raise_for("under_review", title="Khác"))
    assert "Chỉ đóng được khó khăn đã có quyết định" in str(early.value)
    difficulty = raise_for("closed")
    with pytest.raises(AlreadyChanged):
        services.close_difficulty(actor=org.users.officer, difficulty=difficulty)


def test_days_open_count_from_submission_to_closing(org, raise_for):
    with time_machine.travel("2026-07-01 08:00 +07:00", tick=False):
        difficulty = raise_for("decided")
    assert difficulty.days_open(datetime.date(2026, 7, 21)) == 20
    with time_machine.travel("2026-07-11 08:00 +07:00", tick=False):
        services.close_difficulty(actor=org.users.officer, difficulty=difficulty)
    difficulty.refresh_from_db()
    assert difficulty.days_open(datetime.date(2026, 12, 1)) == 10


def test_visibility_keeps_units_apart_and_drafts_at_home(org, raise_for):
    own_draft = raise_for("draft", title="Nháp của A")
    sent = raise_for("submitted", title="Đã gửi của A")
    of_b = raise_for("submitted", unit=org.units.b, title="Của B")
    visible = {
        persona: set(Difficulty.objects.visible_to(getattr(org.users, persona)))
        for persona in ("head_a", "staff_a", "head_b", "officer", "director")
    }
    assert visible["head_a"] == visible["staff_a"] == {own_draft, sent}
    assert visible["head_b"] == {of_b}
    assert visible["officer"] == visible["director"] == {sent, of_b}


def test_a_content_area_of_another_plan_is_refused(org, plan):
    from thidua.plans.models import ContentArea, Plan

    other = Plan.objects.create(
        code="khac",
        title="Kế hoạch khác",
        issuer=org.units.agency,
        issuer_name="Sở",
        symbol="KH-STP",
        place="Tuyên Quang",
        issued_year=2025,
        preamble="-",
        signer_title="Giám đốc",
        signer_name="X",
        start_year=2025,
        end_year=2025,
    )
    area = ContentArea.objects.create(plan=other, short_title="Khác", text="Khác")
    with pytest.raises(ValidationError) as refused:
        _raise(org, plan, content_area=area)
    assert "không thuộc kế hoạch" in refused.value.message_dict["content_area"][0]
