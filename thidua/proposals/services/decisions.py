"""Deciding: the director's decision (Quyết định khen thưởng) for approved proposals,
numbered from the register of outgoing documents, and the recording of a decision
received from the province or the ministry for a forwarded one. Deciding a proposal
enters its award in the register (`commendation.services.record_award`); issuing here
also fixes its cash amount (R16, `money.settle`), and is refused while the office has
not confirmed the base salary of the decision's date, the payment rule or an award's
multiple."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from thidua.commendation.services import record_award
from thidua.core.codes import State
from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.core.workflow import transition
from thidua.organization.models import Person, User
from thidua.organization.rules import person_of
from thidua.outgoing.numbering import issue_number, refuse_future
from thidua.plans.models import Plan
from thidua.proposals import dossier, rules
from thidua.proposals.enums import TRANSITIONS
from thidua.proposals.models import Decision, Proposal
from thidua.proposals.money import Money, Settlement, settle
from thidua.proposals.services.workflow import (
    refresh_verdict,
    require_eligible_or_override,
    required_text,
)


# The texts of an official decision are Vietnamese whatever the interface language.
def default_summary(year: int) -> str:
    return f"Về việc khen thưởng thành tích năm {year}"


def agency_issuer(plan: Plan) -> str:
    return f"Giám đốc {plan.issuer.name}"


def _problems(proposals: list[Proposal]) -> list[str]:
    """Why each proposal cannot be decided yet: an incomplete dossier (R13), or a
    subject no longer eligible without the office's reason (R12 holds included)."""
    problems = []
    for proposal in proposals:
        absent = dossier.missing(proposal)
        if absent:
            problems.append(dossier.missing_message(proposal, absent))
        try:
            require_eligible_or_override(proposal, refresh_verdict(proposal))
        except ValidationError as error:
            problems.extend(error.messages)
    return problems


def _signer(actor: User) -> tuple[str, str, str]:
    """(authority, title, name): a deputy signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"."""
    person = person_of(actor)
    name = person.full_name if person else actor.get_full_name() or actor.username
    position = (person.position if person else "") or "Giám đốc"
    if position.lower().startswith("phó"):
        return "KT. GIÁM ĐỐC", position.upper(), name
    return "", position.upper(), name


def _minutes_text(proposals: list[Proposal]) -> str:
    texts = []
    for proposal in proposals:
        item = proposal.council_items.exclude(meeting__minutes_number="").select_related("meeting").last()
        if item is not None:
            text = gettext("Biên bản họp Hội đồng Thi đua – Khen thưởng số %(number)s ngày %(date)s") % {
                "number": item.meeting.minutes_number,
                "date": item.meeting.minutes_date.strftime("%d/%m/%Y"),
            }
            if text not in texts:
                texts.append(text)
    return "; ".join(texts)


def _snapshot(proposal: Proposal) -> dict:
    subject = proposal.subject
    if isinstance(subject, Person):
        return {
            "decided_name": subject.full_name,
            "decided_position": subject.position,
            "decided_unit": subject.unit.name,
        }
    return {"decided_name": subject.name, "decided_position": "", "decided_unit": subject.name}


def _cash_fields(money: Money | None) -> dict:
    if money is None:  # decided elsewhere: the upper level pays under its own decision
        return {}
    return {
        "cash_multiple": money.terms.multiple,
        "cash_basis": money.terms.basis,
        "cash_amount": money.amount,
        "cash_paid": money.paid,
    }


def _decide(actor: User, proposal: Proposal, decision: Decision, money: Money | None) -> Proposal:
    award = record_award(
        actor=actor,
        subject=proposal.subject,
        code=proposal.award_code,
        year=proposal.year,
        kind=proposal.kind,
        decision_number=decision.number_symbol,
        decision_date=decision.date,
        issuer=decision.issuer,
        achievement_key_text=proposal.achievement_key,
        note=gettext("Theo đề nghị số %(id)s") % {"id": proposal.pk},
    )
    return transition(
        proposal,
        to=State.DECIDED,
        actor=actor,
        allowed=TRANSITIONS,
        fields={"decision": decision, "award_record": award, **_cash_fields(money), **_snapshot(proposal)},
    )


