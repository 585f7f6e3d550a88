"""Revoking awards of an issued decision (hủy bỏ, Luật Thi đua, khen thưởng 2022 Điều 93):
an issued decision is never changed; the director issues a new decision, numbered from
the register of outgoing documents like any decision, that revokes the whole decision
or the proposals chosen from it. The revoked proposals move to «Đã hủy bỏ khen thưởng»,
their awards stay in the register, marked revoked, and count for nothing any more
(eligibility, caps, the public honours page)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from thidua.commendation.services import revoke_award
from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.core.workflow import transition
from thidua.organization.models import User
from thidua.proposals import rules
from thidua.proposals.enums import TRANSITIONS
from thidua.proposals.models import Decision, Proposal
from thidua.proposals.services.decisions import issued_here


def revocation_summary(decision: Decision, whole: bool) -> str:
    """The trích yếu of the revoking decision; Vietnamese whatever the interface language."""
    head = "Về việc hủy bỏ" if whole else "Về việc hủy bỏ một phần"
    return f"{head} Quyết định số {decision.number_symbol} ngày {decision.date:%d/%m/%Y} của {decision.issuer}"


def revocable(decision: Decision):
    """The proposals of `decision` that may still be revoked: decided and not yet revoked."""
    return decision.proposals.filter(state=State.DECIDED)


def _checked(actor: User, decision: Decision, proposals: list[Proposal], date, reason: str) -> str:
    require(
        rules.is_director(actor) and all(rules.can_revoke(actor, p) for p in proposals),
        gettext("Chỉ Giám đốc Sở ban hành quyết định hủy bỏ khen thưởng."),
    )
    if not decision.issued_here:
        raise ValidationError(gettext("Quyết định của cấp trên do chính cấp đó hủy bỏ."))
    if not proposals:
        raise ValidationError({"proposals": gettext("Hãy chọn ít nhất một khen thưởng để hủy bỏ.")})
    foreign = [str(p) for p in proposals if p.decision_id != decision.pk or p.state != State.DECIDED]
    if foreign:
        raise ValidationError(
            {
                "proposals": gettext("Không thuộc quyết định này hoặc đã bị hủy bỏ: %(list)s.")
                % {"list": "; ".join(foreign)}
            }
        )
    if date is None:
        raise ValidationError({"date": gettext("Hãy nhập ngày của quyết định hủy bỏ (dd/mm/yyyy).")})
    if date < decision.date:
        raise ValidationError(
            {
                "date": gettext("Ngày quyết định hủy bỏ không được trước ngày của quyết định bị hủy bỏ (%(date)s).")
                % {"date": decision.date.strftime("%d/%m/%Y")}
            }
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": gettext("Hãy ghi lý do hủy bỏ (căn cứ khoản 2 Điều 93 Luật Thi đua, khen thưởng).")}
        )
    return reason


@transaction.atomic
def revoke_decision(
    *,
    actor: User,
    decision: Decision,
    proposals: list[Proposal],
    date: datetime.date,
    reason: str,
    number: int | None = None,
) -> Decision:
    """The director's decision revoking `proposals` of `decision` (all of them, or some).
    Refused, naming the field, for another's award, an empty choice, a date before the
    revoked decision or in the future, or no reason. Side effects: a QĐ number from the
    register, one Decision row naming the revoked one, each proposal moved to revoked and
    its award marked revoked in the register, all logged; all or nothing."""
    proposals = list(proposals)
    reason = _checked(actor, decision, proposals, date, reason)
    whole = len(proposals) == revocable(decision).count()
    summary = revocation_summary(decision, whole)
    revoking = issued_here(
        actor=actor, date=date, year=decision.year, summary=summary, number=number, revokes=decision, reason=reason
    )
    number_symbol = revoking.number_symbol
    for proposal in proposals:
        if proposal.award_record_id:
            revoke_award(actor=actor, award=proposal.award_record, number=number_symbol, date=date, reason=reason)
        transition(
            proposal,
            to=State.REVOKED,
            actor=actor,
            allowed=TRANSITIONS,
            note=reason,
            fields={"revoked_by": revoking},
        )
    return revoking
