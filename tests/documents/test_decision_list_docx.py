"""The lists that go with a decision, one per title or form: the appendix layout (no
number, date or signature of its own; the "Kèm theo Quyết định" line), every name as
the decision fixed it, the counts; downloaded by those who read the decision."""

import pytest
from django.urls import reverse

from tests.documents.content import content_problems, text_of
from tests.documents.layout import appendix_problems
from tests.proposals.conftest import DECIDED_ON, Flow, rate, settle_money
from tests.wording.edits import assert_office_owns
from thidua.core.codes import State
from thidua.plans.loading import load_plan
from thidua.proposals import services
from thidua.proposals.decision_list_docx import DecisionListDocx, award_groups, filename
from thidua.proposals.wording import DECISION_LIST

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def decision(org):
    """CSTĐCS for a person; Giấy khen for a person and for a unit."""
    load_plan()
    settle_money(org.users.officer)
    rate(org.people.staff_a)
    rate(org.people.head_a, "HTTNV")
    rate(org.units.a)
    flow = Flow(org)
    title = flow.make(State.UNDER_REVIEW)
    person_gk = flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False)
    unit_gk = flow.make(State.UNDER_REVIEW, org.units.a, "GK", files=False)
    for proposal in (person_gk, unit_gk):
        flow.attach_needed(proposal, "to_trinh")
    proposals = [title, person_gk, unit_gk]
    for proposal in proposals:
        flow.vote_all(proposal)
    flow.close()
    for proposal in proposals:
        proposal.refresh_from_db()
        services.approve(actor=org.users.director, proposal=proposal)
    return services.issue_decision(actor=org.users.director, proposals=proposals, date=DECIDED_ON)


def test_one_list_per_title_or_form(decision):
    assert [(code, count) for code, _, count in award_groups(decision)] == [("CSTDCS", 1), ("GK", 2)]


@pytest.mark.parametrize("code", ["CSTDCS", "GK"])
def test_each_list_passes_the_appendix_layout(decision, code):
    data = DecisionListDocx(decision, code).render()
    assert appendix_problems(data, doc_type="DANH SÁCH") == []
    assert content_problems(data) == []


def test_the_title_list_names_the_person_and_the_decision(decision):
    text = text_of(DecisionListDocx(decision, "CSTDCS").render())
    assert "Cá nhân được tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2026" in text
    assert "(Kèm theo Quyết định số 01/QĐ-STP ngày 15/01/2027 của Giám đốc Sở Tư pháp tỉnh Tuyên Quang)" in text
    assert "Đặng Thị Hương" in text and "Nguyễn Văn Đạt" not in text
    assert "Danh sách có 01 cá nhân." in text and "Số:" not in text and "Nơi nhận" not in text


def test_the_form_list_has_its_collectives_then_its_people(org, decision):
    data = DecisionListDocx(decision, "GK").render()
    assert (
        content_problems(
            data,
            expected=[
                "Tập thể, cá nhân được tặng Giấy khen của Giám đốc Sở (thành tích năm 2026)",
                "I. TẬP THỂ (01)",
                "II. CÁ NHÂN (01)",
                org.units.a.name,
                "Sở Tư pháp tỉnh Tuyên Quang",
                "Nguyễn Văn Đạt",
                f"Trưởng phòng, {org.units.a.name}",
                "Danh sách có 01 tập thể và 01 cá nhân.",
            ],
            absent=["Đặng Thị Hương"],
        )
        == []
    )
    text = text_of(data)
    assert text.index("I. TẬP THỂ") < text.index("II. CÁ NHÂN")


def test_the_file_name(decision):
    assert filename(decision, "GK") == "danh-sach-gk-kem-theo-quyet-dinh-01-qd-stp.docx"


def test_the_download_follows_the_decisions_access(client_for, org, decision):
    url = reverse("decision_list_docx", args=[decision.pk, "GK"])
    assert client_for(org.users.officer).get(url).status_code == 200
    assert client_for(org.users.head_a).get(url).status_code == 200  # the decision rewards unit A
    assert client_for(org.users.head_b).get(url).status_code == 404
    assert client_for(org.users.staff_a).get(url).status_code == 403
    missing = reverse("decision_list_docx", args=[decision.pk, "BK_TINH"])
    assert client_for(org.users.officer).get(missing).status_code == 404
    page = client_for(org.users.director).get(reverse("decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="decision-list-CSTDCS"' in page and 'data-testid="decision-list-GK"' in page


def test_the_office_owns_the_lists_wording(org, decision):
    assert_office_owns(
        org.users.officer,
        DECISION_LIST,
        "kem_theo",
        "Ban hành kèm theo Quyết định khen thưởng",
        lambda: DecisionListDocx(decision, "GK").render(),
    )
