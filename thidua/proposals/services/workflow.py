"""Making a proposal and moving it: submitted by the unit, checked by the office
(accepted or returned with the reason), before the council, then approved by the
director or forwarded upward, or refused. Each function checks who may act and what
the law requires, then changes the state through `transition` (one conditional UPDATE,
logged)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, override

from thidua.commendation import catalogue
from thidua.commendation.eligibility.procedure import required_documents
from thidua.commendation.eligibility.rules import achievement_key
from thidua.commendation.eligibility.ruleset import rule_def, rules_date
from thidua.commendation.enums import Route
from thidua.commendation.models import AwardRecord, AwardType
from thidua.commendation.services import check_subject, duplicate_message
from thidua.core.codes import CommendationKind, State
from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.core.workflow import AlreadyChanged, locked, transition
from thidua.organization.models import Person, Unit, User
from thidua.plans.models import Plan
from thidua.proposals import prefill, rules
from thidua.proposals.enums import CLOSED, PROPOSAL_KINDS, TRANSITIONS
from thidua.proposals.models import Proposal
from thidua.proposals.verdicts import Assessment, assess

Subject = Person | Unit


def required_text(value: str, message: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


# --- checks shared by making and editing ---------------------------------------------------
def award_type_for(code: str, year: int) -> AwardType:
    found = catalogue.award_type(code, rules_date(year))
    if found is None:
        raise ValidationError(
            {
                "award_code": gettext("«%(code)s» không có trong danh mục đang hiệu lực năm %(year)s.")
                % {"code": code, "year": year}
            }
        )
    return found


def review_years() -> dict[int, str]:
    """Years of the movement's reviews (sơ kết, tổng kết) in the current plan."""
    plan = Plan.objects.current()
    if plan is None:
        return {}
    return {p.review_year: p.get_review_kind_display() for p in plan.phases.all() if p.review_year}


def check_kind(award: AwardType, kind: str, year: int) -> None:
    if kind not in PROPOSAL_KINDS:
        raise ValidationError({"kind": gettext("Loại hình khen thưởng không hợp lệ.")})
    if award.is_title and kind != CommendationKind.CONG_TRANG:
        raise ValidationError(
            {
                "kind": gettext(
                    "Danh hiệu thi đua chỉ xét theo công trạng, thành tích hằng năm; khen "
                    "thưởng theo chuyên đề hoặc đột xuất "
                    "dùng hình thức khen thưởng (Giấy khen, Bằng khen)."
                )
            }
        )
    years = review_years()
    if kind == CommendationKind.CHUYEN_DE and year not in years:
        listed = ", ".join(f"{label} {y}" for y, label in sorted(years.items())) or "—"
        raise ValidationError(
            {
                "year": gettext(
                    "Khen thưởng theo chuyên đề của phong trào chỉ đề nghị vào năm sơ kết, tổng "
                    "kết (%(years)s), không phải "
                    "năm %(year)s."
                )
                % {"years": listed, "year": year}
            }
        )


def check_simplified(case: str, award_code: str, year: int) -> None:
    row = catalogue.rule("R13", rules_date(year))
    if case and row is not None:
        try:
            required_documents(rule_def(row), award_code, simplified_case=case)
        except ValueError as error:
            raise ValidationError({"simplified_case": str(error)}) from None


def _subject_filter(subject: Subject) -> dict:
    return {"person": subject} if isinstance(subject, Person) else {"unit": subject}


def check_not_rewarded(subject: Subject, key: str, exclude: int | None = None) -> None:
    """R10: refuse an achievement already rewarded (naming the decision) or already
    proposed (naming that proposal)."""
    earlier = AwardRecord.objects.for_subject(subject).filter(achievement_key=key).select_related("award_type").first()
    if earlier is not None:
        raise ValidationError({"award_code": duplicate_message(earlier)})
    pending = (
        Proposal.objects.filter(**_subject_filter(subject), achievement_key=key)
        .exclude(state=State.REJECTED)
        .exclude(pk=exclude)
        .first()
    )
    if pending is not None:
        raise ValidationError({"award_code": pending_message(pending)})


