"""The year-end guidance on bình xét: laid out per Nghị định 30/2020, the titles and
forms in force with who decides and their articles, the steps of the unit's meeting,
the dossier of R13 and the deadline; the office's, with a clear message for a bad
deadline."""

import datetime

import pytest
from django.urls import reverse

from tests.documents.content import content_problems
from tests.documents.layout import nd30_problems
from tests.wording.edits import assert_office_owns
from thidua.plans.loading import load_plan
from thidua.ratingmeetings.guidance_docx import GuidanceDocx
from thidua.ratingmeetings.wording import GUIDANCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return load_plan()[0]


def test_the_guidance(plan):
    data = GuidanceDocx(2026, datetime.date(2027, 1, 5)).render()
    assert nd30_problems(data, doc_type="HƯỚNG DẪN") == []
    assert (
        content_problems(
            data,
            later_dates=True,
            expected=[
                "/HD-STP",
                "Bình xét thi đua, khen thưởng năm 2026",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Nghị định số 98/2023/NĐ-CP",
                "1. Thuộc thẩm quyền quyết định của Giám đốc Sở:",
                "- Lao động tiên tiến (căn cứ: Luật Thi đua, khen thưởng",
                "2. Sở đề nghị cấp trên khen thưởng:",
                "trình Chủ tịch UBND tỉnh",
                "số phiếu đồng ý, không đồng ý của từng người",
                "Hồ sơ đề nghị danh hiệu thi đua gồm: tờ trình",
                "trước ngày 05/01/2027.",
                "GIÁM ĐỐC",
                "Nguyễn Khánh Lâm",
                "- Các phòng, đơn vị thuộc Sở;",
            ],
        )
        == []
    )


def test_the_guidance_is_the_offices(client_for, org, plan):
    url = reverse("rating_guidance")
    officer = client_for(org.users.officer)
    answer = officer.get(url, {"year": 2026, "han": "2027-01-05"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(org.users.head_a).get(url, {"year": 2026, "han": "2027-01-05"}).status_code == 403
    answer = officer.get(url, {"year": 2026, "han": "2029-01-05"}, follow=True)
    assert "Hạn gửi hồ sơ phải trong năm 2026 hoặc đầu năm sau." in answer.content.decode()
    answer = officer.get(url, {"year": 2026, "han": "05/01/2027"}, follow=True)
    assert "dạng YYYY-MM-DD" in answer.content.decode()
    assert 'data-testid="rating-guidance"' in officer.get(reverse("rating_meeting_list")).content.decode()


def test_the_office_owns_the_guidances_wording(org, plan):
    assert_office_owns(
        org.users.officer,
        GUIDANCE,
        "trinh_tu",
        "Các phòng, đơn vị họp bình xét và lập biên bản.",
        lambda: GuidanceDocx(2026, datetime.date(2027, 1, 5)).render(),
    )
