"""The consolidated report as Word (official layout, Kính gửi and Nơi nhận) and as Excel
(the figures read back), and `thidua consolidate_report`."""

import datetime
import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from openpyxl import load_workbook

from tests.documents.layout import nd30_problems
from tests.reports import conftest as shared
from tests.spreadsheets import HOSTILE, assert_kept_as_text, read
from tests.wording.edits import assert_office_owns
from thidua.organization.models import Unit
from thidua.reports import consolidation, services
from thidua.reports.consolidated_report_docx import ConsolidatedReportDocx
from thidua.reports.consolidated_report_xlsx import ConsolidatedReportXlsx
from thidua.reports.enums import Channel
from thidua.reports.wording import CONSOLIDATED
from thidua.wording import services as wording

pytestmark = pytest.mark.django_db
filled = shared.filled
# The reports tests' fixtures: the real plan, an annual period for units A and B.
media, plan, period, report_a, report_b = shared.media, shared.plan, shared.period, shared.report_a, shared.report_b


@pytest.fixture
def report(org, report_a, report_b):
    services.submit_report(
        report=report_a,
        actor=org.users.head_a,
        content=filled(
            report_a,
            results="- Trả phiếu LLTP điện tử trên VNeID.\n- Tập huấn kỹ năng số.",
            difficulties="Thiếu máy quét tài liệu.",
        ),
    )
    services.accept_report(report=report_a, actor=org.users.officer)
    return consolidation.consolidate(period=report_a.period, actor=org.users.officer)


def text_of(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_word_report_passes_the_layout_check_before_numbering(report):
    data = ConsolidatedReportDocx(report).render()
    assert nd30_problems(data, doc_type="BÁO CÁO", has_addressees=True) == []
    text = text_of(data)
    assert "Số:    /BC-STP" in text


def test_word_report_after_issue_carries_its_number_and_date(org, report):
    consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 12, 8))
    report.refresh_from_db()
    data = ConsolidatedReportDocx(report).render()
    assert nd30_problems(data, doc_type="BÁO CÁO", has_addressees=True) == []
    text = text_of(data)
    assert "Số: 01/BC-STP" in text
    assert "Tuyên Quang, ngày 08 tháng 12 năm 2026" in text


def test_word_report_addresses_the_province_and_the_three_departments(report):
    doc = Document(io.BytesIO(ConsolidatedReportDocx(report).render()))
    lines = [p.text for p in doc.paragraphs]
    start = lines.index("Kính gửi:")
    assert lines[start + 1 : start + 5] == [
        "- UBND tỉnh;",
        "- Sở Khoa học và Công nghệ;",
        "- Sở Nông nghiệp và Môi trường;",
        "- Sở Nội vụ.",
    ]
    recipients = [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Như trên;", "- Giám đốc Sở;", "- Các Phó Giám đốc Sở;", "- Lưu: VT, VP."]


def test_word_report_holds_the_units_words_and_the_tables(report):
    text = text_of(ConsolidatedReportDocx(report).render())
    for expected in (
        "I. TÌNH HÌNH TRIỂN KHAI",
        "II. KẾT QUẢ ĐẠT ĐƯỢC",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Trả phiếu LLTP điện tử trên VNeID.",
        "Thiếu máy quét tài liệu.",
        "Trung tâm Trợ giúp pháp lý",
        "Kết quả đã xác nhận",
        "Không có./.",
    ):
        assert expected in text


def test_the_office_owns_the_reports_wording(org, report):
    assert_office_owns(
        org.users.officer,
        CONSOLIDATED,
        "mo_dau",
        "Sở Tư pháp báo cáo như sau:",
        lambda: ConsolidatedReportDocx(report).render(),
    )


def test_a_new_report_takes_the_offices_kinh_gui_and_noi_nhan(org, report_a):
    wording.save_texts(
        actor=org.users.officer,
        document=CONSOLIDATED,
        values={"kinh_gui": "UBND tỉnh Tuyên Quang", "noi_nhan": "Giám đốc Sở\nLưu: VT"},
    )
    report = consolidation.consolidate(period=report_a.period, actor=org.users.officer)
    assert report.addressees.splitlines()[0] == "UBND tỉnh Tuyên Quang"
    assert report.recipients == "Giám đốc Sở\nLưu: VT"


def test_excel_holds_the_figures(org, report):
    consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 12, 8))
    report.refresh_from_db()
    consolidation.record_dispatch(
        report=report,
        actor=org.users.officer,
        recipient="Sở Nội vụ",
        channel=Channel.EMAIL,
        sent_on=datetime.date(2026, 12, 9),
    )
    book = load_workbook(io.BytesIO(ConsolidatedReportXlsx(report, report.dispatches.all()).render()))
    assert book.sheetnames == ["Đơn vị", "Nội dung thi đua", "Chỉ tiêu", "Sáng kiến", "Gửi đi"]
    units = list(book["Đơn vị"].iter_rows(min_row=3, values_only=True))
    assert [(row[1], row[2]) for row in units] == [
        ("Phòng Phổ biến, giáo dục pháp luật", "Đã tiếp nhận"),
        ("Trung tâm Trợ giúp pháp lý", "Nháp (chưa gửi)"),
    ]
    assert book["Đơn vị"]["A1"].value.endswith("Số: 01/BC-STP")
    areas = list(book["Nội dung thi đua"].iter_rows(min_row=3, values_only=True))
    assert [row[0] for row in areas] == ["1", "2", "3", "4", "5"]
    sent = list(book["Gửi đi"].iter_rows(min_row=3, values_only=True))
    assert sent[0][0] == "Sở Nội vụ" and sent[0][2].date() == datetime.date(2026, 12, 9) and sent[0][4] == "Đúng hạn"


