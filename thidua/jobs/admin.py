from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.jobs.models import Job


@admin.register(Job)
class JobAdmin(HistoryAdmin):
    list_display = ["created_at", "kind", "status", "progress", "created_by"]
    list_filter = ["kind", "status"]
    list_select_related = ["created_by"]
