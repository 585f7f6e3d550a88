"""The council's own documents: the Giấy mời of a meeting, the decision establishing
the council and its Quy chế; each read back for the official layout and for what a
clerk would correct; downloaded by the office (and the director), refused to others."""

import datetime

import pytest
from django.urls import reverse

from tests.documents.content import content_problems, text_of
from tests.documents.layout import appendix_problems, nd30_problems
from tests.proposals.conftest import Flow, rate
from tests.wording.edits import assert_office_owns
from thidua.core.codes import State
from thidua.council import services
from thidua.council.establishment_docx import CouncilRulesDocx, EstablishmentDecisionDocx, roster
from thidua.council.invitation_docx import InvitationDocx, day_text
from thidua.council.wording import COUNCIL_RULES, ESTABLISHMENT, INVITATION
from thidua.plans.loading import load_plan
from thidua.wording.models import BasisKind
from thidua.wording.services import record_basis

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(org):
    load_plan()
    rate(org.people.staff_a)
    flow = Flow(org)
    flow.meeting = services.create_meeting(
        actor=org.users.officer,
        title="Họp xét khen thưởng năm 2026",
        date=datetime.date(2027, 1, 8),
        year=2026,
        place="Phòng họp tầng 2",
        chair=org.users.director,
        secretary=org.users.councillor,
    )
    flow.make(State.UNDER_REVIEW)
    return flow.meeting


def test_the_weekday_is_named():
    assert day_text(datetime.date(2027, 1, 8)) == "thứ Sáu, ngày 08 tháng 01 năm 2027"


def test_the_invitation(org, meeting):
    data = InvitationDocx(meeting).render()
    assert nd30_problems(data, doc_type="GIẤY MỜI") == []
    assert (
        content_problems(
            data,
            expected=[
                "/GM-STP",
                "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm 2026",
                "Sở Tư pháp tỉnh Tuyên Quang trân trọng kính mời",
                "Nguyễn Khánh Lâm",
                "Chủ tịch Hội đồng",
                "Bùi Quang Long",
                "Ủy viên, Thư ký Hội đồng",
                "2. Thời gian: thứ Sáu, ngày 08 tháng 01 năm 2027.",
                "3. Địa điểm: Phòng họp tầng 2.",
                "01 trường hợp",
                "GIÁM ĐỐC",
                "- Như thành phần mời;",
            ],
        )
        == []
    )
    text = text_of(data)
    assert text.index("Nguyễn Khánh Lâm") < text.index("Bùi Quang Long")  # the chair first


def test_the_invitation_gives_the_start_time_once_recorded(meeting):
    meeting.starts_at = datetime.time(8, 0)
    meeting.save(update_fields=["starts_at"])
    text = text_of(InvitationDocx(meeting).render())
    assert "2. Thời gian: 08 giờ 00, thứ Sáu, ngày 08 tháng 01 năm 2027." in text


def test_the_office_owns_the_invitations_wording(org, meeting):
    assert_office_owns(
        org.users.officer,
        INVITATION,
        "de_nghi",
        "Đề nghị các thành viên có mặt đúng giờ.",
        lambda: InvitationDocx(meeting).render(),
    )


def test_the_decision_establishing_the_council(org, meeting):
    data = EstablishmentDecisionDocx(org.users.officer).render()
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []
    assert (
        content_problems(
            data,
            expected=[
                "/QĐ-STP",
                "Về việc thành lập Hội đồng Thi đua - Khen thưởng Sở Tư pháp tỉnh Tuyên Quang",
                "GIÁM ĐỐC SỞ TƯ PHÁP",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 98/2023/NĐ-CP",
                "Căn cứ Kế hoạch",
                "Theo đề nghị của Chánh Văn phòng Sở.",
                "Quyết định này có hiệu lực kể từ ngày ký.",
                "Nguyễn Khánh Lâm",
                "Bùi Quang Long",
                "- Như Điều 4;",
            ],
        )
        == []
    )
    assert roster(org.users.officer) == [
        ("Nguyễn Khánh Lâm", "Giám đốc", "Chủ tịch Hội đồng"),
        ("Bùi Quang Long", "Công chức", "Ủy viên, Thư ký Hội đồng"),
    ]


