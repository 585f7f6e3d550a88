"""The decision takes its number and date from the register of outgoing documents: the
Director may choose a free number; a taken number, a future date or a date before the
last decision of the year is refused on the page with what was typed kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.proposals.test_decisions import _approved_gk
from thidua.core.codes import State
from thidua.outgoing.numbering import record_outside
from thidua.plans.models import Plan
from thidua.proposals import services
from thidua.proposals.models import Decision, Proposal

pytestmark = pytest.mark.django_db
ISSUE = "/quyet-dinh-khen-thuong/ban-hanh/"


def _outside(number: int, on: datetime.date):
    return record_outside(
        actor=None, agency=Plan.objects.current().issuer, doc_type="QĐ", number=number, on=on, subject="Sổ giấy"
    )


def test_the_director_chooses_a_free_number(org, flow, client_for):
    proposal = _approved_gk(org, flow)
    client = client_for(org.users.director)
    response = client.post(ISSUE, {"proposals": [proposal.pk], "date": "2027-01-15", "number": "7"}, follow=True)
    assert "Quyết định số 07/QĐ-STP" in response.content.decode()
    assert Decision.objects.get().number_symbol == "07/QĐ-STP"


def test_a_taken_number_is_refused_on_the_page_and_the_input_kept(org, flow, client_for):
    proposal = _approved_gk(org, flow)
    _outside(3, datetime.date(2027, 1, 10))
    client = client_for(org.users.director)
    page = client.get(ISSUE).content.decode()
    assert "Để trống để lấy số tiếp theo còn trống: 04/QĐ-STP." in page
    data = {"proposals": [proposal.pk], "date": "2027-01-15", "number": "3", "summary": "Về việc khen thưởng năm 2026"}
    response = client.post(ISSUE, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Số 03/QĐ-STP đã có trong sổ văn bản đi (ngày 10/01/2027, «Sổ giấy»)" in page
    assert "số tiếp theo còn trống là 04" in page
    assert 'value="Về việc khen thưởng năm 2026"' in page
    assert not Decision.objects.exists() and Proposal.objects.get().state == State.APPROVED


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("2027-03-02", "Ngày ban hành 02/03/2027 là ngày trong tương lai"),
        ("2027-01-09", "Ngày ban hành 09/01/2027 trước ngày của văn bản 01/QĐ-STP (10/01/2027)"),
    ],
)
def test_a_date_out_of_order_is_refused_on_the_page(org, flow, client_for, date, words):
    proposal = _approved_gk(org, flow)
    _outside(1, datetime.date(2027, 1, 10))
    response = client_for(org.users.director).post(ISSUE, {"proposals": [proposal.pk], "date": date})
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Decision.objects.exists()


def test_an_upper_decision_dated_in_the_future_is_refused(org, flow):
    proposal = flow.make(State.FORWARDED)
    with pytest.raises(ValidationError) as error:
        services.record_external_decision(
            actor=org.users.officer,
            proposal=proposal,
            number_symbol="245/QĐ-UBND",
            date=datetime.date(2027, 3, 5),
            issuer="Chủ tịch UBND tỉnh Tuyên Quang",
        )
    assert "là ngày trong tương lai" in " ".join(error.value.messages)
