"""Cash amounts (R16), computed here and nowhere else: the pages, the decision's Word
file, the API and the register read them from this module.

An amount is multiple × mức lương cơ sở in force on the decision's date, rounded as the
office's payment rule says. Nothing is assumed: the base salary is the row the office
confirmed for that date (`BaseSalary`), the multiple and its basis come from the
catalogue (`AwardType`: a multiple with its article, or "không kèm tiền thưởng" with the
reason), and the payment rule (`PaymentRule`) says whether one achievement rewarded
with several titles or forms in one decision is paid only the highest amount. Issuing is
refused, naming what the office has to record, while any of them is missing.

The amounts are fixed on the proposals when the decision is issued (`settle`), and a
decision is read back from them (`of_decision`), so it reads the same ever after."""

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from thidua.commendation import catalogue
from thidua.core.codes import CommendationKind
from thidua.core.numerals import vn_number
from thidua.proposals.models import BaseSalary, PaymentRule, Proposal, Rounding

SETTINGS_PAGE = "Khen thưởng › Thiết lập khen thưởng"
CATALOGUE_PAGE = "Khen thưởng › Danh hiệu thi đua và hình thức khen thưởng"


# --- The settings in force on a day ------------------------------------------------------
def salary_in_force(day: datetime.date, rows: list[BaseSalary] | None = None) -> BaseSalary | None:
    """The row in force on `day`, confirmed or not (the latest starting on or before it).
    Pass `rows` (newest first) to avoid a query."""
    rows = rows if rows is not None else list(BaseSalary.objects.filter(effective_from__lte=day)[:1])
    return next((r for r in rows if r.effective_from <= day), None)


def confirmed_salary(day: datetime.date, rows: list[BaseSalary] | None = None) -> BaseSalary | None:
    """The figure that may be used on `day`: the one in force, once the office confirmed it.
    An unconfirmed newer figure is never skipped for an older confirmed one."""
    row = salary_in_force(day, rows)
    return row if row is not None and row.confirmed else None


def salary_problem(day: datetime.date) -> str:
    """Why no amount can be computed for `day` ('' when the figure is confirmed)."""
    row = salary_in_force(day)
    where = gettext("Văn phòng Sở nhập và xác nhận mức lương cơ sở tại trang «%(page)s».") % {"page": SETTINGS_PAGE}
    if row is None:
        return (
            gettext("Chưa có mức lương cơ sở áp dụng cho ngày %(day)s, nên chưa tính được tiền thưởng.")
            % {"day": day.strftime("%d/%m/%Y")}
            + " "
            + where
        )
    if not row.confirmed:
        return (
            gettext(
                "Mức lương cơ sở %(amount)s đồng áp dụng từ ngày %(from)s (cho ngày %(day)s) chưa được Văn phòng Sở "
                "xác nhận theo văn bản quy định, nên chưa tính được tiền thưởng."
            )
            % {
                "amount": vnd(row.amount),
                "from": row.effective_from.strftime("%d/%m/%Y"),
                "day": day.strftime("%d/%m/%Y"),
            }
            + " "
            + where
        )
    return ""


def rule_in_force(day: datetime.date) -> PaymentRule | None:
    return PaymentRule.objects.filter(effective_from__lte=day).first()


def rule_problem(day: datetime.date) -> str:
    if rule_in_force(day) is not None:
        return ""
    return gettext(
        "Văn phòng Sở chưa ghi quy tắc chi tiền thưởng (một thành tích nhận một mức; cách làm tròn) áp dụng cho ngày "
        "%(day)s. Hãy ghi tại trang «%(page)s»."
    ) % {"day": day.strftime("%d/%m/%Y"), "page": SETTINGS_PAGE}


# --- One award's terms and amount ---------------------------------------------------------
@dataclass(frozen=True)
class Terms:
    """What money goes with one award: a multiple with its basis, or none (multiple
    None) with the office's reason."""

    multiple: Decimal | None
    basis: str

    @property
    def no_cash(self) -> bool:
        return self.multiple is None


