from django.contrib import admin

from thidua.core.admin import HistoryAdmin, ReadOnly, ReadOnlyAdmin
from thidua.initiatives.models import (
    Adoption,
    Attachment,
    Authorship,
    ConflictDeclaration,
    HigherRecognition,
    Initiative,
    RecognitionRule,
    Score,
)


class AuthorshipInline(ReadOnly, admin.TabularInline):
    """Shown, not edited: the author list changes through the initiative form, which
    checks the shares and logs the change."""

    model = Authorship
    extra = 0
    fields = ["person", "share"]
    readonly_fields = ["person", "share"]


@admin.register(Initiative)
class InitiativeAdmin(HistoryAdmin):
    list_display = ["title", "unit", "state", "scope", "decision_number", "put_forward"]
    list_filter = ["state", "scope", "put_forward"]
    search_fields = ["title", "decision_number"]
    list_select_related = ["unit"]
    inlines = [AuthorshipInline]
    # The state and the decision change only through the workflow (the pages or API).
    readonly_fields = [
        "state",
        "version",
        "submitted_at",
        "scope",
        "decision_number",
        "decision_date",
        "put_forward",
        "put_forward_on",
        "return_reason",
        "rejection_reason",
    ]


@admin.register(Score)
class ScoreAdmin(HistoryAdmin):
    list_display = ["initiative", "member", "novelty", "effectiveness", "applicability", "scored_at"]
    list_select_related = ["initiative", "member"]


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(HistoryAdmin):
    list_display = ["initiative", "member", "reason", "declared_at"]
    list_select_related = ["initiative", "member"]


@admin.register(Adoption)
class AdoptionAdmin(HistoryAdmin):
    list_display = ["initiative", "unit", "applied_on", "created_at"]
    list_select_related = ["initiative", "unit"]


@admin.register(Attachment)
class AttachmentAdmin(HistoryAdmin):
    list_display = ["name", "initiative", "uploaded_at"]
    list_select_related = ["initiative"]


@admin.register(HigherRecognition)
class HigherRecognitionAdmin(ReadOnlyAdmin):
    """Recorded on the initiative's page, which also widens its scope."""

    list_display = ["initiative", "scope", "issuer", "number", "date"]
    list_filter = ["scope"]
    list_select_related = ["initiative"]


@admin.register(RecognitionRule)
class RecognitionRuleAdmin(ReadOnlyAdmin):
    """Versions are added on the office's page «Quy tắc công nhận sáng kiến»."""

    list_display = ["__str__", "basis", "confirmed", "set_at"]
    list_filter = ["confirmed"]
