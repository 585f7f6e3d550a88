"""The movement in motion, as the people who run it live it: the office opens the
registration window for 2027; a staff member of unit A registers, records a result with
an evidence file (which the unit head confirms) and submits an initiative; the heads of
units A and B submit their units' registrations; the office accepts B's and returns A's
with a reason that A's head then reads; two council members score the initiative and the
office records its recognition; another unit finds it in the library without typing
accents and marks it applied; and the office view's counts and charts move accordingly:
the registrations on the 2027 view, the result (dated today, as achieved) and the
initiative on this year's view."""

import datetime
import re
from dataclasses import dataclass

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = 2027  # the demo's 2026 registrations are all accepted; 2027 is still untouched
UNIT_A = "Phòng Phổ biến, giáo dục pháp luật và Hành chính tư pháp"
UNIT_B = "Trung tâm Trợ giúp pháp lý nhà nước"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

RESULT_TITLE = "Hướng dẫn 45 người dân đăng ký Phiếu lý lịch tư pháp trực tuyến"
INITIATIVE_TITLE = "Tra cứu hồ sơ lý lịch tư pháp bằng mã QR trên VNeID"
DIGITAL_AREA = "Bình dân học vụ số"  # how the fourth content area's name ends
RETURN_REASON = "Cam kết ở nội dung 5 chưa có chỉ tiêu giảm giấy in cụ thể."
DECISION_NUMBER = "312/QĐ-STP"

RECOGNISED = "Được công nhận"
ACCEPTED = "Đã tiếp nhận"
RETURNED = "Bị trả lại (kèm lý do)"


@dataclass
class Overview:
    registered: str  # "sent/units"
    results_total: int
    charts: dict[str, dict[str, int]]  # chart title -> bar label -> value
    silent_units: str

    def bars(self, title_start: str) -> dict[str, int]:
        return next((bars for title, bars in self.charts.items() if title.startswith(title_start)), {})


# --- what every user does -------------------------------------------------------------


def sign_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/dang-nhap/")


def success_message(page) -> str:
    return page.locator("main .alert-success").first.inner_text()


def submit(page, button: str):
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def option_value(page, label: str, text: str) -> str:
    """The value of the option of the select labelled `label` that shows `text`."""
    return page.get_by_label(label).locator("option", has_text=text).first.get_attribute("value")


def choose_year(page, year: int):
    """The year selector applies as soon as it is changed (static/js/auto_submit.js)."""
    select = page.get_by_label("Năm", exact=True)
    if select.input_value() == str(year):
        return
    with page.expect_navigation():
        select.select_option(str(year))
    page.wait_for_load_state()


# --- the office -------------------------------------------------------------------------


def read_overview(page, year: int) -> Overview:
    page.goto(f"/tong-quan-phong-trao/?nam={year}")
    charts = {}
    for figure in page.get_by_test_id("chart").all():
        bars = {
            g.get_attribute("data-label"): int(float(g.get_attribute("data-value")))
            for g in figure.locator("g[data-label]").all()
        }
        charts[figure.locator("figcaption").inner_text()] = bars
    return Overview(
        registered=page.get_by_test_id("registered-units").inner_text(),
        results_total=int(page.get_by_test_id("results-total").inner_text()),
        charts=charts,
        silent_units=page.get_by_test_id("silent-units").inner_text(),
    )


def open_registration_window(page, year: int, opens: datetime.date, closes: datetime.date):
    page.goto("/dang-ky-thi-dua/")  # the office lands on the consolidated list
    choose_year(page, year)
    page.get_by_role("link", name="Đặt thời gian đăng ký").click()
    page.get_by_label("Ngày bắt đầu nhận đăng ký").fill(opens.isoformat())
    page.get_by_label("Ngày kết thúc nhận đăng ký").fill(closes.isoformat())
    submit(page, "Lưu")


def registration_row(page, unit_code: str):
    return page.locator(f"tr[data-unit='{unit_code}']")


def accept_registration(page, unit_code: str):
    registration_row(page, unit_code).get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_load_state()


def return_registration(page, unit_code: str, reason: str):
    registration_row(page, unit_code).get_by_role("link", name="Trả lại").click()
    page.get_by_label("Lý do trả lại").fill(reason)
    submit(page, "Trả lại")


def open_initiative_as_office(page, title: str):
    page.goto("/sang-kien/van-phong/")
    page.get_by_test_id("initiative-table").get_by_role("link", name=title).click()
    page.wait_for_load_state()


