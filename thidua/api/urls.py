"""REST API v1: each app contributes its endpoints from its `api_urls.py`; the OpenAPI 3
schema and its browsable documentation are served by the app itself, to signed-in
users only."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from thidua.api.docs import api_docs

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", api_docs, name="api_docs"),
    path("", include("thidua.organization.api_urls")),
    path("", include("thidua.registrations.api_urls")),
    path("", include("thidua.results.api_urls")),
    path("", include("thidua.indicators.api_urls")),
    path("", include("thidua.initiatives.api_urls")),
    path("", include("thidua.reports.api_urls")),
    path("", include("thidua.difficulties.api_urls")),
    path("", include("thidua.inspections.api_urls")),
    path("", include("thidua.commendation.api_urls")),
    path("", include("thidua.proposals.api_urls")),
    path("", include("thidua.council.api_urls")),
    path("", include("thidua.evaluation.api_urls")),
    path("", include("thidua.honours.api_urls")),
    path("", include("thidua.reviews.api_urls")),
]
