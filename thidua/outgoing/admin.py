from django.contrib import admin

from thidua.outgoing.models import IssuedNumber


@admin.register(IssuedNumber)
class IssuedNumberAdmin(admin.ModelAdmin):
    """The register is read-only: a number once issued is never changed or reused."""

    list_display = ["number_symbol", "subject", "issued_at", "issued_by"]
    list_filter = ["doc_type", "year"]
    search_fields = ["number_symbol", "subject"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
