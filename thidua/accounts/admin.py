from django.contrib import admin

from thidua.accounts.models import Lockout
from thidua.core.admin import ReadOnlyAdmin


@admin.register(Lockout)
class LockoutAdmin(ReadOnlyAdmin):
    """Rows are written by the sign-in and lifted from the lockouts page, which logs who."""

    list_display = ["username", "ip_address", "level", "started_at", "until", "lifted_at", "lifted_by"]
    list_filter = ["lifted_at"]
    search_fields = ["username", "ip_address"]
