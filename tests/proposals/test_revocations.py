"""Revoking awards of an issued decision by a new decision (Luật Thi đua, khen thưởng
2022 Điều 93): the number from the register of outgoing documents, the Word file, the
proposals' move, the register of awards, eligibility, the public page, and who may."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from docx import Document

from tests.documents.clerk import clerk_problems, lines
from tests.documents.layout import nd30_problems
from tests.proposals.conftest import DECIDED_ON
from thidua.commendation import services as commendation
from thidua.commendation.eligibility.loading import load_facts
from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.honours import services as honours
from thidua.outgoing.models import IssuedNumber
from thidua.proposals import caps, services
from thidua.proposals.models import Decision, Proposal

pytestmark = pytest.mark.django_db
REVOKED_ON = datetime.date(2027, 2, 20)
REASON = "Kê khai gian dối thành tích theo Kết luận thanh tra số 05/KL-TTr"


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.fixture
def decided(org, flow):
    """One decision of the director rewarding two people."""
    first = flow.make(State.APPROVED, org.people.staff_a)
    second = flow.make(State.APPROVED, org.people.head_a, "LDTT")
    decision = services.issue_decision(actor=org.users.director, proposals=[first, second], date=DECIDED_ON)
    first.refresh_from_db()
    second.refresh_from_db()
    return decision, first, second


def _revoke(org, decision, proposals, **extra):
    values = {"date": REVOKED_ON, "reason": REASON} | extra
    return services.revoke_decision(actor=org.users.director, decision=decision, proposals=proposals, **values)


def test_revoking_one_award_takes_a_number_moves_the_proposal_and_strikes_the_register(org, decided):
    decision, first, second = decided
    revoking = _revoke(org, decision, [first])
    assert revoking.number_symbol == "02/QĐ-STP" and revoking.revokes == decision and revoking.reason == REASON
    assert revoking.summary.startswith("Về việc hủy bỏ một phần Quyết định số 01/QĐ-STP ngày 15/01/2027")
    assert IssuedNumber.objects.filter(number_symbol="02/QĐ-STP", document_date=REVOKED_ON, doc_type="QĐ").exists()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == State.REVOKED and first.revoked_by == revoking and first.decision == decision
    assert second.state == State.DECIDED
    award = first.award_record
    award.refresh_from_db()
    # The award stays in the register, marked with the revoking decision; nothing deleted.
    assert award.is_revoked and award.revoked_number == "02/QĐ-STP" and award.revoked_date == REVOKED_ON
    assert award.decision_number == "01/QĐ-STP"
    move = (
        ActivityLog.objects.filter(object_id=str(first.pk), action=ActivityLog.Action.TRANSITION).order_by("id").last()
    )
    assert move.changes["state"] == [State.DECIDED, State.REVOKED] and move.note == REASON
    assert ActivityLog.objects.filter(object_id=str(award.pk), note=REASON).exists()


def test_revoking_the_whole_decision_and_its_word_file(org, decided, client_for):
    decision, first, second = decided
    revoking = _revoke(org, decision, [first, second])
    assert revoking.summary.startswith("Về việc hủy bỏ Quyết định số 01/QĐ-STP ngày 15/01/2027 của ")
    data = client_for(org.users.officer).get(f"/quyet-dinh-khen-thuong/{revoking.pk}/quyet-dinh.docx").content
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []
    text = _text(data)
    assert "Căn cứ khoản 2 Điều 93 Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022" in text
    assert "Căn cứ Quyết định số 01/QĐ-STP ngày 15/01/2027" in text
    assert "Điều 1. Hủy bỏ Quyết định số 01/QĐ-STP ngày 15/01/2027" in text and f"Lý do: {REASON}." in text
    assert "nộp lại hiện vật khen thưởng và tiền thưởng" in text and "{" not in text
    assert clerk_problems(lines(data), on=REVOKED_ON) == []


def test_a_partial_revocation_lists_the_revoked_awards_in_the_word_file(org, decided, client_for):
    decision, first, _ = decided
    revoking = _revoke(org, decision, [first])
    text = _text(client_for(org.users.director).get(f"/quyet-dinh-khen-thuong/{revoking.pk}/quyet-dinh.docx").content)
    assert "Hủy bỏ khen thưởng đối với 01 trường hợp có tên dưới đây" in text
    assert "Đặng Thị Hương" in text and "Nguyễn Văn Đạt" not in text


def test_bad_input_is_refused_naming_what_to_fix(org, decided):
    decision, first, second = decided
    with pytest.raises(ValidationError) as error:
        _revoke(org, decision, [first], reason="  ")
    assert "Hãy ghi lý do hủy bỏ" in str(error.value)
    with pytest.raises(ValidationError) as error:
        _revoke(org, decision, [first], date=datetime.date(2027, 1, 2))
    assert "không được trước ngày của quyết định bị hủy bỏ (15/01/2027)" in str(error.value)
    with pytest.raises(ValidationError) as error:
        _revoke(org, decision, [])
    assert "Hãy chọn ít nhất một khen thưởng" in str(error.value)
    _revoke(org, decision, [first])
    first.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        _revoke(org, decision, [first])
    assert "đã bị hủy bỏ" in str(error.value)
    assert Decision.objects.count() == 2 and Proposal.objects.get(pk=second.pk).state == State.DECIDED


def test_a_revoked_award_no_longer_counts(org, decided):
    decision, first, _ = decided
    before = caps.counts(first.year).get(first.award_code, 0)
    (facts,) = load_facts(first.year, people=[org.people.staff_a], units=[])
    assert first.award_code in {a.code for a in facts.awards if a.year == first.year}
    _revoke(org, decision, [first])
    assert caps.counts(first.year).get(first.award_code, 0) == before - 1
    assert first.award_record_id not in AwardRecord.objects.in_force().values_list("pk", flat=True)
    award = AwardRecord.objects.get(pk=first.award_record_id)
    with pytest.raises(ValidationError) as error:
        commendation.record_award(
            actor=org.users.officer, subject=org.people.staff_a, code="CSTDCS", year=first.year, record=award
        )
    assert "đã bị hủy bỏ theo Quyết định số 02/QĐ-STP" in str(error.value)
    # The eligibility facts of the person no longer hold the revoked award (R4's chain of
    # titles, the collective's members' awards read the same facts).
    (facts,) = load_facts(first.year, people=[org.people.staff_a], units=[])
    assert first.award_code not in {a.code for a in facts.awards if a.year == first.year}


def test_the_pages_show_each_decision_from_the_other_and_the_register_strikes_it(org, decided, client_for):
    decision, first, _ = decided
    client = client_for(org.users.director)
    page = client.get(f"/quyet-dinh-khen-thuong/{decision.pk}/huy-bo/").content.decode()
    assert "Đặng Thị Hương" in page and "Nguyễn Văn Đạt" in page
    response = client.post(
        f"/quyet-dinh-khen-thuong/{decision.pk}/huy-bo/",
        {"proposals": [first.pk], "date": "20/02/2027", "reason": REASON},
        follow=True,
    )
    revoking = Decision.objects.get(revokes=decision)
    assert response.redirect_chain[-1][0] == f"/quyet-dinh-khen-thuong/{revoking.pk}/"
    page = response.content.decode()
    assert "Hủy bỏ khen thưởng của" in page and REASON in page and "Đặng Thị Hương" in page
    original = client.get(f"/quyet-dinh-khen-thuong/{decision.pk}/").content.decode()
    assert f'href="/quyet-dinh-khen-thuong/{revoking.pk}/"' in original
    assert "Đã hủy bỏ theo Quyết định số 02/QĐ-STP" in original
    dossier = client.get(f"/de-nghi-khen-thuong/{first.pk}/").content.decode()
    assert "Khen thưởng đã bị hủy bỏ theo Quyết định số" in dossier and REASON in dossier
    register = client_for(org.users.officer).get("/so-khen-thuong/").content.decode()
    assert "Đã hủy bỏ theo Quyết định số 02/QĐ-STP ngày 20/02/2027" in register
    assert "<del>" in register
    record = client_for(org.users.officer).get(f"/khen-thuong/ca-nhan/{org.people.staff_a.pk}/").content.decode()
    assert 'data-testid="award-revoked"' in record and "Đã hủy bỏ theo Quyết định số 02/QĐ-STP" in record


def test_the_revoke_page_keeps_what_was_typed_when_refused(org, decided, client_for):
    decision, first, _ = decided
    response = client_for(org.users.director).post(
        f"/quyet-dinh-khen-thuong/{decision.pk}/huy-bo/", {"proposals": [first.pk], "date": "20/02/2027", "reason": ""}
    )
    assert response.status_code == 400 and "Hãy ghi lý do hủy bỏ" in response.content.decode()
    assert not Decision.objects.filter(revokes=decision).exists()


def test_only_the_director_revokes_and_another_unit_sees_nothing(org, decided, client_for):
    decision, first, _ = decided
    url = f"/quyet-dinh-khen-thuong/{decision.pk}/huy-bo/"
    data = {"proposals": [first.pk], "date": "20/02/2027", "reason": REASON}
    assert client_for(org.users.officer).post(url, data).status_code == 403
    assert client_for(org.users.head_a).get(url).status_code == 403
    assert client_for(org.users.head_b).get(url).status_code == 404
    assert client_for(org.users.head_b).get(f"/quyet-dinh-khen-thuong/{decision.pk}/").status_code == 404
    assert (
        "revoke-link"
        not in client_for(org.users.officer).get(f"/quyet-dinh-khen-thuong/{decision.pk}/").content.decode()
    )
    assert (
        "revoke-link" in client_for(org.users.director).get(f"/quyet-dinh-khen-thuong/{decision.pk}/").content.decode()
    )
    with pytest.raises(PermissionDenied):
        services.revoke_decision(
            actor=org.users.officer, decision=decision, proposals=[first], date=REVOKED_ON, reason=REASON
        )
    assert Proposal.objects.get(pk=first.pk).state == State.DECIDED
    revoking = _revoke(org, decision, [first])
    # The unit head of the revoked award's unit reads the revoking decision; another unit's does not.
    assert client_for(org.users.head_a).get(f"/quyet-dinh-khen-thuong/{revoking.pk}/").status_code == 200
    assert client_for(org.users.head_b).get(f"/quyet-dinh-khen-thuong/{revoking.pk}/").status_code == 404


def test_the_public_page_no_longer_lists_a_revoked_award(org, decided):
    decision, first, second = decided
    for proposal in (first, second):
        honours.publish_award(actor=org.users.officer, award=proposal.award_record)
    assert "Đặng Thị Hương" in Client().get(reverse("honours_awards")).content.decode()
    _revoke(org, decision, [first])
    page = Client().get(reverse("honours_awards")).content.decode()
    assert "Đặng Thị Hương" not in page and "Nguyễn Văn Đạt" in page
    first.award_record.refresh_from_db()
    with pytest.raises(ValidationError):
        honours.publish_award(actor=org.users.officer, award=first.award_record)
