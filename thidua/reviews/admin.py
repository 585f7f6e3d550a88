from django.contrib import admin

from thidua.core.admin import HistoryAdmin, ReadOnlyAdmin
from thidua.reviews.models import Review, ReviewSnapshot


@admin.register(Review)
class ReviewAdmin(HistoryAdmin):
    list_display = ["__str__", "review_date", "frozen_at", "frozen_by"]
    list_select_related = ["phase", "frozen_by"]
    # Freezing happens only on the reviews page, once.
    readonly_fields = ["frozen_at", "frozen_by"]


@admin.register(ReviewSnapshot)
class ReviewSnapshotAdmin(ReadOnlyAdmin):
    """Read-only: frozen figures never change."""

    list_display = ["review", "kind", "unit_name", "label", "value"]
    list_filter = ["review", "kind"]
