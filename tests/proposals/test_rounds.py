"""A unit proposes many people in one round (đợt đề nghị): one proposal each with its
own achievement report, one Tờ trình and one Biên bản bình xét attached once for all;
the round is sent in one move; the office still handles each proposal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PersonFactory
from tests.proposals.conftest import pdf
from thidua.core.codes import State
from thidua.proposals import dossier
from thidua.proposals.models import Proposal, ProposalRound, RoundFile

pytestmark = pytest.mark.django_db
URL = "/de-nghi-khen-thuong/dot/lap/"
NAMES = ["Lò Văn Bình", "Hà Thị Dung", "Nông Văn Giang"]


@pytest.fixture
def five(org, plan):
    return [org.people.head_a, org.people.staff_a] + [PersonFactory(full_name=n, unit=org.units.a) for n in NAMES]


def _post(people, **extra):
    data = {"year": "2026", "to_trinh": pdf("to-trinh-dot-1.pdf")} | {f"p{p.pk}": "GK" for p in people}
    return data | extra


def test_a_unit_proposes_five_people_in_one_round_with_one_to_trinh(org, five, client_for):
    client = client_for(org.users.head_a)
    response = client.post(URL, _post(five), follow=True)
    assert "Đã lập đợt đề nghị gồm 5 đề nghị." in response.content.decode()
    batch = ProposalRound.objects.get()
    assert batch.title == "Đề nghị khen thưởng năm 2026 của Phòng Phổ biến, giáo dục pháp luật"
    assert batch.proposals.count() == 5 and RoundFile.objects.count() == 1
    for proposal in batch.proposals.all():
        to_trinh = next(item for item in dossier.checklist(proposal) if item.code == "to_trinh")
        assert to_trinh.present and to_trinh.files[0].original_name == "to-trinh-dot-1.pdf"
        assert proposal.report_text.strip()  # each with its own achievement report
    page = client.get(f"/de-nghi-khen-thuong/dot/{batch.pk}/").content.decode()
    assert page.count('data-testid="round-proposal"') == 5 and "Gửi cả đợt (5 đề nghị)" in page
    client.post(f"/de-nghi-khen-thuong/dot/{batch.pk}/gui/")
    assert set(batch.proposals.values_list("state", flat=True)) == {State.SUBMITTED}
    detail = client_for(org.users.officer).get(f"/de-nghi-khen-thuong/{batch.proposals.first().pk}/")
    assert "dùng chung cho cả đợt đề nghị" in detail.content.decode()


def test_without_a_to_trinh_nothing_is_made_and_the_choices_stay(org, five, client_for):
    data = _post(five[:2])
    data.pop("to_trinh")
    response = client_for(org.users.head_a).post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Hãy đính kèm Tờ trình của đơn vị" in page
    assert page.count('<option value="GK" selected>') == 2
    assert not ProposalRound.objects.exists() and not Proposal.objects.exists()


def test_one_subject_refused_makes_nothing_and_is_named(org, five, client_for):
    # A title for people only, asked for the unit itself: the whole round is refused.
    data = _post(five[:2]) | {f"u{org.units.a.pk}": "CSTDCS"}
    response = client_for(org.users.head_a).post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400 and "Chưa lập đề nghị nào, vì:" in page
    assert "Phòng Phổ biến, giáo dục pháp luật:" in page
    assert not Proposal.objects.exists() and not RoundFile.objects.exists()


def test_another_units_head_finds_no_round(org, five, client_for):
    client_for(org.users.head_a).post(URL, _post(five))
    batch = ProposalRound.objects.get()
    other = client_for(org.users.head_b)
    assert other.get(f"/de-nghi-khen-thuong/dot/{batch.pk}/").status_code == 404
    assert other.get(f"/de-nghi-khen-thuong/dot/tep/{RoundFile.objects.get().pk}/").status_code == 404
    assert other.post(f"/de-nghi-khen-thuong/dot/{batch.pk}/gui/").status_code == 404
    assert client_for(org.users.staff_a).get(URL).status_code == 403


def test_the_rounds_page_costs_the_same_for_two_or_five_proposals(org, five, client_for):
    client = client_for(org.users.head_a)
    client.post(URL, _post(five[:2]))
    client.post(URL, _post(five[2:]) | {"year": "2025"})
    small, big = ProposalRound.objects.order_by("id")
    with CaptureQueriesContext(connection) as two:
        client.get(f"/de-nghi-khen-thuong/dot/{small.pk}/")
    with CaptureQueriesContext(connection) as three:
        client.get(f"/de-nghi-khen-thuong/dot/{big.pk}/")
    assert len(two) == len(three)
