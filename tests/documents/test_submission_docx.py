"""The Tờ trình đề nghị khen thưởng: a unit's to the department, the department's to
the Chủ tịch UBND tỉnh (through the Sở Nội vụ) and to the Bộ trưởng Bộ Tư pháp, each
read back for the official layout and for what a clerk would correct; the download
follows the proposal's access rules."""

import datetime

import pytest
from django.urls import reverse

from tests.documents.content import content_problems, text_of
from tests.documents.layout import nd30_problems
from tests.proposals.conftest import Flow, rate
from tests.wording.edits import assert_office_owns
from thidua.core.codes import State
from thidua.plans.loading import load_plan
from thidua.proposals import services
from thidua.proposals.submission_docx import MINISTRY, PROVINCE, UNIT, SubmissionDocx, addressings_for, filename
from thidua.proposals.wording import SUBMISSION

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def round_(org):
    """A CSTĐCS (the director decides) and two Bằng khen (province, ministry), all
    passed by the council; the Bằng khen of the province forwarded with its number."""
    load_plan()
    rate(org.people.staff_a)
    rate(org.people.head_a, "HTTNV")
    flow = Flow(org)
    title = flow.make(State.UNDER_REVIEW)
    province = flow.make(State.UNDER_REVIEW, org.people.head_a, "BK_TINH", files=False)
    ministry = flow.make(State.UNDER_REVIEW, org.units.a, "BK_BO", files=False)
    for proposal in (title, province, ministry):
        flow.vote_all(proposal)
    flow.close()
    province.refresh_from_db()
    services.forward(
        actor=org.users.officer, proposal=province, note="Tờ trình số 07/TTr-STP", on=datetime.date(2027, 1, 12)
    )
    for proposal in (title, province, ministry):
        proposal.refresh_from_db()
    return title, province, ministry


def test_the_award_level_chooses_the_addressings(round_):
    title, province, ministry = round_
    assert addressings_for(title) == [UNIT]
    assert addressings_for(province) == [UNIT, PROVINCE]
    assert addressings_for(ministry) == [UNIT, MINISTRY]


@pytest.mark.parametrize("which, addressing", [(0, UNIT), (1, PROVINCE), (2, MINISTRY)])
def test_each_submission_passes_the_layout_check(org, round_, which, addressing):
    data = SubmissionDocx(round_[which], addressing, org.users.officer).render()
    assert nd30_problems(data, doc_type="TỜ TRÌNH", has_addressees=True) == []
    assert content_problems(data) == []


def test_the_units_submission_lists_its_round_and_is_signed_by_its_head(org, round_):
    data = SubmissionDocx(round_[0], UNIT, org.users.head_a).render()
    text = text_of(data)
    assert (
        content_problems(
            data,
            expected=[
                "SỞ TƯ PHÁP",
                org.units.a.name.upper(),
                "/TTr-PBGD",
                "Kính gửi: Giám đốc Sở Tư pháp tỉnh Tuyên Quang",
                "Về việc đề nghị khen thưởng thành tích năm 2026",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 98/2023/NĐ-CP",
                "Đặng Thị Hương",
                "Nguyễn Văn Đạt, Trưởng phòng",
                "01 cá nhân",
                "Chiến sĩ thi đua cơ sở",
                "Bằng khen",
                "TRƯỞNG PHÒNG",
                "- Như trên;",
                "- Lưu: VT.",
            ],
            absent=["Trung tâm Trợ giúp pháp lý", "Hội đồng Thi đua – Khen thưởng số"],
        )
        == []
    )
    assert "02 cá nhân và 01 tập thể" in text  # the unit's three proposals of the round


def test_the_departments_submission_to_the_province_goes_through_the_home_office(org, round_):
    data = SubmissionDocx(round_[1], PROVINCE, org.users.officer).render()
    text = text_of(data)
    assert (
        content_problems(
            data,
            expected=[
                "UBND TỈNH TUYÊN QUANG",
                "Số: 07/TTr-STP",
                "Tuyên Quang, ngày 12 tháng 01 năm 2027",
                "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang (qua Sở Nội vụ)",
                "Căn cứ biên bản họp Hội đồng Thi đua – Khen thưởng số 01/BB-STP ngày 08/01/2027,",
                "Nguyễn Văn Đạt, Trưởng phòng",
                "kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
                "GIÁM ĐỐC",
                "Nguyễn Khánh Lâm",
                "- Sở Nội vụ;",
            ],
            absent=["Đặng Thị Hương", "Bộ trưởng"],  # the CSTĐCS and the ministry's form are not the province's
        )
        == []
    )
    assert text.count("Căn cứ") == 4


def test_the_departments_submission_to_the_ministry(org, round_):
    data = SubmissionDocx(round_[2], MINISTRY, org.users.director).render()
    assert (
        content_problems(
            data,
            expected=[
                "Kính gửi: Bộ trưởng Bộ Tư pháp (qua Vụ Thi đua - Khen thưởng, Bộ Tư pháp)",
                org.units.a.name,
                "01 tập thể",
                "/TTr-STP",
            ],
            absent=["Nguyễn Văn Đạt"],
        )
        == []
    )


def test_the_file_names(org, round_):
    assert filename(round_[0], UNIT) == "to-trinh-unit-phong-pho-bien-giao-duc-phap-luat-2026.docx"
    assert filename(round_[1], PROVINCE) == "to-trinh-province-2026.docx"


def test_the_download_follows_the_proposals_access(client_for, org, round_):
    title, province, _ = round_
    unit_url = reverse("submission_docx", args=[title.pk, "unit"])
    up_url = reverse("submission_docx", args=[province.pk, "province"])
    head = client_for(org.users.head_a)
    answer = head.get(unit_url)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/vnd.openxmlformats")
    assert head.get(up_url).status_code == 403  # the department's submission is the office's
    assert client_for(org.users.officer).get(up_url).status_code == 200
    other = client_for(org.users.head_b)
    assert other.get(unit_url).status_code == 404 and other.get(up_url).status_code == 404
    # a level the award does not go to does not exist
    assert client_for(org.users.officer).get(reverse("submission_docx", args=[title.pk, "province"])).status_code == 404


def test_the_dossier_page_links_the_submissions_the_reader_may_download(client_for, org, round_):
    page = client_for(org.users.officer).get(reverse("proposal_detail", args=[round_[1].pk])).content.decode()
    assert 'data-testid="submission-unit"' in page and 'data-testid="submission-province"' in page
    page = client_for(org.users.head_a).get(reverse("proposal_detail", args=[round_[1].pk])).content.decode()
    assert 'data-testid="submission-unit"' in page and 'data-testid="submission-province"' not in page


@pytest.mark.parametrize(
    "which, addressing, key",
    [(0, UNIT, "noi_nhan_don_vi"), (1, PROVINCE, "kinh_gui_tinh"), (2, MINISTRY, "kem_theo")],
)
def test_the_office_owns_the_submissions_wording(org, round_, which, addressing, key):
    assert_office_owns(
        org.users.officer,
        SUBMISSION,
        key,
        "Câu chữ do Văn phòng Sở sửa",
        lambda: SubmissionDocx(round_[which], addressing, org.users.officer).render(),
    )
