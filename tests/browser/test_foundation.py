"""A newcomer's first minutes: each demo role signs in and lands on its home page; the
office downloads the plan as Word; people are found without typing accents."""

import pytest
from docx import Document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("username", "home_title"),
    [
        ("vanphong", "Trang chủ — Văn phòng Sở (cán bộ phụ trách TĐKT)"),
        ("truongphong", "Trang chủ — Thủ trưởng đơn vị"),
        ("chuyenvien", "Trang chủ — Cán bộ, công chức, viên chức"),
        ("truongphong2", "Trang chủ — Thủ trưởng đơn vị"),
        ("hoidong", "Trang chủ — Thành viên Hội đồng TĐKT"),
        ("giamdoc", "Trang chủ — Giám đốc, Phó Giám đốc"),
        ("quantri", "Trang chủ — Quản trị hệ thống"),
    ],
)
def test_each_demo_role_signs_in_to_its_home(demo, page, sign_in, username, home_title):
    sign_in(page, username)
    assert page.get_by_test_id("home-title").inner_text() == home_title
    assert "Giai đoạn" in page.get_by_test_id("timeline-caption").inner_text()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/dang-nhap/")
    assert page.console_errors == []


def test_office_downloads_the_plan_as_word(demo, page, sign_in, tmp_path):
    from tests.documents.layout import nd30_problems

    sign_in(page, "vanphong")
    page.get_by_role("link", name="Kế hoạch", exact=True).first.click()
    with page.expect_download() as info:
        page.get_by_test_id("download-plan").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.suffix == ".docx"
    data = target.read_bytes()
    assert nd30_problems(data, doc_type="KẾ HOẠCH") == []
    text = "\n".join(p.text for p in Document(target).paragraphs)
    assert "Bình dân học vụ số" in text


def test_people_search_ignores_accents(demo, page, sign_in):
    sign_in(page, "vanphong")
    page.goto("/can-bo/")
    page.get_by_label("Tìm theo tên hoặc mã").fill("nguyen khanh lam")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Nguyễn Khánh Lâm").is_visible()
    assert "1 người" in page.get_by_test_id("people-count").inner_text()


def test_staff_cannot_open_another_units_person(demo, page, sign_in):
    from thidua.organization.models import Person

    other = Person.objects.get(code="TGPL-03")
    sign_in(page, "chuyenvien")
    response = page.goto(f"/can-bo/{other.pk}/")
    assert response.status == 404


def test_works_on_a_phone_screen_and_by_keyboard(demo, browser, live_server, settings):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.goto("/dang-nhap/")
    # The user name field has focus on arrival (waited for: a loaded machine may still be
    # applying autofocus when the page reports it has loaded).
    page.wait_for_function("document.activeElement && document.activeElement.name === 'username'")
    page.keyboard.type("vanphong")
    page.keyboard.press("Tab")
    page.keyboard.type(settings.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")
    menu = page.get_by_role("button", name="Mở menu")
    assert menu.is_visible()  # collapsed navigation on a narrow screen
    menu.click()
    page.get_by_role("button", name="Tổ chức").click()
    page.get_by_role("link", name="Cán bộ", exact=True).click()
    page.wait_for_url("**/can-bo/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375 + 1, "the people page must not scroll sideways on a phone"
    context.close()
