from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.evaluation.models import CouncilScore, NotApplicable, ScoringSheet, SelfAssessment, SheetItem


@admin.register(ScoringSheet)
class ScoringSheetAdmin(HistoryAdmin):
    list_display = ["year", "plan", "excellent_from", "good_from", "pass_from", "quorum"]


@admin.register(SheetItem)
class SheetItemAdmin(HistoryAdmin):
    list_display = ["sheet", "criterion", "max_points"]
    list_select_related = ["sheet", "criterion"]


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(HistoryAdmin):
    list_display = ["item", "unit", "person", "score", "assessed_at"]
    list_select_related = ["item__criterion", "unit", "person"]
    raw_id_fields = ["results"]


@admin.register(CouncilScore)
class CouncilScoreAdmin(HistoryAdmin):
    list_display = ["item", "unit", "person", "member", "score", "scored_at"]
    list_select_related = ["item__criterion", "unit", "person", "member"]


@admin.register(NotApplicable)
class NotApplicableAdmin(HistoryAdmin):
    list_display = ["item", "unit", "reason", "marked_by", "marked_at"]
    list_select_related = ["item__criterion", "unit", "marked_by"]
