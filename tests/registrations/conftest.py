"""The registration tests live in May 2026, inside the window the office opened for
01/05/2026–31/05/2026, with the real plan loaded over the persona department."""

import datetime

import pytest
import time_machine

from thidua.core.codes import EmulationTitle
from thidua.plans.loading import load_plan
from thidua.registrations import services

IN_WINDOW = "2026-05-15 09:00 +07:00"


@pytest.fixture(autouse=True)
def may_2026():
    with time_machine.travel(IN_WINDOW):
        yield


@pytest.fixture
def plan(org):
    return load_plan()[0]


@pytest.fixture
def window(plan, org):
    return services.set_window(
        plan=plan,
        year=2026,
        opens_on=datetime.date(2026, 5, 1),
        closes_on=datetime.date(2026, 5, 31),
        actor=org.users.officer,
    )


@pytest.fixture
def areas(plan):
    return list(plan.content_areas.all())


def commitments_for(areas, skip: str | None = None) -> dict[int, str]:
    return {a.pk: f"Cam kết của đơn vị ở nội dung {a.number}" for a in areas if a.number != skip}


@pytest.fixture
def draft(plan, org, areas, window):
    """Unit A's complete draft: a title, all five commitments, and staff_a's own row."""
    registration = services.open_registration(plan=plan, year=2026, unit=org.units.a, actor=org.users.head_a)
    services.save_unit_registration(
        registration=registration,
        title=EmulationTitle.TTLDXS,
        commitments=commitments_for(areas),
        actor=org.users.head_a,
    )
    services.save_person_registration(
        registration=registration,
        person=org.people.staff_a,
        title=EmulationTitle.LDTT,
        commitments="Hoàn thành tốt nhiệm vụ",
        actor=org.users.staff_a,
    )
    return registration


@pytest.fixture
def submitted(draft, org):
    return services.submit_registration(registration=draft, actor=org.users.head_a)


@pytest.fixture
def unit_b_draft(plan, org, areas, window):
    registration = services.open_registration(plan=plan, year=2026, unit=org.units.b, actor=org.users.head_b)
    services.save_unit_registration(
        registration=registration,
        title=EmulationTitle.TTLDTT,
        commitments=commitments_for(areas),
        actor=org.users.head_b,
    )
    return registration
