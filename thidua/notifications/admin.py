from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.notifications.models import Notice


@admin.register(Notice)
class NoticeAdmin(HistoryAdmin):
    list_display = ["created_at", "user", "text", "is_read"]
    list_filter = ["is_read"]
    list_select_related = ["user"]
