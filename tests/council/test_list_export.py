"""The council's meeting list: searched by name with or without accents, filtered by
year, and exported to Excel with exactly the meetings the page shows."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.council import services

pytestmark = pytest.mark.django_db


def _on_page(response) -> list[str]:
    return [m.title for m in response.context["page_obj"]]


def _in_export(response) -> list[str]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def meetings(org):
    return [
        services.create_meeting(actor=org.users.officer, title=title, date=date, year=year)
        for title, date, year in (
            ("Phiên họp xét khen thưởng năm 2026", datetime.date(2027, 1, 8), 2026),
            ("Phiên họp xét sáng kiến", datetime.date(2027, 1, 9), 2026),
            ("Phiên họp xét khen thưởng năm 2027", datetime.date(2028, 1, 7), 2027),
        )
    ]


def test_the_list_searches_without_accents_and_filters_by_year(org, client_for, meetings):
    client = client_for(org.users.councillor)
    assert _on_page(client.get(reverse("meeting_list"), {"q": "sang kien"})) == ["Phiên họp xét sáng kiến"]
    assert _on_page(client.get(reverse("meeting_list"), {"nam": "2027"})) == ["Phiên họp xét khen thưởng năm 2027"]


@pytest.mark.parametrize("query", [{}, {"q": "khen thuong"}, {"nam": "2026"}])
def test_the_export_holds_the_rows_of_the_page(org, client_for, meetings, query):
    client = client_for(org.users.officer)
    page = client.get(reverse("meeting_list"), query)
    export = client.get(reverse("meeting_list_xlsx"), query)
    assert export["Content-Disposition"].startswith("attachment")
    assert _on_page(page) and _in_export(export) == _on_page(page)
    assert 'data-testid="list-export"' in page.content.decode()


def test_a_unit_head_cannot_export_the_meetings(org, client_for, meetings):
    assert client_for(org.users.head_b).get(reverse("meeting_list_xlsx")).status_code == 403


def test_the_export_runs_a_fixed_number_of_queries(org, client_for, meetings):
    client, url = client_for(org.users.councillor), reverse("meeting_list_xlsx")
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for day in (10, 11, 12):
        services.create_meeting(actor=org.users.officer, title="Họp", date=datetime.date(2027, 1, day), year=2026)
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(_in_export(response)) == 6
    assert len(after.captured_queries) == len(before.captured_queries)
