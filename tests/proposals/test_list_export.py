"""The proposal list's Excel export holds exactly the proposals the page shows for the
same search, filter and state tab, within what the account may see, in a fixed number
of queries."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.core.codes import State

pytestmark = pytest.mark.django_db


def _on_page(response) -> list[tuple[str, str]]:
    return [(str(p.subject), p.get_award_code_display()) for p in response.context["page_obj"]]


def _in_export(response) -> list[tuple[str, str]]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [(row[1], row[4]) for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def proposals(org, flow):
    return [
        flow.make(State.SUBMITTED),
        flow.make(State.SUBMITTED, org.people.head_a, "LDTT"),
        flow.make(State.DRAFT, org.units.a, "TTLDTT", files=False),
    ]


@pytest.mark.parametrize("query", ["", "?q=dang thi huong", "?state=submitted&year=2026", "?award=LDTT"])
def test_the_export_holds_the_rows_of_the_page(org, client_for, proposals, query):
    client = client_for(org.users.head_a)
    page = client.get(reverse("proposal_list") + query)
    export = client.get(reverse("proposal_list_xlsx") + query)
    assert export.status_code == 200 and export["Content-Disposition"].startswith("attachment")
    assert _on_page(page) and _in_export(export) == _on_page(page)
    assert 'data-testid="list-export"' in page.content.decode()


def test_another_units_head_exports_none_of_them(org, client_for, proposals):
    assert _in_export(client_for(org.users.head_b).get(reverse("proposal_list_xlsx"))) == []


def test_the_export_runs_a_fixed_number_of_queries(org, flow, client_for):
    flow.make(State.SUBMITTED)
    client, url = client_for(org.users.officer), reverse("proposal_list_xlsx") + "?year=2026"
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    flow.make(State.SUBMITTED, org.people.head_a, "LDTT")
    flow.make(State.SUBMITTED, org.units.a, "TTLDTT", files=False)
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(_in_export(response)) == 3
    assert len(after.captured_queries) == len(before.captured_queries)
