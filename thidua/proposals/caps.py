"""Warnings, never refusals, when a year's proposals of one award exceed the cap the
office set for it (AwardType.yearly_cap), or the share of CSTĐCS among LĐTT set in rule
R2. No current cap was found in the law (`docs/law.md` R2), so both are settings and
empty by default."""

import math
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext

from thidua.commendation import catalogue
from thidua.commendation.eligibility.ruleset import rules_date
from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.proposals.models import Proposal


def counts(year: int) -> dict[str, int]:
    """Per award: open or decided proposals of `year`, plus awards of that year in the
    register that no proposal made (entered from earlier records). Two queries."""
    found = dict(
        Proposal.objects.filter(year=year)
        .exclude(state__in=[State.REJECTED, State.REVOKED])
        .values_list("award_code")
        .annotate(n=Count("id"))
        .order_by()
    )
    extra = (
        AwardRecord.objects.in_force()
        .filter(year=year, proposal__isnull=True)
        .values_list("award_type__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    for code, n in extra:
        found[code] = found.get(code, 0) + n
    return found


def warnings(year: int, codes=None) -> list[str]:
    """One sentence with the figures for every cap exceeded in `year` (only `codes`
    when given)."""
    numbers = counts(year)
    on = rules_date(year)
    messages = []
    for award in catalogue.in_force(on):
        if codes is not None and award.code not in codes:
            continue
        if award.yearly_cap is not None and numbers.get(award.code, 0) > award.yearly_cap:
            messages.append(
                gettext(
                    "%(award)s năm %(year)s: đã có %(count)s đề nghị và khen thưởng, vượt giới hạn %(cap)s mỗi năm do "
                    "Văn phòng đặt (chỉ cảnh báo, không chặn)."
                )
                % {"award": award.name, "year": year, "count": numbers.get(award.code, 0), "cap": award.yearly_cap}
            )
    messages += _share_warning(year, numbers, codes)
    return messages


def _share_warning(year: int, numbers: dict, codes) -> list[str]:
    rule = catalogue.rule("R2", rules_date(year))
    share = rule.parameters.get("cap_share_of_ldtt") if rule else None
    if not share or (codes is not None and "CSTDCS" not in codes):
        return []
    limit = math.floor(Decimal(str(share)) * numbers.get("LDTT", 0))
    if numbers.get("CSTDCS", 0) <= limit:
        return []
    return [
        gettext(
            "CSTĐCS năm %(year)s: %(count)s đề nghị và khen thưởng, vượt tỷ lệ %(share)s số LĐTT (%(ldtt)s "
            "LĐTT, tối đa %(limit)s; chỉ cảnh báo)."
        )
        % {
            "year": year,
            "count": numbers.get("CSTDCS", 0),
            "share": share,
            "ldtt": numbers.get("LDTT", 0),
            "limit": limit,
        }
    ]
