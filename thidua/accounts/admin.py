from django.contrib import admin

from thidua.accounts.models import Lockout


@admin.register(Lockout)
class LockoutAdmin(admin.ModelAdmin):
    list_display = ["username", "ip_address", "level", "started_at", "until", "lifted_at", "lifted_by"]
    list_filter = ["lifted_at"]
    search_fields = ["username", "ip_address"]

    # Rows are written by the sign-in and lifted from the lockouts page, which logs who.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
