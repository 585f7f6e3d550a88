"""The list of decisions: search by number or summary (with or without accents), the
year, the same rows in its Excel file, a fixed number of queries, and only what the
account may read."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.proposals.conftest import DECIDED_ON
from thidua.core.codes import State
from thidua.proposals import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def decisions(org, flow):
    first = flow.make(State.APPROVED, org.people.head_a, "GK", files=False)
    flow.attach_needed(first, "to_trinh")
    one = services.issue_decision(actor=org.users.director, proposals=[first], date=DECIDED_ON)
    second = flow.make(State.APPROVED, org.people.staff_b, "GK", actor=org.users.head_b, files=False)
    flow.attach_needed(second, "to_trinh")
    two = services.issue_decision(
        actor=org.users.director, proposals=[second], date=DECIDED_ON, summary="Về việc khen thưởng đột xuất"
    )
    return one, two


def _rows(response) -> list[str]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_search_finds_a_summary_typed_without_accents_and_the_excel_has_the_same_rows(org, decisions, client_for):
    client = client_for(org.users.officer)
    page = client.get("/quyet-dinh-khen-thuong/?q=dot+xuat").content.decode()
    assert page.count('data-testid="decision-row"') == 1 and decisions[1].number_symbol in page
    excel = client.get("/quyet-dinh-khen-thuong/quyet-dinh-khen-thuong.xlsx?q=dot+xuat")
    assert _rows(excel) == [decisions[1].number_symbol]
    everything = client.get("/quyet-dinh-khen-thuong/quyet-dinh-khen-thuong.xlsx")
    assert sorted(_rows(everything)) == sorted(d.number_symbol for d in decisions)


def test_a_bad_year_is_set_aside_with_a_message(org, decisions, client_for):
    response = client_for(org.users.officer).get("/quyet-dinh-khen-thuong/?year=hai-nghin")
    assert response.status_code == 200 and "Tham số year phải là một năm" in response.content.decode()


def test_a_unit_head_sees_only_the_decisions_of_the_unit(org, decisions, client_for):
    rows = _rows(client_for(org.users.head_b).get("/quyet-dinh-khen-thuong/quyet-dinh-khen-thuong.xlsx"))
    assert rows == [decisions[1].number_symbol]
    assert client_for(org.users.staff_a).get("/quyet-dinh-khen-thuong/quyet-dinh-khen-thuong.xlsx").status_code == 403


def test_the_list_costs_the_same_for_one_or_two_decisions(org, decisions, client_for):
    client = client_for(org.users.officer)
    with CaptureQueriesContext(connection) as two:
        client.get("/quyet-dinh-khen-thuong/")
    with CaptureQueriesContext(connection) as one:
        client.get("/quyet-dinh-khen-thuong/?q=dot+xuat")
    assert len(one) == len(two)