def pending_message(pending: Proposal) -> str:
    return gettext(
        "Thành tích này đã được đề nghị: %(award)s năm %(year)s, đề nghị số %(id)s (%(state)s). Một thành "
        "tích chỉ được đề nghị và khen thưởng một lần."
    ) % {
        "award": pending.get_award_code_display(),
        "year": pending.year,
        "id": pending.pk,
        "state": pending.get_state_display(),
    }


# --- the verdict --------------------------------------------------------------------------
def refresh_verdict(proposal: Proposal) -> Assessment:
    """Evaluate again and keep the result on the proposal. A plain UPDATE, not logged:
    the verdict is derived from logged data (ratings, awards, holds), not entered."""
    found = assess(proposal.subject, proposal.award_code, proposal.year, proposal.kind)
    values = {"verdict": found.verdict, "verdict_reasons": found.reasons, "verdict_at": timezone.now()}
    Proposal.objects.filter(pk=proposal.pk).update(**values)
    for name, value in values.items():
        setattr(proposal, name, value)
    return found


def require_eligible_or_override(proposal: Proposal, found: Assessment, override: str = "") -> None:
    """A subject found not eligible goes on only with the office's reason; a hold
    (R12: discipline, inspection or complaint pending) stops it whatever the reason,
    since the law forbids proposing as well as deciding while it lasts."""
    holds = [r["condition"] for r in found.reasons if r["rule"] == "R12" and r["passed"] is False]
    if holds:
        raise ValidationError(
            gettext("%(subject)s: %(holds)s (R12). Chưa đề nghị, quyết định khen thưởng cho đến khi có kết luận.")
            % {"subject": proposal.subject, "holds": "; ".join(holds)}
        )
    if found.not_eligible and not (override.strip() or proposal.override_reason.strip()):
        raise ValidationError(
            {
                "override_reason": gettext(
                    "%(subject)s không đủ điều kiện %(award)s năm %(year)s theo kết quả xét: "
                    "%(failed)s. Văn phòng chỉ chấp "
                    "nhận khi ghi rõ lý do vẫn đề nghị."
                )
                % {
                    "subject": proposal.subject,
                    "award": proposal.award_code,
                    "year": proposal.year,
                    "failed": "; ".join(found.failed()),
                }
            }
        )


# --- making and editing ---------------------------------------------------------------------
@transaction.atomic
def create_proposal(
    *,
    actor: User,
    subject: Subject,
    award_code: str,
    year: int,
    kind: str = CommendationKind.CONG_TRANG,
    simplified_case: str = "",
    achievement_text: str = "",
    report_text: str | None = None,
) -> Proposal:
    """Make a draft proposal with its achievement report written from the system's
    data and its eligibility verdict. Side effects: one Proposal row, logged.
    Raises PermissionDenied for a subject outside the account's units and
    ValidationError for an unsuitable award or kind, or an achievement already
    rewarded or proposed (R10)."""
    require(
        rules.can_propose_for(actor, subject),
        gettext("Bạn chỉ lập đề nghị cho đơn vị mình phụ trách và cán bộ của đơn vị đó."),
    )
    award = award_type_for(award_code, year)
    check_subject(award, subject, "award_code")
    check_kind(award, kind, year)
    check_simplified(simplified_case, award_code, year)
    key = achievement_text.strip() or achievement_key(award_code, year, kind)
    check_not_rewarded(subject, key)
    if report_text is None:
        with override("vi"):  # the achievement report is a Vietnamese document in any interface language
            report_text = prefill.report_text(prefill.gather(subject, year), award.name)
    found = assess(subject, award_code, year, kind)
    proposal = Proposal(
        **_subject_filter(subject),
        subject_unit_id=rules.subject_unit_id(subject),
        award_code=award_code,
        category=award.category,
        year=year,
        kind=kind,
        achievement_key=key,
        simplified_case=simplified_case,
        report_text=report_text,
        verdict=found.verdict,
        verdict_reasons=found.reasons,
        verdict_at=timezone.now(),
        created_by=actor,
        by_office=rules.is_office(actor),
    )
    try:
        with transaction.atomic():
            return save_with_history(proposal, actor=actor)
    except IntegrityError:  # the same achievement proposed at the same moment by someone else
        check_not_rewarded(subject, key)
        raise


