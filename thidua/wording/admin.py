from django.contrib import admin

from thidua.core.admin import ReadOnlyAdmin
from thidua.wording.models import LegalBasis, Wording


@admin.register(Wording)
class WordingAdmin(ReadOnlyAdmin):
    """Versions are only added, through the office's pages: the history stays whole."""

    list_display = ["document", "key", "is_default", "created_by", "created_at"]
    list_filter = ["document", "is_default"]
    search_fields = ["text"]
    list_select_related = ["created_by"]


@admin.register(LegalBasis)
class LegalBasisAdmin(ReadOnlyAdmin):
    list_display = ["kind", "number", "signed_on", "issuer", "created_at"]
    list_filter = ["kind"]
    search_fields = ["number", "subject"]
    list_select_related = ["created_by"]
