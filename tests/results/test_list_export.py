"""The results list: a search typed with or without accents, and its Excel export
holding exactly the entries the page shows for the same filter, within what the
account may see."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.results.conftest import pdf
from thidua.results import services

pytestmark = pytest.mark.django_db


def _titles_on_page(response) -> list[str]:
    return [entry.title for entry in response.context["page_obj"]]


def _titles_in_export(response) -> list[str]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def entries(org, make_entry):
    made = [
        make_entry(title="Số hóa hồ sơ lý lịch", files=[pdf()]),
        make_entry(title="Tuyên truyền pháp luật ở xã", quantity=12, quantity_unit="buổi"),
        make_entry(title='=HYPERLINK("http://x")'),
        make_entry(person="staff_b", title="Trợ giúp pháp lý lưu động"),
    ]
    for entry in made:
        services.submit_result(actor=entry.created_by, entry=entry)
    return made


def test_the_list_finds_a_result_typed_without_accents(org, client_for, entries):
    response = client_for(org.users.officer).get(reverse("results_list"), {"q": "so hoa"})
    assert _titles_on_page(response) == ["Số hóa hồ sơ lý lịch"]
    by_person = client_for(org.users.officer).get(reverse("results_list"), {"q": "trieu thi mai"})
    assert _titles_on_page(by_person) == ["Trợ giúp pháp lý lưu động"]


@pytest.mark.parametrize("query", [{}, {"q": "phap luat"}, {"state": "submitted", "year": "2026"}])
def test_the_export_holds_the_rows_of_the_page(org, client_for, entries, query):
    client = client_for(org.users.officer)
    page = client.get(reverse("results_list"), query)
    export = client.get(reverse("results_list_xlsx"), query)
    assert export.status_code == 200 and export["Content-Disposition"].startswith("attachment")
    assert _titles_on_page(page) and _titles_in_export(export) == _titles_on_page(page)
    assert 'data-testid="list-export"' in page.content.decode()


def test_the_export_keeps_another_units_results_out_and_formulas_as_text(org, client_for, entries):
    export = client_for(org.users.head_a).get(reverse("results_list_xlsx"))
    titles = _titles_in_export(export)
    assert "Trợ giúp pháp lý lưu động" not in titles and "Số hóa hồ sơ lý lịch" in titles
    sheet = load_workbook(io.BytesIO(export.content)).active
    formula = next(row[2] for row in sheet.iter_rows(min_row=2) if str(row[2].value).startswith("="))
    assert formula.data_type == "s"


def test_the_export_runs_a_fixed_number_of_queries(org, client_for, make_entry, entries):
    client, url = client_for(org.users.officer), reverse("results_list_xlsx")
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(5):
        services.submit_result(actor=org.users.staff_a, entry=make_entry(title=f"Thêm {n}", files=[pdf()]))
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(_titles_in_export(response)) == 9
    assert len(after.captured_queries) == len(before.captured_queries)
