from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.results.models import Evidence, ResultEntry


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["original_name", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(ResultEntry)
class ResultEntryAdmin(HistoryAdmin):
    """The state is read-only here: it changes only through the workflow."""

    list_display = ["title", "unit", "person", "date", "state"]
    list_filter = ["state", "content_area", "unit"]
    search_fields = ["title", "description"]
    list_select_related = ["unit", "person"]
    readonly_fields = ["state", "return_reason", "created_by", "created_at"]
    raw_id_fields = ["person"]
    inlines = [EvidenceInline]
