"""The director's decision pages, the Giấy khen certificates from the office's template,
and the base salary setting."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from tests.documents.clerk import clerk_problems, lines
from tests.documents.layout import nd30_problems
from tests.proposals.conftest import DECIDED_ON, pdf
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.proposals import certificate_docx, services
from thidua.proposals.models import BaseSalary, CertificateTemplate, Decision, PaymentRule, Proposal

pytestmark = pytest.mark.django_db
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def _approved_gk(org, flow):
    proposal = flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False)
    flow.attach_needed(proposal, "to_trinh")
    flow.vote_all(proposal)
    flow.close()
    return services.approve(actor=org.users.director, proposal=Proposal.objects.get(pk=proposal.pk))


def test_the_director_issues_a_decision_from_the_page(org, flow, client_for):
    proposal = _approved_gk(org, flow)
    client = client_for(org.users.director)
    page = client.get("/quyet-dinh-khen-thuong/ban-hanh/").content.decode()
    assert "mức lương cơ sở 2.340.000 đồng đang áp dụng vào ngày" in page
    assert "theo Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024, Văn phòng Sở đã xác nhận" in page
    response = client.post(
        "/quyet-dinh-khen-thuong/ban-hanh/", {"proposals": [proposal.pk], "date": "2027-01-15"}, follow=True
    )
    decision = Decision.objects.get()
    assert response.redirect_chain[-1][0] == f"/quyet-dinh-khen-thuong/{decision.pk}/"
    assert "Quyết định số 01/QĐ-STP" in response.content.decode()
    data = client.get(f"/quyet-dinh-khen-thuong/{decision.pk}/quyet-dinh.docx").content
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []
    # Only a Giấy khen, which the office set to go without money: Điều 2 says so in words.
    assert "Điều 2. Giấy khen của Giám đốc Sở được tặng không kèm tiền thưởng." in _text(data)
    assert "—" not in _text(data)


def test_an_incomplete_dossier_is_refused_on_the_page_with_what_is_missing(org, flow, client_for):
    proposal = flow.make(State.APPROVED, files=False)
    response = client_for(org.users.director).post(
        "/quyet-dinh-khen-thuong/ban-hanh/",
        {"proposals": [proposal.pk], "date": "2027-01-15", "summary": "Về việc tặng danh hiệu năm 2026"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "còn thiếu: Tờ trình, Giấy chứng nhận sáng kiến, đề tài khoa học" in page
    assert 'value="Về việc tặng danh hiệu năm 2026"' in page
    assert not Decision.objects.exists() and Proposal.objects.get().state == State.APPROVED


def test_only_the_director_issues(org, flow, client_for):
    assert client_for(org.users.officer).get("/quyet-dinh-khen-thuong/ban-hanh/").status_code == 403


def test_a_certificate_per_person_from_the_default_template(org, flow, client_for):
    proposal = _approved_gk(org, flow)
    services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    response = client_for(org.users.officer).get(f"/quyet-dinh-khen-thuong/giay-khen/{proposal.pk}.docx")
    text = _text(response.content)
    assert "GIẤY KHEN" in text and "Nguyễn Văn Đạt" in text and "Trưởng phòng" in text
    assert "Quyết định số 01/QĐ-STP" in text and "Tuyên Quang, ngày 15 tháng 01 năm 2027" in text
    assert clerk_problems(lines(response.content), on=DECIDED_ON) == []
    assert text.count("Đã có thành tích") == 1
    assert "\nĐã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2026.\n" in text
    assert "SỞ TƯ PHÁP" in text and "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH TUYÊN QUANG" in text
    assert "GIÁM ĐỐC\n" in text and text.rstrip().endswith("Nguyễn Khánh Lâm")
    assert "{" not in text


def test_the_office_edits_the_template_in_word_and_uploads_it(org, flow, client_for):
    client = client_for(org.users.officer)
    doc = Document(io.BytesIO(client.get("/khen-thuong/cai-dat/mau-giay-khen.docx").content))
    # As Word does, the placeholder typed by hand ends up split over several runs.
    paragraph = doc.add_paragraph()
    for part in ("Kính tặng ông/bà {ho", "_ten", "} — mẫu mới"):
        paragraph.add_run(part)
    buffer = io.BytesIO()
    doc.save(buffer)
    upload = SimpleUploadedFile("mau-moi.docx", buffer.getvalue(), content_type=DOCX_TYPE)
    client.post("/khen-thuong/cai-dat/mau-giay-khen/", {"file": upload})
    assert CertificateTemplate.objects.get().original_name == "mau-moi.docx"
    proposal = _approved_gk(org, flow)
    services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    text = _text(client.get(f"/quyet-dinh-khen-thuong/giay-khen/{proposal.pk}.docx").content)
    assert "Kính tặng ông/bà Nguyễn Văn Đạt — mẫu mới" in text


def test_a_template_that_is_not_word_or_lacks_a_placeholder_is_refused(org, flow, client_for):
    client = client_for(org.users.officer)
    response = client.post("/khen-thuong/cai-dat/mau-giay-khen/", {"file": pdf("mau.docx")})
    assert response.status_code == 400 and "không phải là tệp .docx thật" in response.content.decode()
    doc = Document(io.BytesIO(certificate_docx.default_template()))
    for paragraph in doc.paragraphs:
        if "{ngay}" in paragraph.text:
            paragraph.runs[0].text = "ngày ký"
    buffer = io.BytesIO()
    doc.save(buffer)
    response = client.post(
        "/khen-thuong/cai-dat/mau-giay-khen/",
        {"file": SimpleUploadedFile("thieu.docx", buffer.getvalue(), content_type=DOCX_TYPE)},
    )
    assert response.status_code == 400 and "Mẫu thiếu các ô cần điền: {ngay}" in response.content.decode()
    assert not CertificateTemplate.objects.exists()


def test_fill_keeps_the_rest_of_a_run(org):
    data = certificate_docx.fill(
        certificate_docx.default_template(),
        {
            "ho_ten": "Ma Văn Sơn",
            "chuc_vu": "Giám đốc",
            "don_vi": "Trung tâm",
            "thanh_tich": "xuất sắc",
            "so_quyet_dinh": "05/QĐ-STP",
            "ngay": "Tuyên Quang, ngày 05 tháng 01 năm 2027",
            "chuc_vu_ky": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
            "nguoi_ky": "Lê Văn Ba",
        },
    )
    assert certificate_docx.missing_placeholders(io.BytesIO(data)) == list(
        map(certificate_docx.token, certificate_docx.PLACEHOLDERS)
    )
    text = _text(data)
    assert "\nxuất sắc\n" in text and "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in text and "Lê Văn Ba" in text


def test_the_base_salary_is_dated_data_entered_then_confirmed(org, plan, client_for):
    client = client_for(org.users.officer)
    page = client.get("/khen-thuong/cai-dat/").content.decode()
    assert "Chưa có mức lương cơ sở áp dụng cho ngày" in page
    refused = client.post(
        "/khen-thuong/cai-dat/", {"amount": "-5", "effective_from": "2027-01-01", "basis": "Nghị định thử"}
    )
    assert refused.status_code == 400 and 'value="Nghị định thử"' in refused.content.decode()
    assert not BaseSalary.objects.exists()
    client.post(
        "/khen-thuong/cai-dat/", {"amount": "2530000", "effective_from": "2026-07-01", "basis": "Nghị định mới"}
    )
    row = BaseSalary.objects.get()
    assert (row.amount, row.confirmed) == (Decimal("2530000"), False)
    page = client.get("/khen-thuong/cai-dat/").content.decode()
    assert "chưa được Văn phòng Sở xác nhận" in page and 'data-testid="confirm-salary"' in page
    # Confirming needs the text's date, which the decision cites.
    answer = client.post(f"/khen-thuong/cai-dat/luong-co-so/{row.pk}/xac-nhan/", follow=True).content.decode()
    assert "Hãy ghi văn bản quy định" in answer and "ngày ban hành" in answer
    assert not BaseSalary.objects.get().confirmed
    client.post(
        "/khen-thuong/cai-dat/",
        {
            "amount": "2530000",
            "effective_from": "2026-07-01",
            "basis": "Nghị định số 1/2026/NĐ-CP",
            "basis_date": "2026-06-20",
        },
    )
    client.post(f"/khen-thuong/cai-dat/luong-co-so/{row.pk}/xac-nhan/")
    row.refresh_from_db()
    assert row.confirmed and row.confirmed_by == org.users.officer
    assert row.citation == "Nghị định số 1/2026/NĐ-CP ngày 20 tháng 6 năm 2026"
    # A confirmed figure is never rewritten; a change is a new row from its own date.
    again = client.post(
        "/khen-thuong/cai-dat/",
        {"amount": "9", "effective_from": "2026-07-01", "basis": "x", "basis_date": "2026-06-20"},
    )
    assert again.status_code == 400 and "đã được xác nhận và không sửa được" in again.content.decode()
    assert BaseSalary.objects.get().amount == Decimal("2530000")
    logged = ActivityLog.objects.for_object(row)
    assert logged.count() == 3  # entered, corrected, confirmed
    for user in (org.users.head_a, org.users.director):
        assert client_for(user).get("/khen-thuong/cai-dat/").status_code == 403
        assert client_for(user).post(f"/khen-thuong/cai-dat/luong-co-so/{row.pk}/xac-nhan/").status_code == 403


def test_the_payment_rule_is_recorded_with_its_sources_and_never_rewritten(org, plan, client_for):
    client = client_for(org.users.officer)
    data = {"effective_from": "2024-01-01", "highest_only": "1", "rounding": "up_10000", "highest_only_basis": ""}
    refused = client.post("/khen-thuong/cai-dat/quy-tac-chi/", data)
    assert refused.status_code == 400 and PaymentRule.objects.count() == 0
    data |= {"highest_only_basis": "Quy chế của Sở", "rounding_basis": "Quy chế chi tiêu nội bộ"}
    client.post("/khen-thuong/cai-dat/quy-tac-chi/", data)
    rule = PaymentRule.objects.get()
    assert (rule.highest_only, rule.rounding, rule.rounding_basis) == (True, "up_10000", "Quy chế chi tiêu nội bộ")
    again = client.post("/khen-thuong/cai-dat/quy-tac-chi/", data | {"highest_only": "0"})
    assert again.status_code == 400 and "không sửa được" in again.content.decode()
    assert PaymentRule.objects.get().highest_only is True
    assert client_for(org.users.head_a).post("/khen-thuong/cai-dat/quy-tac-chi/", data).status_code == 403


def test_the_decision_list_keeps_its_query_count_and_its_readers(org, flow, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    proposal = _approved_gk(org, flow)
    services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
    client = client_for(org.users.officer)
    with CaptureQueriesContext(connection) as first:
        client.get("/quyet-dinh-khen-thuong/")
    other = flow.make(State.APPROVED)
    services.issue_decision(actor=org.users.director, proposals=[other], date=DECIDED_ON)
    with CaptureQueriesContext(connection) as second:
        page = client.get("/quyet-dinh-khen-thuong/").content.decode()
    assert page.count('data-testid="decision-row"') == 2
    assert len(second.captured_queries) == len(first.captured_queries)
    assert (
        client_for(org.users.head_a)
        .get("/quyet-dinh-khen-thuong/")
        .content.decode()
        .count('data-testid="decision-row"')
        == 2
    )
    decision = Decision.objects.first()
    assert client_for(org.users.head_b).get(f"/quyet-dinh-khen-thuong/{decision.pk}/").status_code == 404
    assert client_for(org.users.head_b).get(f"/quyet-dinh-khen-thuong/giay-khen/{proposal.pk}.docx").status_code == 404
    assert client_for(org.users.staff_a).get("/quyet-dinh-khen-thuong/").status_code == 403


def test_the_settings_page_lists_figures_and_rules_in_a_fixed_number_of_queries(org, plan, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.proposals.conftest import settle_money

    client = client_for(org.users.officer)
    settle_money(org.users.officer)
    with CaptureQueriesContext(connection) as first:
        client.get("/khen-thuong/cai-dat/")
    for year in (2025, 2026):
        services.set_base_salary(
            actor=org.users.officer,
            amount=Decimal("2500000") + year,
            effective_from=datetime.date(year, 7, 1),
            basis=f"Nghị định {year}",
        )
        services.record_payment_rule(
            actor=org.users.officer,
            effective_from=datetime.date(year, 1, 1),
            highest_only=False,
            highest_only_basis="Quy chế",
            rounding="dong",
            rounding_basis="Quy chế",
        )
    with CaptureQueriesContext(connection) as second:
        page = client.get("/khen-thuong/cai-dat/").content.decode()
    assert page.count('data-testid="salary-row"') == 3 and page.count('data-testid="confirm-salary"') == 2
    assert len(second.captured_queries) == len(first.captured_queries)
