"""The council's fixtures: the proposal flow of tests/proposals, and a meeting."""

import pytest

from tests.proposals.conftest import Flow, rate, settle_money
from thidua.plans.loading import load_plan


@pytest.fixture(autouse=True)
def _today_after_the_story(after_the_story):
    """The minutes of these tests are dated January 2027."""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def flow(org):
    load_plan()
    settle_money(org.users.officer)
    for person in (org.people.staff_a, org.people.head_a, org.people.staff_b, org.people.officer, org.people.director):
        rate(person)
    return Flow(org)
