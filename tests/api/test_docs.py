"""The API documentation page works offline and within the Content Security Policy:
only the app's own assets, no inline script or style; it and the schema answer signed-in
users only."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """What a browser would load or run from the page."""

    def __init__(self):
        super().__init__()
        self.scripts, self.assets, self.inline, self.styled = [], [], [], []
        self.root = {}
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in_script = True
            self.scripts.append(attrs.get("src"))
        if tag == "style" or "style" in attrs or any(name.startswith("on") for name in attrs):
            self.styled.append((tag, attrs))
        if tag == "link":
            self.assets.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        if attrs.get("id") == "swagger-ui":
            self.root = attrs

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(data)


@pytest.fixture
def docs(org, client_for):
    client = client_for(org.users.staff_a)
    response = client.get(reverse("api_docs"))
    assert response.status_code == 200
    page = Page()
    page.feed(response.content.decode())
    return client, response, page


def test_the_page_has_no_inline_script_or_style(docs):
    _client, _response, page = docs
    assert page.scripts and all(page.scripts)  # every script is a file
    assert page.inline == []
    assert page.styled == []


def test_every_asset_is_the_apps_own_and_is_served(docs):
    client, _response, page = docs
    assert any("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle" in url for url in page.assets)
    assert any(url.endswith("js/api_docs.js") for url in page.assets)
    for url in page.assets:
        assert url.startswith("/static/") and not url.startswith("//"), url
        served = client.get(url)
        assert served.status_code == 200, url
        assert b"".join(served.streaming_content if served.streaming else [served.content])


def test_the_content_security_policy_allows_what_the_page_loads(docs):
    _client, response, page = docs
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["connect-src"] == "'self'"  # the schema is fetched from the same origin
    assert "data:" in policy["img-src"]  # Swagger UI's stylesheet draws its icons from data: addresses
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_start_up_script_gets_the_schema_and_the_csrf_token_from_the_page(docs):
    _client, _response, page = docs
    assert page.root["data-schema-url"] == reverse("api_schema")
    assert page.root["data-csrf-header"] == "X-CSRFTOKEN"
    assert len(page.root["data-csrf-token"]) >= 32
    assert '"validatorUrl": null' in page.root["data-settings"]


def test_anonymous_visitors_are_sent_to_sign_in_and_refused_the_schema(client):
    response = client.get(reverse("api_docs"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('api_docs')}"
    schema = client.get(reverse("api_schema"))
    assert schema.status_code in (401, 403)
    assert b"openapi" not in schema.content


def test_a_signed_in_user_gets_the_schema_as_json(org, client_for):
    response = client_for(org.users.staff_a).get(reverse("api_schema") + "?format=json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.") and "/api/v1/results/" in response.json()["paths"]