def record_recognition(page, number: str, day: datetime.date):
    form = page.get_by_test_id("recognise-form")
    form.get_by_label("Phạm vi ảnh hưởng").select_option("co_so")
    form.get_by_label("Số quyết định công nhận").fill(number)
    form.get_by_label("Ngày quyết định").fill(day.isoformat())
    form.get_by_role("button", name="Ghi nhận công nhận").click()
    page.wait_for_load_state()


# --- staff and unit heads ---------------------------------------------------------------


def register_myself(page, year: int, title: str, commitments: str):
    page.goto("/dang-ky-thi-dua/")  # a staff member lands on their own registration
    choose_year(page, year)
    page.get_by_label("Danh hiệu thi đua cá nhân đăng ký").select_option(label=title)
    page.get_by_label("Cam kết cá nhân").fill(commitments)
    submit(page, "Lưu")


def record_result_with_evidence(page, evidence):
    page.goto("/ket-qua/")
    page.get_by_role("link", name="Ghi kết quả").click()
    page.get_by_label("Nội dung thi đua").select_option(option_value(page, "Nội dung thi đua", DIGITAL_AREA))
    criterion = page.get_by_label("Tiêu chí thi đua")
    criterion.select_option(
        criterion.locator("optgroup[label^='Tiêu chí cá nhân'] option").first.get_attribute("value")
    )
    page.get_by_label("Tên kết quả").fill(RESULT_TITLE)
    page.get_by_label("Mô tả").fill("Hướng dẫn trực tiếp tại bộ phận một cửa, có danh sách người được hướng dẫn.")
    page.get_by_label("Ngày đạt được").fill(datetime.date.today().isoformat())
    page.get_by_label("Số lượng").fill("45")
    page.get_by_label("Đơn vị tính").fill("người")
    page.get_by_label("Tệp minh chứng").set_input_files(evidence)
    submit(page, "Lưu và gửi")


def submit_initiative(page, attachment, author: str):
    page.goto("/sang-kien/")
    page.get_by_role("link", name="Lập sáng kiến mới").click()
    page.get_by_label("Tên sáng kiến").fill(INITIATIVE_TITLE)
    page.get_by_label("Nội dung thi đua").select_option(option_value(page, "Nội dung thi đua", DIGITAL_AREA))
    page.get_by_label("Chuyển đổi số").check()
    page.get_by_label("Cải cách thủ tục hành chính").check()
    page.get_by_label("Vấn đề cần giải quyết").fill("Người dân phải đến Sở để hỏi tình trạng hồ sơ lý lịch tư pháp.")
    page.get_by_label("Giải pháp").fill("Mỗi phiếu hẹn in mã QR; quét mã trên VNeID để xem hồ sơ đang ở bước nào.")
    page.get_by_label("Điểm mới").fill("Lần đầu gắn tra cứu tình trạng hồ sơ với tài khoản định danh điện tử.")
    page.get_by_label("Nơi áp dụng").fill("Bộ phận một cửa của Sở Tư pháp")
    page.get_by_label("Áp dụng từ ngày").fill((datetime.date.today() - datetime.timedelta(days=60)).isoformat())
    page.get_by_label("Số giờ làm việc tiết kiệm mỗi năm").fill("320")
    page.get_by_label("Số người được phục vụ").fill("1500")
    page.get_by_label("Tệp đính kèm").set_input_files(attachment)
    authors = page.get_by_test_id("authors")
    assert authors.get_by_label("Tác giả 1").locator("option:checked").inner_text().startswith(author)
    authors.get_by_label("Tỷ lệ đóng góp (%) 1").fill("100")
    submit(page, "Lưu bản nháp")
    page.get_by_test_id("submit").click()  # «Gửi sáng kiến» on the detail page
    page.wait_for_load_state()


def fill_unit_registration(page, year: int, title: str):
    page.goto("/dang-ky-thi-dua/")  # a unit head lands on the unit's registration
    choose_year(page, year)
    page.get_by_label("Danh hiệu thi đua đơn vị đăng ký").select_option(label=title)
    for number in range(1, 6):
        page.get_by_label(re.compile(rf"^Cam kết ở nội dung {number}\.")).fill(
            f"Cam kết năm {year} của đơn vị ở nội dung {number}: hoàn thành 100% chỉ tiêu Sở giao."
        )
    submit(page, "Lưu nháp")
    submit(page, "Gửi đăng ký")


