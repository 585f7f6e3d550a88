"""What the office sees of the council's work on one initiative: each score, the
average of each criterion and of the total, who has not scored yet and who is in
conflict of interest, and where the scores stand against the recognition rule."""

from dataclasses import dataclass, field

from thidua.initiatives import services, tally
from thidua.initiatives.models import Initiative, Score
from thidua.organization.models import User


@dataclass
class Review:
    scores: list[Score]
    averages: dict[str, float | None]
    average_total: float | None
    pending: list[User] = field(default_factory=list)
    conflicted: list[tuple[User, str]] = field(default_factory=list)
    counted: tally.Tally | None = None


def build(initiative: Initiative) -> Review:
    counted = tally.tally(initiative)
    return Review(
        scores=counted.scores,
        averages=counted.averages,
        average_total=counted.average_total,
        pending=counted.pending,
        conflicted=[(member, services.conflict_label(*conflict)) for member, conflict in counted.conflicted],
        counted=counted,
    )
