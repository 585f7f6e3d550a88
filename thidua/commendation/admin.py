from django.contrib import admin

from thidua.commendation import models
from thidua.core.admin import HistoryAdmin


@admin.register(models.AwardType)
class AwardTypeAdmin(HistoryAdmin):
    list_display = ["code", "name", "category", "subject", "route", "cash_multiple", "effective_from", "effective_to"]
    list_filter = ["category", "route"]


@admin.register(models.EligibilityRule)
class EligibilityRuleAdmin(HistoryAdmin):
    list_display = ["code", "name", "confidence", "office_confirmed", "effective_from", "effective_to"]
    list_filter = ["confidence"]


@admin.register(models.YearlyRating)
class YearlyRatingAdmin(HistoryAdmin):
    list_display = ["year", "person", "unit", "rating"]
    list_filter = ["year", "rating"]
    list_select_related = ["person", "unit"]
    raw_id_fields = ["person", "unit"]


@admin.register(models.AwardRecord)
class AwardRecordAdmin(HistoryAdmin):
    list_display = ["year", "person", "unit", "award_type", "kind", "decision_number", "before_system"]
    list_filter = ["year", "kind", "before_system"]
    list_select_related = ["person", "unit", "award_type"]
    raw_id_fields = ["person", "unit"]


@admin.register(models.DisciplineRecord)
class DisciplineRecordAdmin(HistoryAdmin):
    list_display = ["date", "person", "form"]
    list_select_related = ["person"]
    raw_id_fields = ["person"]


@admin.register(models.PendingFlag)
class PendingFlagAdmin(HistoryAdmin):
    list_display = ["person", "unit", "kind", "from_date", "to_date"]
    list_select_related = ["person", "unit"]
    raw_id_fields = ["person", "unit"]