def confirm_awaiting_result(page, title: str):
    page.goto("/ket-qua/cho-xac-nhan/")
    page.locator("tr", has_text=title).get_by_role("button", name="Xác nhận").click()
    page.wait_for_load_state()


# --- the council and the library -----------------------------------------------------


def score_initiative(page, title: str, novelty: int, effectiveness: int, applicability: int):
    page.goto("/hoi-dong/cham-sang-kien/")
    page.get_by_test_id("to-score").get_by_role("link", name=re.compile(re.escape(title))).click()
    form = page.get_by_test_id("score-form")
    form.get_by_label("Tính mới").fill(str(novelty))
    form.get_by_label("Hiệu quả").fill(str(effectiveness))
    form.get_by_label("Phạm vi áp dụng").fill(str(applicability))
    form.get_by_label("Nhận xét").fill("Dễ nhân rộng sang các thủ tục khác.")
    form.get_by_role("button", name="Lưu điểm").click()
    page.wait_for_load_state()


def search_library(page, words: str):
    page.goto("/thu-vien-sang-kien/")
    page.get_by_label("Tìm theo tên, vấn đề, giải pháp").fill(words)
    page.get_by_role("search").get_by_role("button", name="Tìm").click()
    page.wait_for_load_state()


def mark_applied_in_my_unit(page, title: str, day: datetime.date, result: str):
    page.get_by_test_id("library").get_by_role("link", name=title).click()
    form = page.get_by_test_id("adoption-form")
    form.get_by_label("Ngày bắt đầu áp dụng").fill(day.isoformat())
    form.get_by_label("Kết quả áp dụng").fill(result)
    form.get_by_role("button", name="Đánh dấu đã áp dụng").click()
    page.wait_for_load_state()


# --- the path ---------------------------------------------------------------------------


