"""The director's decision as Word: the official layout (checked by reading the file
back), the Căn cứ lines, Điều 1 with name, position, unit and award (titles and forms
in separate lists), Điều 2 with the amounts, Điều 3, the signer and the number."""

import datetime
import io

import pytest
from docx import Document

from tests.documents.clerk import clerk_problems, lines
from tests.documents.layout import nd30_problems
from tests.proposals.conftest import DECIDED_ON, Flow, rate, settle_money
from thidua.core.codes import State
from thidua.plans.loading import load_plan
from thidua.proposals import services
from thidua.proposals.decision_docx import DecisionDocx, filename

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def decision(org):
    load_plan()
    settle_money(org.users.officer)
    rate(org.people.staff_a)
    rate(org.people.head_a, "HTTNV")
    flow = Flow(org)
    first = flow.make(State.UNDER_REVIEW)
    second = flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False)
    flow.attach_needed(second, "to_trinh")
    for proposal in (first, second):
        flow.vote_all(proposal)
    flow.close()
    for proposal in (first, second):
        proposal.refresh_from_db()
        services.approve(actor=org.users.director, proposal=proposal)
    return services.issue_decision(actor=org.users.director, proposals=[first, second], date=DECIDED_ON)


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_decision_passes_the_layout_check(decision):
    data = DecisionDocx(decision).render()
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []


def test_the_decision_says_who_is_rewarded_with_what(org, decision):
    text = _text(DecisionDocx(decision).render())
    assert "Số: 01/QĐ-STP" in text and "Tuyên Quang, ngày 15 tháng 01 năm 2027" in text
    assert "Về việc khen thưởng thành tích năm 2026" in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text
    assert "Căn cứ biên bản họp Hội đồng Thi đua – Khen thưởng số 01/BB-STP ngày 08/01/2027;" in text
    assert "Theo đề nghị của Chánh Văn phòng Sở." in text
    assert "a) Danh hiệu thi đua: 01 trường hợp." in text and "b) Hình thức khen thưởng: 01 trường hợp." in text
    for value in (
        "Đặng Thị Hương",
        "Nguyễn Văn Đạt",
        "Trưởng phòng",
        org.units.a.name,
        "Chiến sĩ thi đua cơ sở",
        "Giấy khen của Giám đốc Sở",
    ):
        assert value in text
    assert "mức lương cơ sở 2.340.000 đồng" in text and "2.340.000" in text
    assert "Điều 3." in text and "GIÁM ĐỐC" in text and "Nguyễn Khánh Lâm" in text
    assert "- Như Điều 3;" in text and "- Lưu: VT, VP." in text


def test_the_file_name_comes_from_the_number(decision):
    assert filename(decision) == "quyet-dinh-01-qd-stp.docx"


def _record_bases(officer):
    from thidua.wording.services import record_basis

    record_basis(
        actor=officer,
        kind="functions",
        number="18/2025/QĐ-UBND",
        signed_on=datetime.date(2025, 3, 4),
        issuer="UBND tỉnh Tuyên Quang",
        subject="quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp tỉnh Tuyên Quang",
    )
    record_basis(
        actor=officer,
        kind="province",
        number="25/2023/QĐ-UBND",
        signed_on=datetime.date(2023, 10, 16),
        issuer="UBND tỉnh Tuyên Quang",
        subject="ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Tuyên Quang",
    )


def _outside_article_2(text_lines: list[str]) -> list[str]:
    """Điều 2 (the amounts) has its own tests; the clerk reads everything else here."""
    start = next(i for i, line in enumerate(text_lines) if line.startswith("Điều 2."))
    end = next(i for i, line in enumerate(text_lines) if line.startswith("Điều 3."))
    return text_lines[:start] + text_lines[end:]


def test_a_clerk_finds_nothing_to_correct(org, decision):
    _record_bases(org.users.officer)
    text_lines = lines(DecisionDocx(decision).render())
    assert clerk_problems(_outside_article_2(text_lines), on=decision.date) == []
    bases = [line for line in text_lines if line.startswith(("Căn cứ ", "Theo đề nghị"))]
    assert bases[0].startswith("Căn cứ Quyết định số 18/2025/QĐ-UBND ngày 04 tháng 3 năm 2025 của UBND tỉnh")
    assert bases[1].startswith("Căn cứ Luật Thi đua, khen thưởng") and bases[2].startswith("Căn cứ Nghị định số 98")
    assert bases[3] == (
        "Căn cứ Quyết định số 25/2023/QĐ-UBND ngày 16 tháng 10 năm 2023 của UBND tỉnh Tuyên Quang ban hành Quy "
        "định về công tác thi đua, khen thưởng trên địa bàn tỉnh Tuyên Quang;"
    )
    assert bases[-1] == "Theo đề nghị của Chánh Văn phòng Sở."
    assert all(line.endswith(";") for line in bases[:-1])
    last = next(line for line in text_lines if line.startswith("Điều 3."))
    assert last.startswith("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở")
    assert last.endswith("chịu trách nhiệm thi hành Quyết định này./.")
    for value in ("Đặng Thị Hương", "Nguyễn Văn Đạt", org.units.a.name, "01/QĐ-STP", "01/BB-STP", "Nguyễn Khánh Lâm"):
        assert any(value in line for line in text_lines), value
    assert "Sở Tư pháp tỉnh Tuyên Quang" in "\n".join(text_lines)  # the agency as stored, never title-cased


