"""The office's view of the movement and each person's record."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory
from thidua.core.codes import State
from thidua.plans.loading import load_plan
from thidua.results import services as results

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return load_plan()[0]


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel("2026-11-20 10:00 +07:00", tick=False):
        yield


def _record(org, plan, *, person=None, unit=None, day=datetime.date(2026, 11, 5)):
    """Recorded and submitted by whom the rules allow: the person's own account, the
    head of unit A for its unit, the system (None) for a unit made up by the test."""
    unit = unit or org.units.a
    author = person.user if person is not None else (org.users.head_a if unit == org.units.a else None)
    entry = results.record_result(
        actor=author,
        plan=plan,
        unit=unit,
        person=person,
        content_area=plan.content_areas.first(),
        title="Cấp phiếu lý lịch tư pháp trực tuyến",
        description="Chuyển toàn bộ hồ sơ lên cổng dịch vụ công.",
        date=day,
    )
    entry = results.submit_result(actor=author, entry=entry)
    if entry.state == State.SUBMITTED:  # a person's entry: confirmed by the unit's head
        results.confirm_result(actor=org.users.head_a, entry=entry)
    return entry


@pytest.mark.parametrize("persona", ["officer", "director", "councillor"])
def test_overseers_open_the_overview(org, plan, client_for, persona):
    response = client_for(getattr(org.users, persona)).get(reverse("movement_overview"))
    assert response.status_code == 200
    assert "Tổng quan phong trào năm 2026" in response.content.decode()


@pytest.mark.parametrize("persona", ["head_a", "staff_a"])
def test_units_do_not_open_the_overview(org, plan, client_for, persona):
    assert client_for(getattr(org.users, persona)).get(reverse("movement_overview")).status_code == 403


def test_counts_and_charts_follow_what_is_recorded(org, plan, client_for):
    client = client_for(org.users.officer)
    before = client.get(reverse("movement_overview")).context
    assert before["results_total"] == 0
    assert org.units.a in before["silent_units"]
    _record(org, plan)
    after = client.get(reverse("movement_overview"))
    assert after.context["results_total"] == 1
    assert org.units.a not in after.context["silent_units"]
    bars = {bar.label: bar.value for bar in after.context["results_chart"].bars}
    area = plan.content_areas.first()
    assert bars == {f"{area.number}. {area.short_title}": 1}
    assert f'data-label="{area.number}. {area.short_title}" data-value="1"' in after.content.decode()


def test_a_result_of_last_quarter_leaves_the_unit_silent_this_quarter(org, plan, client_for):
    _record(org, plan, day=datetime.date(2026, 8, 1))
    silent = client_for(org.users.officer).get(reverse("movement_overview")).context["silent_units"]
    assert org.units.a in silent


def test_overview_query_count_does_not_grow_with_units(org, plan, client_for):
    client = client_for(org.users.officer)
    client.get(reverse("movement_overview"))
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("movement_overview"))
    for n in range(5):
        unit = UnitFactory(code=f"X{n}", parent=org.units.agency)
        PersonFactory(unit=unit)
        _record(org, plan, unit=unit)
    with CaptureQueriesContext(connection) as second:
        client.get(reverse("movement_overview"))
    assert len(second.captured_queries) == len(first.captured_queries)


def test_my_record_shows_my_results_and_not_others(org, plan, client_for):
    _record(org, plan, person=org.people.staff_a)
    body = client_for(org.users.staff_a).get(reverse("my_record")).content.decode()
    assert "Cấp phiếu lý lịch tư pháp trực tuyến" in body
    other = client_for(org.users.head_b).get(reverse("my_record")).content.decode()
    assert "Cấp phiếu lý lịch tư pháp trực tuyến" not in other


def test_unit_head_sees_the_units_record(org, plan, client_for):
    _record(org, plan)
    body = client_for(org.users.head_a).get(reverse("my_record")).content.decode()
    assert "Kết quả của đơn vị" in body
    assert "Cấp phiếu lý lịch tư pháp trực tuyến" in body


def test_my_record_query_count_does_not_grow(org, plan, client_for):
    client = client_for(org.users.head_a)
    _record(org, plan, person=org.people.head_a)
    client.get(reverse("my_record"))
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("my_record"))
    for _ in range(5):
        _record(org, plan, person=org.people.head_a)
        _record(org, plan)
    with CaptureQueriesContext(connection) as second:
        client.get(reverse("my_record"))
    assert len(second.captured_queries) == len(first.captured_queries)


def test_a_result_dated_in_the_future_is_refused(org, plan):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        _record(org, plan, day=datetime.date(2026, 12, 24))
    assert "chưa tới" in error.value.message_dict["date"][0]


def test_a_future_year_lists_no_silent_units(org, plan, client_for):
    response = client_for(org.users.officer).get(reverse("movement_overview"), {"nam": 2027})
    assert response.context["silent_units"] is None
    assert "Năm 2027 chưa bắt đầu" in response.content.decode()


def test_initiative_counts_agree_between_chart_and_table(org, plan, client_for):
    from thidua.initiatives import services as initiatives
    from thidua.initiatives.services import AuthorShare

    data = {
        "title": "Họp không giấy tờ",
        "unit": org.units.a,
        "content_area": plan.content_areas.first(),
        "tags": "chuyen_doi_so",
        "problem": "Tốn giấy",
        "solution": "Dùng máy tính bảng",
        "novelty": "Mới",
        "applied_where": "Phòng họp",
        "applied_since": datetime.date(2026, 3, 1),
    }
    initiative = initiatives.create_initiative(
        actor=org.users.head_a, data=data, authors=[AuthorShare(person=org.people.head_a, share=100)]
    )
    initiatives.submit(actor=org.users.head_a, initiative=initiative)
    context = client_for(org.users.officer).get(reverse("movement_overview")).context
    chart_total = sum(bar.value for bar in context["initiatives_chart"].bars)
    table_total = sum(row["initiatives"] for row in context["per_unit"])
    assert chart_total == table_total == 1
    assert (
        client_for(org.users.officer).get(reverse("movement_overview"), {"nam": 2027}).context["initiatives_chart"].bars
        == []
    )