@transaction.atomic
def update_proposal(
    *, actor: User, proposal: Proposal, report_text: str, simplified_case: str | None = None
) -> Proposal:
    """Change the achievement report and the simplified-procedure case. The proposer
    edits a draft or a returned proposal; the office completes the dossier until the
    decision. Side effects: the row saved, the difference logged."""
    # Someone who never changes this dossier is refused (403); one who may, but not in
    # the state it has reached meanwhile, is told where it is (409).
    require(rules.keeps_dossier(actor, proposal), gettext("Bạn không được sửa đề nghị này."))
    fresh = locked(proposal)
    if fresh.version != proposal.version:
        raise AlreadyChanged(gettext("Đề nghị vừa được người khác thay đổi; hãy tải lại trang."))
    if not rules.can_edit(actor, fresh):
        raise AlreadyChanged(not_editable_message(fresh))
    if simplified_case is not None:
        check_simplified(simplified_case, fresh.award_code, fresh.year)
        fresh.simplified_case = simplified_case
    fresh.report_text = report_text.strip()
    return save_with_history(fresh, actor=actor)


def not_editable_message(proposal: Proposal) -> str:
    return gettext("Đề nghị đang ở trạng thái «%(state)s» nên đơn vị không sửa được.") % {
        "state": proposal.get_state_display()
    }


