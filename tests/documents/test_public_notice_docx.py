"""The public notice of the proposed list before the council decides: the proposals
accepted or before the council, by title or form, read back for layout and content;
for the office and the director only."""

import pytest
from django.urls import reverse

from tests.documents.content import content_problems
from tests.documents.layout import nd30_problems
from tests.proposals.conftest import Flow, rate
from tests.wording.edits import assert_office_owns
from thidua.core.codes import State
from thidua.plans.loading import load_plan
from thidua.proposals.public_notice_docx import PublicNoticeDocx, listed
from thidua.proposals.wording import PUBLIC_NOTICE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def proposals(org):
    load_plan()
    rate(org.people.staff_a)
    rate(org.people.head_a, "HTTNV")
    flow = Flow(org)
    flow.make(State.ACCEPTED)
    flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False)
    flow.make(State.DRAFT, org.units.a, "GK", files=False)  # not yet sent: not public


def test_the_notice_lists_what_the_council_is_about_to_decide(org, proposals):
    rows = list(listed(org.users.officer, 2026))
    data = PublicNoticeDocx(rows, 2026).render()
    assert nd30_problems(data, doc_type="THÔNG BÁO") == []
    assert (
        content_problems(
            data,
            expected=[
                "/TB-STP",
                "Công khai danh sách tập thể, cá nhân được đề nghị khen thưởng năm 2026",
                "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "Nghị định số 98/2023/NĐ-CP",
                "danh sách 02 cá nhân được các phòng, đơn vị đề nghị",
                "1. Chiến sĩ thi đua cơ sở: 01 cá nhân.",
                "2. Giấy khen của Giám đốc Sở: 01 cá nhân.",
                "Đặng Thị Hương",
                "Nguyễn Văn Đạt, Trưởng phòng",
                "05 ngày làm việc",
                "GIÁM ĐỐC",
                "Nguyễn Khánh Lâm",
                "- Trang thông tin điện tử của Sở;",
            ],
            absent=["tập thể được"],
        )
        == []
    )


def test_the_notice_is_the_offices(client_for, org, proposals):
    url = reverse("public_notice_docx", args=[2026])
    assert client_for(org.users.officer).get(url).status_code == 200
    assert client_for(org.users.director).get(url).status_code == 200
    assert client_for(org.users.head_a).get(url).status_code == 403
    assert client_for(org.users.head_b).get(url).status_code == 403
    assert client_for(org.users.officer).get(reverse("public_notice_docx", args=[2025])).status_code == 404
    page = client_for(org.users.officer).get(reverse("proposal_list") + "?year=2026").content.decode()
    assert 'data-testid="public-notice"' in page
    page = client_for(org.users.head_a).get(reverse("proposal_list") + "?year=2026").content.decode()
    assert 'data-testid="public-notice"' not in page


def test_the_office_owns_the_notices_wording(org, proposals):
    rows = list(listed(org.users.officer, 2026))
    assert_office_owns(
        org.users.officer,
        PUBLIC_NOTICE,
        "y_kien",
        "Ý kiến gửi về Văn phòng Sở trong 07 ngày làm việc.",
        lambda: PublicNoticeDocx(rows, 2026).render(),
    )
