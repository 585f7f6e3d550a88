"""Looking up the catalogue: the titles and forms in force on a day, who decides each,
and the terms of cash of an award (its multiple with the basis, read by
`proposals/money.py`, where amounts are computed). Titles and forms are returned apart."""

import datetime

from django.utils import timezone

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


def rules_in_force(on: datetime.date | None = None) -> list[EligibilityRule]:
    return EligibilityRule.objects.in_force(_day(on))


def rule(code: str, on: datetime.date | None = None) -> EligibilityRule | None:
    return next(iter(EligibilityRule.objects.filter(code=code).in_force(_day(on))), None)