def test_command_writes_word_and_excel(org, report, tmp_path):
    target = tmp_path / "bao-cao.docx"
    out = StringIO()
    call_command("consolidate_report", period=report.period_id, output=target, stdout=out)
    assert out.getvalue().strip() == f"Đã ghi {target}"
    assert nd30_problems(target.read_bytes(), doc_type="BÁO CÁO", has_addressees=True) == []
    sheet = tmp_path / "so-lieu.xlsx"
    call_command("consolidate_report", period=report.period_id, output=sheet, stdout=StringIO())
    assert load_workbook(sheet)["Đơn vị"]["B3"].value == "Phòng Phổ biến, giáo dục pháp luật"


def test_command_refuses_bad_input(org, report, tmp_path):
    with pytest.raises(CommandError, match="đuôi .docx hoặc .xlsx"):
        call_command("consolidate_report", period=report.period_id, output=tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="Không có kỳ báo cáo mã số 999"):
        call_command("consolidate_report", period=999, output=tmp_path / "x.docx")


def test_excel_writes_names_typed_as_formulas_as_text(org, report_a, report_b):
    Unit.objects.filter(pk=org.units.a.pk).update(name=HOSTILE)
    Unit.objects.filter(pk=org.units.b.pk).update(name="-Trung tâm")
    report = consolidation.consolidate(period=report_a.period, actor=org.users.officer)
    consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 12, 8))
    report.refresh_from_db()
    consolidation.record_dispatch(
        report=report,
        actor=org.users.officer,
        recipient="@Sở Nội vụ",
        channel=Channel.EMAIL,
        sent_on=datetime.date(2026, 12, 9),
    )
    data = ConsolidatedReportXlsx(report, report.dispatches.all()).render()
    assert_kept_as_text(data, HOSTILE, "-Trung tâm", "@Sở Nội vụ")
    assert read(data)["Đơn vị"]["A3"].value == 1


# --- read as the clerk who signs it ----------------------------------------------------
def _indicator(org, plan, code, name, measure, target, value, **extra):
    from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue

    indicator = Indicator.objects.create(
        plan=plan,
        content_area=plan.content_areas.get(number="2"),
        code=code,
        name=name,
        unit_of_measure=measure,
        **extra,
    )
    IndicatorTarget.objects.create(indicator=indicator, year=2026, value=target)
    IndicatorValue.objects.create(indicator=indicator, unit=org.units.a, year=2026, quarter=4, value=value)
    return indicator


