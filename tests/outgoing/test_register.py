"""The register as the văn thư keeps it: numbers given outside the system, the next
number, a number chosen by hand, the dates checked against the register, and the pages
(who sees them, what they refuse, what they cost in queries)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory, account
from thidua.core.models import ActivityLog
from thidua.organization.enums import Role, UnitKind
from thidua.outgoing.models import DocumentType, IssuedNumber, NumberCounter
from thidua.outgoing.numbering import issue_number, next_number, record_outside, set_next

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mid_june():
    """Today is 15/06/2026 in every test: the dates below are in the past or the future
    on purpose."""
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0, tzinfo=datetime.UTC), tick=False):
        yield


QD = DocumentType.QD


def day(month: int, d: int) -> datetime.date:
    return datetime.date(2026, month, d)


def issue(agency, on, number=None, doc_type=QD):
    return issue_number(
        doc_type=doc_type, on=on, agency=agency, actor=None, subject="Về việc khen thưởng", number=number
    )


def outside(agency, number, on, doc_type=QD, actor=None):
    return record_outside(
        actor=actor, agency=agency, doc_type=doc_type, number=number, on=on, subject="Quyết định ký trên sổ giấy"
    )


def message(error) -> str:
    return " ".join(m for messages in error.value.message_dict.values() for m in messages)


def test_a_number_given_outside_the_system_is_never_given_again(org):
    agency = org.units.agency
    recorded = outside(agency, 7, day(3, 1), actor=org.users.officer)
    assert (recorded.number_symbol, recorded.outside, recorded.document_date) == ("07/QĐ-STP", True, day(3, 1))
    assert next_number(agency, QD, 2026) == 8
    assert issue(agency, day(3, 2)) == "08/QĐ-STP"
    assert ActivityLog.objects.for_object(recorded).get().actor == org.users.officer


def test_the_next_number_can_be_moved_on_but_never_below_the_register(org):
    agency = org.units.agency
    issue(agency, day(2, 1))
    issue(agency, day(2, 2))
    counter = set_next(actor=org.users.officer, agency=agency, doc_type=QD, year=2026, next_number_=15)
    assert counter.last == 14
    assert ActivityLog.objects.for_object(counter).get().changes == {"last": [2, 14]}
    assert issue(agency, day(2, 3)) == "15/QĐ-STP"
    with pytest.raises(ValidationError) as error:
        set_next(actor=None, agency=agency, doc_type=QD, year=2026, next_number_=10)
    assert "không được nhỏ hơn 16" in message(error)


def test_a_chosen_number_already_in_the_register_is_refused_with_the_next_free_one(org):
    agency = org.units.agency
    issue(agency, day(1, 5))
    with pytest.raises(ValidationError) as error:
        issue(agency, day(1, 6), number=1)
    assert list(error.value.message_dict) == ["number"]
    assert message(error) == (
        "Số 01/QĐ-STP đã có trong sổ văn bản đi (ngày 05/01/2026, «Về việc khen thưởng»). "
        "Mỗi số chỉ cấp một lần; số tiếp theo còn trống là 02."
    )
    with pytest.raises(ValidationError):
        outside(agency, 1, day(1, 6))
    assert IssuedNumber.objects.count() == 1


def test_a_free_chosen_number_is_issued_and_the_counter_follows(org):
    agency = org.units.agency
    assert issue(agency, day(1, 5), number=4) == "04/QĐ-STP"
    assert NumberCounter.objects.get(doc_type=QD).last == 4
    assert issue(agency, day(1, 6)) == "05/QĐ-STP"


def test_a_date_in_the_future_is_refused(org):
    with pytest.raises(ValidationError) as error:
        issue(org.units.agency, day(6, 16))
    assert message(error) == "Ngày ban hành 16/06/2026 là ngày trong tương lai. Hãy nhập ngày ký văn bản."
    assert not IssuedNumber.objects.exists()
    assert not NumberCounter.objects.filter(last__gt=0).exists()


def test_a_date_before_the_last_document_of_the_type_that_year_is_refused(org):
    agency = org.units.agency
    issue(agency, day(5, 20))
    with pytest.raises(ValidationError) as error:
        issue(agency, day(5, 19))
    assert "trước ngày của văn bản 01/QĐ-STP (20/05/2026)" in message(error)
    assert issue(agency, day(5, 20)) == "02/QĐ-STP"  # the same day is in order
    assert issue(agency, day(5, 19), doc_type=DocumentType.BC) == "01/BC-STP"  # another type counts apart


def test_a_lower_number_filled_in_later_must_not_be_dated_after_a_higher_one(org):
    agency = org.units.agency
    outside(agency, 5, day(4, 10))
    with pytest.raises(ValidationError) as error:
        outside(agency, 3, day(4, 11))
    assert "sau ngày của văn bản số lớn hơn 05/QĐ-STP (10/04/2026)" in message(error)
    assert outside(agency, 3, day(4, 9)).number_symbol == "03/QĐ-STP"


def test_lines_without_a_date_are_not_compared(org):
    agency = org.units.agency
    IssuedNumber.objects.create(
        agency=agency, doc_type=QD, year=2026, number=1, number_symbol="01/QĐ-STP", subject="cũ"
    )
    NumberCounter.objects.create(agency=agency, doc_type=QD, year=2026, last=1)
    assert issue(agency, day(1, 2)) == "02/QĐ-STP"


# --- pages ---------------------------------------------------------------------------------
def test_the_office_records_an_outside_number_on_the_page(org, client_for):
    client = client_for(org.users.officer)
    data = {"doc_type": QD, "number": 12, "date": "01/03/2026", "subject": "Quyết định khen thưởng đột xuất"}
    response = client.post(reverse("outgoing_record_outside"), data)
    assert response.status_code == 302
    assert IssuedNumber.objects.get().number_symbol == "12/QĐ-STP"
    again = client.post(reverse("outgoing_record_outside"), data)
    assert again.status_code == 400
    assert "Số 12/QĐ-STP đã có trong sổ văn bản đi" in again.content.decode()
    assert 'value="Quyết định khen thưởng đột xuất"' in again.content.decode()  # nothing typed is lost


def test_the_office_sets_the_next_number_on_the_page(org, client_for):
    client = client_for(org.users.officer)
    response = client.post(reverse("outgoing_set_next"), {"doc_type": QD, "year": 2026, "number": 30})
    assert response.status_code == 302
    page = client.get(reverse("outgoing_register"))
    assert "30/QĐ-STP" in page.content.decode()


def test_the_register_is_for_the_office_and_the_director(org, client_for):
    assert client_for(org.users.director).get(reverse("outgoing_register")).status_code == 200
    assert client_for(org.users.staff_a).get(reverse("outgoing_register")).status_code == 403
    assert client_for(org.users.head_a).get(reverse("outgoing_register")).status_code == 403
    refused = client_for(org.users.director).post(
        reverse("outgoing_set_next"), {"doc_type": QD, "year": 2026, "number": 3}
    )
    assert refused.status_code == 403
    assert not NumberCounter.objects.exists()


def test_another_agencys_line_answers_404(org, client_for):
    other = UnitFactory(code="SNV", name="Sở Nội vụ", kind=UnitKind.AGENCY, parent=org.units.province)
    theirs = outside(other, 1, day(2, 1))
    officer = account("vanthu_snv", PersonFactory(unit=other), (Role.OFFICE, other))
    assert client_for(officer).get(reverse("outgoing_line", args=[theirs.pk])).status_code == 200
    assert client_for(org.users.officer).get(reverse("outgoing_line", args=[theirs.pk])).status_code == 404
    page = client_for(org.users.officer).get(reverse("outgoing_register")).content.decode()
    assert "01/QĐ-SNV" not in page


def test_the_register_page_costs_the_same_queries_for_many_lines(org, client_for):
    client = client_for(org.users.officer)
    outside(org.units.agency, 1, day(1, 2), actor=org.users.officer)
    client.get(reverse("outgoing_register"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("outgoing_register"))
    for number in range(2, 12):
        outside(org.units.agency, number, day(1, 2), actor=org.users.officer)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("outgoing_register"))
    assert response.content.decode().count('data-testid="register-row"') == 11
    assert len(many) == len(one)


def test_a_bad_filter_is_ignored_with_a_warning(org, client_for):
    response = client_for(org.users.officer).get(reverse("outgoing_register"), {"nam": "²", "loai": "XX"})
    assert response.status_code == 200
    assert "năm từ 2000 đến 2100" in response.content.decode()
