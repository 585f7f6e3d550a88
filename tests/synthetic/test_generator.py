"""The data generator at department scale: the sizes it promises, Vietnamese names with
their diacritics, the same data for the same seed, a clear refusal the second time,
no activity-log row per generated row, and pages that still work with the data."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from bench.synthetic.generator import generate
from bench.synthetic.management.commands.generate_data import Command as GenerateData
from thidua.commendation.models import AwardRecord, YearlyRating
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.text import fold
from thidua.indicators.models import IndicatorValue
from thidua.initiatives.models import Authorship, Initiative
from thidua.organization.models import Person, Unit, User
from thidua.plans.loading import load_plan
from thidua.registrations.models import PersonRegistration, UnitRegistration
from thidua.reports.models import UnitReport
from thidua.results.models import ResultEntry

pytestmark = pytest.mark.django_db

MODELS = [
    Unit,
    Person,
    User,
    UnitRegistration,
    PersonRegistration,
    ResultEntry,
    IndicatorValue,
    Initiative,
    Authorship,
    YearlyRating,
    AwardRecord,
    UnitReport,
]


def snapshot() -> dict:
    """What a run produced, without database ids: names, codes and counts."""
    return {
        "units": sorted(Unit.objects.filter(code__startswith="GEN-D-").values_list("code", "name", "kind")),
        "people": sorted(
            Person.objects.filter(code__startswith="GEN-D-").values_list(
                "code", "full_name", "gender", "category", "birth_date", "ethnicity"
            )
        ),
        "accounts": sorted(User.objects.filter(username__startswith="gen-d-").values_list("username", flat=True)),
        "initiatives": sorted(Initiative.objects.values_list("title", "state", "scope")),
        "results": sorted(
            ResultEntry.objects.values_list("title", "date", "state", "unit__code", "quantity").order_by(
                "date", "title"
            ),
            key=str,
        ),
        "counts": {model.__name__: model.objects.count() for model in MODELS},
    }


def generated_once(seed: int) -> dict:
    """Generate, read what was made, then undo it: the next run starts from an empty
    database again, as a fresh database would."""
    with transaction.atomic():
        generate("department", seed, stream=io.StringIO())
        found = snapshot()
        transaction.set_rollback(True)
    return found


def test_department_scale_has_the_promised_size():
    summary = generate("department", 2026, stream=io.StringIO())
    assert Unit.objects.filter(code__startswith="GEN-D-").count() == 9  # the agency and its 8 units
    assert Person.objects.filter(code__startswith="GEN-D-", is_demo=True).count() == 100
    assert not Person.objects.exclude(is_demo=True).filter(code__startswith="GEN-").exists()
    assert Initiative.objects.count() == 40
    assert {r.year for r in UnitRegistration.objects.all()} == {2026, 2027, 2028, 2029, 2030}
    assert ResultEntry.objects.count() > 1500
    assert YearlyRating.objects.filter(person__isnull=False).count() == 100 * 5
    assert set(UnitReport.objects.values_list("state", flat=True)) >= {State.ACCEPTED, State.DRAFT}
    assert summary.counts["cán bộ"] == 100
    assert summary.office_username == "gen-d-vanphong"


def test_names_are_vietnamese_with_diacritics():
    generate("department", 2026, stream=io.StringIO())
    names = list(Person.objects.filter(code__startswith="GEN-D-").values_list("full_name", flat=True))
    accented = [n for n in names if fold(n) != n.lower()]
    assert len(accented) > 90  # nearly every Vietnamese name carries a diacritic
    assert any("Đ" in n or "đ" in n for n in names)
    assert all(len(n.split()) >= 3 for n in names)


def test_same_seed_same_data_and_another_seed_other_data():
    first, second = generated_once(2026), generated_once(2026)
    assert first == second
    assert first["counts"]["Person"] == 100
    other = generated_once(7)
    assert other["people"] != first["people"]


def test_a_second_run_refuses_and_adds_nothing():
    call_command(GenerateData(), scale="department", stdout=io.StringIO(), stderr=io.StringIO())
    before = Person.objects.count()
    with pytest.raises(CommandError, match="Đã có dữ liệu sinh quy mô department"):
        call_command(GenerateData(), scale="department", stdout=io.StringIO(), stderr=io.StringIO())
    assert Person.objects.count() == before


def test_one_activity_log_row_for_the_whole_generation():
    load_plan()  # loading the plan logs its own row
    before = ActivityLog.objects.count()
    generate("department", 2026, stream=io.StringIO())
    added = ActivityLog.objects.all()[: ActivityLog.objects.count() - before]
    assert len(added) == 1
    assert "Sinh dữ liệu quy mô department" in added[0].note


def test_command_reports_the_counts_and_shows_progress():
    out, err = io.StringIO(), io.StringIO()
    call_command(GenerateData(), scale="department", seed=3, stdout=out, stderr=err)
    assert "Đã sinh dữ liệu quy mô department (hạt giống 3)" in out.getvalue()
    assert "100 cán bộ" in out.getvalue()
    assert "Đơn vị, cán bộ, tài khoản" in err.getvalue()
    assert "100%" in err.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "people",
        "report_status_board",
        "registration_office_list",
        "results_list",
        "initiative_office",
        "ratings",
        "movement_overview",
        "indicators_overview",
        "unit_tree",
        "proposal_list",
        "award_register",
        "meeting_list",
        "decision_list",
        "eligibility",
    ],
)
def test_pages_render_with_the_generated_data(client, name):
    generate("department", 2026, stream=io.StringIO())
    office = User.objects.get(username="gen-d-vanphong")
    client.force_login(office, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert office.person.full_name in response.content.decode()  # signed in as the generated office


def test_the_office_sees_generated_people_and_finds_them_without_accents(client):
    generate("department", 2026, stream=io.StringIO())
    person = (
        Person.objects.filter(code__startswith="GEN-D-", full_name__contains="Đ").first()
        or Person.objects.filter(code__startswith="GEN-D-").first()
    )
    client.force_login(User.objects.get(username="gen-d-vanphong"), backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("people"), {"q": fold(person.full_name)})
    assert person.full_name in response.content.decode()


def test_the_status_board_lists_generated_units(client):
    generate("department", 2026, stream=io.StringIO())
    client.force_login(User.objects.get(username="gen-d-vanphong"), backend="django.contrib.auth.backends.ModelBackend")
    body = client.get(reverse("report_status_board")).content.decode()
    reporting = Unit.objects.filter(code__startswith="GEN-D-", kind__in=["division", "public_service"])
    assert any(unit.name in body for unit in reporting)


def test_proposals_in_every_state_decided_ones_in_the_register():
    from thidua.council.models import Ballot, MeetingItem, Vote
    from thidua.proposals.enums import STATES
    from thidua.proposals.models import Decision, Proposal

    generate("department", 2026, stream=io.StringIO())
    states = set(Proposal.objects.values_list("state", flat=True))
    # A revocation is a second decision about a past one; the generated year has none.
    assert states == set(STATES) - {State.REVOKED}
    decided = Proposal.objects.filter(state=State.DECIDED)
    assert not decided.filter(award_record__isnull=True).exists()
    assert not decided.filter(decision__isnull=True).exists()
    assert decided.count() == AwardRecord.objects.count()  # every award went through a proposal
    assert Decision.objects.count() < decided.count()  # one decision rewards many
    assert MeetingItem.objects.exists()
    assert Vote.objects.count() == Ballot.objects.count() > 0
    assert not Vote.objects.filter(item__secret=True, member__isnull=False).exists()


def test_the_public_honours_page_shows_published_generated_awards(client):
    from thidua.honours.models import Publication

    generate("department", 2026, stream=io.StringIO())
    assert Publication.objects.filter(is_published=True).exists()
    body = client.get(reverse("honours_home")).content.decode()
    published = Publication.objects.filter(award__person__isnull=False).select_related("award__person").first()
    assert published is not None
    assert "2029" in body
