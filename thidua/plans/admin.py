from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.plans.models import ContentArea, Criterion, Movement, Phase, Plan, PlanItem, Recipient


@admin.register(Movement)
class MovementAdmin(HistoryAdmin):
    list_display = ["name", "decision_number", "decision_date"]


@admin.register(Plan)
class PlanAdmin(HistoryAdmin):
    list_display = ["code", "title", "start_year", "end_year"]


for model in (ContentArea, Criterion, Phase, PlanItem, Recipient):
    admin.site.register(model, HistoryAdmin)
