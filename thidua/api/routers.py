"""The router of every app's API (`api_urls.py`): an object's id in the path goes
through the `id` path converter (`core/converters.py`), so `/api/v1/results/<a 30-digit
number>/` is 404 like any other id that is not there, and the schema says the id is an
integer. No per-app root page: the index of the API is its documentation, /api/v1/docs/."""

from rest_framework.routers import SimpleRouter


class Router(SimpleRouter):
    def __init__(self):
        super().__init__(use_regex_path=False)
        # DRF's fallback when a viewset sets no `lookup_value_converter` ("str" by default).
        self._default_value_pattern = "id"
