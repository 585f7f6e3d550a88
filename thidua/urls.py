from django.contrib import admin
from django.urls import include, path, register_converter
from django.views import defaults

from thidua.api import errors as api_errors
from thidua.core import views as core_views
from thidua.core.converters import IdConverter, YearConverter

# Before any app's patterns are read: every id and year in an address uses these.
register_converter(IdConverter, "id")
register_converter(YearConverter, "year")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("thidua.core.urls")),
    path("", include("thidua.accounts.urls")),
    path("", include("thidua.organization.urls")),
    path("", include("thidua.privacy.urls")),
    path("", include("thidua.plans.urls")),
    path("", include("thidua.outgoing.urls")),
    path("", include("thidua.registrations.urls")),
    path("", include("thidua.results.urls")),
    path("", include("thidua.indicators.urls")),
    path("", include("thidua.initiatives.urls")),
    path("", include("thidua.reports.urls")),
    path("", include("thidua.difficulties.urls")),
    path("", include("thidua.inspections.urls")),
    path("", include("thidua.notifications.urls")),
    path("", include("thidua.jobs.urls")),
    path("", include("thidua.commendation.urls")),
    path("", include("thidua.ratingmeetings.urls")),
    path("", include("thidua.proposals.urls")),
    path("", include("thidua.council.urls")),
    path("", include("thidua.evaluation.urls")),
    path("", include("thidua.honours.urls")),
    path("", include("thidua.reviews.urls")),
    path("", include("thidua.overview.urls")),
    path("", include("thidua.wording.urls")),
    path("api/v1/", include("thidua.api.urls")),
]


def bad_request(request, exception=None):
    """A request refused before any view could read it (a body over the size limits, a
    host not allowed): JSON on the API, the site's page elsewhere."""
    if request.path_info.startswith("/api/"):
        return api_errors.bad_request(exception)
    return core_views.bad_request(request, exception)


def page_not_found(request, exception=None):
    if request.path_info.startswith("/api/"):
        return api_errors.not_found()
    return defaults.page_not_found(request, exception)


handler400 = bad_request
handler404 = page_not_found
