"""The eligibility verdict a proposal carries, from the engine of the commendation app:
every condition with whether it passed and why. It is worked out when the proposal is
made and again at each step that relies on it, and kept on the proposal so lists show
it without evaluating anyone again.

The engine judges the yearly standards (khen thưởng công trạng). A proposal for the
movement's review (chuyên đề) or a sudden achievement (đột xuất) is judged against the
movement's own criteria by people; only the hold of R12 (pending discipline,
inspection or complaint) still applies automatically."""

from dataclasses import dataclass, field

from django.db.models import Max
from django.utils.translation import gettext

from thidua.commendation.eligibility import order
from thidua.commendation.eligibility.engine import NEEDS_REVIEW, NOT_ELIGIBLE, verdict_of
from thidua.commendation.eligibility.facts import Reason
from thidua.commendation.eligibility.loading import evaluate_subjects
from thidua.commendation.eligibility.ruleset import from_database
from thidua.core.codes import CommendationKind, State


@dataclass(frozen=True)
class Assessment:
    verdict: str
    reasons: list[dict] = field(default_factory=list)

    @property
    def not_eligible(self) -> bool:
        return self.verdict == NOT_ELIGIBLE

    def failed(self) -> list[str]:
        return [r["condition"] for r in self.reasons if r["passed"] is False]


def assess(subject, award_code: str, year: int, kind: str) -> Assessment:
    results = evaluate_subjects(year, [subject], [award_code])
    if not results:
        return Assessment(
            NEEDS_REVIEW,
            [
                _manual(
                    gettext("Không có quy tắc xét điều kiện cho %(award)s năm %(year)s")
                    % {"award": award_code, "year": year}
                )
            ],
        )
    reasons = list(results[0].reasons)
    if kind != CommendationKind.CONG_TRANG:
        reasons = [r for r in reasons if r.rule == "R12"] + [
            Reason(
                "—",
                "",
                "",
                gettext(
                    "Khen thưởng «%(kind)s»: tiêu chuẩn theo kế hoạch phong trào hoặc thành tích cụ thể, "
                    "do Hội đồng xem xét"
                )
                % {"kind": CommendationKind(kind).label},
                None,
            )
        ]
    return Assessment(verdict_of(reasons), [r.as_dict() for r in reasons])


def _manual(text: str) -> dict:
    return Reason("—", "", "", text, None).as_dict()


def failed_text(assessment: Assessment) -> str:
    return "; ".join(assessment.failed()) or "—"


def decision_order(proposals, year: int | None = None) -> tuple[int | None, list[order.Step]]:
    """The order in which the round of `year` (None: the latest year of `proposals`) is
    decided: the awards proposed for it (refused proposals left out), lower titles
    first, as the rules in force for that year say. Four queries at most."""
    if year is None:
        year = proposals.aggregate(latest=Max("year"))["latest"]
        if year is None:
            return None, []
    proposed = proposals.filter(year=year).exclude(state=State.REJECTED).order_by()
    codes = set(proposed.values_list("award_code", flat=True).distinct())  # a dozen codes, not every proposal
    if not codes:
        return year, []
    return year, order.decision_order(from_database(year), codes)
