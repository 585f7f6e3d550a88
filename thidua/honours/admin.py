from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.honours.models import OutstandingExample, Publication


@admin.register(OutstandingExample)
class OutstandingExampleAdmin(HistoryAdmin):
    list_display = ["title", "year", "person", "unit", "is_published", "published_at"]
    list_filter = ["is_published", "year"]
    list_select_related = ["person", "unit"]
    readonly_fields = ["photo", "photo_name"]  # a photo is checked and stored by the office's page


@admin.register(Publication)
class PublicationAdmin(HistoryAdmin):
    list_display = ["__str__", "is_published", "changed_by", "changed_at"]
    list_filter = ["is_published"]
    raw_id_fields = ["award", "initiative"]
