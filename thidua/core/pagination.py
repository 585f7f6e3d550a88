"""One way to paginate every list page."""

from django.conf import settings
from django.core.paginator import Page, Paginator


def paginate(request, queryset, per_page: int | None = None, *, count: int | None = None) -> Page:
    """The requested page. `count`, when the caller already knows how many rows the
    queryset has (from counts it shows anyway), saves the paginator's own COUNT."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    if count is not None:
        paginator.count = count  # a cached property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))
