"""The parts of the review report the office writes on the review's page, and the
Kính gửi and Nơi nhận the report has until the office writes its own: the default
Kính gửi (`wording.REVIEW_REPORT`, the provincial People's Committee) and the default
Nơi nhận of review reports, not the plan's."""

from thidua.reviews.wording import REVIEW_REPORT

TEXT_FIELDS = ("addressees", "achievements", "strengths", "shortcomings", "lessons", "tasks_ahead", "recipients")


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def addressees(review) -> list[str]:
    """The review's Kính gửi, or the default (the provincial People's Committee, to whom
    the plan's duty 2.1 has the office report). The departments of duty 2.2 asked for
    the yearly report only, so they are not added."""
    return lines(review.addressees) or REVIEW_REPORT.in_force().lines("kinh_gui")


def recipients(review) -> list[str]:
    """The review's Nơi nhận, or "Như trên" and the department's own."""
    return lines(review.recipients) or REVIEW_REPORT.in_force().lines("noi_nhan")
