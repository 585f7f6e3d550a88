"""The statistics of awards across the years: the table's figures, who reads which
units (a unit head of another unit sees nothing of unit A), bad filters refused with a
Vietnamese 400, a fixed number of queries, and the page, the Excel file and the API
giving the same figures."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.factories import PersonFactory, UnitFactory
from tests.proposals.conftest import settle_money
from tests.spreadsheets import HOSTILE, assert_kept_as_text
from thidua.commendation import services as records
from thidua.proposals import statistics

pytestmark = pytest.mark.django_db
DECIDED = datetime.date(2027, 1, 15)
PAGE = "/thong-ke/khen-thuong/"
XLSX = "/thong-ke/khen-thuong/thong-ke-khen-thuong.xlsx"
API = "/api/v1/statistics/awards/"


def _award(subject, code="LDTT", year=2026, number="01/QĐ-STP"):
    return records.record_award(
        actor=None,
        subject=subject,
        code=code,
        year=year,
        decision_number=number,
        decision_date=DECIDED,
        issuer="Giám đốc Sở Tư pháp",
    )


@pytest.fixture
def awards(org, plan):
    _award(org.people.staff_a)
    _award(org.people.head_a, "CSTDCS")
    _award(org.people.staff_a, year=2025)
    _award(org.people.staff_b)
    _award(org.units.a, "TTLDTT")


def _rows(page: str) -> list[str]:
    """Each row of the table as its cells' text joined by '|'."""
    rows = []
    for chunk in page.split('data-testid="statistics-')[1:]:
        if not chunk.startswith(("row", "total")):
            continue
        body = chunk.split("</tr>")[0]
        cells = [cell.split("</td>")[0] for cell in body.split("<td")[1:]]
        rows.append("|".join(cell.split(">", 1)[1].split("<")[0].strip() for cell in cells))
    return rows


def _table(user, **filters):
    return statistics.table(user, statistics.Filters(**filters))


def test_the_table_counts_each_unit_s_year_with_its_total(org, awards):
    data = _table(org.users.officer)
    # titles before forms, by name; the collective's title after the persons' in the catalogue's order
    assert {column.name for column in data.columns} == {
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
        "Tập thể lao động tiên tiến",
    }
    assert [block.year for block in data.years] == [2025, 2026]
    year_2026 = data.years[1]
    by_unit = {row.unit: row for row in year_2026.rows}
    assert set(by_unit) == {org.units.a.name, org.units.b.name}
    unit_a = by_unit[org.units.a.name]
    assert unit_a.awards == 3 and unit_a.people_awarded == 2  # the collective's award is no person
    assert unit_a.staff == 2 and unit_a.share == 100
    assert by_unit[org.units.b.name].share == 50  # 1 of 2 people of unit B now
    total = year_2026.total
    assert total.awards == 4 and total.people_awarded == 3
    assert total.staff == 7  # everyone of the agency now
    assert total.counts == [sum(row.counts[i] for row in year_2026.rows) for i in range(len(data.columns))]


def test_cash_is_the_register_s_amount_and_a_missing_amount_is_counted_apart(org, awards):
    assert _table(org.users.officer).years[1].total.cash_known is None  # no base salary yet: nothing known
    settle_money(org.users.officer)
    total = _table(org.users.officer).years[1].total
    # LĐTT 0,3 × 2.340.000 twice, CSTĐCS 1,0 ×, TTLĐTT 0,8 ×
    assert total.cash_known == 702000 * 2 + 2340000 + 1872000
    assert total.unpriced == 0


def test_filters_narrow_by_years_unit_and_award(org, awards):
    officer = org.users.officer
    assert [b.year for b in _table(officer, from_year=2026).years] == [2026]
    assert [b.year for b in _table(officer, to_year=2025).years] == [2025]
    only_b = _table(officer, unit=org.units.b.pk)
    assert [row.unit for block in only_b.years for row in block.rows] == [org.units.b.name]
    assert only_b.years[0].total.staff == 2  # the total divides by the chosen unit's staff
    titles = _table(officer, award="CSTDCS")
    assert [c.name for c in titles.columns] == ["Chiến sĩ thi đua cơ sở"]


def test_the_page_shows_names_the_total_and_what_the_share_divides(org, awards, client_for):
    page = client_for(org.users.officer).get(PAGE).content.decode()
    assert "Chiến sĩ thi đua cơ sở" in page and ">CSTDCS<" not in page
    assert "so với số cán bộ hiện nay" in page
    assert "Cộng năm 2026" in page
    assert page.count('data-testid="chart"') == 2
    assert 'style="' not in page.split("<main", 1)[-1]  # the Content Security Policy forbids inline styles


def test_the_director_reads_the_whole_agency(org, awards, client_for):
    rows = _rows(client_for(org.users.director).get(PAGE).content.decode())
    assert {row.split("|")[1] for row in rows} == {
        org.units.a.name,
        org.units.b.name,
        "Cộng năm 2025",
        "Cộng năm 2026",
    }


def test_staff_may_not_read_the_statistics(org, awards, client_for):
    client = client_for(org.users.staff_a)
    assert client.get(PAGE).status_code == 403
    assert client.get(XLSX).status_code == 403
    assert client.get(API).status_code == 403


