from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.inspections.models import ChecklistItem, FollowUpAction, InspectionPlan, UnitChecklist


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    readonly_fields = ["order", "text", "content_area", "criterion"]
    can_delete = False


@admin.register(InspectionPlan)
class InspectionPlanAdmin(HistoryAdmin):
    list_display = ["title", "year", "starts_on", "ends_on"]
    inlines = [ChecklistItemInline]


@admin.register(UnitChecklist)
class UnitChecklistAdmin(HistoryAdmin):
    list_display = ["inspection", "unit", "state", "submitted_at"]
    list_filter = ["state", "unit"]
    list_select_related = ["inspection", "unit"]
    # The workflow moves only through the pages and the API, never by editing here.
    readonly_fields = ["state", "version", "submitted_at"]


@admin.register(FollowUpAction)
class FollowUpActionAdmin(HistoryAdmin):
    list_display = ["text", "owner", "due_on", "done_on"]
    list_select_related = ["owner"]
