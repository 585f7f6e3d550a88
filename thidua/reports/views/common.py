from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.utils.translation import gettext

from thidua.reports import rules
from thidua.reports.deadlines import local_today


def require_office(user) -> None:
    if not rules.can_manage_periods(user):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở được làm việc này."))


def board_rows(queryset):
    """Unit reports with what a status-board row shows, in one query."""
    return queryset.for_board().annotate(last_reminded=Max("reminders__created_at"))


def board_context(user) -> dict:
    return {"today": local_today(), "can_manage": rules.can_manage_periods(user)}
