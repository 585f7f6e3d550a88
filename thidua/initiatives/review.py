"""What the office sees of the council's work on one initiative: each score, the
average of each criterion and of the total, who has not scored yet and who is in
conflict of interest."""

from dataclasses import dataclass, field

from django.db.models import Avg

from thidua.initiatives import services
from thidua.initiatives.models import Initiative, Score
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.organization.models import User


@dataclass
class Review:
    scores: list[Score]
    averages: dict[str, float | None]
    average_total: float | None
    pending: list[User] = field(default_factory=list)
    conflicted: list[tuple[User, str]] = field(default_factory=list)


def council_members(initiative: Initiative) -> list[User]:
    """Council accounts whose agency covers the initiative's unit."""
    members = (
        User.objects.filter(memberships__role=Role.COUNCIL, is_active=True)
        .distinct()
        .select_related("person")
        .order_by("username")
    )
    return [m for m in members if rules.can_see_unit(m, initiative.unit)]


def build(initiative: Initiative) -> Review:
    scores = list(initiative.scores.select_related("member__person"))
    names = list(services.CRITERIA)
    averages = initiative.scores.aggregate(**{name: Avg(name) for name in names})
    total = sum(averages.values()) if scores else None
    review = Review(scores=scores, averages=averages, average_total=total)
    scored = {s.member_id for s in scores}
    for member in council_members(initiative):
        conflict = services.conflict_of(member, initiative)
        if conflict:
            review.conflicted.append((member, services.conflict_label(*conflict)))
        elif member.pk not in scored:
            review.pending.append(member)
    return review
