"""The annual report cycle as the office and two unit heads live it: the office opens
the period; reminders go out; unit A saves a draft and sends on time; unit B is late and
reminded, then sends; the office returns A's report with a reason, A corrects and sends
again; the office accepts both, consolidates, and downloads the Word report (official
layout) and the Excel figures."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = 2029  # a year the demo data leaves alone
TITLE = f"Báo cáo năm {YEAR}"
UNIT_A = "Phòng Phổ biến, giáo dục pháp luật và Hành chính tư pháp"
UNIT_B = "Trung tâm Trợ giúp pháp lý nhà nước"


def mails_about(words: str) -> list:
    return [m for m in mail.outbox if TITLE in m.subject and words in m.subject]


def sign_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/dang-nhap/")


def open_report(page, unit: str):
    page.goto("/bao-cao/cua-don-vi/")
    page.locator("tr", has_text=TITLE).get_by_role("link", name=unit).click()
    page.wait_for_load_state()


def banner_state(page) -> str:
    return page.get_by_test_id("state-banner").get_attribute("data-state")


def test_annual_report_cycle(demo, page, sign_in, settings, tmp_path):
    from tests.documents.layout import nd30_problems
    from thidua.reports.deadlines import local_today

    settings.MEDIA_ROOT = tmp_path / "media"
    mail.outbox = []
    today = local_today()

    # The office opens the annual period, due in three days.
    sign_in(page, "vanphong")
    page.goto("/bao-cao/ky/")
    page.get_by_test_id("new-period").click()
    page.get_by_label("Loại kỳ báo cáo").select_option("annual")
    page.get_by_label("Năm").fill(str(YEAR))
    page.get_by_label("Hạn nộp của các đơn vị").fill((today + datetime.timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Mở kỳ báo cáo").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("period-title").inner_text() == TITLE
    period_url = page.url
    assert page.get_by_test_id("board-row-PBGD").get_attribute("data-state") == "draft"

    # The daily sweep (cron or Celery beat) reminds both units' heads: three days left.
    call_command("send_reminders", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mails_about("còn 3 ngày")) == [
        "truongphong2@demo.thidua.local",
        "truongphong@demo.thidua.local",
    ]
    sign_out(page)

    # Unit A saves a draft (and is told it is not sent), then sends it on time.
    sign_in(page, "truongphong")
    open_report(page, UNIT_A)
    page.get_by_label("1. Nâng cao nhận thức, đổi mới tư duy").fill("- Tổ chức 02 hội nghị quán triệt.")
    page.get_by_test_id("save-draft").click()
    page.wait_for_load_state()
    assert banner_state(page) == "draft"
    assert "CHƯA được gửi" in page.get_by_test_id("state-banner").inner_text()
    page.get_by_test_id("submit-report").click()
    page.wait_for_load_state()
    assert (
        "Chưa điền phần bắt buộc: Khó khăn, vướng mắc và đề xuất, kiến nghị."
        in page.get_by_test_id("form-errors").inner_text()
    )
    assert banner_state(page) == "draft"
    page.get_by_label("Khó khăn, vướng mắc và đề xuất, kiến nghị").fill("Thiếu máy quét tài liệu.")
    page.get_by_test_id("submit-report").click()
    page.wait_for_load_state()
    assert banner_state(page) == "submitted"
    assert "Sau khi gửi, đơn vị không sửa được nữa" in page.dialogs[-1]  # it asked first
    assert page.get_by_test_id("late-badge").count() == 0
    sign_out(page)

    # The due date passes (the office moves it to yesterday): unit B is now overdue.
    sign_in(page, "vanphong")
    page.goto(period_url)
    page.get_by_role("link", name="Sửa kỳ báo cáo").click()
    page.get_by_label("Hạn nộp của các đơn vị").fill((today - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    assert "Quá hạn" in page.get_by_test_id("board-row-TGPL").inner_text()
    page.get_by_test_id("remind-late").click()
    page.wait_for_load_state()
    assert [m.to[0] for m in mails_about("Văn phòng Sở nhắc")] == ["truongphong2@demo.thidua.local"]
    call_command("send_reminders", stdout=io.StringIO())
    assert [m.to[0] for m in mails_about("Quá hạn")] == ["truongphong2@demo.thidua.local"]
    sign_out(page)

    # Unit B sends late.
    sign_in(page, "truongphong2")
    open_report(page, UNIT_B)
    page.get_by_label("4. Kinh tế số, xã hội số, công dân số; Bình dân học vụ số").fill(
        "- Trợ giúp pháp lý lưu động tại 12 xã vùng cao."
    )
    page.get_by_label("Khó khăn, vướng mắc và đề xuất, kiến nghị").fill("Đường truyền yếu ở các xã vùng cao.")
    page.get_by_test_id("submit-report").click()
    page.wait_for_load_state()
    assert banner_state(page) == "submitted"
    assert page.get_by_test_id("late-badge").is_visible()
    sign_out(page)

    # The office returns A's report with a reason.
    sign_in(page, "vanphong")
    page.goto(period_url)
    page.get_by_test_id("board-row-PBGD").get_by_role("link", name=UNIT_A).click()
    page.get_by_label("Lý do trả lại").fill("Bổ sung số liệu nội dung 2.")
    page.get_by_test_id("return-report").click()
    page.wait_for_load_state()
    assert banner_state(page) == "returned"
    sign_out(page)

    # Unit A sees the reason, corrects and sends again.
    sign_in(page, "truongphong")
    open_report(page, UNIT_A)
    assert page.get_by_test_id("return-reason").inner_text() == "Bổ sung số liệu nội dung 2."
    page.get_by_label("2. Hạ tầng số, hạ tầng xanh; chuyển đổi số trong hoạt động của Sở").fill(
        "- 100% hồ sơ LLTP tiếp nhận trực tuyến."
    )
    page.get_by_test_id("submit-report").click()
    page.wait_for_load_state()
    assert banner_state(page) == "submitted"
    sign_out(page)

    # The office accepts both, consolidates and downloads the report.
    sign_in(page, "vanphong")
    for code, unit in (("PBGD", UNIT_A), ("TGPL", UNIT_B)):
        page.goto(period_url)
        page.get_by_test_id(f"board-row-{code}").get_by_role("link", name=unit).click()
        page.get_by_test_id("accept-report").click()
        page.wait_for_load_state()
        assert banner_state(page) == "accepted"
    page.goto(period_url)
    assert page.get_by_test_id("board-row-TGPL").get_by_test_id("late").is_visible()
    page.get_by_test_id("consolidate").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("job-progress").get_attribute("data-status") == "done"
    assert page.locator("progress").get_attribute("value") == "100"
    page.get_by_test_id("job-link").click()
    page.wait_for_load_state()

    with page.expect_download() as info:
        page.get_by_test_id("download-docx").click()
    docx = tmp_path / info.value.suggested_filename
    info.value.save_as(docx)
    assert docx.suffix == ".docx"
    assert nd30_problems(docx.read_bytes(), doc_type="BÁO CÁO", has_addressees=True) == []
    text = "\n".join(p.text for p in Document(docx).paragraphs)
    assert "- 100% hồ sơ LLTP tiếp nhận trực tuyến." in text
    assert "Đường truyền yếu ở các xã vùng cao." in text

    with page.expect_download() as info:
        page.get_by_test_id("download-xlsx").click()
    xlsx = tmp_path / info.value.suggested_filename
    info.value.save_as(xlsx)
    rows = {row[1]: row for row in load_workbook(xlsx)["Đơn vị"].iter_rows(min_row=3, values_only=True)}
    assert rows[UNIT_A][2] == rows[UNIT_B][2] == "Đã tiếp nhận"
    assert rows[UNIT_B][4] == "x" and rows[UNIT_A][4] is None  # the late flag
    assert page.console_errors == []
