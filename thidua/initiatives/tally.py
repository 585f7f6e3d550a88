"""How the council's scores of one initiative stand against the office's recognition
rule (`models.RecognitionRule`): the council members who may score it (those whose
agency covers its unit, less those in conflict of interest), the scores given, how
many the rule needs, who has not scored, and the average total against the
threshold. The detail page shows it; `services.recognise` refuses with `shortfall`."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg
from django.utils.translation import gettext

from thidua.core.numerals import vn_number
from thidua.initiatives import rules
from thidua.initiatives.enums import SCORE_MAX
from thidua.initiatives.models import Initiative, RecognitionRule, Score
from thidua.organization import rules as organization_rules
from thidua.organization.enums import Role
from thidua.organization.models import User

CRITERIA_NAMES = ("novelty", "effectiveness", "applicability")
TOTAL_MAX = SCORE_MAX * len(CRITERIA_NAMES)

OWN_UNIT, CO_AUTHOR, DECLARED = "own_unit", "co_author", "declared"


def council_members(initiative: Initiative) -> list[User]:
    """Council accounts whose agency covers the initiative's unit."""
    members = (
        User.objects.filter(memberships__role=Role.COUNCIL, is_active=True)
        .distinct()
        .select_related("person")
        .order_by("username")
    )
    return [m for m in members if organization_rules.can_see_unit(m, initiative.unit)]


def conflict_of(user: User, initiative: Initiative) -> tuple[str, str] | None:
    """(kind, detail) of a council member's conflict of interest, or None."""
    if initiative.unit_id in rules.member_unit_ids(user):
        return OWN_UNIT, str(initiative.unit)
    person = organization_rules.person_of(user)
    if person is not None and any(a.person_id == person.pk for a in initiative.authors.all()):
        return CO_AUTHOR, ""
    declared = next((c for c in initiative.conflicts.all() if c.member_id == user.pk), None)
    return (DECLARED, declared.reason) if declared else None


@dataclass
class Tally:
    rule: RecognitionRule
    scores: list[Score]
    averages: dict[str, float | None]
    pending: list[User] = field(default_factory=list)
    conflicted: list[tuple[User, tuple[str, str]]] = field(default_factory=list)

    @property
    def average_total(self) -> float | None:
        return sum(self.averages.values()) if self.scores else None

    @property
    def members(self) -> int:
        """Council members who may score it: those who scored and those who have not."""
        return len(self.scores) + len(self.pending)

    @property
    def required(self) -> int:
        return self.rule.required(self.members)

    @property
    def missing(self) -> int:
        return max(0, self.required - len(self.scores))

    @property
    def reaches_threshold(self) -> bool:
        total = self.average_total
        return total is not None and Decimal(str(round(total, 2))) >= self.rule.min_average

    def shortfall(self) -> str | None:
        """Why the council's scores do not yet recognise the initiative, said to the
        office (how many more scores, who has not scored, or the average against the
        threshold); None when they do."""
        if self.missing:
            return gettext(
                "Chưa đủ phiếu chấm để công nhận: theo quy tắc công nhận, cần ít nhất %(required)s phiếu "
                "(%(share)s của %(members)s thành viên Hội đồng được chấm), hiện có %(count)s, còn thiếu "
                "%(missing)s. Chưa chấm: %(names)s."
            ) % {
                "required": self.required,
                "share": self.rule.share,
                "members": self.members,
                "count": len(self.scores),
                "missing": self.missing,
                "names": ", ".join(organization_rules.name_of(m) for m in self.pending) or "—",
            }
        if not self.reaches_threshold:
            return gettext(
                "Điểm trung bình của Hội đồng là %(average)s/%(max)s, thấp hơn ngưỡng công nhận %(threshold)s điểm: "
                "không ghi công nhận được. Nếu Hội đồng kết luận không công nhận, hãy ghi «Không công nhận» kèm lý do."
            ) % {
                "average": vn_number(round(self.average_total, 2), 2),
                "max": TOTAL_MAX,
                "threshold": vn_number(self.rule.min_average, 1),
            }
        return None


def tally(initiative: Initiative, rule: RecognitionRule | None = None) -> Tally:
    scores = list(initiative.scores.select_related("member__person"))
    averages = initiative.scores.aggregate(**{name: Avg(name) for name in CRITERIA_NAMES})
    result = Tally(rule=rule or RecognitionRule.in_force(), scores=scores, averages=averages)
    scored = {s.member_id for s in scores}
    for member in council_members(initiative):
        conflict = conflict_of(member, initiative)
        if conflict:
            result.conflicted.append((member, conflict))
        elif member.pk not in scored:
            result.pending.append(member)
    return result
