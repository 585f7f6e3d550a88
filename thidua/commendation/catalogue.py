"""Looking up the catalogue: the titles and forms in force on a day, who decides each,
and the cash amount of an award. Titles and forms are returned apart."""

import datetime
from decimal import Decimal

from django.utils import timezone

from thidua.commendation.eligibility.procedure import cash_amount as _amount
from thidua.commendation.enums import AwardCategory, Route
from thidua.commendation.models import AwardType, EligibilityRule


def _day(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def in_force(on: datetime.date | None = None) -> list[AwardType]:
    """Every title and form in force on `on` (today), one version each, in order."""
    return AwardType.objects.in_force(_day(on))


def titles(on: datetime.date | None = None) -> list[AwardType]:
    return [a for a in in_force(on) if a.category == AwardCategory.TITLE]


def forms(on: datetime.date | None = None) -> list[AwardType]:
    return [a for a in in_force(on) if a.category == AwardCategory.FORM]


def award_type(code: str, on: datetime.date | None = None) -> AwardType | None:
    return next((a for a in AwardType.objects.filter(code=code).in_force(_day(on))), None)


def for_subject(kind: str, on: datetime.date | None = None) -> list[AwardType]:
    """Titles and forms that a person ("individual") or a unit ("collective") can receive."""
    return [a for a in in_force(on) if a.subject in (kind, "both")]


def decided_by_director(code: str, on: datetime.date | None = None) -> bool:
    """R19: the director decides LĐTT, CSTĐCS, TTLĐTT and Giấy khen; the rest go up."""
    found = award_type(code, on)
    return found is not None and found.route == Route.DIRECTOR


def cash_amount(code: str, base_salary: Decimal, on: datetime.date | None = None) -> Decimal | None:
    """R16: multiple × mức lương cơ sở with the version in force on `on` (the decision
    date); None when the award has no multiple configured."""
    found = award_type(code, on)
    return _amount(found.cash_multiple, base_salary) if found else None


def rules_in_force(on: datetime.date | None = None) -> list[EligibilityRule]:
    return EligibilityRule.objects.in_force(_day(on))


def rule(code: str, on: datetime.date | None = None) -> EligibilityRule | None:
    return next(iter(EligibilityRule.objects.filter(code=code).in_force(_day(on))), None)
