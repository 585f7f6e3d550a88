from django.db.models import Max
from django.utils.translation import gettext

from thidua.core.permissions import require
from thidua.reports import rules
from thidua.reports.deadlines import local_today
from thidua.reports.enums import AWAITING


def require_office(user) -> None:
    require(rules.can_manage_periods(user), gettext("Chỉ Văn phòng Sở được làm việc này."))


def board_rows(queryset):
    """Unit reports with what a status-board row shows, in one query."""
    return queryset.for_board().annotate(last_reminded=Max("reminders__created_at"))


def with_moves(user, rows):
    """Marks each row of a status board the account may remind now (`row.may_remind`):
    the unit still has the report and `rules.can_remind` lets the account."""
    for row in rows:
        row.may_remind = row.state in AWAITING and rules.can_remind(user, row)
    return rows


def board_context(user) -> dict:
    return {"today": local_today(), "can_manage": rules.can_manage_periods(user)}
