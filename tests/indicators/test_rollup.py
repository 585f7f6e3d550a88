"""Roll-up from units to the department, progress against target, and the units that
recorded nothing in a quarter."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.indicators.conftest import make_indicator
from thidua.indicators.enums import Direction
from thidua.indicators.rollup import progress_fraction, rollup
from thidua.overview.queries import units_without_records
from thidua.results import services as results

pytestmark = pytest.mark.django_db


def _by_code(rows):
    return {row.indicator.code: row for row in rows}


def test_units_roll_up_by_sum_or_average_from_the_latest_quarter(org, plan, share, people_count, pages, record):
    record(share, org.units.a, 1, "80")
    record(share, org.units.a, 2, "90")
    record(share, org.units.b, 2, "95")
    record(people_count, org.units.a, 3, "4")
    record(people_count, org.units.b, 3, "5")
    rows = _by_code(rollup(plan, 2026))
    assert (rows["KY-SO"].value, rows["KY-SO"].quarter, rows["KY-SO"].units) == (Decimal("92.50"), 2, 2)
    assert rows["KY-SO"].quarters[1].value == Decimal("80.00")
    assert rows["BDHVS"].value == Decimal("9.00")
    assert rows["BDHVS"].percent == round(9 / 40 * 100)
    assert rows["TRANG-IN"].value is None and rows["TRANG-IN"].fraction is None


def test_the_roll_up_is_one_aggregate_query_whatever_the_number_of_indicators(org, plan, share, record):
    for n in range(6):
        record(make_indicator(plan, f"CT-{n}", target="10"), org.units.a, 1, str(n))
    with CaptureQueriesContext(connection) as ctx:
        rows = rollup(plan, 2026)
    assert len(rows) == 7 and len(ctx.captured_queries) == 2


def test_lower_is_better_counts_the_way_from_baseline_to_target(plan, pages):
    assert progress_fraction(pages, Decimal(18000), Decimal(15000)) == 0.5
    assert progress_fraction(pages, Decimal(21000), Decimal(15000)) == 0.0
    assert progress_fraction(pages, Decimal(23000), Decimal(15000)) == 0.0
    assert progress_fraction(pages, Decimal(14000), Decimal(15000)) == 1.0


def test_higher_is_better_counts_from_the_baseline(plan, share):
    assert progress_fraction(share, Decimal(86), Decimal(100)) == 0.5
    assert progress_fraction(share, Decimal(60), Decimal(100)) == 0.0


def test_without_a_baseline(plan):
    higher = make_indicator(plan, "A")
    lower = make_indicator(plan, "B", direction=Direction.LOWER)
    assert progress_fraction(higher, Decimal(30), Decimal(40)) == 0.75
    assert progress_fraction(lower, Decimal(20), Decimal(15)) == 0.75
    assert progress_fraction(lower, Decimal(10), Decimal(15)) == 1.0


def test_units_without_records_in_a_quarter(org, plan, share, record):
    area = plan.content_areas.first()
    record(share, org.units.a, 3, "80")
    entry = results.record_result(
        actor=org.users.head_b,
        plan=plan,
        unit=org.units.b,
        content_area=area,
        title="Trợ giúp lưu động",
        description="x",
        date=datetime.date(2026, 8, 2),
    )
    draft_only = {u.code for u in units_without_records(2026, 3)}
    assert {"PBGD"} & draft_only == set() and "TGPL" in draft_only  # a draft is not a record
    results.submit_result(actor=org.users.head_b, entry=entry)
    silent = {u.code for u in units_without_records(2026, 3)}
    assert silent == {"VP"}  # the province, the agency and its leadership do not record
    assert {u.code for u in units_without_records(2026, 4)} == {"VP", "PBGD", "TGPL"}


def test_a_unit_that_stopped_reporting_is_carried_forward_and_marked(org, plan, pages, record):
    record(pages, org.units.a, 1, "5000")
    record(pages, org.units.b, 1, "4000")
    record(pages, org.units.office, 1, "5500")
    record(pages, org.units.a, 2, "4500")
    record(pages, org.units.office, 2, "5000")  # the centre (b) reports nothing in the second quarter
    [row] = rollup(plan, 2026)
    assert (row.value, row.year, row.quarter) == (Decimal("13500.00"), 2026, 2)  # 4500 + 5000 + the centre's 4000
    assert (row.units, row.expected, row.complete) == (2, 3, False)
    assert [(c.unit_name, c.value, c.year, c.quarter) for c in row.figure.carried] == [
        ("Trung tâm Trợ giúp pháp lý", Decimal("4000.00"), 2026, 1)
    ]
    assert row.status == "Chưa đủ số liệu (2/3 đơn vị)"
    assert row.met is None and row.reached is False  # 13.500 is below 15.000, but not every unit reported
    assert row.quarters[1].complete and not row.quarters[2].complete
    record(pages, org.units.b, 2, "4200")
    [row] = rollup(plan, 2026)
    assert (row.value, row.status, row.reached) == (Decimal("13700.00"), "Đạt mục tiêu", True)


def test_a_year_without_a_value_has_no_figure_but_carries_into_the_next(org, plan, share, record):
    record(share, org.units.a, 4, "90")
    record(share, org.units.b, 4, "80")
    assert rollup(plan, 2027)[0].figure is None  # last year's figure is none of this year's
    record(share, org.units.a, 1, "96", year=2027)
    [row] = rollup(plan, 2027)
    assert (row.value, row.quarter, row.status) == (Decimal("88.00"), 1, "Chưa đủ số liệu (1/2 đơn vị)")
    assert [(c.year, c.quarter) for c in row.figure.carried] == [(2026, 4)]


def test_a_figure_is_taken_as_at_a_quarter(org, plan, share, record):
    record(share, org.units.a, 1, "80")
    record(share, org.units.a, 3, "90")
    [row] = rollup(plan, 2026, quarter=2)
    assert (row.value, row.quarter, row.complete) == (Decimal("80.00"), 1, True)
    assert list(row.quarters) == [1]
