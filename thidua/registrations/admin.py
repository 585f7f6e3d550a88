from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.registrations.models import PersonRegistration, RegistrationWindow, UnitRegistration


@admin.register(RegistrationWindow)
class RegistrationWindowAdmin(HistoryAdmin):
    list_display = ["plan", "year", "opens_on", "closes_on"]
    list_filter = ["year"]


@admin.register(UnitRegistration)
class UnitRegistrationAdmin(HistoryAdmin):
    list_display = ["unit", "year", "title", "state", "submitted_at", "is_late"]
    list_filter = ["year", "state", "title"]
    list_select_related = ["unit"]
    # The state moves only through the workflow (pages or API), never by hand here.
    readonly_fields = [
        "state",
        "submitted_at",
        "submitted_by",
        "is_late",
        "return_reason",
        "reviewed_at",
        "reviewed_by",
    ]


@admin.register(PersonRegistration)
class PersonRegistrationAdmin(HistoryAdmin):
    list_display = ["person", "title", "registration"]
    list_filter = ["title", "registration__year"]
    list_select_related = ["person", "registration__unit"]
    search_fields = ["person__full_name", "person__code"]
    raw_id_fields = ["registration", "person"]