def test_the_council_rules_state_the_figures_of_r17(meeting):
    data = CouncilRulesDocx().render()
    assert appendix_problems(data, doc_type="QUY CHẾ") == []
    assert (
        content_problems(
            data,
            expected=[
                "Tổ chức và hoạt động của Hội đồng Thi đua - Khen thưởng Sở Tư pháp tỉnh Tuyên Quang",
                "(Ban hành kèm theo Quyết định số",
                "ít nhất 2/3 (66,7%) tổng số thành viên",
                "trên 50% tổng số thành viên",
                "Chiến sĩ thi đua cấp Bộ, ban, ngành, tỉnh, cần có ít nhất 90%",
                "bỏ phiếu kín",
                "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "GIÁM ĐỐC",
                "Nguyễn Khánh Lâm",
            ],
        )
        == []
    )


def test_downloads_are_the_offices(client_for, org, meeting):
    urls = [
        reverse("meeting_invitation", args=[meeting.pk]),
        reverse("council_establishment"),
        reverse("council_rules"),
    ]
    officer = client_for(org.users.officer)
    for url in urls:
        assert officer.get(url).status_code == 200
    assert client_for(org.users.director).get(urls[1]).status_code == 200
    councillor = client_for(org.users.councillor)
    assert [councillor.get(url).status_code for url in urls] == [403, 403, 403]
    head = client_for(org.users.head_b)
    assert head.get(urls[0]).status_code == 404 and head.get(urls[1]).status_code == 403
    page = officer.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert 'data-testid="download-invitation"' in page
    page = officer.get(reverse("meeting_list")).content.decode()
    assert 'data-testid="council-establishment"' in page and 'data-testid="council-rules"' in page


def test_the_office_owns_the_establishment_decision_and_rules_wording(org, meeting):
    officer = org.users.officer
    assert_office_owns(
        officer,
        ESTABLISHMENT,
        "dieu_2",
        "Hội đồng tham mưu cho Giám đốc Sở.",
        lambda: EstablishmentDecisionDocx(officer).render(),
    )
    assert_office_owns(
        officer,
        COUNCIL_RULES,
        "dieu_7",
        "Văn phòng Sở theo dõi việc thực hiện Quy chế này.",
        lambda: CouncilRulesDocx().render(),
    )


def test_the_establishment_decision_cites_the_offices_legal_bases(org, meeting):
    record_basis(
        actor=org.users.officer,
        kind=BasisKind.FUNCTIONS,
        number="12/2025/QĐ-UBND",
        signed_on=datetime.date(2025, 3, 4),
        issuer="UBND tỉnh Tuyên Quang",
        subject="quy định chức năng, nhiệm vụ, quyền hạn của Sở Tư pháp",
    )
    text = text_of(EstablishmentDecisionDocx(org.users.officer).render())
    assert text.index("Căn cứ Quyết định số 12/2025/QĐ-UBND") < text.index("Căn cứ Luật Thi đua")
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in text


def test_the_invitation_prints_the_seats_stored_for_the_meeting(org, meeting):
    """The meeting's form sets each member's seat; the invitation prints that seat, as the
    minutes do, not a guess from the member's position."""
    from thidua.council.enums import CouncilRole
    from thidua.organization.rules import name_of

    seat = meeting.members.get(user=org.users.councillor)
    seat.role = CouncilRole.VICE_CHAIR
    seat.save(update_fields=["role"])
    text = text_of(InvitationDocx(meeting).render())
    assert name_of(org.users.councillor) in text and "Phó Chủ tịch Hội đồng" in text
    assert "Ủy viên, Thư ký Hội đồng" not in text  # his seat before the office changed it