def terms_of(proposal: Proposal, day: datetime.date) -> Terms | None:
    """The catalogue's terms for the proposal's award on `day`; None while the office
    has entered neither a multiple with its basis nor "không kèm tiền thưởng"."""
    award = catalogue.award_type(proposal.award_code, day)
    if award is None or not award.cash_settled:
        return None
    if award.no_cash:
        return Terms(None, award.no_cash_reason.strip())
    return Terms(award.multiple_for(collective=proposal.unit_id is not None), award.cash_basis.strip())


def unsettled_message(proposal: Proposal) -> str:
    return gettext(
        "%(award)s chưa có hệ số tiền thưởng kèm căn cứ. Văn phòng Sở nhập hệ số và căn cứ, hoặc đánh dấu «không kèm "
        "tiền thưởng» kèm lý do, tại trang «%(page)s»."
    ) % {"award": proposal.get_award_code_display(), "page": CATALOGUE_PAGE}


def rounded(value: Decimal, rounding: str) -> Decimal:
    if rounding == Rounding.UP_TEN_THOUSAND:
        return (Decimal(value) / 10000).quantize(Decimal("1"), rounding=ROUND_CEILING) * 10000
    return Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def amount_of(multiple: Decimal | None, salary: Decimal, rounding: str) -> Decimal | None:
    return None if multiple is None else rounded(Decimal(multiple) * Decimal(salary), rounding)


def achievement_of(proposal: Proposal) -> tuple:
    """Awards for the same achievement: one subject, one year's work (or one movement's).
    A sudden achievement (đột xuất) is its own."""
    subject = ("person", proposal.person_id) if proposal.person_id else ("unit", proposal.unit_id)
    if proposal.kind == CommendationKind.DOT_XUAT:
        return (*subject, proposal.pk)
    return (*subject, proposal.year, proposal.kind)


@dataclass(frozen=True)
class Money:
    terms: Terms
    amount: Decimal | None  # the award's own amount
    paid: Decimal | None  # what is paid: 0 when a higher amount for the same achievement is paid


def payments(proposals: list[Proposal], terms: dict[int, Terms], salary: Decimal, rule: PaymentRule) -> dict:
    """{proposal id: Money}. Under `highest_only`, of the awards for one achievement only
    the highest amount is paid (the first in the list on a tie)."""
    amounts = {p.pk: amount_of(terms[p.pk].multiple, salary, rule.rounding) for p in proposals}
    paid = dict(amounts)
    if rule.highest_only:
        groups: dict[tuple, list[Proposal]] = {}
        for proposal in proposals:
            if amounts[proposal.pk] is not None:
                groups.setdefault(achievement_of(proposal), []).append(proposal)
        for items in groups.values():
            best = max(items, key=lambda p: amounts[p.pk])
            for other in items:
                if other is not best:
                    paid[other.pk] = Decimal(0)
    return {p.pk: Money(terms[p.pk], amounts[p.pk], paid[p.pk]) for p in proposals}


@dataclass(frozen=True)
class Settlement:
    salary: BaseSalary
    rule: PaymentRule
    money: dict  # proposal id → Money


def settle(proposals: list[Proposal], day: datetime.date) -> Settlement:
    """The amounts of a decision of `day`. Raises ValidationError listing everything
    the office has to record first."""
    problems = [text for text in (salary_problem(day), rule_problem(day)) if text]
    terms: dict[int, Terms] = {}
    for proposal in proposals:
        found = terms_of(proposal, day)
        if found is None:
            message = unsettled_message(proposal)
            if message not in problems:
                problems.append(message)
        else:
            terms[proposal.pk] = found
    if problems:
        raise ValidationError(problems)
    salary, rule = confirmed_salary(day), rule_in_force(day)
    return Settlement(salary, rule, payments(proposals, terms, salary.amount, rule))


# --- A decision read back ---------------------------------------------------------------
@dataclass
class Group:
    """One line of Điều 2: an award (for persons or units) with its multiple and basis."""

    name: str
    basis: str
    multiple: Decimal
    each: Decimal
    count: int = 0  # those paid at this amount

    @property
    def subtotal(self) -> Decimal:
        return self.each * self.count


@dataclass(frozen=True)
class Superseded:
    """An award not paid because the same achievement is paid a higher amount."""

    name: str
    award: str
    paid_under: str


