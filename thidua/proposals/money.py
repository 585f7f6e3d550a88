"""Cash amounts (R16): multiple × mức lương cơ sở. The base salary is a setting of the
office with an effective date; until the office enters one, the amount in force since
01/7/2024 applies and every page that shows it says it is the default."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from thidua.commendation.eligibility.procedure import cash_amount
from thidua.proposals.models import BaseSalary

DEFAULT_BASE_SALARY = Decimal("2340000")
DEFAULT_NOTE = "Nghị định 73/2024/NĐ-CP, từ 01/7/2024"


@dataclass(frozen=True)
class Salary:
    amount: Decimal
    effective_from: datetime.date | None  # None: the default, not a row of the office
    note: str

    @property
    def is_default(self) -> bool:
        return self.effective_from is None


def salary_on(day: datetime.date, rows: list[BaseSalary] | None = None) -> Salary:
    """The base salary in force on `day`. Pass `rows` (newest first) to avoid a query."""
    rows = rows if rows is not None else list(BaseSalary.objects.all())
    row = next((r for r in rows if r.effective_from <= day), None)
    if row is None:
        return Salary(DEFAULT_BASE_SALARY, None, DEFAULT_NOTE)
    return Salary(row.amount, row.effective_from, row.note)


def amount_for(multiple: Decimal | None, salary: Salary) -> Decimal | None:
    return cash_amount(multiple, salary.amount)


def vnd(amount) -> str:
    """'2.340.000' — the Vietnamese way of grouping thousands."""
    if amount is None:
        return "—"
    return f"{Decimal(amount):,.0f}".replace(",", ".")
