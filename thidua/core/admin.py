from django.contrib import admin

from thidua.core.history import delete_with_history, save_with_history
from thidua.core.models import ActivityLog


class HistoryAdmin(admin.ModelAdmin):
    """Admin edits are attributed in the activity log like edits made in the app."""

    def save_model(self, request, obj, form, change):
        save_with_history(obj, actor=request.user, note="Sửa trong trang quản trị")

    def delete_model(self, request, obj):
        delete_with_history(obj, actor=request.user, note="Xóa trong trang quản trị")

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class ReadOnly:
    """Shown, never added, changed or deleted in the admin: rows written only by the
    app itself (the activity log, issued numbers, frozen figures, lockouts) or only
    through its pages (an initiative's authors)."""

    list_display = ["at", "actor", "action", "content_type", "object_repr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor__username"]
    list_select_related = ["actor__person", "content_type"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    pass


@admin.register(ActivityLog)
class ActivityLogAdmin(ReadOnlyAdmin):
    """Read-only: history is never rewritten."""

    list_display = ["at", "actor", "action", "content_type", "object_repr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor__username"]
    list_select_related = ["actor", "content_type"]
