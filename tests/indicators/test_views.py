"""Indicator pages: progress bars, the office's indicator form, a unit's values for a
quarter with refusals that keep what was typed, access and fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.indicators.conftest import make_indicator
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return response.content.decode()


def test_the_overview_shows_progress_bars_against_target(org, client_for, share, pages, record):
    record(share, org.units.a, 2, "86")
    record(pages, org.units.a, 2, "18000")
    body = _body(client_for(org.users.staff_a).get(reverse("indicators_overview"), {"year": 2026}))
    assert '<progress class="w-100" max="100" value="50"' in body
    assert body.count("<progress") == 2
    assert "Tỷ lệ văn bản đi được ký số" in body and "Càng thấp càng tốt" in body
    assert "quý 2/2026, 1/1 đơn vị báo cáo" in body


def test_the_content_area_page_shows_each_unit_and_the_department(org, client_for, plan, share, record):
    record(share, org.units.a, 1, "80")
    record(share, org.units.b, 1, "90,5".replace(",", "."))
    area = share.content_area
    office = _body(client_for(org.users.officer).get(reverse("indicators_area", args=[area.pk]), {"year": 2026}))
    assert "Phòng Phổ biến, giáo dục pháp luật" in office and "Trung tâm Trợ giúp pháp lý" in office
    assert "85,25" in office  # the average of the two units, Vietnamese decimal comma
    head_a = _body(client_for(org.users.head_a).get(reverse("indicators_area", args=[area.pk]), {"year": 2026}))
    assert "Trung tâm Trợ giúp pháp lý" not in head_a  # another unit's figures stay hidden


@pytest.mark.parametrize("url_name", ["indicators_overview", "indicators_area"])
def test_indicator_pages_run_a_fixed_number_of_queries(org, client_for, plan, share, record, url_name):
    args = [share.content_area_id] if url_name == "indicators_area" else []
    client, url = client_for(org.users.officer), reverse(url_name, args=args)
    record(share, org.units.a, 1, "80")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(5):
        indicator = make_indicator(plan, f"CT-{n}", target="10")
        for quarter in (1, 2, 3):
            record(indicator, org.units.a, quarter, "5")
            record(indicator, org.units.b, quarter, "6")
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after.captured_queries) == len(before.captured_queries)


def _values_url(org, unit="a"):
    return reverse("indicator_values_entry", args=[getattr(org.units, unit).pk])


def test_the_unit_head_types_values_with_a_decimal_comma(org, client_for, share, people_count):
    client = client_for(org.users.head_a)
    client.post(
        _values_url(org), {"year": 2026, "quarter": 2, f"value_{share.pk}": "12,5", f"value_{people_count.pk}": "4"}
    )
    assert dict(IndicatorValue.objects.values_list("indicator__code", "value")) == {
        "KY-SO": Decimal("12.50"),
        "BDHVS": Decimal("4.00"),
    }
    page = _body(client.get(_values_url(org), {"year": 2026, "quarter": 2}))
    assert 'value="12,5"' in page


@pytest.mark.parametrize(
    ("year", "quarter", "typed", "message"),
    [
        (
            2026,
            2,
            "mười",
            "«mười» không phải là một số. Hãy nhập chữ số, dùng dấu phẩy cho phần thập phân, ví dụ 12,5.",
        ),
        (2026, 2, "-3", "không nhận giá trị âm (đã nhập -3)"),
        (2026, 5, "3", "Quý phải từ 1 đến 4 (đã nhập 5)."),
        (2031, 1, "3", "Năm 2031 nằm ngoài kế hoạch. Hãy chọn năm từ 2026 đến 2030."),
    ],
)
def test_bad_values_are_refused_with_the_reason_and_kept(
    org, client_for, share, people_count, year, quarter, typed, message
):
    response = client_for(org.users.head_a).post(
        _values_url(org),
        {"year": year, "quarter": quarter, f"value_{people_count.pk}": typed, f"value_{share.pk}": "77,5"},
    )
    body = _body(response)
    assert message in body
    assert f'value="{typed}"' in body and 'value="77,5"' in body and f'value="{quarter}"' in body
    assert not IndicatorValue.objects.exists()


def test_a_share_over_100_is_refused(org, client_for, share):
    body = _body(
        client_for(org.users.head_a).post(_values_url(org), {"year": 2026, "quarter": 1, f"value_{share.pk}": "120"})
    )
    assert "tính theo phần trăm: giá trị không vượt quá 100 (đã nhập 120)" in body and 'value="120"' in body
    assert not IndicatorValue.objects.exists()


def test_who_records_whose_values(org, client_for, share):
    data = {"year": 2026, "quarter": 1, f"value_{share.pk}": "50"}
    assert client_for(org.users.staff_a).post(_values_url(org), data).status_code == 403
    assert client_for(org.users.head_b).post(_values_url(org), data).status_code == 404
    assert client_for(org.users.staff_a).get(reverse("indicator_values_home")).status_code == 403
    assert not IndicatorValue.objects.exists()
    client_for(org.users.officer).post(_values_url(org, "b"), data)
    assert IndicatorValue.objects.get().unit == org.units.b


def _indicator_form(plan, **changes) -> dict:
    data = {
        "content_area": plan.content_areas.get(number="5").pk,
        "code": "DIEN",
        "name": "Điện năng mỗi tháng",
        "unit_of_measure": "kWh/tháng",
        "baseline_value": "9.800",
        "baseline_year": "2025",
        "direction": "lower",
        "rollup": "sum",
        "target_source": "office",
        "order": "1",
        "target_2026": "8.800",
        "target_2027": "8.500,5",
    }
    return data | changes


def test_the_office_defines_an_indicator_with_a_target_per_year(org, client_for, plan):
    client_for(org.users.officer).post(reverse("indicator_create"), _indicator_form(plan))
    indicator = Indicator.objects.get()
    assert (indicator.baseline_value, indicator.direction) == (Decimal("9800"), "lower")
    assert dict(IndicatorTarget.objects.values_list("year", "value")) == {2026: Decimal(8800), 2027: Decimal("8500.5")}


def test_a_bad_indicator_form_keeps_what_was_typed(org, client_for, plan):
    body = _body(
        client_for(org.users.officer).post(
            reverse("indicator_create"), _indicator_form(plan, is_percentage="on", target_2026="120")
        )
    )
    assert "giá trị không vượt quá 100 (đã nhập 120)" in body
    assert 'value="Điện năng mỗi tháng"' in body and 'value="120"' in body
    assert not Indicator.objects.exists()


def test_only_the_office_defines_indicators(org, client_for, plan, share):
    for persona in ("head_a", "staff_a", "director"):
        client = client_for(getattr(org.users, persona))
        assert client.post(reverse("indicator_edit", args=[share.pk]), _indicator_form(plan)).status_code == 403
    share.refresh_from_db()
    assert share.code == "KY-SO"


@pytest.mark.parametrize("url_name", ["indicator_values_home", "indicator_values_entry"])
def test_value_pages_run_a_fixed_number_of_queries(org, client_for, plan, share, record, url_name):
    args = [org.units.a.pk] if url_name == "indicator_values_entry" else []
    client, url = client_for(org.users.officer), reverse(url_name, args=args)
    record(share, org.units.a, 1, "80")
    client.get(url, {"year": 2026, "quarter": 1})
    with CaptureQueriesContext(connection) as before:
        client.get(url, {"year": 2026, "quarter": 1})
    for n in range(5):
        record(make_indicator(plan, f"CT-{n}", target="10"), org.units.a, 1, "5")
    with CaptureQueriesContext(connection) as after:
        client.get(url, {"year": 2026, "quarter": 1})
    assert len(after.captured_queries) == len(before.captured_queries)


def test_a_provincial_target_names_its_text_and_the_form_says_so_otherwise(org, client_for, plan):
    client = client_for(org.users.officer)
    body = _body(client.post(reverse("indicator_create"), _indicator_form(plan, target_source="province")))
    assert "Hãy ghi số, ngày và tên văn bản của tỉnh mà mục tiêu theo" in body
    assert 'value="Điện năng mỗi tháng"' in body and not Indicator.objects.exists()
    reference = "Kế hoạch số 45/KH-UBND ngày 01/3/2026 của UBND tỉnh"
    client.post(
        reverse("indicator_create"),
        _indicator_form(plan, target_source="province", target_reference=reference, is_illustrative="on"),
    )
    indicator = Indicator.objects.get()
    assert (indicator.target_source, indicator.target_reference, indicator.is_illustrative) == (
        "province",
        reference,
        True,
    )
    page = _body(client.get(reverse("indicators_overview"), {"year": 2026}))
    assert f"Theo {reference}" in page and "minh họa" in page
    form = _body(client.get(reverse("indicator_edit", args=[indicator.pk])))
    assert f'value="{reference}"' in form and "Nguồn của mục tiêu" in form
