"""A unit head's work queue announces the open registration window until the unit has
sent; the office's counts the registrations to take in."""

import datetime

import pytest

from thidua.registrations import services
from thidua.registrations.attention import attention_items

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 5, 20)


def test_an_open_window_is_announced_until_the_unit_sends(org, draft):
    items = attention_items(org.users.head_a, DAY)
    assert items == [
        {
            "text": "Đợt đăng ký thi đua năm 2026 đang mở: 1 đơn vị chưa gửi đăng ký",
            "href": f"/dang-ky-thi-dua/don-vi/{org.units.a.pk}/?nam=2026",
            "due": datetime.date(2026, 5, 31),
        }
    ]
    services.submit_registration(registration=draft, actor=org.users.head_a)
    assert attention_items(org.users.head_a, DAY) == []
    assert attention_items(org.users.officer, DAY) == [
        {
            "text": "1 bản đăng ký thi đua chờ Văn phòng Sở tiếp nhận",
            "href": "/dang-ky-thi-dua/tong-hop/?trang_thai=submitted",
            "due": None,
        }
    ]