def test_the_office_words_change_the_decision_and_no_basis_is_left_blank(org, decision):
    from thidua.proposals.wording import DECISION
    from thidua.wording.services import save_texts

    save_texts(
        actor=org.users.officer,
        document=DECISION,
        values={
            "dieu_3": "Chánh Văn phòng Sở và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            "noi_nhan": "Như Điều 3\nUBND tỉnh (b/c)\nLưu: VT, VP",
        },
    )
    text_lines = lines(DecisionDocx(decision).render())
    text = "\n".join(text_lines)
    assert "Chánh Văn phòng Sở và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./." in text
    assert "- UBND tỉnh (b/c);" in text and "- Lưu: VT, VP." in text
    # No basis recorded yet: the line is left out, never printed with blanks.
    assert "chức năng, nhiệm vụ" not in text
    assert clerk_problems(_outside_article_2(text_lines), on=decision.date) == []


def test_article_2_names_the_base_salary_and_its_text_and_says_what_goes_without_money(decision):
    text = _text(DecisionDocx(decision).render())
    assert "—" not in text and "«" not in text and "chưa có" not in text.lower()
    assert (
        "tiền thưởng tính bằng hệ số nhân với mức lương cơ sở 2.340.000 đồng theo Nghị định số 73/2024/NĐ-CP "
        "ngày 30 tháng 6 năm 2024, như sau:" in text
    )
    assert "Điều 54 Nghị định số 98/2023/NĐ-CP" in text  # the title's row
    assert "Giấy khen của Giám đốc Sở được tặng không kèm tiền thưởng." in text
    assert "Tổng số tiền thưởng: 2.340.000 đồng (mức thưởng được tính tròn đến đồng)." in text
    assert "Quy chế thi đua, khen thưởng của Sở không quy định" not in text  # the reason stays in the app


def _rows(data: bytes) -> list[list[str]]:
    table = Document(io.BytesIO(data)).tables[-2]  # Điều 2's table, before the signature block
    return [[c.text for c in row.cells] for row in table.rows]


def test_each_row_cites_its_own_article_and_one_achievement_is_paid_once(org):
    load_plan()
    settle_money(org.users.officer, gk="0.3", rounding="up_10000")
    rate(org.people.staff_a)
    rate(org.people.head_a, "HTTNV")
    flow = Flow(org)
    # One council meeting for the three, as a year-end round has it.
    made = [flow.make(State.UNDER_REVIEW, org.people.staff_a, code) for code in ("LDTT", "CSTDCS")]
    gk = flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False)
    flow.attach_needed(gk, "to_trinh")
    made.append(gk)
    for proposal in made:
        flow.vote_all(proposal)
    flow.close()
    approved = [services.approve(actor=org.users.director, proposal=p.__class__.objects.get(pk=p.pk)) for p in made]
    decision = services.issue_decision(actor=org.users.director, proposals=approved, date=DECIDED_ON)
    data = DecisionDocx(decision).render()
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []
    rows = _rows(data)
    assert rows[0] == ["Danh hiệu, hình thức", "Căn cứ", "Hệ số", "Số lượng", "Mức thưởng (đồng)", "Thành tiền (đồng)"]
    assert [
        "Chiến sĩ thi đua cơ sở",
        "Điều 54 Nghị định số 98/2023/NĐ-CP",
        "1,0",
        "01",
        "2.340.000",
        "2.340.000",
    ] in rows
    assert [
        "Giấy khen của Giám đốc Sở",
        "Quy chế thi đua, khen thưởng của Sở",
        "0,3",
        "01",
        "710.000",
        "710.000",
    ] in rows
    # LĐTT is not paid: the same achievement receives CSTĐCS, as the text says below.
    assert not any(row[0] == "Lao động tiên tiến" for row in rows)
    assert rows[-1] == ["Tổng cộng", "", "", "02", "", "3.050.000"]
    text = _text(data)
    assert "—" not in text
    assert "Tổng số tiền thưởng: 3.050.000 đồng (mức thưởng được làm tròn lên hàng chục nghìn đồng)." in text
    assert (
        "cho cùng một thành tích chỉ nhận mức tiền thưởng cao nhất: Đặng Thị Hương nhận tiền thưởng Chiến sĩ thi đua "
        "cơ sở, không nhận tiền thưởng Lao động tiên tiến." in text
    )
