"""The API documentation page (Swagger UI) within the Content Security Policy: its
assets come from the app's static files (drf-spectacular-sidecar), and its start-up is a
static script (`static/js/api_docs.js`) that reads the schema address and the CSRF
token from data attributes, instead of drf-spectacular's inline script and style."""

from django.contrib.auth.decorators import login_required
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerView


class ApiDocsView(SpectacularSwaggerView):
    template_name = "api/docs.html"

    @extend_schema(exclude=True)  # the page itself is not part of the API
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # drf-spectacular opens the page to other windows for OAuth pop-ups, which this
        # API does not use: the site's own Cross-Origin-Opener-Policy applies.
        del response.headers["Cross-Origin-Opener-Policy"]
        return response


# A person who is not signed in is sent to the sign-in page and comes back here.
api_docs = login_required(ApiDocsView.as_view(url_name="api_schema"))
