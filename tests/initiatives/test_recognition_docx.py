"""The department's decision recognising initiatives and each initiative's
certificate: laid out per Nghị định 30/2020, every initiative of the decision with
its authors and shares; the certificate for whoever sees the initiative, the decision
for the office; a decision of another level is not written here."""

import datetime

import pytest
from django.urls import reverse

from tests.documents.content import content_problems, text_of
from tests.documents.layout import nd30_problems
from tests.wording.edits import assert_office_owns
from thidua.core.codes import Scope, State
from thidua.initiatives import services
from thidua.initiatives.recognition_docx import InitiativeCertificateDocx, RecognitionDecisionDocx
from thidua.initiatives.wording import CERTIFICATE, RECOGNITION
from thidua.wording.models import BasisKind
from thidua.wording.services import record_basis

pytestmark = pytest.mark.django_db


@pytest.fixture
def recognised(org, make):
    first = make(State.RECOGNISED, authors=[(org.people.staff_a, 60), (org.people.head_a, 40)])
    second = make(
        State.RECOGNISED,
        title="Tra cứu văn bản pháp luật trên điện thoại",
        unit=org.units.b,
        creator=org.users.head_b,
        authors=[(org.people.staff_b, 100)],
    )
    return first, second


def test_the_decision_lists_every_initiative_of_its_number(org, recognised):
    data = RecognitionDecisionDocx(recognised[0]).render()
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []
    assert (
        content_problems(
            data,
            expected=[
                "Số: 215/QĐ-STP",
                "Tuyên Quang, ngày 20 tháng 10 năm 2026",
                "Về việc công nhận sáng kiến năm 2026",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 13/2012/NĐ-CP",
                "Căn cứ Thông tư số 18/2013/TT-BKHCN",
                "Công nhận 02 sáng kiến năm 2026",
                "Số hóa hồ sơ lý lịch tư pháp",
                "Đặng Thị Hương (60%); Nguyễn Văn Đạt (40%)",
                "Tra cứu văn bản pháp luật trên điện thoại",
                "Triệu Thị Mai (100%)",
                "Cơ sở",
                "Quyết định này có hiệu lực kể từ ngày ký.",
                "GIÁM ĐỐC",
                "Nguyễn Khánh Lâm",
            ],
        )
        == []
    )


def test_the_certificate(org, recognised):
    data = InitiativeCertificateDocx(recognised[0]).render()
    assert nd30_problems(data, doc_type="GIẤY CHỨNG NHẬN") == []
    assert (
        content_problems(
            data,
            expected=[
                "/GCN-STP",
                "Giám đốc Sở Tư pháp tỉnh Tuyên Quang chứng nhận:",
                "Tên sáng kiến: Số hóa hồ sơ lý lịch tư pháp",
                "Tác giả: Đặng Thị Hương (60%); Nguyễn Văn Đạt (40%)",
                "Phạm vi ảnh hưởng: Cơ sở",
                "Nơi áp dụng: Phòng Hành chính tư pháp",
                "theo Quyết định số 215/QĐ-STP ngày 20/10/2026 của Giám đốc Sở Tư pháp tỉnh Tuyên Quang./.",
            ],
            absent=["Tra cứu văn bản pháp luật"],
        )
        == []
    )


def test_downloads_follow_the_initiative(client_for, org, recognised):
    first, second = recognised
    certificate = reverse("initiative_certificate_docx", args=[first.pk])
    decision = reverse("initiative_recognition_docx", args=[first.pk])
    assert client_for(org.users.staff_a).get(certificate).status_code == 200
    assert client_for(org.users.staff_a).get(decision).status_code == 403
    assert client_for(org.users.officer).get(decision).status_code == 200
    assert client_for(org.users.head_b).get(certificate).status_code == 404
    page = client_for(org.users.officer).get(reverse("initiative_detail", args=[first.pk])).content.decode()
    assert 'data-testid="initiative-certificate"' in page and 'data-testid="initiative-decision"' in page


def test_a_decision_numbered_by_another_agency_is_not_written_here(client_for, org, make):
    item = make(State.UNDER_REVIEW, scores=[org.users.councillor])
    item = services.recognise(
        actor=org.users.officer,
        initiative=item,
        scope=Scope.CO_SO,
        decision_number="88/QĐ-UBND",
        decision_date=datetime.date(2026, 11, 2),
    )
    officer = client_for(org.users.officer)
    assert officer.get(reverse("initiative_certificate_docx", args=[item.pk])).status_code == 404
    assert officer.get(reverse("initiative_recognition_docx", args=[item.pk])).status_code == 404


def test_the_office_owns_the_decision_and_certificate_wording(org, recognised):
    officer = org.users.officer
    assert_office_owns(
        officer,
        RECOGNITION,
        "dieu_2",
        "Tác giả được hưởng quyền lợi theo quy định.",
        lambda: RecognitionDecisionDocx(recognised[0]).render(),
    )
    assert_office_owns(
        officer, CERTIFICATE, "chung_nhan", "Sở chứng nhận:", lambda: InitiativeCertificateDocx(recognised[0]).render()
    )


def test_the_decision_cites_the_offices_legal_bases_and_its_effect(org, recognised):
    record_basis(
        actor=org.users.officer,
        kind=BasisKind.PROVINCE,
        number="25/2023/QĐ-UBND",
        signed_on=datetime.date(2023, 10, 16),
        issuer="UBND tỉnh Tuyên Quang",
        subject="ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Tuyên Quang",
    )
    text = text_of(RecognitionDecisionDocx(recognised[0]).render())
    assert text.index("Căn cứ Thông tư số 18/2013/TT-BKHCN") < text.index("Căn cứ Quyết định số 25/2023/QĐ-UBND")
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in text
