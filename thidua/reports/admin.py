from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.reports.models import (
    ConsolidatedReport,
    Dispatch,
    Reminder,
    ReportingPeriod,
    UnitReport,
)


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(HistoryAdmin):
    list_display = ["title", "kind", "year", "due_date", "office_due_date"]
    list_filter = ["kind", "year"]


@admin.register(UnitReport)
class UnitReportAdmin(HistoryAdmin):
    """Read-only here: a unit report changes only through its workflow."""

    list_display = ["period", "unit", "owner", "state", "submitted_at", "is_late"]
    list_filter = ["state", "is_late", "period"]
    list_select_related = ["period", "unit", "owner"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["created_at", "report", "kind", "recipient", "delivery", "attempts"]
    list_filter = ["kind", "delivery"]
    list_select_related = ["report__period", "report__unit", "recipient"]

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(ConsolidatedReport, HistoryAdmin)
admin.site.register(Dispatch, HistoryAdmin)
