from django.contrib import admin

from thidua.core.admin import HistoryAdmin
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue


class TargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    list_display = ["code", "name", "content_area", "unit_of_measure", "direction", "rollup"]
    list_filter = ["content_area", "direction", "rollup"]
    search_fields = ["code", "name"]
    inlines = [TargetInline]

    def save_formset(self, request, form, formset, change):
        # Targets are logged like every other change.
        from thidua.core.history import delete_with_history, save_with_history

        for target in formset.save(commit=False):
            save_with_history(target, actor=request.user, note="Sửa trong trang quản trị")
        for target in formset.deleted_objects:
            delete_with_history(target, actor=request.user, note="Xóa trong trang quản trị")


@admin.register(IndicatorValue)
class IndicatorValueAdmin(HistoryAdmin):
    list_display = ["indicator", "unit", "year", "quarter", "value", "recorded_at"]
    list_filter = ["year", "quarter", "indicator", "unit"]
    list_select_related = ["indicator", "unit"]
