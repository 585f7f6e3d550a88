"""The status board opens on the next period due, searches units without accents, and
its Excel export holds exactly the rows the page shows for the same filter."""

import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import PersonFactory, UnitFactory
from tests.reports.conftest import DUE, at
from thidua.reports import services
from thidua.reports.enums import PeriodKind

pytestmark = pytest.mark.django_db

BEFORE_DUE = at(DUE - datetime.timedelta(days=10))


def _units_on_page(response) -> list[str]:
    return [row.unit.name for row in response.context["page_obj"]]


def _units_in_export(response) -> list[str]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def two_periods(org, plan, period):
    """The annual period due 30/11/2026 and a six-monthly one due 30/06/2026."""
    earlier = services.create_period(
        plan=plan, kind=PeriodKind.SIX_MONTHLY, year=2026, due_date=datetime.date(2026, 6, 30), actor=org.users.officer
    )
    return earlier, period


def test_the_board_opens_on_the_next_period_due(org, client_for, two_periods):
    earlier, annual = two_periods
    client = client_for(org.users.officer)
    with time_machine.travel(at(datetime.date(2026, 6, 1)), tick=False):
        assert client.get(reverse("report_status_board")).context["chosen"]["period"] == str(earlier.pk)
    with time_machine.travel(at(datetime.date(2026, 7, 1)), tick=False):
        response = client.get(reverse("report_status_board"))
        assert response.context["chosen"]["period"] == str(annual.pk)
        assert {row.period_id for row in response.context["page_obj"]} == {annual.pk}
        every = client.get(reverse("report_status_board") + "?ky=")
        assert {row.period_id for row in every.context["page_obj"]} == {earlier.pk, annual.pk}
    with time_machine.travel(at(DUE + datetime.timedelta(days=1)), tick=False):
        assert client.get(reverse("report_status_board")).context["chosen"]["period"] == ""


def test_the_board_searches_units_without_accents(org, client_for, period):
    with time_machine.travel(BEFORE_DUE, tick=False):
        response = client_for(org.users.officer).get(reverse("report_status_board") + "?q=pho bien")
    assert _units_on_page(response) == [org.units.a.name]


@pytest.mark.parametrize("query", ["", "?ky=", "?q=tro giup", "?ky=&trang-thai=draft&qua-han=1"])
def test_the_export_holds_the_rows_of_the_page(org, client_for, two_periods, query):
    client = client_for(org.users.officer)
    with time_machine.travel(at(datetime.date(2026, 7, 5)), tick=False):
        page = client.get(reverse("report_status_board") + query)
        export = client.get(reverse("report_status_board_xlsx") + query)
    assert export.status_code == 200 and export["Content-Disposition"].startswith("attachment")
    assert _units_on_page(page) and _units_in_export(export) == _units_on_page(page)
    assert f'href="{reverse("report_status_board_xlsx")}?ky=' in page.content.decode()


def test_a_unit_head_exports_only_their_unit_and_staff_cannot(org, client_for, period):
    with time_machine.travel(BEFORE_DUE, tick=False):
        export = client_for(org.users.head_b).get(reverse("report_status_board_xlsx"))
        assert _units_in_export(export) == [org.units.b.name]
        assert client_for(org.users.staff_a).get(reverse("report_status_board_xlsx")).status_code == 403


def test_the_export_runs_a_fixed_number_of_queries(org, client_for, period):
    client = client_for(org.users.officer)
    url = reverse("report_status_board_xlsx") + "?ky="
    with time_machine.travel(BEFORE_DUE, tick=False):
        with CaptureQueriesContext(connection) as before:
            client.get(url)
        for n in range(5):
            PersonFactory(unit=UnitFactory(code=f"X{n}", parent=org.units.agency))
        services.create_period(
            plan=period.plan, kind=PeriodKind.AD_HOC, year=2026, due_date=DUE, actor=org.users.officer
        )
        with CaptureQueriesContext(connection) as after:
            response = client.get(url)
    assert len(_units_in_export(response)) > 2
    assert len(after.captured_queries) == len(before.captured_queries)


def test_a_filtered_link_is_not_narrowed_to_the_next_period(org, client_for, two_periods):
    """The home's "overdue" link lists the reports of past periods."""
    earlier, annual = two_periods
    with time_machine.travel(at(datetime.date(2026, 7, 5)), tick=False):
        response = client_for(org.users.officer).get(reverse("report_status_board") + "?qua-han=1")
    assert response.context["chosen"]["period"] == ""
    assert {row.period_id for row in response.context["page_obj"]} == {earlier.pk}
