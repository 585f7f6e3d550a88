"""The REST API of proposals and the register: same visibility, same services, same
refusals as the pages; a fixed number of queries on every list."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.proposals.conftest import YEAR
from thidua.commendation import services as records
from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.proposals.models import Proposal

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_create_through_the_api_uses_the_service(org, flow, client_for):
    response = _post(
        client_for(org.users.head_a),
        f"{API}/proposals/",
        {"person": org.people.staff_a.pk, "award_code": "CSTDCS", "year": YEAR},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["state"] == "draft" and body["verdict"] == "eligible" and body["category"] == "title"
    assert "Tờ trình" in body["missing_documents"]
    assert ActivityLog.objects.for_object(Proposal.objects.get()).filter(action="created").exists()


def test_the_same_achievement_twice_via_the_api(org, flow, client_for):
    flow.make(State.DECIDED)
    response = _post(
        client_for(org.users.officer),
        f"{API}/proposals/",
        {"person": org.people.staff_a.pk, "award_code": "CSTDCS", "year": YEAR},
    )
    assert response.status_code == 400 and "01/QĐ-STP" in response.json()["award_code"][0]
    assert Proposal.objects.count() == 1


def test_another_units_subject_is_forbidden_and_its_proposal_404(org, flow, client_for):
    response = _post(
        client_for(org.users.head_b),
        f"{API}/proposals/",
        {"person": org.people.staff_a.pk, "award_code": "LDTT", "year": YEAR},
    )
    assert response.status_code == 403 and not Proposal.objects.exists()
    proposal = flow.make(State.SUBMITTED)
    assert client_for(org.users.head_b).get(f"{API}/proposals/{proposal.pk}/").status_code == 404


def test_the_whole_path_through_the_api(org, flow, client_for):
    head, office, director = (client_for(u) for u in (org.users.head_a, org.users.officer, org.users.director))
    proposal = flow.make(State.DRAFT)
    assert _post(head, f"{API}/proposals/{proposal.pk}/submit/").json()["state"] == "submitted"
    again = _post(head, f"{API}/proposals/{proposal.pk}/submit/")
    assert again.status_code == 409 and "Không thể chuyển từ «Đã gửi»" in again.json()["detail"]
    refused = _post(office, f"{API}/proposals/{proposal.pk}/return/", {"reason": ""})
    assert refused.status_code == 400 and "Hãy ghi lý do trả lại" in refused.json()["reason"][0]
    assert _post(office, f"{API}/proposals/{proposal.pk}/accept/").json()["state"] == "accepted"
    meeting = flow.open_meeting()
    moved = _post(office, f"{API}/proposals/{proposal.pk}/to-council/", {"meeting": meeting.pk})
    assert moved.json()["state"] == "under_review"
    for user in (org.users.councillor, org.users.director):
        cast = _post(
            client_for(user),
            f"{API}/council-votes/",
            {"meeting": meeting.pk, "proposal": proposal.pk, "choice": "agree"},
        )
        assert cast.status_code == 201
    flow.close()
    assert _post(director, f"{API}/proposals/{proposal.pk}/approve/").json()["state"] == "approved"
    decided = _post(director, f"{API}/proposals/{proposal.pk}/decide/", {"date": "2027-01-15"})
    body = decided.json()
    assert body["state"] == "decided" and body["decision"]["number_symbol"] == "01/QĐ-STP"
    assert body["cash_amount"] == "2340000"
    assert AwardRecord.objects.filter(person=org.people.staff_a, award_type__code="CSTDCS").exists()


def test_a_decision_on_an_incomplete_dossier_via_the_api(org, flow, client_for):
    proposal = flow.make(State.APPROVED, files=False)
    response = _post(client_for(org.users.director), f"{API}/proposals/{proposal.pk}/decide/", {"date": "2027-01-15"})
    assert response.status_code == 400 and "còn thiếu: Tờ trình" in response.json()["non_field_errors"][0]
    assert Proposal.objects.get().state == State.APPROVED


def test_a_forwarded_proposal_records_the_upper_decision(org, flow, client_for):
    records.record_award(
        actor=None,
        subject=org.people.staff_a,
        code="CSTDCS",
        year=2025,
        before_system=True,
        decision_number="12/QĐ-STP",
        decision_date=datetime.date(2026, 1, 16),
    )
    proposal = flow.make(State.UNDER_REVIEW, code="BK_TINH", files=False)
    flow.attach_needed(proposal, "to_trinh")
    flow.vote_all(proposal)
    flow.close()
    office = client_for(org.users.officer)
    assert _post(office, f"{API}/proposals/{proposal.pk}/forward/").json()["state"] == "forwarded"
    body = _post(
        office,
        f"{API}/proposals/{proposal.pk}/decide/",
        {"date": "2027-02-10", "number_symbol": "245/QĐ-UBND", "issuer": "Chủ tịch UBND tỉnh Tuyên Quang"},
    ).json()
    assert body["state"] == "decided" and body["decision"]["issued_here"] is False


def test_the_proposal_list_keeps_its_query_count(org, flow, client_for):
    flow.make(State.SUBMITTED)
    client = client_for(org.users.officer)
    first = _count(client, f"{API}/proposals/")
    flow.make(State.SUBMITTED, org.people.head_a, "LDTT")
    flow.make(State.SUBMITTED, org.units.a, "TTLDTT", files=False)
    assert _count(client, f"{API}/proposals/") == first
    assert len(client.get(f"{API}/proposals/").json()["results"]) == 3
    assert client_for(org.users.head_b).get(f"{API}/proposals/").json()["results"] == []


def test_the_register_list_searches_and_keeps_its_query_count(org, flow, client_for):
    for person in (org.people.staff_a, org.people.head_a):
        records.record_award(
            actor=None,
            subject=person,
            code="LDTT",
            year=YEAR,
            decision_number="01/QĐ-STP",
            decision_date=datetime.date(2027, 1, 15),
            issuer="Giám đốc Sở",
        )
    client = client_for(org.users.officer)
    first = _count(client, f"{API}/award-register/")
    records.record_award(
        actor=None,
        subject=org.people.staff_b,
        code="LDTT",
        year=YEAR,
        decision_number="01/QĐ-STP",
        decision_date=datetime.date(2027, 1, 15),
        issuer="Giám đốc Sở",
    )
    assert _count(client, f"{API}/award-register/") == first
    found = client.get(f"{API}/award-register/", {"search": "dat"}).json()["results"]
    assert [(r["name"], r["award_code"], r["cash_amount"]) for r in found] == [("Nguyễn Văn Đạt", "LDTT", 702000)]
    assert [r["name"] for r in client_for(org.users.staff_a).get(f"{API}/award-register/").json()["results"]] == [
        "Đặng Thị Hương"
    ]


def test_the_schema_covers_the_endpoints(org, client_for):
    schema = client_for(org.users.officer).get("/api/v1/schema/").content.decode()
    for path in (
        "/api/v1/proposals/{id}/decide/",
        "/api/v1/award-register/",
        "/api/v1/council-votes/",
        "/api/v1/council-meetings/{id}/",
    ):
        assert path in schema
