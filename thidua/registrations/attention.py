"""Work-queue items of registrations (`core.attention`): the office's registrations to
take in; a unit head's open registration window while the unit has not sent."""

import datetime

from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.core.codes import State
from thidua.organization import rules as org_rules
from thidua.organization.enums import Role
from thidua.registrations import rules
from thidua.registrations.models import RegistrationWindow, UnitRegistration

SENT = {State.SUBMITTED, State.ACCEPTED}


def _office_items(user) -> list[dict]:
    waiting = UnitRegistration.objects.visible_to(user).filter(state=State.SUBMITTED).count()
    text = ngettext_lazy(
        "%(n)s bản đăng ký thi đua chờ Văn phòng Sở tiếp nhận",
        "%(n)s bản đăng ký thi đua chờ Văn phòng Sở tiếp nhận",
        "n",
    )
    return counted(waiting, text, "registration_office_list", query=f"?trang_thai={State.SUBMITTED}")


def _head_items(user, today: datetime.date) -> list[dict]:
    heads = org_rules.units_with_role(user, Role.UNIT_HEAD)
    window = RegistrationWindow.objects.filter(opens_on__lte=today, closes_on__gte=today).order_by("closes_on").first()
    if not heads or window is None:
        return []
    sent = UnitRegistration.objects.filter(unit_id__in=heads, year=window.year, state__in=SENT).count()
    text = ngettext_lazy(
        "Đợt đăng ký thi đua năm %(year)s đang mở: %(n)s đơn vị chưa gửi đăng ký",
        "Đợt đăng ký thi đua năm %(year)s đang mở: %(n)s đơn vị chưa gửi đăng ký",
        "n",
    )
    query = f"?nam={window.year}"
    return counted(
        len(heads) - sent,
        text,
        "registration_unit",
        args=[heads[0]],
        query=query,
        due=window.closes_on,
        year=window.year,
    )


def attention_items(user, today: datetime.date) -> list[dict]:
    items = _office_items(user) if rules.is_office(user) else []
    return items + _head_items(user, today)
