"""The user guide's screenshots, taken on the demo year as the person who does each task,
so the guide shows the screens as they are; and the "?" of a page opens its section."""

from pathlib import Path

import pytest
from django.conf import settings

from thidua.overview.guide import TASKS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where each task is done, and by whom.
PAGES = {
    "dang-ky-thi-dua": ("truongphong", "/dang-ky-thi-dua/"),
    "ket-qua-minh-chung": ("chuyenvien", "/ket-qua/ghi-moi/"),
    "tiep-nhan-bao-cao": ("vanphong", "/bao-cao/tinh-hinh/?trang-thai=submitted"),
    "bao-cao-tong-hop": ("vanphong", "/bao-cao/ky/"),
    "hop-hoi-dong": ("hoidong", "/hoi-dong/"),
    "ban-hanh-quyet-dinh": ("giamdoc", "/de-nghi-khen-thuong/"),
    "cong-bo-dien-hinh": ("vanphong", "/ton-vinh/quan-ly/"),
}


def test_every_task_has_its_screenshot_taken_anew(demo, page, sign_in):
    assert set(PAGES) == {task.key for task in TASKS}
    folder = Path(settings.BASE_DIR) / "static" / "guide"
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    signed_in = None
    for key, (user, path) in PAGES.items():
        if user != signed_in:
            page.context.clear_cookies()
            sign_in(page, user)
            signed_in = user
        response = page.goto(path)
        assert response.status == 200, (key, path)
        page.screenshot(path=str(folder / f"{key}.png"))
        assert (folder / f"{key}.png").stat().st_size > 10_000
    page.goto("/bao-cao/tinh-hinh/")
    page.get_by_test_id("help").click()
    page.wait_for_load_state()
    assert page.url.endswith("/huong-dan/#tiep-nhan-bao-cao")
    assert page.locator("#tiep-nhan-bao-cao img").count() == 1
