from django.contrib import admin

from thidua.core.admin import ReadOnlyAdmin
from thidua.outgoing.models import IssuedNumber


@admin.register(IssuedNumber)
class IssuedNumberAdmin(ReadOnlyAdmin):
    """The register is read-only: a number once issued is never changed or reused."""

    list_display = ["number_symbol", "subject", "issued_at", "issued_by"]
    list_filter = ["doc_type", "year"]
    search_fields = ["number_symbol", "subject"]