@pytest.fixture
def with_indicators(org, plan):
    from decimal import Decimal

    from thidua.indicators.enums import Direction

    _indicator(
        org, plan, "LLTP", "Hồ sơ LLTP trực tuyến", "hồ sơ", Decimal(16000), Decimal(15440), baseline_value=Decimal(0)
    )
    _indicator(
        org,
        plan,
        "TRANG-IN",
        "Số trang giấy in mỗi tháng",
        "trang/tháng",
        Decimal(8000),
        Decimal(6000),
        baseline_value=Decimal(21000),
        direction=Direction.LOWER,
    )


def test_a_clerk_signs_the_report_as_it_is(org, plan, report_a, report_b, with_indicators):
    from tests.documents.clerk import clerk_problems

    report = consolidation.consolidate(period=report_a.period, actor=org.users.officer)
    consolidation.issue(report=report, actor=org.users.officer, issued_on=datetime.date(2026, 12, 8))
    report.refresh_from_db()
    data = ConsolidatedReportDocx(report).render()
    problems = clerk_problems(
        data,
        names=["Sở Tư pháp tỉnh Tuyên Quang", "Phòng Phổ biến, giáo dục pháp luật", "Trung tâm Trợ giúp pháp lý"],
        expected=[
            "Sở Tư pháp tỉnh Tuyên Quang báo cáo kết quả năm 2026 thực hiện Kế hoạch về triển khai thực hiện",
            "16.000",
            "15.440",
            "96,5",  # 15.440 ÷ 16.000, not the progress from the baseline
            "75",  # 6.000 ÷ 8.000 for "lower is better": under 100% is reached
            "Càng thấp càng tốt",
            "Thực hiện/Chỉ tiêu (%)",
        ],
        absent=["Sở Tư Pháp", "về Triển khai", "Kế hoạch số", "Tỷ lệ (%)"],
    )
    assert not problems, "\n".join(problems)


def test_an_empty_section_says_there_is_nothing(org, report_a, report_b):
    report = consolidation.consolidate(period=report_a.period, actor=org.users.officer)
    consolidation.save_texts(report=report, actor=org.users.officer, limitations="", tasks_ahead="")
    lines = [p.text for p in Document(io.BytesIO(ConsolidatedReportDocx(report).render())).paragraphs]
    third = lines.index("III. TỒN TẠI, HẠN CHẾ VÀ KHÓ KHĂN, VƯỚNG MẮC")
    assert lines[third + 1] == "Không có."
    assert lines[lines.index("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI") + 1] == "Không có."


def test_a_numbered_plan_is_cited_with_its_number_and_date(org, plan, report_a, report_b):
    plan.number, plan.issued_day = "5", 5
    plan.save()
    report = consolidation.consolidate(period=report_a.period, actor=org.users.officer)
    text = text_of(ConsolidatedReportDocx(report).render())
    assert "thực hiện Kế hoạch số 05/KH-STP ngày 05/4/2026 về triển khai" in text


def test_excel_shares_are_the_figure_over_the_target(org, plan, report_a, report_b, with_indicators):
    report = consolidation.consolidate(period=report_a.period, actor=org.users.officer)
    sheet = load_workbook(io.BytesIO(ConsolidatedReportXlsx(report).render()))["Chỉ tiêu"]
    assert [c.value for c in sheet[2]][9:11] == ["Thực hiện/Chỉ tiêu (%)", "Chiều tốt hơn"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["Hồ sơ LLTP trực tuyến"][9] == 96.5
    assert rows["Số trang giấy in mỗi tháng"][9:12] == (75.0, "Càng thấp càng tốt", "Đạt mục tiêu")
    assert rows["Số trang giấy in mỗi tháng"][5:9] == ("Chỉ tiêu do Sở đặt", 6000, "quý 4/2026", "1/1")
    assert "Số:" not in sheet["A1"].value  # no blank number before it is issued
