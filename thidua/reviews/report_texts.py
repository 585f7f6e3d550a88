"""The parts of the review report the office writes on the review's page, and the
Kính gửi and Nơi nhận the report has until the office writes its own: the report goes
to the provincial People's Committee and the departments the plan reports to each year,
and its Nơi nhận is the review's, not the plan's."""

TEXT_FIELDS = ("addressees", "achievements", "strengths", "shortcomings", "lessons", "tasks_ahead", "recipients")
PROVINCE = "UBND tỉnh"
RECIPIENTS = ["Như trên", "Giám đốc Sở", "Các Phó Giám đốc Sở", "Các phòng, đơn vị thuộc Sở", "Lưu: VT, VP"]


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def addressees(review) -> list[str]:
    """The review's Kính gửi, or the province and the plan's yearly report recipients."""
    if written := lines(review.addressees):
        return written
    duty = review.plan.report_duties.first()
    return [PROVINCE] + (duty.recipient_list if duty else [])


def recipients(review) -> list[str]:
    """The review's Nơi nhận, or "Như trên" and the department's own."""
    return lines(review.recipients) or list(RECIPIENTS)
