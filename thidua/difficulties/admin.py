from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.difficulties.models import Difficulty


@admin.register(Difficulty)
class DifficultyAdmin(HistoryAdmin):
    list_display = ["title", "unit", "state", "submitted_at", "decided_on", "closed_on"]
    list_filter = ["state", "unit"]
    search_fields = ["title", "description"]
    list_select_related = ["unit"]
    # The workflow moves only through the pages and the API, never by editing here.
    readonly_fields = [
        "state",
        "version",
        "submitted_at",
        "accepted_at",
        "reviewed_by",
        "reviewed_at",
        "decided_by",
        "decided_by_name",
        "decided_on",
        "decision",
        "closed_on",
        "closed_by",
    ]
