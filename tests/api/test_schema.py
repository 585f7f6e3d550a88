"""The OpenAPI 3 schema served by the app validates and covers every API of the
system."""

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_is_valid_openapi_3(schema):
    validate_schema(schema)  # raises on any violation of the OpenAPI 3 specification
    assert schema["openapi"].startswith("3.")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/registrations/",
        "/api/v1/results/",
        "/api/v1/indicators/",
        "/api/v1/indicator-values/",
        "/api/v1/initiatives/",
        "/api/v1/initiative-library/",
        "/api/v1/unit-reports/",
        "/api/v1/report-periods/",
        "/api/v1/difficulties/",
        "/api/v1/inspection-actions/",
        "/api/v1/eligibility/evaluate",
    ],
)
def test_the_schema_covers_each_api(schema, path):
    assert path in schema["paths"], sorted(schema["paths"])


def test_the_schema_is_served_by_the_app(org, client_for):
    response = client_for(org.users.officer).get(reverse("api_schema"))
    assert response.status_code == 200
    assert b"openapi: 3" in response.content
    assert b"/api/v1/initiatives/" in response.content


def test_the_schema_states_the_range_of_each_number(schema):
    """The ranges `core/params.py` and the path converters hold to, so a client knows them."""
    query = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/results/"]["get"]["parameters"]}
    assert query["year"] == {"type": "integer", "minimum": 2000, "maximum": 2100}
    assert query["unit"] == {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
    assert "confirmed" in query["state"]["enum"]
    path = {
        p["name"]: p["schema"]
        for p in schema["paths"]["/api/v1/results/{id}/"]["get"]["parameters"]
        if p["in"] == "path"
    }
    assert path["id"] == {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
