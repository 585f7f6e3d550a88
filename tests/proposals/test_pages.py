"""The proposal pages: making one (and every refusal coming back with what was typed),
the dossier with its verdict and checklist, the office's and the director's moves,
access by unit, and a fixed number of queries on the list."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from docx import Document

from tests.proposals.conftest import YEAR, pdf, program_as_pdf, rate
from thidua.commendation.models import AwardType
from thidua.core.codes import State
from thidua.proposals.models import DossierFile, Proposal

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_a_unit_head_makes_a_draft_from_the_form(org, flow, client_for):
    client = client_for(org.users.head_a)
    page = client.get("/de-nghi-khen-thuong/lap/").content.decode()
    assert '<optgroup label="Danh hiệu thi đua">' in page and '<optgroup label="Hình thức khen thưởng">' in page
    assert org.people.staff_b.full_name not in page  # another unit's people are not offered
    response = client.post(
        "/de-nghi-khen-thuong/lap/",
        {"person": org.people.staff_a.pk, "award_code": "CSTDCS", "year": YEAR, "kind": "cong_trang"},
        follow=True,
    )
    proposal = Proposal.objects.get()
    assert response.redirect_chain[-1][0] == f"/de-nghi-khen-thuong/{proposal.pk}/"
    page = response.content.decode()
    assert "Đề nghị CHƯA được gửi" in page and 'data-verdict="eligible"' in page
    assert "Xếp loại chất lượng năm 2026: Hoàn thành xuất sắc nhiệm vụ." in page


def test_choosing_both_a_person_and_a_unit_is_refused_with_the_input_kept(org, flow, client_for):
    response = client_for(org.users.head_a).post(
        "/de-nghi-khen-thuong/lap/",
        {
            "person": org.people.staff_a.pk,
            "unit": org.units.a.pk,
            "award_code": "GK",
            "year": YEAR,
            "kind": "cong_trang",
            "achievement_key": "giu-lai-dong-nay",
        },
    )
    page = response.content.decode()
    assert "Hãy chọn một cá nhân hoặc một tập thể (chỉ một)." in page
    assert 'value="giu-lai-dong-nay"' in page
    assert not Proposal.objects.exists()


def test_the_same_achievement_twice_through_the_page(org, flow, client_for):
    first = flow.make(State.SUBMITTED)
    response = client_for(org.users.head_a).post(
        "/de-nghi-khen-thuong/lap/",
        {"person": org.people.staff_a.pk, "award_code": "CSTDCS", "year": YEAR, "kind": "cong_trang"},
    )
    page = response.content.decode()
    assert f"Thành tích này đã được đề nghị: Chiến sĩ thi đua cơ sở năm 2026, đề nghị số {first.pk}" in page
    assert f'<option value="{org.people.staff_a.pk}" selected>' in page
    assert Proposal.objects.count() == 1


def test_a_cap_exceeded_is_warned_with_the_figures_after_making(org, flow, client_for):
    AwardType.objects.filter(code="CSTDCS").update(yearly_cap=0)
    response = client_for(org.users.head_a).post(
        "/de-nghi-khen-thuong/lap/",
        {"person": org.people.staff_a.pk, "award_code": "CSTDCS", "year": YEAR, "kind": "cong_trang"},
        follow=True,
    )
    assert "đã có 1 đề nghị và khen thưởng, vượt giới hạn 0 mỗi năm" in response.content.decode()
    assert Proposal.objects.count() == 1


def test_another_units_proposal_is_404(org, flow, client_for):
    proposal = flow.make(State.SUBMITTED)
    client = client_for(org.users.head_b)
    assert client.get(f"/de-nghi-khen-thuong/{proposal.pk}/").status_code == 404
    assert client.post(f"/de-nghi-khen-thuong/{proposal.pk}/gui/").status_code == 404
    file = DossierFile.objects.filter(proposal=proposal).first()
    assert client.get(f"/de-nghi-khen-thuong/ho-so/{file.pk}/").status_code == 404
    assert client_for(org.users.staff_a).get(f"/de-nghi-khen-thuong/{proposal.pk}/").status_code == 404


def test_the_unit_head_downloads_a_dossier_file(org, flow, client_for):
    proposal = flow.make(State.DRAFT)
    file = proposal.files.first()
    response = client_for(org.users.head_a).get(f"/de-nghi-khen-thuong/ho-so/{file.pk}/")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_program_renamed_pdf_is_refused_in_the_dossier(org, flow, client_for):
    proposal = flow.make(State.DRAFT, files=False)
    response = client_for(org.users.head_a).post(
        f"/de-nghi-khen-thuong/{proposal.pk}/ho-so/them/",
        {"document": "to_trinh", "file": program_as_pdf("to-trinh.pdf")},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "không phải là tệp .pdf thật" in page
    assert '<option value="to_trinh" selected>' in page
    assert not DossierFile.objects.exists()


def test_the_checklist_shows_what_is_missing_and_what_the_system_holds(org, flow, client_for):
    proposal = flow.make(State.DRAFT, files=False)
    client_for(org.users.head_a).post(
        f"/de-nghi-khen-thuong/{proposal.pk}/ho-so/them/", {"document": "to_trinh", "file": pdf()}
    )
    page = client_for(org.users.head_a).get(f"/de-nghi-khen-thuong/{proposal.pk}/").content.decode()
    assert 'data-testid="dossier-to_trinh" data-present="yes"' in page
    assert 'data-testid="dossier-bao_cao_thanh_tich" data-present="yes"' in page
    assert 'data-testid="dossier-bien_ban_binh_xet" data-present="no"' in page
    assert "Còn thiếu: Biên bản bình xét thi đua, Giấy chứng nhận sáng kiến, đề tài khoa học" in page


def test_submitting_twice_says_it_was_already_sent(org, flow, client_for):
    proposal = flow.make(State.DRAFT)
    client = client_for(org.users.head_a)
    client.post(f"/de-nghi-khen-thuong/{proposal.pk}/gui/")
    response = client.post(f"/de-nghi-khen-thuong/{proposal.pk}/gui/", follow=True)
    assert "Đề nghị đã được gửi trước đó; trạng thái hiện tại là «Đã gửi»." in response.content.decode()
    assert Proposal.objects.get().state == State.SUBMITTED


def test_returned_with_the_reason_shown_to_the_unit(org, flow, client_for):
    proposal = flow.make(State.SUBMITTED)
    office = client_for(org.users.officer)
    refused = office.post(f"/de-nghi-khen-thuong/{proposal.pk}/tra-lai/", {"return-reason": "  "})
    assert refused.status_code == 400 and "Hãy ghi lý do trả lại" in refused.content.decode()
    office.post(f"/de-nghi-khen-thuong/{proposal.pk}/tra-lai/", {"return-reason": "Thiếu chữ ký trên tờ trình."})
    page = client_for(org.users.head_a).get(f"/de-nghi-khen-thuong/{proposal.pk}/").content.decode()
    assert 'data-testid="return-reason"' in page and "Thiếu chữ ký trên tờ trình." in page


def test_not_eligible_accepted_only_with_a_reason_shown_in_the_dossier(org, flow, client_for):
    rate(org.people.staff_a, "HTNV")
    proposal = flow.make(State.SUBMITTED)
    office = client_for(org.users.officer)
    refused = office.post(f"/de-nghi-khen-thuong/{proposal.pk}/tiep-nhan/", {"accept-override_reason": ""})
    assert refused.status_code == 400 and "Văn phòng chỉ chấp nhận khi ghi rõ lý do" in refused.content.decode()
    assert Proposal.objects.get().state == State.SUBMITTED
    office.post(
        f"/de-nghi-khen-thuong/{proposal.pk}/tiep-nhan/",
        {"accept-override_reason": "Có thành tích đột xuất được UBND tỉnh ghi nhận."},
    )
    page = client_for(org.users.head_a).get(f"/de-nghi-khen-thuong/{proposal.pk}/").content.decode()
    assert 'data-testid="override-reason"' in page and "Có thành tích đột xuất được UBND tỉnh ghi nhận." in page
    assert Proposal.objects.get().state == State.ACCEPTED


def test_only_the_office_checks(org, flow, client_for):
    proposal = flow.make(State.SUBMITTED)
    response = client_for(org.users.head_a).post(f"/de-nghi-khen-thuong/{proposal.pk}/tiep-nhan/", {})
    assert response.status_code == 403 and Proposal.objects.get().state == State.SUBMITTED


def test_the_director_approves_from_the_dossier(org, flow, client_for):
    proposal = flow.make(State.UNDER_REVIEW)
    flow.vote_all(proposal)
    flow.close()
    assert client_for(org.users.officer).post(f"/de-nghi-khen-thuong/{proposal.pk}/phe-duyet/").status_code == 403
    client_for(org.users.director).post(f"/de-nghi-khen-thuong/{proposal.pk}/phe-duyet/")
    assert Proposal.objects.get().state == State.APPROVED


def test_the_report_is_edited_and_downloaded(org, flow, client_for):
    proposal = flow.make(State.DRAFT)
    client = client_for(org.users.head_a)
    client.post(
        f"/de-nghi-khen-thuong/{proposal.pk}/sua/", {"report_text": "I. SƠ LƯỢC\nĐã sửa tay.", "simplified_case": ""}
    )
    assert Proposal.objects.get().report_text == "I. SƠ LƯỢC\nĐã sửa tay."
    response = client.get(f"/de-nghi-khen-thuong/{proposal.pk}/bao-cao-thanh-tich.docx")
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert "bao-cao-thanh-tich-dang-thi-huong-cstdcs-2026.docx" in response["Content-Disposition"]
    text = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert text[:4] == [
        f"Tuyên Quang, ngày        tháng        năm {max(2026, timezone.localdate().year)}",
        "BÁO CÁO THÀNH TÍCH",
        "Đề nghị tặng Chiến sĩ thi đua cơ sở",
        "năm 2026",
    ]
    assert "I. SƠ LƯỢC" in text and "Đã sửa tay." in text


def test_the_list_shows_the_units_proposals_in_a_fixed_number_of_queries(org, flow, client_for):
    flow.make(State.SUBMITTED)
    client = client_for(org.users.officer)
    first = _count(client, "/de-nghi-khen-thuong/?year=2026")
    flow.make(State.SUBMITTED, org.people.head_a, "LDTT")
    flow.make(State.SUBMITTED, org.units.a, "TTLDTT", files=False)
    assert _count(client, "/de-nghi-khen-thuong/?year=2026") == first
    page = client.get("/de-nghi-khen-thuong/?q=dang thi huong").content.decode()
    assert page.count('data-testid="proposal-row"') == 1
    assert (
        client_for(org.users.head_b).get("/de-nghi-khen-thuong/").content.decode().count('data-testid="proposal-row"')
        == 0
    )


def test_a_special_achievement_is_named_in_words_and_its_key_is_made(org, flow, client_for):
    client = client_for(org.users.head_a)
    page = client.get("/de-nghi-khen-thuong/lap/").content.decode()
    assert "dot_xuat:" not in page and "(GK)" not in page  # no key to copy, no code in the choices
    client.post(
        "/de-nghi-khen-thuong/lap/",
        {
            "person": org.people.staff_a.pk,
            "award_code": "GK",
            "year": YEAR,
            "kind": "cong_trang",
            "achievement_key": "Cứu nạn trong lũ tháng 9",
        },
    )
    assert Proposal.objects.get().achievement_key == f"cong_trang:{YEAR}:cuu-nan-trong-lu-thang-9"