@dataclass
class DecisionMoney:
    salary: BaseSalary | None
    salary_amount: Decimal | None
    rule: PaymentRule | None
    groups: list[Group] = field(default_factory=list)
    no_cash: list[tuple[str, str]] = field(default_factory=list)  # (award, reason)
    superseded: list[Superseded] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((g.subtotal for g in self.groups), Decimal(0))

    @property
    def paid_count(self) -> int:
        return sum(g.count for g in self.groups)

    @property
    def rounding_text(self) -> str:
        if self.rule is None:
            return ""
        if self.rule.rounding == Rounding.UP_TEN_THOUSAND:
            return gettext("mức thưởng được làm tròn lên hàng chục nghìn đồng")
        return gettext("mức thưởng được tính tròn đến đồng")


def award_label(proposal: Proposal, both: set[str]) -> str:
    """The award's name; for a form given to persons and units in one decision, which."""
    name = proposal.get_award_code_display()
    if proposal.award_code in both:
        return f"{name} ({gettext('tập thể') if proposal.unit_id else gettext('cá nhân')})"
    return name


def of_decision(decision, proposals: list[Proposal]) -> DecisionMoney:
    """The amounts of a decided decision, from what was fixed when it was issued."""
    kinds: dict[str, set[bool]] = {}
    for p in proposals:
        kinds.setdefault(p.award_code, set()).add(p.unit_id is not None)
    both = {code for code, seen in kinds.items() if len(seen) > 1}
    result = DecisionMoney(decision.salary, decision.base_salary, decision.payment_rule)
    groups: OrderedDict[tuple, Group] = OrderedDict()
    paid_under: dict[tuple, str] = {}
    for p in proposals:
        if p.cash_paid and p.cash_paid > 0:
            paid_under[achievement_of(p)] = award_label(p, both)
    for p in proposals:
        label = award_label(p, both)
        _fill_legacy(p, decision.base_salary)
        if p.cash_multiple is None:
            if p.cash_basis and (label, p.cash_basis) not in result.no_cash:
                result.no_cash.append((label, p.cash_basis))
            continue
        key = (label, p.cash_multiple, p.cash_basis, p.cash_amount)
        group = groups.setdefault(key, Group(label, p.cash_basis, p.cash_multiple, p.cash_amount or Decimal(0)))
        if p.cash_paid:
            group.count += 1
        else:
            result.superseded.append(Superseded(p.subject_name, label, paid_under.get(achievement_of(p), "")))
    # A line nobody is paid at (each of them received a higher amount) is said in words.
    result.groups = [g for g in groups.values() if g.count]
    return result


def _fill_legacy(proposal: Proposal, salary: Decimal | None) -> None:
    """A decision issued before the multiple was kept with each proposal stored only the
    amount: its multiple is read back from the amount and the base salary."""
    if proposal.cash_multiple is None and proposal.cash_amount is not None and salary:
        proposal.cash_multiple = (proposal.cash_amount / salary).quantize(Decimal("0.01"))
        if proposal.cash_paid is None:
            proposal.cash_paid = proposal.cash_amount


# --- The register and the API: an award's amount at its decision's date --------------------
def record_amount(record, salaries: list[BaseSalary]) -> Decimal | None:
    """The amount of an award in the register: what its decision here fixed; for an award
    decided elsewhere, its multiple × the confirmed base salary of the decision's date."""
    proposal = getattr(record, "proposal", None)
    if proposal is not None and proposal.cash_multiple is not None:
        return proposal.cash_paid
    if record.decision_date is None:
        return None
    salary = confirmed_salary(record.decision_date, salaries)
    if salary is None:
        return None
    return amount_of(record.award_type.cash_multiple, salary.amount, Rounding.DONG)


# --- Writing numbers ------------------------------------------------------------------------
def vnd(amount) -> str:
    """'2.340.000' — the Vietnamese way of grouping thousands; '' for no amount."""
    return vn_number(amount, places=0)


def multiple_text(multiple) -> str:
    """'0,3', '1,0', '12,0', '0,25' — as the decree writes its multiples."""
    value = Decimal(multiple).normalize()
    places = max(1, -value.as_tuple().exponent)
    return f"{Decimal(multiple):.{places}f}".replace(".", ",")
