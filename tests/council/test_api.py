"""The council's REST API: meetings with counts only, casting a vote with the same
refusals as the page, and fixed query counts on the lists."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core.codes import State
from thidua.council import services
from thidua.council.models import Ballot

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_double_voting_via_the_api_is_refused(org, flow, client_for):
    proposal = flow.make(State.UNDER_REVIEW)
    client = client_for(org.users.councillor)
    body = {"meeting": flow.meeting.pk, "proposal": proposal.pk, "choice": "agree"}
    assert _post(client, f"{API}/council-votes/", body).status_code == 201
    again = _post(client, f"{API}/council-votes/", body | {"choice": "abstain"})
    assert again.status_code == 400 and "chỉ biểu quyết một lần" in again.json()["non_field_errors"][0]
    assert Ballot.objects.count() == 1
    mine = client.get(f"{API}/council-votes/").json()["results"]
    assert mine[0]["proposal"] == proposal.pk and "choice" not in mine[0]


def test_a_conflict_via_the_api(org, flow, client_for):
    proposal = flow.make(State.UNDER_REVIEW, org.people.officer, "LDTT", actor=org.users.officer)
    response = _post(
        client_for(org.users.councillor),
        f"{API}/council-votes/",
        {"meeting": flow.meeting.pk, "proposal": proposal.pk, "choice": "agree"},
    )
    assert response.status_code == 400 and "xung đột lợi ích" in response.json()["non_field_errors"][0]


def test_a_meeting_shows_counts_and_never_voters(org, flow, client_for):
    flow.meeting = services.create_meeting(
        actor=org.users.officer, title="Họp kín", date=datetime.date(2027, 1, 8), year=2026, secret_ballot=True
    )
    proposal = flow.make(State.UNDER_REVIEW)
    flow.vote_all(proposal)
    body = client_for(org.users.director).get(f"{API}/council-meetings/{flow.meeting.pk}/").json()
    (item,) = body["items"]
    assert (item["agree"], item["secret"], item["passed"], item["needed"]) == (2, True, True, 2)
    assert "hoidong" not in json.dumps(body) and "giamdoc" not in json.dumps(body)
    assert body["members"] == 2 and body["quorum_share"] == "2/3"


def test_the_meeting_list_keeps_its_query_count(org, flow, client_for):
    flow.open_meeting()
    client = client_for(org.users.officer)
    first = _count(client, f"{API}/council-meetings/")
    services.create_meeting(actor=org.users.officer, title="Họp 2", date=datetime.date(2027, 1, 9), year=2026)
    assert _count(client, f"{API}/council-meetings/") == first


def test_the_ballot_list_keeps_its_query_count(org, flow, client_for):
    first_proposal = flow.make(State.UNDER_REVIEW)
    client = client_for(org.users.councillor)
    services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=first_proposal, choice="agree")
    first = _count(client, f"{API}/council-votes/")
    second_proposal = flow.make(State.UNDER_REVIEW, org.people.head_a, "LDTT")
    services.cast_vote(actor=org.users.councillor, meeting=flow.meeting, proposal=second_proposal, choice="agree")
    assert _count(client, f"{API}/council-votes/") == first


def test_staff_see_no_meetings(org, flow, client_for):
    flow.open_meeting()
    assert client_for(org.users.staff_a).get(f"{API}/council-meetings/").json()["results"] == []