@transaction.atomic
def issue_decision(
    *, actor: User, proposals: list[Proposal], date: datetime.date, summary: str = "", number: int | None = None
) -> Decision:
    """The director's decision for approved proposals of one year. Refused, naming
    each problem, when a dossier is incomplete or a subject is no longer eligible, or
    when the date or the chosen `number` does not fit the register (outgoing.numbering).
    Side effects: a QĐ number from the register, one Decision row, and for each
    proposal an AwardRecord (the register) and the move to decided, all logged; all
    or nothing."""
    proposals = list(proposals)
    refused = gettext("Chỉ Giám đốc Sở ban hành quyết định khen thưởng.")
    require(rules.is_director(actor) and all(rules.can_issue_decision(actor, p) for p in proposals), refused)
    if not proposals:
        raise ValidationError(gettext("Hãy chọn ít nhất một đề nghị đã được phê duyệt."))
    not_approved = [str(p) for p in proposals if p.state != State.APPROVED]
    if not_approved:
        raise ValidationError(gettext("Chưa được phê duyệt: %(list)s.") % {"list": "; ".join(not_approved)})
    years = {p.year for p in proposals}
    if len(years) > 1:
        raise ValidationError(
            gettext("Mỗi quyết định dành cho thành tích của một năm; đã chọn các năm %(years)s.")
            % {"years": ", ".join(map(str, sorted(years)))}
        )
    problems = _problems(proposals)
    try:
        settlement: Settlement | None = settle(proposals, date)
    except ValidationError as error:
        problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)
    decision = issued_here(
        actor=actor,
        date=date,
        year=proposals[0].year,
        summary=summary.strip() or default_summary(proposals[0].year),
        number=number,
        base_salary=settlement.salary.amount,
        salary=settlement.salary,
        payment_rule=settlement.rule,
        minutes=_minutes_text(proposals),
    )
    for proposal in proposals:
        _decide(actor, proposal, decision, settlement.money[proposal.pk])
    return decision


def issued_here(*, actor: User, date: datetime.date, year: int, summary: str, number: int | None, **fields) -> Decision:
    """A decision the Director issues here: numbered in the register of outgoing
    documents, issued by the agency of the current plan, signed by `actor`, with the
    decision's own `fields`. Side effects: the number taken, the row saved and logged."""
    plan = Plan.objects.current()
    number_symbol = issue_number(
        doc_type="QĐ", on=date, agency=plan.issuer, actor=actor, subject=summary, number=number
    )
    authority, title, name = _signer(actor)
    decision = Decision(
        number_symbol=number_symbol,
        date=date,
        year=year,
        issued_here=True,
        issuer=agency_issuer(plan),
        summary=summary,
        signer_authority=authority,
        signer_title=title,
        signer_name=name,
        created_by=actor,
        **fields,
    )
    return save_with_history(decision, actor=actor)


@transaction.atomic
def record_external_decision(
    *, actor: User, proposal: Proposal, number_symbol: str, date: datetime.date | None, issuer: str
) -> Decision:
    """Record the decision of the province or the ministry on a forwarded proposal.
    Side effects: one Decision row (shared by proposals with the same number, issuer
    and date), an AwardRecord in the register and the move to decided, all logged."""
    require(rules.can_record_decision(actor, proposal), gettext("Chỉ Văn phòng Sở ghi nhận quyết định của cấp trên."))
    number_symbol = required_text(number_symbol, gettext("Hãy nhập số quyết định (vd: 245/QĐ-UBND)."), "number_symbol")
    issuer = required_text(issuer, gettext("Hãy nhập cấp ban hành quyết định."), "issuer")
    if date is None:
        raise ValidationError({"date": gettext("Hãy nhập ngày của quyết định (dd/mm/yyyy).")})
    refuse_future(date)
    if proposal.state != State.FORWARDED:
        raise ValidationError(
            gettext("Chỉ ghi quyết định của cấp trên cho đề nghị «%(state)s».") % {"state": State.FORWARDED.label}
        )
    absent = dossier.missing(proposal)
    if absent:
        raise ValidationError(dossier.missing_message(proposal, absent))
    decision = Decision.objects.filter(issuer=issuer, number_symbol=number_symbol, date=date).first()
    if decision is None:
        decision = save_with_history(
            Decision(
                number_symbol=number_symbol,
                date=date,
                year=proposal.year,
                issued_here=False,
                issuer=issuer,
                created_by=actor,
            ),
            actor=actor,
        )
    _decide(actor, proposal, decision, None)
    return decision
