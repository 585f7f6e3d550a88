"""The money of a decision (R16, `proposals/money.py`): the base salary in force on the
decision's date once the office confirmed it, each award's multiple with its basis (or
none, with the reason), one payment per achievement, and the rounding the office set."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from tests.proposals.conftest import DECIDED_ON, settle_money
from thidua.commendation import catalogue
from thidua.commendation import services as records
from thidua.commendation.forms import AwardTypeForm
from thidua.commendation.models import AwardType
from thidua.core.codes import State
from thidua.proposals import money, services
from thidua.proposals.models import BaseSalary, Decision, PaymentRule, Proposal, Rounding

pytestmark = pytest.mark.django_db


# --- Pure rules -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "rounding", "expected"),
    [
        ("702000", Rounding.DONG, "702000"),
        ("702000.5", Rounding.DONG, "702001"),
        ("702000", Rounding.UP_TEN_THOUSAND, "710000"),
        ("700000", Rounding.UP_TEN_THOUSAND, "700000"),
        ("759000", Rounding.UP_TEN_THOUSAND, "760000"),
    ],
)
def test_rounding_follows_the_setting(value, rounding, expected):
    assert money.rounded(Decimal(value), rounding) == Decimal(expected)


def test_multiples_are_written_as_the_decree_writes_them():
    assert [money.multiple_text(Decimal(v)) for v in ("0.30", "1.00", "12.00", "0.25", "4.5")] == [
        "0,3",
        "1,0",
        "12,0",
        "0,25",
        "4,5",
    ]
    assert money.vnd(Decimal("2340000")) == "2.340.000" and money.vnd(None) == ""


def _proposal(pk, code, *, person=1, unit=None, year=2026, kind="cong_trang"):
    return SimpleNamespace(pk=pk, award_code=code, person_id=person, unit_id=unit, year=year, kind=kind)


def test_one_achievement_is_paid_once_at_the_highest_amount():
    rule = SimpleNamespace(highest_only=True, rounding=Rounding.DONG)
    items = [_proposal(1, "LDTT"), _proposal(2, "CSTDCS"), _proposal(3, "LDTT", person=2)]
    terms = {
        1: money.Terms(Decimal("0.3"), "a"),
        2: money.Terms(Decimal("1.0"), "a"),
        3: money.Terms(Decimal("0.3"), "a"),
    }
    paid = money.payments(items, terms, Decimal("2340000"), rule)
    assert [(paid[i].amount, paid[i].paid) for i in (1, 2, 3)] == [
        (Decimal("702000"), Decimal(0)),
        (Decimal("2340000"), Decimal("2340000")),
        (Decimal("702000"), Decimal("702000")),
    ]


def test_each_award_is_paid_when_the_office_says_so_and_sudden_achievements_are_their_own():
    items = [_proposal(1, "LDTT"), _proposal(2, "CSTDCS"), _proposal(3, "GK", kind="dot_xuat")]
    terms = {
        1: money.Terms(Decimal("0.3"), "a"),
        2: money.Terms(Decimal("1.0"), "a"),
        3: money.Terms(Decimal("0.3"), "b"),
    }
    each = money.payments(items, terms, Decimal("2340000"), SimpleNamespace(highest_only=False, rounding="dong"))
    assert [each[i].paid for i in (1, 2, 3)] == [Decimal("702000"), Decimal("2340000"), Decimal("702000")]
    highest = money.payments(items, terms, Decimal("2340000"), SimpleNamespace(highest_only=True, rounding="dong"))
    assert [highest[i].paid for i in (1, 2, 3)] == [Decimal(0), Decimal("2340000"), Decimal("702000")]


def test_an_award_without_money_is_paid_nothing_and_takes_nothing_from_another():
    rule = SimpleNamespace(highest_only=True, rounding=Rounding.DONG)
    items = [_proposal(1, "LDTT"), _proposal(2, "GK")]
    terms = {1: money.Terms(Decimal("0.3"), "a"), 2: money.Terms(None, "không có căn cứ")}
    paid = money.payments(items, terms, Decimal("2340000"), rule)
    assert (paid[1].paid, paid[2].amount, paid[2].paid) == (Decimal("702000"), None, None)


# --- The settings in force ----------------------------------------------------------------
def test_the_figure_in_force_is_used_only_once_confirmed_and_never_skipped(org):
    officer = org.users.officer
    day = datetime.date(2026, 12, 28)
    assert "Chưa có mức lương cơ sở áp dụng cho ngày 28/12/2026" in money.salary_problem(day)
    old = settle_money(officer)
    assert money.confirmed_salary(day) == old and money.salary_problem(day) == ""
    assert money.salary_problem(datetime.date(2024, 6, 30)).startswith("Chưa có mức lương cơ sở")
    newer = services.set_base_salary(
        actor=officer, amount=Decimal("2530000"), effective_from=datetime.date(2026, 7, 1), basis="Nghị định mới"
    )
    # The newer figure is in force from 01/7/2026: unconfirmed, it blocks instead of the older one paying.
    assert money.confirmed_salary(day) is None
    problem = money.salary_problem(day)
    assert "2.530.000 đồng áp dụng từ ngày 01/07/2026" in problem and "chưa được Văn phòng Sở xác nhận" in problem
    assert "Thiết lập khen thưởng" in problem
    assert money.confirmed_salary(datetime.date(2026, 6, 30)) == old
    with pytest.raises(ValidationError, match="ngày ban hành"):
        services.confirm_base_salary(actor=officer, salary=newer)


def test_only_the_office_records_the_settings(org):
    with pytest.raises(Exception) as refused:
        services.set_base_salary(
            actor=org.users.director, amount=Decimal("1"), effective_from=datetime.date(2027, 1, 1), basis="x"
        )
    assert refused.type.__name__ == "PermissionDenied"
    assert not BaseSalary.objects.exists()
    with pytest.raises(Exception) as refused:
        services.record_payment_rule(
            actor=org.users.head_a,
            effective_from=datetime.date(2027, 1, 1),
            highest_only=True,
            highest_only_basis="x",
            rounding="dong",
            rounding_basis="x",
        )
    assert refused.type.__name__ == "PermissionDenied" and not PaymentRule.objects.exists()


def test_a_form_given_to_units_uses_its_collective_multiple(org):
    settle_money(org.users.officer, gk="0.3")
    award = catalogue.award_type("GK", DECIDED_ON)
    award.collective_cash_multiple = Decimal("0.6")
    records.save_version(actor=org.users.officer, edited=award)
    person = Proposal(award_code="GK", person=org.people.staff_a)
    unit = Proposal(award_code="GK", unit=org.units.a)
    assert money.terms_of(person, DECIDED_ON) == money.Terms(Decimal("0.3"), "Quy chế thi đua, khen thưởng của Sở")
    assert money.terms_of(unit, DECIDED_ON).multiple == Decimal("0.6")


def test_the_office_cannot_leave_a_multiple_without_its_basis_or_no_money_without_a_reason(org):
    award = catalogue.award_type("GK", DECIDED_ON)
    base = {
        "name": award.name,
        "subject": award.subject,
        "route": award.route,
        "effective_from": award.effective_from.isoformat(),
    }
    form = AwardTypeForm(base | {"cash_multiple": "0.3"}, instance=award)
    assert not form.is_valid() and "Hãy ghi căn cứ của hệ số" in form.errors["cash_basis"][0]
    form = AwardTypeForm(base | {"no_cash": "on"}, instance=award)
    assert not form.is_valid() and "Hãy ghi lý do" in form.errors["no_cash_reason"][0]
    form = AwardTypeForm(base | {"no_cash": "on", "no_cash_reason": "x", "cash_multiple": "0.3"}, instance=award)
    assert not form.is_valid() and "hãy xóa hệ số" in form.errors["no_cash"][0]
    form = AwardTypeForm(base | {"cash_multiple": "0.3", "cash_basis": "Điều 1 Quy chế"}, instance=award)
    assert form.is_valid(), form.errors


def test_the_multiple_is_the_version_in_force_on_the_decision_date(org):
    first = AwardType.objects.get(code="LDTT")
    later = datetime.date(2027, 7, 1)
    AwardType.objects.create(
        code="LDTT",
        category="title",
        name=first.name,
        subject="individual",
        route="director",
        cash_multiple=Decimal("0.5"),
        cash_basis="Điều 54 (sửa đổi)",
        effective_from=later,
        order=first.order,
    )
    proposal = Proposal(award_code="LDTT", person=org.people.staff_a)
    assert money.terms_of(proposal, datetime.date(2026, 12, 31)) == money.Terms(
        Decimal("0.30"), "Điều 54 Nghị định số 98/2023/NĐ-CP"
    )
    assert money.terms_of(proposal, later) == money.Terms(Decimal("0.5"), "Điều 54 (sửa đổi)")


def test_the_titles_carry_the_article_of_their_multiple_and_the_forms_start_unsettled():
    titles = {a.code: a for a in catalogue.in_force(DECIDED_ON)}
    assert titles["LDTT"].cash_basis == "Điều 54 Nghị định số 98/2023/NĐ-CP" and titles["LDTT"].cash_settled
    assert titles["GK"].cash_basis == "" and not titles["GK"].cash_settled
    assert not titles["BK_TINH"].cash_settled


# --- Issuing ------------------------------------------------------------------------------
def _approved(flow, org, *codes, subject=None):
    return [flow.make(State.APPROVED, subject or org.people.staff_a, code) for code in codes]


def test_issuing_is_refused_while_the_base_salary_of_the_date_is_unconfirmed(org, plan, client_for):
    from tests.proposals.conftest import Flow, rate

    rate(org.people.staff_a)
    salary = settle_money(org.users.officer, confirm=False)
    flow = Flow(org)
    # Approved proposals can be made before money is settled; only issuing needs it.
    (proposal,) = _approved(flow, org, "CSTDCS")
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    assert "chưa được Văn phòng Sở xác nhận" in " ".join(refused.value.messages)
    response = client_for(org.users.director).post(
        "/quyet-dinh-khen-thuong/ban-hanh/", {"proposals": [proposal.pk], "date": DECIDED_ON.isoformat()}
    )
    assert response.status_code == 400
    assert "Mức lương cơ sở 2.340.000 đồng áp dụng từ ngày 01/07/2024" in response.content.decode()
    assert not Decision.objects.exists() and Proposal.objects.get(pk=proposal.pk).state == State.APPROVED
    services.confirm_base_salary(actor=org.users.officer, salary=salary)
    decision = services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    assert (decision.salary, decision.base_salary) == (salary, Decimal("2340000"))


def test_an_award_without_settled_money_cannot_be_issued_with_a_blank(org, flow):
    award = catalogue.award_type("GK", DECIDED_ON)
    award.no_cash, award.no_cash_reason = False, ""
    records.save_version(actor=org.users.officer, edited=award)
    (proposal,) = _approved(flow, org, "GK", subject=org.people.head_a)
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    text = " ".join(refused.value.messages)
    assert "Giấy khen của Giám đốc Sở chưa có hệ số tiền thưởng kèm căn cứ" in text
    assert "không kèm tiền thưởng" in text and "Danh hiệu thi đua và hình thức khen thưởng" in text


def test_one_person_with_ldtt_and_cstdcs_of_one_year_is_paid_cstdcs_only(org, flow, client_for):
    ldtt, cstdcs = _approved(flow, org, "LDTT", "CSTDCS")
    decision = services.issue_decision(actor=org.users.director, proposals=[ldtt, cstdcs], date=DECIDED_ON)
    ldtt, cstdcs = (Proposal.objects.get(pk=p.pk) for p in (ldtt, cstdcs))
    assert (ldtt.cash_amount, ldtt.cash_paid) == (Decimal("702000"), Decimal(0))
    assert (cstdcs.cash_amount, cstdcs.cash_paid) == (Decimal("2340000"), Decimal("2340000"))
    assert cstdcs.cash_basis == "Điều 54 Nghị định số 98/2023/NĐ-CP" and cstdcs.cash_multiple == Decimal("1.0")
    amounts = money.of_decision(decision, list(decision.proposals.order_by("category", "award_code", "id")))
    assert amounts.total == Decimal("2340000") and amounts.paid_count == 1
    assert [(s.award, s.paid_under) for s in amounts.superseded] == [("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở")]
    page = client_for(org.users.officer).get(f"/quyet-dinh-khen-thuong/{decision.pk}/").content.decode()
    assert "nhận tiền thưởng Chiến sĩ thi đua cơ sở, không nhận tiền thưởng Lao động tiên tiến" in page
    assert 'data-testid="money-total">2.340.000<' in page
    assert "Quy chế thi đua, khen thưởng của Sở" in page  # the source of the rule
    assert "Tròn đến đồng" in page and "Quy chế chi tiêu nội bộ của Sở" in page  # the rounding and its source
    api = client_for(org.users.officer).get(f"/api/v1/proposals/{ldtt.pk}/").json()
    assert (api["cash_amount"], api["cash_paid"]) == ("702000", "0")
    assert api["decision"]["base_salary"] == 2340000
    assert api["decision"]["base_salary_basis"] == "Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024"
    register = client_for(org.users.officer).get("/api/v1/award-register/?award=LDTT").json()
    assert [row["cash_amount"] for row in register["results"]] == [0]


def test_amounts_are_rounded_as_the_office_set(org, plan):
    from tests.proposals.conftest import Flow, rate

    rate(org.people.staff_a)
    settle_money(org.users.officer, rounding=Rounding.UP_TEN_THOUSAND)
    (proposal,) = _approved(Flow(org), org, "LDTT")
    services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    assert Proposal.objects.get(pk=proposal.pk).cash_paid == Decimal("710000")  # 702.000 up to 710.000
