"""The indicators API: indicators with their targets, the roll-up, and units' values
listed within the account's units and recorded by create-or-update."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.indicators.conftest import make_indicator
from thidua.indicators.models import IndicatorValue

pytestmark = pytest.mark.django_db
INDICATORS, VALUES = "/api/v1/indicators/", "/api/v1/indicator-values/"


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_indicators_are_listed_with_their_targets(org, client_for, share, people_count):
    data = client_for(org.users.staff_a).get(INDICATORS).json()["results"]
    ky_so = next(row for row in data if row["code"] == "KY-SO")
    assert ky_so["targets"] == [{"year": 2026, "value": "100.00"}]
    assert (ky_so["is_percentage"], ky_so["direction"], ky_so["rollup"], ky_so["baseline_value"]) == (
        True,
        "higher",
        "average",
        "72.00",
    )


def test_the_indicator_list_runs_a_fixed_number_of_queries(org, client_for, plan, share):
    client = client_for(org.users.staff_a)
    client.get(INDICATORS)
    before = _count_queries(client, INDICATORS)
    for n in range(5):
        make_indicator(plan, f"CT-{n}", target="10")
    assert _count_queries(client, INDICATORS) == before


def test_the_rollup_endpoint(org, client_for, share, record):
    record(share, org.units.a, 1, "86")
    rows = client_for(org.users.staff_a).get(f"{INDICATORS}rollup/", {"year": 2026}).json()
    assert rows == [
        {
            "indicator": share.pk,
            "code": "KY-SO",
            "value": "86.00",
            "year": 2026,
            "quarter": 1,
            "units": 1,
            "expected": 1,
            "complete": True,
            "carried": [],
            "target": "100.00",
            "target_source": "office",
            "target_source_text": "Chỉ tiêu do Sở đặt",
            "is_illustrative": False,
            "fraction": 0.5,
            "reached": False,
            "status": "Chưa đạt mục tiêu",
        }
    ]
    refused = client_for(org.users.staff_a).get(f"{INDICATORS}rollup/", {"year": 2040})
    assert "Năm 2040 nằm ngoài kế hoạch" in refused.json()["year"][0]


def _value(org, indicator, **changes) -> dict:
    return {"indicator": indicator.pk, "unit": org.units.a.pk, "year": 2026, "quarter": 2, "value": "12,5"} | changes


def test_a_value_is_created_then_updated(org, client_for, share):
    client = client_for(org.users.head_a)
    created = client.post(VALUES, _value(org, share), content_type="application/json")
    assert created.status_code == 201 and created.json()["value"] == "12.50"
    updated = client.post(VALUES, _value(org, share, value=14), content_type="application/json")
    assert updated.status_code == 200 and updated.json()["id"] == created.json()["id"]
    assert IndicatorValue.objects.get().value == Decimal(14)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"value": "mười"}, "value", "«mười» không phải là một số"),
        ({"value": "-1"}, "value", "không nhận giá trị âm"),
        ({"value": "101"}, "value", "không vượt quá 100"),
        ({"quarter": 5}, "quarter", "Quý phải từ 1 đến 4 (đã nhập 5)."),
        ({"year": 2031}, "year", "Năm 2031 nằm ngoài kế hoạch"),
    ],
)
def test_bad_values_are_refused_with_the_reason(org, client_for, share, changes, field, message):
    response = client_for(org.users.head_a).post(VALUES, _value(org, share, **changes), content_type="application/json")
    assert response.status_code == 400 and message in response.json()[field][0]
    assert not IndicatorValue.objects.exists()


def test_only_the_unit_head_or_the_office_records(org, client_for, share):
    assert (
        client_for(org.users.staff_a).post(VALUES, _value(org, share), content_type="application/json").status_code
        == 403
    )
    assert (
        client_for(org.users.head_b).post(VALUES, _value(org, share), content_type="application/json").status_code
        == 403
    )
    assert not IndicatorValue.objects.exists()
    assert (
        client_for(org.users.officer).post(VALUES, _value(org, share), content_type="application/json").status_code
        == 201
    )


def test_values_are_listed_within_the_accounts_units(org, client_for, share, record):
    record(share, org.units.a, 1, "80")
    record(share, org.units.b, 1, "90")
    assert [v["unit"] for v in client_for(org.users.head_b).get(VALUES).json()["results"]] == [org.units.b.pk]
    assert len(client_for(org.users.officer).get(VALUES, {"quarter": 1}).json()["results"]) == 2


def test_the_value_list_runs_a_fixed_number_of_queries(org, client_for, plan, share, record):
    client = client_for(org.users.officer)
    record(share, org.units.a, 1, "80")
    client.get(VALUES)
    before = _count_queries(client, VALUES)
    for quarter in (2, 3, 4):
        record(share, org.units.a, quarter, "85")
        record(share, org.units.b, quarter, "85")
    assert _count_queries(client, VALUES) == before


def test_the_openapi_schema_covers_the_indicator_endpoints(org, client_for):
    from drf_spectacular.validation import validate_schema

    schema = client_for(org.users.officer).get("/api/v1/schema/", {"format": "json"}).json()
    validate_schema(schema)
    assert {
        "/api/v1/indicators/",
        "/api/v1/indicators/{id}/",
        "/api/v1/indicators/rollup/",
        "/api/v1/indicator-values/",
    } <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/indicator-values/"]) == {"get", "post"}
