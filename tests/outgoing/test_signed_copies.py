"""The signed copy of an issued document: uploaded by the office through the upload
checks, verified, shown with its label in the register; only a valid signature is shown
as signed, on the register and on the public honours page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.outgoing.signed_pdfs import SIGNER, altered, unsigned_pdf
from thidua.commendation import services as commendation
from thidua.core.models import ActivityLog
from thidua.honours.services import publish_award
from thidua.outgoing.models import Signature, SignedCopy
from thidua.outgoing.numbering import record_outside

pytestmark = pytest.mark.django_db


@pytest.fixture
def line(org):
    return record_outside(
        actor=org.users.officer,
        agency=org.units.agency,
        doc_type="QĐ",
        number=3,
        on=datetime.date(2026, 1, 20),
        subject="Về việc khen thưởng thành tích năm 2025",
    )


def pdf(data: bytes, name: str = "qd-03.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def upload(client, line, data, name="qd-03.pdf"):
    return client.post(reverse("outgoing_upload_signed", args=[line.pk]), {"file": pdf(data, name)})


def badge(label: str) -> str:
    return f'data-testid="signature-status">{label}<'


def test_a_valid_signed_copy_is_shown_signed_with_its_signer(org, client_for, line, trust_folder, government_ca):
    client = client_for(org.users.officer)
    response = upload(client, line, government_ca.sign(unsigned_pdf()))
    assert response.status_code == 302
    copy = SignedCopy.objects.get()
    assert (copy.status, copy.issued, copy.uploaded_by) == (Signature.VALID, line, org.users.officer)
    assert copy.signer.startswith(SIGNER)
    assert ActivityLog.objects.for_object(copy).get().changes["status"] == [None, "valid"]
    page = client.get(reverse("outgoing_line", args=[line.pk])).content.decode()
    assert badge("Đã ký số, chữ ký hợp lệ") in page and SIGNER in page
    register = client.get(reverse("outgoing_register"), {"nam": 2026}).content.decode()
    assert badge("Đã ký số, chữ ký hợp lệ") in register
    download = client.get(reverse("outgoing_signed_file", args=[copy.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("make", "label"),
    [
        (lambda ca, stranger: unsigned_pdf(), "Bản chưa ký số"),
        (lambda ca, stranger: altered(ca.sign(unsigned_pdf())), "Tệp đã bị sửa sau khi ký"),
        (lambda ca, stranger: stranger.sign(unsigned_pdf()), "Chữ ký không chuỗi tới gốc tin cậy"),
    ],
)
def test_an_unsigned_altered_or_untrusted_copy_is_labelled_so_never_signed(
    org, client_for, line, trust_folder, government_ca, stranger_ca, make, label
):
    client = client_for(org.users.officer)
    assert upload(client, line, make(government_ca, stranger_ca)).status_code == 302
    register = client.get(reverse("outgoing_register"), {"nam": 2026}).content.decode()
    assert badge(label) in register
    assert "Đã ký số, chữ ký hợp lệ" not in register
    assert not SignedCopy.objects.get().is_signed


def test_the_latest_upload_is_the_issued_copy(org, client_for, line, trust_folder, government_ca):
    client = client_for(org.users.officer)
    upload(client, line, government_ca.sign(unsigned_pdf()))
    upload(client, line, unsigned_pdf(), "ban-quet.pdf")
    register = client.get(reverse("outgoing_register"), {"nam": 2026}).content.decode()
    assert badge("Bản chưa ký số") in register and badge("Đã ký số, chữ ký hợp lệ") not in register


def test_only_a_pdf_is_taken_and_a_renamed_file_is_refused(org, client_for, line):
    client = client_for(org.users.officer)
    not_pdf = upload(client, line, b"\x89PNG\r\n\x1a\n" + b"0" * 64, "anh.png")
    assert not_pdf.status_code == 400
    assert "Bản đã ký phải là tệp PDF" in not_pdf.content.decode()
    renamed = upload(client, line, b"MZ\x90\x00 chuong trinh", "qd.pdf")
    assert renamed.status_code == 400
    assert "không phải là tệp .pdf thật" in renamed.content.decode()
    assert not SignedCopy.objects.exists()


def test_a_file_over_the_limit_is_refused(org, client_for, line, settings):
    settings.MAX_UPLOAD_MB = 1
    response = upload(client_for(org.users.officer), line, b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 10))
    assert response.status_code == 400
    assert "quá lớn (tối đa 1 MB)" in response.content.decode()
    assert not SignedCopy.objects.exists()


def test_only_the_office_uploads_and_another_agency_sees_nothing(org, client_for, line, government_ca):
    director = client_for(org.users.director)
    assert upload(director, line, unsigned_pdf()).status_code == 403
    assert upload(client_for(org.users.staff_a), line, unsigned_pdf()).status_code == 403
    upload(client_for(org.users.officer), line, unsigned_pdf())
    copy = SignedCopy.objects.get()
    assert client_for(org.users.head_a).get(reverse("outgoing_signed_file", args=[copy.pk])).status_code == 403
    assert director.get(reverse("outgoing_signed_file", args=[copy.pk])).status_code == 200


@pytest.fixture
def published_award(org, line):
    award = commendation.record_award(
        actor=org.users.officer,
        subject=org.people.staff_a,
        code="LDTT",
        year=2025,
        decision_number=line.number_symbol,
        decision_date=line.document_date,
        issuer="Giám đốc Sở Tư pháp",
    )
    publish_award(actor=org.users.officer, award=award)
    return award


def test_the_public_page_links_the_signed_decision_only_when_valid(
    org, client, client_for, line, published_award, trust_folder, government_ca
):
    office = client_for(org.users.officer)
    upload(office, line, altered(government_ca.sign(unsigned_pdf())))
    altered_copy = SignedCopy.objects.get()
    page = client.get(reverse("honours_awards"), {"nam": 2025}).content.decode()
    assert line.number_symbol in page and 'data-testid="signed-decision"' not in page
    assert client.get(reverse("honours_signed_decision", args=[altered_copy.pk])).status_code == 404
    upload(office, line, government_ca.sign(unsigned_pdf()))
    valid = SignedCopy.objects.filter(status=Signature.VALID).get()
    page = client.get(reverse("honours_awards"), {"nam": 2025}).content.decode()
    assert reverse("honours_signed_decision", args=[valid.pk]) in page
    response = client.get(reverse("honours_signed_decision", args=[valid.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
