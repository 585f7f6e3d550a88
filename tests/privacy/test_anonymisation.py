"""Anonymising a person who has left: a confirmation page that says what cannot be
undone, then a POST by the office; personal data cleared, the account closed, the
register of awards keeping the name as awarded; once only, audited, and the person gone
from the pickers."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD
from thidua.commendation.models import AwardRecord
from thidua.core.history import save_with_history
from thidua.core.models import ActivityLog
from thidua.honours.models import OutstandingExample, Publication
from thidua.notifications.models import Notice
from thidua.organization.models import Membership, Person
from thidua.privacy.anonymisation import REMOVED
from thidua.proposals.forms import ProposalForm

pytestmark = pytest.mark.django_db
NAME = "Đặng Thị Hương"


def _url(person) -> str:
    return reverse("person_anonymise", args=[person.pk])


def _anonymise(client, person, **data):
    return client.post(_url(person), {"confirm": "on"} | data)


def test_the_confirmation_page_says_what_goes_what_stays_and_that_it_cannot_be_undone(org, client_for):
    body = client_for(org.users.officer).get(_url(org.people.staff_a)).content.decode()
    assert "Việc này không thể hoàn tác." in body
    assert f"Người đã nghỉ việc #{org.people.staff_a.pk}" in body
    assert "Sổ khen thưởng: họ và tên như khi được khen thưởng" in body
    assert 'method="post"' in body


def test_the_office_anonymises_a_person_who_has_left(org, client_for, held):
    person = org.people.staff_a
    response = _anonymise(client_for(org.users.officer), person)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == f"Người đã nghỉ việc #{person.pk}"
    assert (person.code, person.birth_date, person.ethnicity, person.email, person.position) == (
        f"AN-{person.pk}",
        None,
        "",
        "",
        "",
    )
    assert person.is_anonymised
    assert (person.unit, person.gender) == (org.units.a, "female")  # last years' figures stay right


def test_the_account_is_closed_and_scrubbed(org, client_for, held):
    _anonymise(client_for(org.users.officer), org.people.staff_a)
    user = org.people.staff_a.user
    user.refresh_from_db()
    assert (user.username, user.email, user.is_active, user.has_usable_password()) == (
        f"an-danh-{user.pk}",
        "",
        False,
        False,
    )
    assert not user.check_password(PASSWORD)
    visitor = Client()
    visitor.post(reverse("login"), {"username": "chuyenvien", "password": PASSWORD})
    assert "_auth_user_id" not in visitor.session
    assert not Membership.objects.filter(user=user).exists()
    assert not Notice.objects.filter(user=user).exists()


def test_the_register_of_awards_keeps_the_name_as_awarded(org, client_for, held):
    award = held["award"]
    AwardRecord.objects.filter(pk=award.pk).update(recipient_name="")  # an award kept before names were stored
    client = client_for(org.users.officer)
    _anonymise(client, org.people.staff_a)
    award.refresh_from_db()
    assert award.recipient_name == NAME
    register = client.get(reverse("award_register"), {"q": "dang thi huong"})
    assert [row.name for row in register.context["rows"]] == [NAME]
    assert [row["name"] for row in client.get("/api/v1/award-register/").json()["results"]] == [NAME]


def test_the_public_page_no_longer_shows_the_person(org, client_for, held):
    _anonymise(client_for(org.users.officer), org.people.staff_a)
    example = OutstandingExample.objects.get(pk=held["example"].pk)
    assert not example.is_published and example.photo == ""
    assert not Publication.objects.get(award=held["award"]).is_published


def _log_text(obj) -> str:
    return repr([(row.object_repr, row.changes, row.note) for row in ActivityLog.objects.for_object(obj)])


def test_the_log_keeps_what_happened_but_not_the_personal_values(org, client_for, held):
    person = Person.objects.get(pk=org.people.staff_a.pk)
    person.birth_date, person.ethnicity = datetime.date(1990, 3, 8), "Tày"
    save_with_history(person, actor=org.users.officer)  # the log now holds her values
    person.birth_date = datetime.date(1991, 3, 8)
    save_with_history(person, actor=org.users.officer)
    assert "1991-03-08" in _log_text(person) and NAME in _log_text(person)
    client_for(org.users.officer).get(reverse("person_detail", args=[person.pk]))
    _anonymise(client_for(org.users.officer), person)
    text = _log_text(person)
    assert NAME not in text and "1991-03-08" not in text and "Tày" not in text and "huong@stp.example" not in text
    done = ActivityLog.objects.for_object(person).get(action=ActivityLog.Action.ANONYMISED)
    assert done.actor == org.users.officer
    assert done.changes["birth_date"] == [REMOVED, None]
    reads = ActivityLog.objects.for_object(person).filter(action=ActivityLog.Action.VIEWED_PERSONAL)
    assert {row.actor for row in reads} == {org.users.head_a, org.users.officer}  # who read it is still known
    rating = ActivityLog.objects.get(content_type__model="yearlyrating")
    assert rating.object_repr == f"Người đã nghỉ việc #{person.pk} — 2025: HTTNV"
    linked = ActivityLog.objects.filter(object_repr__contains=NAME).values_list("content_type__model", flat=True)
    assert set(linked) <= {"awardrecord", "publication"}  # the register's own rows keep the name


def test_an_anonymised_person_cannot_be_anonymised_twice(org, client_for, held):
    client = client_for(org.users.officer)
    _anonymise(client, org.people.staff_a)
    again = _anonymise(client, org.people.staff_a)
    assert again.status_code == 409
    assert "đã được ẩn danh hóa ngày" in again.content.decode()
    assert ActivityLog.objects.filter(action=ActivityLog.Action.ANONYMISED).count() == 1
    page = client.get(reverse("person_detail", args=[org.people.staff_a.pk])).content.decode()
    assert 'data-testid="anonymised"' in page and "person-anonymise" not in page


def test_without_the_confirmation_box_nothing_changes(org, client_for):
    response = client_for(org.users.officer).post(_url(org.people.staff_a), {})
    assert "Hãy đánh dấu ô xác nhận" in response.content.decode()
    assert Person.objects.get(pk=org.people.staff_a.pk).full_name == NAME


def test_the_office_cannot_anonymise_itself(org, client_for):
    response = _anonymise(client_for(org.users.officer), org.people.officer)
    assert "Không thể tự ẩn danh hóa chính mình" in response.content.decode()
    assert not Person.objects.get(pk=org.people.officer.pk).is_anonymised


@pytest.mark.parametrize("persona", ["staff_a", "head_a", "director"])
def test_only_the_office_anonymises(org, client_for, persona):
    client = client_for(getattr(org.users, persona))
    assert client.get(_url(org.people.staff_a)).status_code == 403
    assert _anonymise(client, org.people.staff_a).status_code == 403
    assert not Person.objects.get(pk=org.people.staff_a.pk).is_anonymised


def test_another_unit_gets_404(org, client_for):
    assert _anonymise(client_for(org.users.head_b), org.people.staff_a).status_code == 404


def test_an_anonymised_person_leaves_the_pickers_and_the_people_list(org, client_for, held):
    client = client_for(org.users.officer)
    _anonymise(client, org.people.staff_a)
    person = Person.objects.get(pk=org.people.staff_a.pk)
    assert person not in ProposalForm(user=org.users.officer).fields["person"].queryset
    assert person not in client_for(org.users.head_a).get(reverse("people")).context["page_obj"]
    office_list = client.get(reverse("people")).content.decode()
    assert person.full_name in office_list and "Đã ẩn danh hóa" in office_list


def test_the_people_list_runs_a_fixed_number_of_queries_with_anonymised_people(org, client_for, held):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import PersonFactory
    from thidua.privacy import anonymisation

    client = client_for(org.users.officer)
    client.get(reverse("people"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("people"))
    for person in PersonFactory.create_batch(5, unit=org.units.a):
        anonymisation.anonymise(actor=org.users.officer, person=person)
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("people"))
    assert len(after.captured_queries) == len(before.captured_queries)


def test_no_new_award_for_an_anonymised_person(org, client_for):
    client = client_for(org.users.officer)
    _anonymise(client, org.people.staff_a)
    url = reverse("award_record_add", args=["ca-nhan", org.people.staff_a.pk])
    response = client.post(url, {"code": "LDTT", "year": 2026, "kind": "cong_trang"})
    assert "không ghi thêm khen thưởng mới" in response.content.decode()
    assert not AwardRecord.objects.filter(person=org.people.staff_a).exists()


def test_the_migration_fills_the_names_of_existing_awards(org, held):
    award = held["award"]
    AwardRecord.objects.filter(pk=award.pk).update(recipient_name="")
    migration = importlib.import_module("thidua.commendation.migrations.0004_award_recipient_name")
    migration.fill_names(apps, None)
    award.refresh_from_db()
    assert award.recipient_name == NAME


def test_an_award_keeps_the_name_it_was_given_in(org, held):
    person = Person.objects.get(pk=org.people.staff_a.pk)
    person.full_name = "Đặng Thị Hương Lan"
    person.save()
    assert AwardRecord.objects.get(pk=held["award"].pk).recipient == NAME
    assert held["award"].decision_date == datetime.date(2026, 1, 20)


@pytest.fixture
def back_to_vietnamese():
    """A request in English leaves English active in this thread: later tests expect Vietnamese."""
    yield
    translation.activate("vi")


def test_the_personal_data_pages_in_english(org, client_for, back_to_vietnamese):
    client = client_for(org.users.officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("person_detail", args=[org.people.staff_a.pk])).content.decode()
    assert "Download all personal data (.zip)" in page and "Who has viewed the personal details" in page
    confirm = client.get(_url(org.people.staff_a)).content.decode()
    assert "Anonymise a staff member who has left" in confirm and "This cannot be undone." in confirm
    assert "I understand that anonymisation cannot be undone." in confirm
    refused = client.post(_url(org.people.staff_a), {}).content.decode()
    assert "Tick the confirmation box to anonymise" in refused
    staff = client_for(org.users.staff_a)
    staff.post(reverse("set_language"), {"language": "en", "next": "/"})
    hidden = staff.get(reverse("person_detail", args=[org.people.head_a.pk])).content.decode()
    assert "Gender, date of birth and ethnicity are shown only to the staff member" in hidden