def test_the_movement_from_registration_to_library(demo, page, sign_in, settings, tmp_path):
    from thidua.organization.models import Person

    settings.MEDIA_ROOT = tmp_path / "media"
    today = datetime.date.today()
    evidence = tmp_path / "danh-sach-nguoi-duoc-huong-dan.pdf"
    evidence.write_bytes(PDF)
    attachment = tmp_path / "mo-ta-sang-kien-ma-qr.pdf"
    attachment.write_bytes(PDF)

    # The office reads the movement before anything happens, then opens the window.
    sign_in(page, "vanphong")
    before_year, before_now = read_overview(page, YEAR), read_overview(page, today.year)
    assert before_year.registered.startswith("0/")
    open_registration_window(page, YEAR, today - datetime.timedelta(days=1), today + datetime.timedelta(days=30))
    assert (
        f"Đợt đăng ký năm {YEAR}: từ {today - datetime.timedelta(days=1):%d/%m/%Y}"
        in page.get_by_test_id("registration-window").inner_text()
    )
    sign_out(page)

    # A staff member of unit A registers, records a result with evidence, submits an initiative.
    sign_in(page, "chuyenvien")
    register_myself(
        page, YEAR, "Chiến sĩ thi đua cơ sở", "Hoàn thành xuất sắc nhiệm vụ; có một sáng kiến được công nhận cấp cơ sở."
    )
    assert "Đã lưu đăng ký cá nhân" in success_message(page)
    assert page.get_by_label("Danh hiệu thi đua cá nhân đăng ký").input_value() == "CSTDCS"

    record_result_with_evidence(page, evidence)
    assert page.get_by_role("heading", name=RESULT_TITLE).is_visible()
    assert page.get_by_test_id("entry-state").locator("[data-state]").get_attribute("data-state") == "submitted"
    assert page.get_by_test_id("evidence-list").get_by_role("link", name=evidence.name).is_visible()

    submit_initiative(page, attachment, author=Person.objects.get(code="PBGD-02").full_name)
    assert "Đã gửi sáng kiến tới Văn phòng Sở." in success_message(page)
    assert page.locator("h1 + [data-state]").get_attribute("data-state") == "submitted"
    assert "— 100%" in page.get_by_test_id("authors").inner_text()
    assert page.get_by_test_id("attachments").get_by_role("link", name=attachment.name).is_visible()
    sign_out(page)

    # Unit A's head confirms the result, then fills and submits the unit's registration.
    sign_in(page, "truongphong")
    confirm_awaiting_result(page, RESULT_TITLE)
    assert f"Đã xác nhận kết quả «{RESULT_TITLE}»." in success_message(page)
    fill_unit_registration(page, YEAR, "Tập thể lao động xuất sắc")
    assert f"Đã gửi bản đăng ký năm {YEAR} của {UNIT_A} cùng 1 bản đăng ký cá nhân" in success_message(page)
    assert page.get_by_test_id("registration-state").locator("[data-state]").get_attribute("data-state") == "submitted"
    assert "Chiến sĩ thi đua cơ sở" in page.locator("tr[data-person='PBGD-02']").inner_text()
    sign_out(page)

    # Unit B's head submits too.
    sign_in(page, "truongphong2")
    fill_unit_registration(page, YEAR, "Tập thể lao động tiên tiến")
    assert f"Đã gửi bản đăng ký năm {YEAR} của {UNIT_B}" in success_message(page)
    sign_out(page)

    # The office accepts B's registration, returns A's with a reason, hands the initiative to the council.
    sign_in(page, "vanphong")
    page.goto(f"/dang-ky-thi-dua/tong-hop/?nam={YEAR}")
    accept_registration(page, "TGPL")
    return_registration(page, "PBGD", RETURN_REASON)
    assert registration_row(page, "TGPL").locator("[data-state]").get_attribute("data-state") == "accepted"
    assert registration_row(page, "PBGD").locator("[data-state]").get_attribute("data-state") == "returned"
    open_initiative_as_office(page, INITIATIVE_TITLE)
    submit(page, "Chuyển Hội đồng xem xét")
    assert "Đã chuyển sáng kiến cho Hội đồng xem xét, chấm điểm." in success_message(page)
    sign_out(page)

    # Unit A's head reads the reason on the unit's page.
    sign_in(page, "truongphong")
    page.goto(f"/dang-ky-thi-dua/?nam={YEAR}")
    assert RETURN_REASON in page.get_by_test_id("return-reason").inner_text()
    sign_out(page)

    # Two council members of other units score it: no conflict of interest for either.
    for member, marks in (("hoidong", (8, 9, 7)), ("giamdoc", (9, 8, 8))):
        sign_in(page, member)
        score_initiative(page, INITIATIVE_TITLE, *marks)
        assert f"Đã lưu điểm chấm «{INITIATIVE_TITLE}»." in success_message(page)
        assert INITIATIVE_TITLE in page.get_by_test_id("scored").inner_text()
        sign_out(page)

    # The office records the recognition at base level, with the decision.
    sign_in(page, "vanphong")
    open_initiative_as_office(page, INITIATIVE_TITLE)
    averages = page.get_by_test_id("averages").inner_text()
    assert "8,50" in averages  # novelty: (8 + 9) / 2
    decided = today  # sent today, so the decision cannot be dated earlier
    record_recognition(page, DECISION_NUMBER, decided)
    assert (
        f"Được Sở công nhận phạm vi cơ sở theo Quyết định số {DECISION_NUMBER} ngày {decided:%d/%m/%Y}."
        in page.get_by_test_id("decision").inner_text()
    )
    after_year, after_now = read_overview(page, YEAR), read_overview(page, today.year)
    sign_out(page)

    # Another unit finds it in the library without accents and marks it applied.
    sign_in(page, "truongphong2")
    search_library(page, "ho so ly lich tu phap ma qr")
    assert page.get_by_test_id("library-count").inner_text().startswith("1 sáng kiến ·")
    mark_applied_in_my_unit(page, INITIATIVE_TITLE, today, "Áp dụng cho phiếu hẹn trợ giúp pháp lý từ tháng 12.")
    assert UNIT_B in page.get_by_test_id("adoptions").inner_text()
    sign_out(page)

    # The office view changed accordingly.
    units = before_year.registered.split("/")[1]
    assert after_year.registered == f"2/{units}"  # A (returned) and B (accepted) have sent theirs
    assert after_year.bars("Đăng ký thi đua") == {ACCEPTED: 1, RETURNED: 1}
    assert after_now.results_total == before_now.results_total + 1
    area = next(label for label in after_now.bars("Kết quả") if label.startswith("4."))
    assert after_now.bars("Kết quả")[area] == before_now.bars("Kết quả").get(area, 0) + 1
    assert after_now.bars("Sáng kiến").get(RECOGNISED) == before_now.bars("Sáng kiến").get(RECOGNISED, 0) + 1
    assert UNIT_A not in after_now.silent_units
    assert page.console_errors == []
