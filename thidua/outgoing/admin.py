from django.contrib import admin

from thidua.core.admin import ReadOnlyAdmin
from thidua.outgoing.models import IssuedNumber, SignedCopy


@admin.register(IssuedNumber)
class IssuedNumberAdmin(ReadOnlyAdmin):
    """The register is read-only: a number once issued is never changed or reused."""

    list_display = ["number_symbol", "document_date", "subject", "outside", "issued_at", "issued_by"]
    list_filter = ["doc_type", "year", "outside"]
    search_fields = ["number_symbol", "subject"]


@admin.register(SignedCopy)
class SignedCopyAdmin(ReadOnlyAdmin):
    """Uploaded on the register's pages, with the check of their signatures: never edited."""

    list_display = ["issued", "status", "signer", "signed_at", "uploaded_at", "uploaded_by"]
    list_filter = ["status"]
    search_fields = ["issued__number_symbol", "signer"]
    list_select_related = ["issued", "uploaded_by"]
