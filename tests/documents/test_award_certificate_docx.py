"""Certificates of CSTĐCS and of a collective's Giấy khen: the name, the achievement
once, the decision, the date and the signer's name; Times New Roman on a landscape
page; for those who see the proposal; a person's Giấy khen stays with the template."""

import io

import pytest
from django.urls import reverse
from docx import Document

from tests.documents.content import content_problems, text_of
from tests.documents.test_decision_list_docx import decision, media  # noqa: F401 (fixtures)
from tests.wording.edits import assert_office_owns
from thidua.proposals.award_certificate_docx import AwardCertificateDocx, has_certificate
from thidua.proposals.wording import AWARD_CERTIFICATE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]


def _proposal(decision, code, collective):  # noqa: F811
    return next(p for p in decision.proposals.all() if p.award_code == code and (p.unit_id is not None) == collective)


def test_which_awards_have_one(decision):  # noqa: F811
    assert has_certificate(_proposal(decision, "CSTDCS", False))
    assert has_certificate(_proposal(decision, "GK", True))
    assert not has_certificate(_proposal(decision, "GK", False))  # the office's Giấy khen template


def test_the_cstdcs_certificate(org, decision):  # noqa: F811
    data = AwardCertificateDocx(_proposal(decision, "CSTDCS", False)).render()
    assert (
        content_problems(
            data,
            expected=[
                "UBND TỈNH TUYÊN QUANG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH TUYÊN QUANG",
                "CHỨNG NHẬN",
                "GIẤY CHỨNG NHẬN",
                "Đặng Thị Hương",
                "Đạt danh hiệu Chiến sĩ thi đua cơ sở năm 2026",
                "Quyết định số 01/QĐ-STP ngày 15/01/2027",
                "Tuyên Quang, ngày 15 tháng 01 năm 2027",
                "GIÁM ĐỐC",
                "Nguyễn Khánh Lâm",
            ],
        )
        == []
    )
    assert text_of(data).count("Chiến sĩ thi đua cơ sở") == 1
    doc = Document(io.BytesIO(data))
    assert doc.sections[0].page_width > doc.sections[0].page_height
    assert {r.font.name for p in doc.paragraphs for r in p.runs} == {"Times New Roman"}


def test_the_collectives_giay_khen(org, decision):  # noqa: F811
    data = AwardCertificateDocx(_proposal(decision, "GK", True)).render()
    assert (
        content_problems(
            data,
            expected=[
                "TẶNG",
                "GIẤY KHEN",
                org.units.a.name,
                "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2026",
                "Nguyễn Khánh Lâm",
            ],
            absent=["Đã có thành tích: Đã có", "CHỨNG NHẬN"],
        )
        == []
    )


def test_downloads_follow_the_proposal(client_for, org, decision):  # noqa: F811
    url = reverse("award_certificate_docx", args=[_proposal(decision, "CSTDCS", False).pk])
    assert client_for(org.users.head_a).get(url).status_code == 200
    assert client_for(org.users.head_b).get(url).status_code == 404
    person_gk = reverse("award_certificate_docx", args=[_proposal(decision, "GK", False).pk])
    assert client_for(org.users.officer).get(person_gk).status_code == 404
    page = client_for(org.users.director).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert page.count('data-testid="award-certificate"') == 2 and page.count('data-testid="certificate"') == 1


def test_the_office_owns_the_certificates_wording(org, decision):  # noqa: F811
    assert_office_owns(
        org.users.officer,
        AWARD_CERTIFICATE,
        "thanh_tich_danh_hieu",
        "Được công nhận danh hiệu thi đua",
        lambda: AwardCertificateDocx(_proposal(decision, "CSTDCS", False)).render(),
    )


def test_every_certificate_of_the_decision_in_one_file(client_for, org, decision):  # noqa: F811
    url = reverse("award_certificates_docx", args=[decision.pk])
    doc = Document(io.BytesIO(client_for(org.users.officer).get(url).content))
    starts = [p for p in doc.paragraphs if p.paragraph_format.page_break_before]
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert len(starts) == 1  # two certificates: the CSTĐCS and the collective's Giấy khen
    for code, collective in (("CSTDCS", False), ("GK", True)):
        proposal = _proposal(decision, code, collective)
        assert proposal.decided_name in texts
    page = client_for(org.users.officer).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert url in page
    assert client_for(org.users.staff_a).get(url).status_code in (403, 404)
