from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("thidua.core.urls")),
    path("", include("thidua.accounts.urls")),
    path("", include("thidua.organization.urls")),
    path("", include("thidua.privacy.urls")),
    path("", include("thidua.plans.urls")),
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
    path("", include("thidua.proposals.urls")),
    path("", include("thidua.council.urls")),
    path("", include("thidua.evaluation.urls")),
    path("", include("thidua.honours.urls")),
    path("", include("thidua.reviews.urls")),
    path("", include("thidua.overview.urls")),
    path("api/v1/", include("thidua.api.urls")),
]
