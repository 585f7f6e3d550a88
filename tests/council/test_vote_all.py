"""A council member votes on a whole agenda in one pass: Đồng ý is ticked for every
item, the member changes only the exceptions, and the eligibility verdict stands beside
each item. All the votes are cast, or none."""

import pytest

from thidua.core.codes import State
from thidua.council import services
from thidua.council.models import Ballot, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(org, flow):
    return [
        flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False),
        flow.make(State.UNDER_REVIEW, org.people.staff_a, "GK", files=False),
        flow.make(State.UNDER_REVIEW, org.people.staff_b, "GK", actor=org.users.head_b, files=False),
    ]


def _url(flow, part=""):
    return f"/hoi-dong/phien-hop/{flow.meeting.pk}/{part}"


def test_a_member_votes_the_whole_agenda_with_one_exception(org, flow, agenda, client_for):
    client = client_for(org.users.councillor)
    page = client.get(_url(flow)).content.decode()
    assert page.count('data-testid="vote-all-row"') == 3 and "Ghi biểu quyết cho 3 đề nghị" in page
    assert page.count('value="agree" checked') == 3
    posted = {f"choice-{p.pk}": "agree" for p in agenda} | {f"choice-{agenda[1].pk}": "disagree"}
    response = client.post(_url(flow, "bieu-quyet-ca-danh-sach/"), posted, follow=True)
    assert "Đã ghi biểu quyết của bạn cho 3 đề nghị." in response.content.decode()
    assert Ballot.objects.filter(member=org.users.councillor).count() == 3
    assert sorted(Vote.objects.values_list("choice", flat=True)) == ["agree", "agree", "disagree"]
    assert 'data-testid="vote-all-form"' not in client.get(_url(flow)).content.decode()


def test_one_item_that_cannot_be_voted_keeps_every_choice_and_casts_nothing(org, flow, agenda, client_for):
    client = client_for(org.users.councillor)
    # The member voted on the first item from another tab meanwhile.
    services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=agenda[0], choice="agree")
    posted = {f"choice-{p.pk}": "agree" for p in agenda[1:]} | {f"choice-{agenda[2].pk}": "khong-ro"}
    response = client.post(_url(flow, "bieu-quyet-ca-danh-sach/"), posted)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Chưa ghi biểu quyết nào" in page and "Hãy chọn Đồng ý, Không đồng ý hoặc Không có ý kiến." in page
    assert f'name="choice-{agenda[1].pk}" id="choice-{agenda[1].pk}-agree" value="agree" checked' in page
    assert Ballot.objects.filter(member=org.users.councillor).count() == 1


def test_someone_not_seated_cannot_vote_the_agenda(org, flow, agenda, client_for):
    posted = {f"choice-{p.pk}": "agree" for p in agenda}
    response = client_for(org.users.staff_a).post(_url(flow, "bieu-quyet-ca-danh-sach/"), posted)
    assert response.status_code in (400, 403, 404)
    assert not Ballot.objects.exists()


def test_an_open_vote_is_taken_back_with_a_reason_while_the_session_is_open(org, flow, agenda, client_for):
    from thidua.core.models import ActivityLog

    client = client_for(org.users.councillor)
    url = f"/hoi-dong/phien-hop/{flow.meeting.pk}/"
    client.post(url + f"bieu-quyet/{agenda[0].pk}/", {"choice": "disagree"})
    assert 'data-testid="withdraw-form"' in client.get(url).content.decode()
    refused = client.post(url + f"rut-bieu-quyet/{agenda[0].pk}/", {"reason": ""}, follow=True)
    assert "Hãy ghi lý do rút lại biểu quyết." in refused.content.decode()
    assert Ballot.objects.filter(member=org.users.councillor).count() == 1
    client.post(url + f"rut-bieu-quyet/{agenda[0].pk}/", {"reason": "Bấm nhầm ô Không đồng ý"})
    assert not Ballot.objects.filter(member=org.users.councillor).exists() and not Vote.objects.exists()
    assert ActivityLog.objects.filter(action=ActivityLog.Action.DELETED, note="Bấm nhầm ô Không đồng ý").count() == 2
    client.post(url + f"bieu-quyet/{agenda[0].pk}/", {"choice": "agree"})
    assert list(Vote.objects.values_list("choice", flat=True)) == ["agree"]


def test_a_secret_vote_or_a_closed_session_keeps_the_vote(org, flow, agenda, client_for):
    item = flow.meeting.items.get(proposal=agenda[0])
    item.secret = True
    item.save(update_fields=["secret"])
    services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=agenda[0], choice="agree")
    client = client_for(org.users.councillor)
    response = client.post(
        f"/hoi-dong/phien-hop/{flow.meeting.pk}/rut-bieu-quyet/{agenda[0].pk}/", {"reason": "Đổi ý"}, follow=True
    )
    assert "Phiếu kín không rút lại được" in response.content.decode()
    assert Ballot.objects.filter(member=org.users.councillor).count() == 1
