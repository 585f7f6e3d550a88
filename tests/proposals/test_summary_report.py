"""The Báo cáo tóm tắt thành tích of the simplified procedure: who, the case of Art. 85,
the year's rating, the achievement as written, the head's and the person's names;
linked from the dossier; only for a proposal under the simplified procedure."""

import pytest
from django.urls import reverse

from tests.documents.content import content_problems
from tests.documents.layout import own_report_problems
from tests.wording.edits import assert_office_owns
from thidua.proposals import services
from thidua.proposals.summary_report_docx import SummaryReportDocx
from thidua.proposals.wording import SUMMARY_REPORT

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(org, flow):
    made = flow.create(code="GK", simplified_case="sudden_achievement", kind="dot_xuat")
    return services.update_proposal(
        actor=org.users.head_a,
        proposal=made,
        report_text="Tham gia giải quyết kịp thời vụ việc trợ giúp pháp lý đột xuất tháng 9 năm 2026.",
        simplified_case="sudden_achievement",
    )


def test_the_summary_report(org, proposal):
    data = SummaryReportDocx(proposal).render()
    assert own_report_problems(data) == []
    assert (
        content_problems(
            data,
            expected=[
                "SỞ TƯ PHÁP",
                org.units.a.name.upper(),
                "BÁO CÁO TÓM TẮT THÀNH TÍCH",
                "Đề nghị tặng Giấy khen của Giám đốc Sở",
                "(theo thủ tục đơn giản)",
                "Họ và tên: Đặng Thị Hương.",
                f"Đơn vị công tác: {org.units.a.name}.",
                "Thành tích xuất sắc đột xuất (Điều 85 Luật Thi đua, khen thưởng).",
                "Xếp loại chất lượng năm 2026: Hoàn thành xuất sắc nhiệm vụ.",
                "vụ việc trợ giúp pháp lý đột xuất tháng 9 năm 2026",
                "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ",
                "Nguyễn Văn Đạt",
                "NGƯỜI BÁO CÁO",
            ],
        )
        == []
    )


def test_only_for_the_simplified_procedure_and_the_proposals_readers(client_for, org, flow, proposal):
    url = reverse("summary_report_docx", args=[proposal.pk])
    assert client_for(org.users.head_a).get(url).status_code == 200
    assert client_for(org.users.head_b).get(url).status_code == 404
    ordinary = flow.create(org.people.head_a)
    assert client_for(org.users.head_a).get(reverse("summary_report_docx", args=[ordinary.pk])).status_code == 404
    page = client_for(org.users.head_a).get(reverse("proposal_detail", args=[proposal.pk])).content.decode()
    assert 'data-testid="summary-report-docx"' in page


def test_the_office_owns_the_summary_reports_wording(org, proposal):
    assert_office_owns(
        org.users.officer,
        SUMMARY_REPORT,
        "xac_nhan_ca_nhan",
        "XÁC NHẬN CỦA TRƯỞNG PHÒNG",
        lambda: SummaryReportDocx(proposal).render(),
    )
