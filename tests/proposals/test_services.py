"""The proposal workflow through its services: the whole path, and every refusal the
issue lists — the same achievement twice, not eligible without a reason, caps, an
incomplete dossier at the decision."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.proposals.conftest import DECIDED_ON, YEAR, rate
from thidua.commendation import services as records
from thidua.commendation.enums import PendingKind
from thidua.commendation.models import AwardRecord, AwardType
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.workflow import AlreadyChanged, TransitionError
from thidua.outgoing.models import IssuedNumber
from thidua.proposals import caps, dossier, services
from thidua.proposals.models import Decision, Proposal

pytestmark = pytest.mark.django_db


def test_a_draft_is_prefilled_from_the_data_and_carries_its_verdict(org, flow):
    proposal = flow.create()
    assert proposal.state == State.DRAFT and proposal.category == "title"
    assert proposal.achievement_key == "CSTDCS:2026"
    assert "Xếp loại chất lượng năm 2026: Hoàn thành xuất sắc nhiệm vụ." in proposal.report_text
    assert "- Họ và tên: Đặng Thị Hương" in proposal.report_text
    assert proposal.verdict == "eligible"
    assert any(r["rule"] == "R2" and r["passed"] for r in proposal.verdict_reasons)
    assert ActivityLog.objects.for_object(proposal).filter(action="created").exists()


def test_the_whole_path_enters_the_award_in_the_register(org, flow):
    proposal = flow.make(State.DECIDED)
    assert proposal.state == State.DECIDED
    decision = proposal.decision
    assert decision.number_symbol == "01/QĐ-STP" and decision.date == DECIDED_ON
    assert decision.signer_name == "Nguyễn Khánh Lâm" and decision.signer_title == "GIÁM ĐỐC"
    assert IssuedNumber.objects.filter(number_symbol="01/QĐ-STP").exists()
    award = AwardRecord.objects.get(person=org.people.staff_a)
    assert proposal.award_record == award
    assert (award.award_type.code, award.year, award.decision_number) == ("CSTDCS", YEAR, "01/QĐ-STP")
    assert proposal.cash_amount == Decimal("2340000")  # 1.0 × the default base salary
    assert proposal.decided_name == "Đặng Thị Hương" and proposal.decided_unit == org.units.a.name
    moves = (
        ActivityLog.objects.for_object(proposal)
        .filter(action="transition")
        .order_by("id")
        .values_list("changes__state", flat=True)
    )
    assert [m[1] for m in moves] == ["submitted", "accepted", "under_review", "approved", "decided"]


def test_the_same_achievement_proposed_twice_names_the_earlier_decision(org, flow):
    flow.make(State.DECIDED)
    with pytest.raises(ValidationError) as error:
        flow.create()
    message = error.value.message_dict["award_code"][0]
    assert "đã được khen thưởng" in message and "01/QĐ-STP" in message and "15/01/2027" in message
    assert Proposal.objects.count() == 1


def test_the_same_achievement_still_being_proposed_names_that_proposal(org, flow):
    first = flow.make(State.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        flow.create(actor=org.users.officer)
    assert f"đề nghị số {first.pk} (Đã gửi)" in error.value.message_dict["award_code"][0]
    assert Proposal.objects.count() == 1


def test_an_award_recorded_before_the_system_also_blocks(org, flow):
    records.record_award(
        actor=None,
        subject=org.people.staff_a,
        code="GK",
        year=YEAR,
        decision_number="07/QĐ-STP",
        decision_date=datetime.date(2027, 1, 5),
        issuer="Giám đốc Sở",
        before_system=True,
    )
    with pytest.raises(ValidationError) as error:
        flow.create(code="GK")
    assert "07/QĐ-STP" in error.value.message_dict["award_code"][0]


def test_a_rejected_proposal_frees_the_achievement(org, flow):
    first = flow.make(State.UNDER_REVIEW)
    services.reject(actor=org.users.director, proposal=first, reason="Chưa tiêu biểu.")
    assert flow.create().state == State.DRAFT


def test_not_eligible_is_refused_at_checking_without_the_offices_reason(org, flow):
    rate(org.people.staff_a, "HTNV")
    proposal = flow.make(State.SUBMITTED)
    assert proposal.verdict == "not_eligible"
    with pytest.raises(ValidationError) as error:
        services.accept(actor=org.users.officer, proposal=proposal)
    message = error.value.message_dict["override_reason"][0]
    assert "không đủ điều kiện CSTDCS năm 2026" in message and "Văn phòng chỉ chấp nhận khi ghi rõ lý do" in message
    proposal.refresh_from_db()
    assert proposal.state == State.SUBMITTED and proposal.override_reason == ""


def test_the_offices_reason_lets_it_go_on_and_stays_in_the_dossier(org, flow):
    rate(org.people.staff_a, "HTNV")
    proposal = flow.make(State.SUBMITTED)
    services.accept(actor=org.users.officer, proposal=proposal, override_reason="Thành tích đột xuất trong năm.")
    proposal.refresh_from_db()
    assert proposal.state == State.ACCEPTED
    assert proposal.override_reason == "Thành tích đột xuất trong năm." and proposal.override_by == org.users.officer


def test_caps_exceeded_give_a_warning_with_the_figures(org, flow):
    AwardType.objects.filter(code="CSTDCS").update(yearly_cap=1)
    flow.create()
    assert caps.warnings(YEAR, {"CSTDCS"}) == []
    flow.create(org.people.head_a)
    (warning,) = caps.warnings(YEAR, {"CSTDCS"})
    assert "Chiến sĩ thi đua cơ sở năm 2026: đã có 2 đề nghị và khen thưởng, vượt giới hạn 1 mỗi năm" in warning
    assert Proposal.objects.count() == 2  # a warning, never a refusal


def test_a_decision_on_an_incomplete_dossier_says_what_is_missing(org, flow):
    proposal = flow.make(State.APPROVED, files=False)
    with pytest.raises(ValidationError) as error:
        services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    (message,) = error.value.messages
    assert "còn thiếu: Tờ trình, Giấy chứng nhận sáng kiến, đề tài khoa học" in message
    proposal.refresh_from_db()
    assert proposal.state == State.APPROVED
    assert not Decision.objects.exists() and not AwardRecord.objects.exists()
    assert not IssuedNumber.objects.filter(doc_type="QĐ").exists()  # no number used up by a refusal


def test_a_pending_discipline_blocks_the_decision(org, flow):
    proposal = flow.make(State.APPROVED)
    records.save_hold(
        actor=None, subject=org.people.staff_a, kind=PendingKind.DISCIPLINE, from_date=datetime.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    assert "Đang bị xem xét kỷ luật" in error.value.messages[0]


def test_the_offices_reason_does_not_lift_a_hold(org, flow):
    records.save_hold(
        actor=None, subject=org.people.staff_a, kind=PendingKind.INVESTIGATION, from_date=datetime.date(2026, 1, 1)
    )
    proposal = flow.make(State.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.accept(actor=org.users.officer, proposal=proposal, override_reason="Vẫn đề nghị.")
    assert "Đang bị thanh tra, kiểm tra, điều tra (R12)" in error.value.messages[0]
    assert Proposal.objects.get().state == State.SUBMITTED


def test_a_unit_head_proposes_only_for_their_unit(org, flow):
    with pytest.raises(PermissionDenied):
        flow.create(org.people.staff_b)
    assert not Proposal.objects.exists()


def test_a_title_is_only_for_yearly_merit(org, flow):
    with pytest.raises(ValidationError) as error:
        flow.create(kind="dot_xuat")
    assert "Danh hiệu thi đua chỉ xét theo công trạng" in error.value.message_dict["kind"][0]


def test_a_movement_award_only_in_a_review_year(org, flow):
    with pytest.raises(ValidationError) as error:
        flow.create(code="GK", kind="chuyen_de")
    assert "năm sơ kết, tổng kết (Sơ kết 2027, Tổng kết 2030)" in error.value.message_dict["year"][0]
    proposal = flow.create(code="GK", kind="chuyen_de", year=2027)
    assert proposal.achievement_key == "form:chuyen_de:2027" and proposal.verdict == "needs_review"


def test_the_simplified_procedure_shortens_the_checklist(org, flow):
    proposal = flow.create(code="GK", simplified_case="sudden_achievement")
    assert dossier.required(proposal) == ["to_trinh", "bao_cao_tom_tat_thanh_tich"]
    assert [i.label for i in dossier.checklist(proposal) if not i.present] == ["Tờ trình"]


def test_a_case_outside_article_85_is_refused(org, flow):
    with pytest.raises(ValidationError) as error:
        flow.create(code="GK", simplified_case="no_such_case")
    assert "không được xét theo thủ tục đơn giản" in error.value.message_dict["simplified_case"][0]


def test_an_award_for_units_only_is_refused_for_a_person(org, flow):
    with pytest.raises(ValidationError) as error:
        flow.create(code="TTLDTT")
    assert "không dành cho cá nhân" in error.value.message_dict["award_code"][0]


def test_submitting_twice_gives_one_submission(org, flow):
    proposal = flow.create()
    stale = Proposal.objects.get(pk=proposal.pk)
    services.submit(actor=org.users.head_a, proposal=proposal)
    with pytest.raises(AlreadyChanged):
        services.submit(actor=org.users.head_a, proposal=stale)
    assert ActivityLog.objects.for_object(proposal).filter(action="transition").count() == 1


def test_return_needs_a_reason_and_the_unit_sends_again(org, flow):
    proposal = flow.make(State.SUBMITTED)
    with pytest.raises(ValidationError):
        services.return_proposal(actor=org.users.officer, proposal=proposal, reason="  ")
    services.return_proposal(actor=org.users.officer, proposal=proposal, reason="Thiếu tờ trình có chữ ký.")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.return_reason) == (State.RETURNED, "Thiếu tờ trình có chữ ký.")
    services.update_proposal(actor=org.users.head_a, proposal=proposal, report_text="I. Báo cáo đã sửa")
    services.submit(actor=org.users.head_a, proposal=Proposal.objects.get(pk=proposal.pk))
    assert Proposal.objects.get(pk=proposal.pk).state == State.SUBMITTED


def test_only_the_office_checks_and_only_the_director_approves(org, flow):
    proposal = flow.make(State.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.accept(actor=org.users.head_a, proposal=proposal)
    proposal = flow.make(State.UNDER_REVIEW, org.people.head_a, "GK")
    flow.vote_all(proposal)
    flow.close()
    with pytest.raises(PermissionDenied):
        services.approve(actor=org.users.officer, proposal=proposal)


def test_the_director_approves_only_what_the_council_passed(org, flow):
    proposal = flow.make(State.UNDER_REVIEW)
    with pytest.raises(ValidationError) as error:
        services.approve(actor=org.users.director, proposal=proposal)
    assert "biên bản phiên họp chưa được ban hành" in error.value.messages[0]
    flow.vote_all(proposal, "disagree")
    flow.close()
    with pytest.raises(ValidationError) as error:
        services.approve(actor=org.users.director, proposal=proposal)
    assert "Hội đồng không thông qua đề nghị này (0 phiếu đồng ý" in error.value.messages[0]


def test_what_the_province_decides_is_forwarded_and_its_decision_recorded(org, flow):
    records.record_award(
        actor=None,
        subject=org.people.staff_a,
        code="CSTDCS",
        year=2025,
        before_system=True,
        decision_number="12/QĐ-STP",
        decision_date=datetime.date(2026, 1, 16),
    )
    proposal = flow.make(State.UNDER_REVIEW, org.people.staff_a, "BK_TINH", files=False)
    flow.attach_needed(proposal, "to_trinh")
    flow.vote_all(proposal)
    flow.close()
    with pytest.raises(ValidationError) as error:
        services.approve(actor=org.users.director, proposal=Proposal.objects.get(pk=proposal.pk))
    assert "không thuộc thẩm quyền quyết định của Giám đốc Sở" in error.value.messages[0]
    forwarded = services.forward(
        actor=org.users.officer, proposal=Proposal.objects.get(pk=proposal.pk), note="Tờ trình số 12/TTr-STP"
    )
    assert forwarded.state == State.FORWARDED and forwarded.forwarded_to == "Trình Chủ tịch UBND tỉnh"
    decision = services.record_external_decision(
        actor=org.users.officer,
        proposal=forwarded,
        number_symbol="245/QĐ-UBND",
        date=datetime.date(2027, 2, 10),
        issuer="Chủ tịch UBND tỉnh Tuyên Quang",
    )
    assert not decision.issued_here
    award = AwardRecord.objects.get(person=org.people.staff_a, award_type__code="BK_TINH")
    assert award.decision_number == "245/QĐ-UBND" and award.issuer == "Chủ tịch UBND tỉnh Tuyên Quang"


def test_an_upper_decision_needs_a_number_date_and_issuer(org, flow):
    proposal = flow.create(code="BK_TINH")
    Proposal.objects.filter(pk=proposal.pk).update(state=State.FORWARDED)
    proposal.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.record_external_decision(
            actor=org.users.officer, proposal=proposal, number_symbol=" ", date=None, issuer="UBND tỉnh"
        )
    assert "Hãy nhập số quyết định" in error.value.message_dict["number_symbol"][0]


def test_a_decision_covers_one_year(org, flow):
    first = flow.make(State.APPROVED)
    rate(org.people.head_a, "HTXSNV", 2025)
    other = flow.make(State.APPROVED, org.people.head_a, "LDTT", year=2025)
    with pytest.raises(ValidationError) as error:
        services.issue_decision(actor=org.users.director, proposals=[first, other], date=DECIDED_ON)
    assert "Mỗi quyết định dành cho thành tích của một năm" in error.value.messages[0]


def test_an_office_proposal_moves_like_a_units(org, flow):
    proposal = flow.make(State.SUBMITTED, org.people.staff_b, "LDTT", actor=org.users.officer)
    assert proposal.by_office and proposal.state == State.SUBMITTED


def test_a_closed_proposal_is_not_edited(org, flow):
    proposal = flow.make(State.DECIDED)
    with pytest.raises(TransitionError):
        services.update_proposal(actor=org.users.officer, proposal=proposal, report_text="x")
