"""Undoing a move that can still be undone in practice, with a reason in the history:
the office's acceptance before the council (Hủy tiếp nhận) and the director's approval
before the decision (Hủy phê duyệt)."""

import json

import pytest
from django.core.exceptions import PermissionDenied

from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.workflow import TransitionError
from thidua.proposals import services
from thidua.proposals.models import Proposal

pytestmark = pytest.mark.django_db


def _last_move(proposal) -> ActivityLog:
    return (
        ActivityLog.objects.filter(object_id=str(proposal.pk), action=ActivityLog.Action.TRANSITION)
        .order_by("id")
        .last()
    )


def test_the_office_undoes_an_acceptance_from_the_page_with_a_reason(org, flow, client_for):
    proposal = flow.make(State.ACCEPTED)
    client = client_for(org.users.officer)
    page = client.get(f"/de-nghi-khen-thuong/{proposal.pk}/").content.decode()
    assert 'data-testid="unaccept-form"' in page and 'data-testid="unapprove-form"' not in page
    url = f"/de-nghi-khen-thuong/{proposal.pk}/huy-tiep-nhan/"
    refused = client.post(url, {"unaccept-reason": "  "})
    assert refused.status_code == 400 and "Hãy ghi lý do hủy tiếp nhận." in refused.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).state == State.ACCEPTED
    client.post(url, {"unaccept-reason": "Tiếp nhận nhầm: thiếu bản xác nhận của đơn vị"})
    proposal.refresh_from_db()
    assert proposal.state == State.SUBMITTED
    move = _last_move(proposal)
    assert move.changes["state"] == [State.ACCEPTED, State.SUBMITTED]
    assert move.note == "Tiếp nhận nhầm: thiếu bản xác nhận của đơn vị" and move.actor == org.users.officer
    # Accepted again after the check: the history keeps both moves.
    services.accept(actor=org.users.officer, proposal=proposal)
    assert Proposal.objects.get(pk=proposal.pk).state == State.ACCEPTED


def test_only_the_office_undoes_an_acceptance_and_not_after_the_council(org, flow, client_for):
    proposal = flow.make(State.ACCEPTED)
    url = f"/de-nghi-khen-thuong/{proposal.pk}/huy-tiep-nhan/"
    for user in (org.users.head_a, org.users.director):
        assert client_for(user).post(url, {"unaccept-reason": "x"}).status_code == 403
    assert client_for(org.users.head_b).post(url, {"unaccept-reason": "x"}).status_code == 404
    assert (
        'data-testid="unaccept-form"'
        not in client_for(org.users.head_a).get(f"/de-nghi-khen-thuong/{proposal.pk}/").content.decode()
    )
    with pytest.raises(PermissionDenied):
        services.undo_acceptance(actor=org.users.head_a, proposal=proposal, reason="x")
    sent = flow.make(State.UNDER_REVIEW, org.people.head_a, "LDTT")
    page = client_for(org.users.officer).get(f"/de-nghi-khen-thuong/{sent.pk}/").content.decode()
    assert 'data-testid="unaccept-form"' not in page
    client_for(org.users.officer).post(f"/de-nghi-khen-thuong/{sent.pk}/huy-tiep-nhan/", {"unaccept-reason": "x"})
    assert Proposal.objects.get(pk=sent.pk).state == State.UNDER_REVIEW
    assert Proposal.objects.get(pk=proposal.pk).state == State.ACCEPTED


def test_the_director_undoes_an_approval_before_the_decision(org, flow, client_for):
    proposal = flow.make(State.APPROVED)
    client = client_for(org.users.director)
    assert 'data-testid="unapprove-form"' in client.get(f"/de-nghi-khen-thuong/{proposal.pk}/").content.decode()
    url = f"/de-nghi-khen-thuong/{proposal.pk}/huy-phe-duyet/"
    assert client.post(url, {"unapprove-reason": ""}).status_code == 400
    assert client_for(org.users.officer).post(url, {"unapprove-reason": "x"}).status_code == 403
    assert client_for(org.users.head_b).post(url, {"unapprove-reason": "x"}).status_code == 404
    assert Proposal.objects.get(pk=proposal.pk).state == State.APPROVED
    client.post(url, {"unapprove-reason": "Có đơn khiếu nại mới về thành tích"})
    proposal.refresh_from_db()
    assert proposal.state == State.UNDER_REVIEW
    move = _last_move(proposal)
    assert move.changes["state"] == [State.APPROVED, State.UNDER_REVIEW]
    assert move.note == "Có đơn khiếu nại mới về thành tích" and move.actor == org.users.director
    # Back under review, the director approves again or refuses.
    services.approve(actor=org.users.director, proposal=proposal)
    assert Proposal.objects.get(pk=proposal.pk).state == State.APPROVED


def test_an_approval_is_not_undone_once_decided(org, flow):
    proposal = flow.make(State.DECIDED)
    with pytest.raises(TransitionError):
        services.undo_approval(actor=org.users.director, proposal=proposal, reason="Muộn")
    assert Proposal.objects.get(pk=proposal.pk).state == State.DECIDED


def test_the_api_undoes_through_the_same_services(org, flow, client_for):
    def post(user, url, data):
        return client_for(user).post(url, json.dumps(data), content_type="application/json")

    accepted = flow.make(State.ACCEPTED)
    url = f"/api/v1/proposals/{accepted.pk}/undo-acceptance/"
    refused = post(org.users.officer, url, {"reason": ""})
    assert refused.status_code == 400 and "Hãy ghi lý do hủy tiếp nhận." in refused.json()["reason"][0]
    assert post(org.users.head_a, url, {"reason": "x"}).status_code == 403
    assert post(org.users.officer, url, {"reason": "Tiếp nhận nhầm"}).json()["state"] == "submitted"
    approved = flow.make(State.APPROVED, org.people.head_a, "LDTT")
    url = f"/api/v1/proposals/{approved.pk}/undo-approval/"
    assert post(org.users.officer, url, {"reason": "x"}).status_code == 403
    assert post(org.users.director, url, {"reason": "Có đơn khiếu nại"}).json()["state"] == "under_review"
    assert _last_move(approved).note == "Có đơn khiếu nại"


def test_the_register_api_names_the_revoking_decision(org, flow, client_for):
    proposal = flow.make(State.DECIDED)
    services.revoke_decision(
        actor=org.users.director,
        decision=proposal.decision,
        proposals=[proposal],
        date=proposal.decision.date,
        reason="Hồ sơ có thông tin sai sự thật",
    )
    rows = client_for(org.users.officer).get("/api/v1/award-register/").json()
    rows = rows.get("results", rows)
    (row,) = [r for r in rows if r["id"] == proposal.award_record_id]
    assert row["revoked_number"] == "02/QĐ-STP" and row["revoked_date"] == "2027-01-15"
