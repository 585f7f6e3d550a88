"""Items for the "needs attention" panels of the home pages (`core.attention`): what the
account itself can act on now."""

import datetime

from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.core.codes import State
from thidua.inspections import rules
from thidua.inspections.enums import EDITABLE
from thidua.inspections.models import FollowUpAction, UnitChecklist
from thidua.organization import rules as org_rules
from thidua.organization.enums import Role


def _overdue_item(count: int, text) -> list[dict]:
    return counted(count, text, "inspection_overdue_actions")


def _office_items(user, today) -> list[dict]:
    overdue = FollowUpAction.objects.visible_to(user).overdue(on=today).count()
    sent = UnitChecklist.objects.visible_to(user).filter(state=State.SUBMITTED).count()
    return _items(
        overdue,
        ngettext_lazy(
            "%(n)s việc khắc phục sau tự kiểm tra đã quá hạn", "%(n)s việc khắc phục sau tự kiểm tra đã quá hạn", "n"
        ),
        sent,
        ngettext_lazy(
            "%(n)s bảng kiểm tự kiểm tra đơn vị đã gửi, chờ Văn phòng Sở tiếp nhận",
            "%(n)s bảng kiểm tự kiểm tra đơn vị đã gửi, chờ Văn phòng Sở tiếp nhận",
            "n",
        ),
    )


def _head_items(units: list[int], today) -> list[dict]:
    overdue = FollowUpAction.objects.filter(checklist__unit_id__in=units).overdue(on=today).count()
    unsent = UnitChecklist.objects.filter(unit_id__in=units, state__in=EDITABLE).count()
    return _items(
        overdue,
        ngettext_lazy(
            "%(n)s việc khắc phục sau tự kiểm tra của đơn vị đã quá hạn",
            "%(n)s việc khắc phục sau tự kiểm tra của đơn vị đã quá hạn",
            "n",
        ),
        unsent,
        ngettext_lazy(
            "%(n)s bảng kiểm tự kiểm tra của đơn vị chưa gửi Văn phòng Sở",
            "%(n)s bảng kiểm tự kiểm tra của đơn vị chưa gửi Văn phòng Sở",
            "n",
        ),
    )


def _items(overdue: int, overdue_text, checklists: int, checklists_text) -> list[dict]:
    """The overdue actions, then the checklists waiting (sent to the office, or not yet sent)."""
    return _overdue_item(overdue, overdue_text) + counted(checklists, checklists_text, "inspection_list")


def _own_items(user, today) -> list[dict]:
    person = org_rules.person_of(user)
    if person is None:
        return []
    overdue = FollowUpAction.objects.filter(owner=person).overdue(on=today).count()
    return _overdue_item(
        overdue,
        ngettext_lazy(
            "%(n)s việc khắc phục giao cho bạn đã quá hạn", "%(n)s việc khắc phục giao cho bạn đã quá hạn", "n"
        ),
    )


def attention_items(user, today: datetime.date | None = None) -> list[dict]:
    """The office: overdue actions of every unit and checklists waiting to be taken in;
    a unit head: the unit's overdue actions and unsent checklists; anyone else: the
    overdue actions they own. Each account gets the widest of these it holds, so
    nothing is counted twice."""
    if rules.can_plan(user):
        return _office_items(user, today)
    heads = org_rules.units_with_role(user, Role.UNIT_HEAD)
    if heads:
        return _head_items(heads, today)
    return _own_items(user, today)
