"""The record of where the signed plan went: each recipient of its Nơi nhận, and its
publication on the department's website ("Trang Thông tin điện tử Sở Tư pháp (để đăng
tải)"), with the day, how, the published page's address and who recorded it."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.organization import rules
from thidua.organization.models import User
from thidua.plans.enums import SendChannel
from thidua.plans.models import Plan, PlanDispatch

# The line of the Nơi nhận that is the archive, not a recipient the plan is sent to.
ARCHIVE = "Lưu"


def recipients(plan: Plan) -> list[str]:
    """The plan's Nơi nhận as places to send to: without the closing ";" and the archive."""
    lines = [r.text.strip().rstrip(";").strip() for r in plan.recipients.all()]
    return [line for line in lines if line and not line.startswith(ARCHIVE)]


def record_dispatch(
    *,
    plan: Plan,
    actor: User,
    recipient: str,
    channel: str,
    sent_on: datetime.date,
    url: str = "",
    reference: str = "",
) -> PlanDispatch:
    """Side effects: one PlanDispatch row, with history. Refused before the plan has its
    number and date, for a day before it or in the future, and for a publication
    without the address of the published page."""
    require(rules.can_edit_plan(actor), gettext("Chỉ Văn phòng Sở ghi nhận gửi, đăng tải kế hoạch."))
    if not plan.is_numbered:
        raise ValidationError(
            gettext("Hãy nhập số và ngày ban hành của kế hoạch trước khi ghi nhận gửi đi hoặc đăng tải.")
        )
    errors = {}
    if sent_on < plan.issued_on:
        errors["sent_on"] = gettext("Ngày gửi không thể trước ngày ban hành kế hoạch (%(date)s).") % {
            "date": plan.issued_on.strftime("%d/%m/%Y")
        }
    elif sent_on > timezone.localdate():
        errors["sent_on"] = gettext("Ngày gửi không thể là ngày trong tương lai. Hãy nhập ngày đã gửi hoặc đã đăng.")
    if channel == SendChannel.WEB and not url.strip():
        errors["url"] = gettext(
            "Hãy nhập địa chỉ trang đã đăng kế hoạch (bắt đầu bằng https://) để ai cũng mở lại được."
        )
    if errors:
        raise ValidationError(errors)
    return save_with_history(
        PlanDispatch(
            plan=plan,
            recipient=recipient.strip(),
            channel=channel,
            sent_on=sent_on,
            url=url.strip(),
            reference=reference.strip(),
            recorded_by=actor,
        ),
        actor=actor,
    )