@transaction.atomic
def set_override(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """The office's reason for going on with a subject the engine finds not eligible;
    it is shown in the dossier. Side effects: saved and logged."""
    require(rules.can_override(actor, proposal), gettext("Chỉ Văn phòng Sở ghi lý do đề nghị đặc cách."))
    reason = required_text(reason, gettext("Hãy ghi lý do vẫn đề nghị dù chưa đủ điều kiện."), "override_reason")
    fresh = locked(proposal)
    if fresh.state in CLOSED:
        raise AlreadyChanged(gettext("Đề nghị đã kết thúc («%(state)s»).") % {"state": fresh.get_state_display()})
    fresh.override_reason, fresh.override_by = reason, actor
    return save_with_history(fresh, actor=actor, note=gettext("Lý do đề nghị dù không đủ điều kiện"))


# --- the moves ------------------------------------------------------------------------------
def submit(*, actor: User, proposal: Proposal) -> Proposal:
    """Send to the office. Side effects: state submitted with the time, in one
    conditional UPDATE (a second click changes nothing), logged."""
    require(rules.can_submit(actor, proposal), gettext("Chỉ đơn vị lập đề nghị được gửi đề nghị này."))
    return transition(
        proposal, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, fields={"submitted_at": timezone.now()}
    )


def accept(*, actor: User, proposal: Proposal, override_reason: str = "") -> Proposal:
    """The office has checked the proposal. A subject the engine finds not eligible
    needs the office's reason (kept and shown in the dossier). Side effects: the
    verdict refreshed; state accepted (with the reason), logged."""
    require(rules.can_accept(actor, proposal), gettext("Chỉ Văn phòng Sở kiểm tra, tiếp nhận đề nghị."))
    found = refresh_verdict(proposal)
    require_eligible_or_override(proposal, found, override_reason)
    fields = {"override_reason": override_reason.strip(), "override_by": actor} if override_reason.strip() else {}
    return transition(
        proposal, to=State.ACCEPTED, actor=actor, allowed=TRANSITIONS, fields=fields, note=override_reason.strip()
    )


def return_proposal(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """Send back to the unit with the reason. Side effects: state returned with the
    reason, logged; the unit may edit and send again."""
    require(rules.can_return(actor, proposal), gettext("Chỉ Văn phòng Sở trả lại đề nghị."))
    reason = required_text(reason, gettext("Hãy ghi lý do trả lại để đơn vị biết cần bổ sung gì."), "reason")
    return transition(
        proposal, to=State.RETURNED, actor=actor, allowed=TRANSITIONS, note=reason, fields={"return_reason": reason}
    )


def undo_acceptance(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """Hủy tiếp nhận: the office takes back its acceptance (back to «Đã gửi») before the
    proposal goes to the council. Side effects: the move, logged with the reason."""
    require(rules.can_undo_acceptance(actor, proposal), gettext("Chỉ Văn phòng Sở hủy tiếp nhận đề nghị."))
    reason = required_text(reason, gettext("Hãy ghi lý do hủy tiếp nhận."), "reason")
    return transition(proposal, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, note=reason)


def undo_approval(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """Hủy phê duyệt: the director takes back an approval (back to «Đang xem xét») before
    the decision is issued. Side effects: the move, logged with the reason."""
    require(rules.can_undo_approval(actor, proposal), gettext("Chỉ Giám đốc Sở hủy phê duyệt đề nghị."))
    reason = required_text(reason, gettext("Hãy ghi lý do hủy phê duyệt."), "reason")
    return transition(proposal, to=State.UNDER_REVIEW, actor=actor, allowed=TRANSITIONS, note=reason)


def council_result(proposal: Proposal):
    """The agenda item of the latest meeting that has issued its minutes, or None."""
    return (
        proposal.council_items.exclude(meeting__minutes_number="")
        .select_related("meeting")
        .order_by("-meeting__date", "-id")
        .first()
    )


def require_council_passed(proposal: Proposal) -> None:
    item = council_result(proposal)
    if item is None:
        raise ValidationError(
            gettext("Hội đồng chưa có kết quả biểu quyết đề nghị này (biên bản phiên họp chưa được ban hành).")
        )
    if not item.passed:
        raise ValidationError(
            gettext("Hội đồng không thông qua đề nghị này (%(agree)s phiếu đồng ý, biên bản số %(minutes)s).")
            % {"agree": item.agree, "minutes": item.meeting.minutes_number}
        )


def approve(*, actor: User, proposal: Proposal) -> Proposal:
    """The director approves what is his to decide (R19) after the council passed it.
    Side effects: the verdict refreshed; state approved, logged."""
    require(rules.can_approve(actor, proposal), gettext("Chỉ Giám đốc Sở phê duyệt đề nghị khen thưởng."))
    if not catalogue.decided_by_director(proposal.award_code, rules_date(proposal.year)):
        raise ValidationError(
            gettext("%(award)s không thuộc thẩm quyền quyết định của Giám đốc Sở: Văn phòng trình cấp trên.")
            % {"award": proposal.get_award_code_display()}
        )
    require_council_passed(proposal)
    require_eligible_or_override(proposal, refresh_verdict(proposal))
    return transition(proposal, to=State.APPROVED, actor=actor, allowed=TRANSITIONS)


def forward(*, actor: User, proposal: Proposal, note: str = "", on: datetime.date | None = None) -> Proposal:
    """The office forwards what the province or the ministry decides (R19), after the
    council passed it. Side effects: state forwarded with to whom and when, logged."""
    require(rules.can_forward(actor, proposal), gettext("Chỉ Văn phòng Sở trình đề nghị lên cấp trên."))
    award = award_type_for(proposal.award_code, proposal.year)
    if award.route == Route.DIRECTOR:
        raise ValidationError(
            gettext("%(award)s do Giám đốc Sở quyết định, không trình cấp trên.") % {"award": award.name}
        )
    require_council_passed(proposal)
    require_eligible_or_override(proposal, refresh_verdict(proposal))
    return transition(
        proposal,
        to=State.FORWARDED,
        actor=actor,
        allowed=TRANSITIONS,
        note=note.strip(),
        fields={
            "forwarded_to": str(Route(award.route).label),
            "forwarded_on": on or timezone.localdate(),
            "forward_note": note.strip()[:300],
        },
    )


def reject(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """Refuse the proposal: the director for what is before him; the office records the
    refusal of the upper level for a forwarded one. Side effects: state rejected with
    the reason, logged; the achievement may be proposed again."""
    if proposal.state == State.FORWARDED:
        require(rules.can_record_refusal(actor, proposal), gettext("Văn phòng Sở ghi nhận kết quả của cấp trên."))
    else:
        require(rules.can_reject(actor, proposal), gettext("Chỉ Giám đốc Sở quyết định không phê duyệt đề nghị."))
    reason = required_text(reason, gettext("Hãy ghi lý do không phê duyệt."), "reason")
    return transition(
        proposal, to=State.REJECTED, actor=actor, allowed=TRANSITIONS, note=reason, fields={"rejection_reason": reason}
    )
