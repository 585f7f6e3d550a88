"""The plan as a Word document: official layout, the plan's own texts in the signed
order, a fixed number of queries, and the `export_plan` command."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from docx.table import Table

from tests.documents.layout import nd30_problems
from thidua.organization.enums import UnitKind
from thidua.organization.models import Unit
from thidua.plans.enums import ItemKind, ReviewKind, SubjectKind
from thidua.plans.models import Plan
from thidua.plans.plan_docx import PlanDocx, filename

AREAS = [
    "Thi đua nâng cao nhận thức, đổi mới tư duy về chuyển đổi số.",
    "Thi đua phát triển hạ tầng số trong hoạt động của Sở.",
    "Thi đua chuyển đổi xanh, chống biến đổi khí hậu.",
]
RECIPIENTS = ["UBND tỉnh;", "Sở Nội vụ;", "Giám đốc Sở;", "Lưu: VT, VP."]
HEADINGS = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "2. Yêu cầu",
    "II. NỘI DUNG",
    "III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG",
    "1. Tiêu chí thi đua",
    "1.1. Đối với tập thể",
    "1.2. Đối với cá nhân",
    "2. Hình thức khen thưởng",
    "IV. GIẢI PHÁP THỰC HIỆN",
    "V. THỜI GIAN VÀ TỔ CHỨC THỰC HIỆN",
    "1. Thời gian thực hiện",
    "2. Tổ chức thực hiện",
]


def make_plan(code="stp-thu-2026-2030", number="") -> Plan:
    issuer = Unit.objects.get_or_create(code="STP", defaults={"name": "Sở Tư pháp", "kind": UnitKind.AGENCY})[0]
    plan = Plan.objects.create(
        code=code,
        title="Triển khai Phong trào thi đua đổi mới sáng tạo và chuyển đổi số",
        issuer=issuer,
        issuer_parent_name="UBND TỈNH TUYÊN QUANG",
        issuer_name="SỞ TƯ PHÁP",
        number=number,
        symbol="KH-STP",
        place="Tuyên Quang",
        issued_month=4,
        issued_year=2026,
        preamble="Thực hiện Quyết định số 1418/QĐ-UBND, Sở Tư pháp xây dựng Kế hoạch như sau:",
        signer_title="GIÁM ĐỐC",
        signer_name="Nguyễn Khánh Lâm",
        start_year=2026,
        end_year=2030,
    )
    _add_items(plan)
    _add_parts(plan)
    return plan


def _add_items(plan: Plan) -> None:
    for order, (kind, number, heading, text) in enumerate(
        [
            (ItemKind.PURPOSE, "1.1", "", "Phát huy tinh thần sáng tạo của cán bộ."),
            (ItemKind.PURPOSE, "1.2", "", "Thực hiện nghiêm các nhiệm vụ được giao."),
            (ItemKind.REQUIREMENT, "2", "", "Phong trào được triển khai sâu rộng, thiết thực."),
            (ItemKind.REWARD_FORM, "2.1", "Khen thưởng hằng năm", "Căn cứ kết quả thực hiện."),
            (
                ItemKind.REWARD_FORM,
                "2.2",
                "Khen thưởng sơ kết, tổng kết",
                "- Hình thức: Bằng khen, Giấy khen.\n\n- Tiêu chuẩn: theo quy định.",
            ),
            (ItemKind.SOLUTION, "1", "", "Tăng cường sự lãnh đạo, chỉ đạo."),
            (ItemKind.SOLUTION, "2", "", "Đẩy mạnh công tác truyền thông."),
            (ItemKind.DUTY, "2.1", "Các phòng", "Các phòng, đơn vị triển khai Kế hoạch này."),
            (ItemKind.DUTY, "2.2", "Văn phòng Sở", "Văn phòng Sở báo cáo về Sở Nội vụ trước ngày 15/12 theo quy định."),
            (ItemKind.DIFFICULTY, "", "", "Nếu có khó khăn, vướng mắc, báo cáo Giám đốc Sở."),
        ]
    ):
        plan.items.create(kind=kind, number=number, heading=heading, text=text, order=order)


def _add_parts(plan: Plan) -> None:
    for order, text in enumerate(AREAS, 1):
        plan.content_areas.create(number=str(order), order=order, short_title=text[:30], text=text)
    plan.criteria.create(
        subject_kind=SubjectKind.COLLECTIVE, order=1, short_title="Mục tiêu", text="Hoàn thành các mục tiêu được giao."
    )
    plan.criteria.create(
        subject_kind=SubjectKind.INDIVIDUAL, order=2, short_title="Sáng kiến", text="Có sáng kiến, giải pháp sáng tạo."
    )
    plan.phases.create(
        name="Giai đoạn 1",
        start_year=2026,
        end_year=2027,
        review_year=2027,
        review_kind=ReviewKind.MID_TERM,
        text="Xây dựng Kế hoạch; sơ kết năm 2027.",
    )
    plan.phases.create(
        name="Giai đoạn 2",
        start_year=2028,
        end_year=2030,
        review_year=2030,
        review_kind=ReviewKind.FINAL,
        text="Tổng kết vào năm 2030.",
    )
    plan.report_duties.create(text="báo cáo hằng năm", recipients="Sở Nội vụ", due_day=15, due_month=12)
    for order, text in enumerate(RECIPIENTS, 1):
        plan.recipients.create(order=order, text=text)


def lines_of(data: bytes) -> list[str]:
    """Every non-empty paragraph's text, the header and signature tables included, in
    reading order."""
    found = []
    for block in Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            found += [p.text for row in block.rows for cell in row.cells for p in cell.paragraphs]
        else:
            found.append(block.text)
    return [text for text in found if text.strip()]


def body_of(data: bytes):
    return Document(io.BytesIO(data)).paragraphs


@pytest.fixture
def plan(db) -> Plan:
    return make_plan()


def test_the_plan_passes_the_layout_check(plan):
    assert nd30_problems(PlanDocx(plan).render(), doc_type="Kế hoạch") == []


def test_letterhead_shows_an_unnumbered_plan_with_a_blank_day(plan):
    lines = lines_of(PlanDocx(plan).render())
    assert "Số:    /KH-STP" in lines
    assert "Tuyên Quang, ngày        tháng 4 năm 2026" in lines
    assert lines.index("KẾ HOẠCH") + 1 == lines.index(plan.title)


def test_a_numbered_plan_takes_a_leading_zero(db):
    lines = lines_of(PlanDocx(make_plan(number="5")).render())
    assert "Số: 05/KH-STP" in lines


def test_parts_follow_the_signed_order(plan):
    lines = lines_of(PlanDocx(plan).render())
    positions = [lines.index(heading, lines.index(HEADINGS[0])) for heading in HEADINGS]
    assert positions == sorted(positions)
    assert lines.index(plan.preamble) < positions[0]


def test_each_content_area_is_numbered_under_part_two(plan):
    lines = lines_of(PlanDocx(plan).render())
    start, end = lines.index("II. NỘI DUNG"), lines.index("III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG")
    assert lines[start + 1 : end] == [f"{n}. {text}" for n, text in enumerate(AREAS, 1)]


def test_criteria_purposes_rewards_and_phases_read_as_in_the_plan(plan):
    lines = lines_of(PlanDocx(plan).render())
    after = lines[lines.index("1.1. Đối với tập thể") :]
    assert after[1] == "- Hoàn thành các mục tiêu được giao."
    assert after[3] == "- Có sáng kiến, giải pháp sáng tạo."
    assert "1.2. Thực hiện nghiêm các nhiệm vụ được giao." in lines
    rewards = lines.index("2.2. Khen thưởng sơ kết, tổng kết")
    assert lines[rewards + 1 : rewards + 3] == ["- Hình thức: Bằng khen, Giấy khen.", "- Tiêu chuẩn: theo quy định."]
    assert "Phong trào thi đua được triển khai từ năm 2026 đến năm 2030, chia thành 02 giai đoạn:" in lines
    assert "- Giai đoạn 1 (từ năm 2026 - 2027): Xây dựng Kế hoạch; sơ kết năm 2027." in lines


def test_duties_are_numbered_without_their_labels_and_the_deadline_is_bold(plan):
    data = PlanDocx(plan).render()
    lines = lines_of(data)
    assert "2.1. Các phòng, đơn vị triển khai Kế hoạch này." in lines
    assert "Các phòng" not in lines
    duty = next(p for p in body_of(data) if p.text.startswith("2.2. Văn phòng Sở"))
    assert [r.text for r in duty.runs if r.bold] == ["trước ngày 15/12"]


def test_the_content_ends_with_the_closing_mark_before_the_signature(plan):
    lines = lines_of(PlanDocx(plan).render())
    assert lines[lines.index("Nơi nhận:") - 1] == "Nếu có khó khăn, vướng mắc, báo cáo Giám đốc Sở./."


def test_signature_and_recipients_in_order(plan):
    lines = lines_of(PlanDocx(plan).render())
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 : start + 5] == ["- UBND tỉnh;", "- Sở Nội vụ;", "- Giám đốc Sở;", "- Lưu: VT, VP."]
    assert lines[-2:] == ["GIÁM ĐỐC", "Nguyễn Khánh Lâm"]


def test_rendering_costs_one_query_per_kind_of_part(plan, django_assert_num_queries):
    fresh = Plan.objects.get(pk=plan.pk)
    with django_assert_num_queries(6):
        PlanDocx(fresh).render()


def test_filename_names_the_document_type_and_the_plan(plan):
    assert filename(plan) == "ke-hoach-stp-thu-2026-2030.docx"


# --- the command ------------------------------------------------------------------------
def test_export_plan_writes_a_file_that_passes_the_layout_check(plan, tmp_path):
    output, out = tmp_path / "ke-hoach.docx", io.StringIO()
    call_command("export_plan", "--output", str(output), stdout=out)
    assert out.getvalue().strip() == f"Đã ghi {output}"
    assert nd30_problems(output.read_bytes(), doc_type="Kế hoạch") == []


def test_export_plan_picks_a_plan_by_its_code(plan, tmp_path):
    other = make_plan(code="stp-khac-2026-2030")
    other.content_areas.update(text="Nội dung riêng của kế hoạch khác.")
    output = tmp_path / "khac.docx"
    call_command("export_plan", "--output", str(output), "--plan", other.code, stdout=io.StringIO())
    assert "1. Nội dung riêng của kế hoạch khác." in lines_of(output.read_bytes())


def test_export_plan_refuses_in_vietnamese_without_a_plan(db, tmp_path):
    with pytest.raises(CommandError, match="Chưa có kế hoạch nào"):
        call_command("export_plan", "--output", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


def test_export_plan_refuses_an_unknown_code(plan, tmp_path):
    with pytest.raises(CommandError, match="Không có kế hoạch mã “khong-co”"):
        call_command("export_plan", "--output", str(tmp_path / "x.docx"), "--plan", "khong-co")


# --- the bundled plan -------------------------------------------------------------------
def test_the_bundled_plan_exports_in_the_official_layout(db, tmp_path):
    loading = pytest.importorskip("thidua.plans.loading")
    if not Path(loading.DEFAULT_PLAN_FILE).is_file():
        pytest.skip(f"{loading.DEFAULT_PLAN_FILE} is not present")
    bundled, _ = loading.load_plan(loading.DEFAULT_PLAN_FILE)
    output = tmp_path / filename(bundled)
    call_command("export_plan", "--output", str(output), "--plan", bundled.code, stdout=io.StringIO())
    data = output.read_bytes()
    assert nd30_problems(data, doc_type="Kế hoạch") == []
    lines = lines_of(data)
    for area in bundled.content_areas.all():
        assert f"{area.number}. {area.text}" in lines
    assert lines[-1] == bundled.signer_name
    assert output.name == "ke-hoach-stp-tuyen-quang-2026-2030.docx"


# --- the signed text's italics and bold ----------------------------------------------------
SIGNED = Path("/work/shared/seed/000_a3dde78c3a6432d9.txt")
REPO_SIGNED_MARKS = [  # the marks of the signed text, in its order (the seed file when present)
    ("italic", "xanh-số"),
    ("italic", "Bình dân học vụ số"),
    ("italic", "3 an"),
    ("italic", "theo quy định và phân công của cấp có thẩm quyền"),
    ("italic", "Đổi mới sáng tạo phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh"),
    ("italic", "từ năm 2026 - 2027"),
    ("italic", "từ năm 2028 - 2030"),
    ("bold", "trước ngày 15/12"),
    ("italic", "qua Văn phòng Sở tổng hợp"),
]


def signed_marks() -> list[tuple[str, str]]:
    """Every italic (*…*) and bold (**…**) span of the signed text, in order."""
    if not SIGNED.exists():
        return REPO_SIGNED_MARKS
    import re

    found = re.finditer(r"\*\*(.+?)\*\*|\*(.+?)\*", SIGNED.read_text(encoding="utf-8"))
    return [("bold", m.group(1)) if m.group(1) else ("italic", m.group(2)) for m in found]


def exported_marks(data: bytes) -> list[tuple[str, str]]:
    """The emphasised spans inside body paragraphs (consecutive runs joined); headings
    and the date line, emphasised as a whole by the layout, are not spans."""
    marks = []
    for paragraph in Document(io.BytesIO(data)).paragraphs:
        runs = [r for r in paragraph.runs if r.text]
        if not runs or all(r.italic for r in runs) or all(r.bold for r in runs):
            continue
        current = None
        for run in runs:
            kind = "bold" if run.bold else "italic" if run.italic else None
            if kind and current and current[0] == kind:
                current = (kind, current[1] + run.text)
                marks[-1] = current
            elif kind:
                current = (kind, run.text)
                marks.append(current)
            else:
                current = None
    return marks


@pytest.mark.django_db
def test_the_export_keeps_every_italic_and_bold_span_of_the_signed_text():
    from thidua.plans.loading import load_plan

    plan = load_plan()[0]
    marks = signed_marks()
    assert sum(kind == "italic" for kind, _ in marks) == 8
    assert exported_marks(PlanDocx(plan).render()) == marks


def test_a_passage_is_emphasised_where_it_stands_and_only_there():
    from thidua.documents.nd30 import Span
    from thidua.plans.emphasis import emphasise, passages

    marked = passages("“*3 an*”\n**trước ngày 15/12**\nkhông đánh dấu")
    spans = emphasise([Span("mục tiêu “3 an”: An ninh, an toàn và 3 an dân, báo cáo trước ngày 15/12.")], marked)
    assert [(s.text, s.italic, s.bold) for s in spans if s.italic or s.bold] == [
        ("3 an", True, False),
        ("trước ngày 15/12", False, True),
    ]
    assert "".join(s.text for s in spans) == "mục tiêu “3 an”: An ninh, an toàn và 3 an dân, báo cáo trước ngày 15/12."


@pytest.mark.django_db
def test_the_office_edits_the_emphasis_and_an_unmarked_line_is_refused(plan):
    from thidua.plans.forms import PlanForm

    data = {f: getattr(plan, f) for f in PlanForm.Meta.fields if f not in ("issuer", "movements")}
    data.update(issuer=plan.issuer_id, movements=[], issued_day="", emphasis="xanh-số")
    form = PlanForm(data, instance=plan)
    assert not form.is_valid()
    assert "Dòng «xanh-số» không có phần nào đặt giữa dấu *" in form.errors["emphasis"][0]
    data["emphasis"] = "  “*xanh-số*”  \n\n"
    form = PlanForm(data, instance=plan)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["emphasis"] == "“*xanh-số*”"