def test_a_unit_head_of_another_unit_sees_nothing_of_unit_a(org, awards, client_for):
    client = client_for(org.users.head_b)
    page = client.get(PAGE).content.decode()
    assert org.units.a.name not in _rows(page).__str__()
    assert [row.split("|")[1] for row in _rows(page)] == [org.units.b.name, "Cộng năm 2026"]
    for address in (PAGE, XLSX):
        refused = client.get(f"{address}?unit={org.units.a.pk}")
        assert refused.status_code == 400
        assert "đơn vị bạn được xem thống kê" in refused.content.decode()
    assert client.get(f"{API}?unit={org.units.a.pk}").status_code == 400
    rows = client.get(API).json()["rows"]
    assert {row["unit"] for row in rows} == {org.units.b.name, None}
    sheet = load_workbook(io.BytesIO(client.get(XLSX).content)).active
    assert org.units.a.name not in [row[1] for row in sheet.iter_rows(values_only=True)]


def test_the_head_of_unit_a_reads_unit_a_only(org, awards, client_for):
    rows = _rows(client_for(org.users.head_a).get(PAGE).content.decode())
    assert {row.split("|")[1] for row in rows} == {org.units.a.name, "Cộng năm 2025", "Cộng năm 2026"}


@pytest.mark.parametrize(
    "query, named",
    [
        ("from_year=abc", "from_year"),
        ("to_year=1999", "to_year"),
        ("from_year=2027&to_year=2026", "Đến năm"),
        ("to_year=2025&unit=99999999999999999999999", "unit"),
        ("to_year=2025&award=XYZ", "award"),
    ],
)
def test_a_bad_filter_is_a_vietnamese_400_that_keeps_what_was_typed(org, awards, client_for, query, named):
    client = client_for(org.users.officer)
    response = client.get(f"{PAGE}?{query}")
    page = response.content.decode()
    assert response.status_code == 400
    assert named in page and 'data-testid="bad-request"' in page
    typed = query.split("&")[0].split("=")[1]
    assert f'value="{typed}"' in page  # the year fields keep what was typed
    api = client.get(f"{API}?{query}")
    assert api.status_code == 400 and api.json()


def _units_awarded(org, first: int, last: int, years: range) -> None:
    for index in range(first, last):
        unit = UnitFactory(code=f"DV{index}", name=f"Đơn vị {index}", parent=org.units.agency, order=10 + index)
        person = PersonFactory(full_name=f"Cán bộ {index}", unit=unit)
        for year in years:
            _award(person, year=year, number=f"{year}/QĐ")
            _award(unit, "TTLDTT", year=year, number=f"{year}/QĐ-TT")


def test_the_page_costs_the_same_for_two_or_ten_years_and_units(org, plan, client_for):
    client = client_for(org.users.officer)
    settle_money(org.users.officer)
    _units_awarded(org, 0, 2, range(2024, 2026))
    with CaptureQueriesContext(connection) as few:
        assert len(_rows(client.get(PAGE).content.decode())) == 2 * 2 + 2
    _units_awarded(org, 2, 10, range(2016, 2026))
    with CaptureQueriesContext(connection) as many:
        assert len(_rows(client.get(PAGE).content.decode())) == 8 * 10 + 2 * 2 + 10
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_page_the_excel_file_and_the_api_agree(org, awards, client_for):
    settle_money(org.users.officer)
    client = client_for(org.users.officer)
    page_rows = _rows(client.get(PAGE).content.decode())
    sheet = load_workbook(io.BytesIO(client.get(XLSX).content)).active
    sheet_rows = list(sheet.iter_rows(values_only=True))
    api = client.get(API).json()
    columns = [column["name"] for column in api["columns"]]
    assert list(sheet_rows[0][2 : 2 + len(columns)]) == columns
    assert len(page_rows) == len(sheet_rows) - 1 == len(api["rows"])
    for shown, written, served in zip(page_rows, sheet_rows[1:], api["rows"], strict=True):
        cells = shown.split("|")
        assert int(cells[0]) == written[0] == served["year"]
        assert cells[1] == written[1] == (served["unit"] or f"Cộng năm {served['year']}")
        counts = [int(cell) for cell in cells[2 : 2 + len(columns)]]
        assert counts == list(written[2 : 2 + len(columns)]) == served["counts"]
        width = len(columns)
        assert written[2 + width] == served["awards"] == int(cells[2 + width])
        assert written[3 + width] == served["cash"] and cells[3 + width] == f"{served['cash']:,}".replace(",", ".")
        assert written[5 + width] == served["people_awarded"] == int(cells[4 + width])
        assert written[6 + width] == served["staff"] == int(cells[5 + width])


def test_the_register_and_the_navigation_link_to_the_statistics(org, awards, client_for):
    assert PAGE in client_for(org.users.officer).get("/so-khen-thuong/").content.decode()
    assert PAGE not in client_for(org.users.staff_a).get("/so-khen-thuong/").content.decode()


def test_a_unit_name_typed_as_a_formula_is_exported_as_text(org, awards, client_for):
    org.units.b.name = HOSTILE
    org.units.b.save()
    response = client_for(org.users.officer).get(XLSX)
    assert_kept_as_text(response.content, HOSTILE)
