from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.council.models import Meeting, MeetingItem, MeetingMember


class MemberInline(admin.TabularInline):
    model = MeetingMember
    extra = 0


class ItemInline(admin.TabularInline):
    """Shown, not edited: the agenda and results change through the pages."""

    model = MeetingItem
    extra = 0
    fields = ["proposal", "secret", "agree", "disagree", "abstain", "passed"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    """Votes are not shown here: a secret choice names no one, and an open one is on
    the meeting page."""

    list_display = ["title", "date", "year", "minutes_number"]
    search_fields = ["title", "minutes_number"]
    readonly_fields = ["minutes_number", "minutes_date"]
    inlines = [MemberInline, ItemInline]
