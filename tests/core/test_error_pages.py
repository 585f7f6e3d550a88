"""Refusals and errors speak Vietnamese in the site's layout, and history names people."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from thidua.core.history import record

pytestmark = pytest.mark.django_db


def test_a_missing_page_says_so_in_vietnamese_inside_the_site(org, client_for):
    response = client_for(org.users.staff_a).get("/khong-co-trang-nay/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in body and '<main id="main"' in body and 'lang="vi"' in body
    assert "Not Found" not in body


def test_a_refused_page_says_who_to_ask(org, client_for):
    response = client_for(org.users.staff_a).get(reverse("activity"))
    body = response.content.decode()
    assert response.status_code == 403
    assert "Không có quyền thực hiện" in body and '<main id="main"' in body


def test_the_error_page_needs_no_context_and_says_it_is_not_the_users_fault():
    response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "không phải do dữ liệu bạn nhập" in body and '<main id="main"' in body


def test_the_change_history_names_the_person_not_the_login(org, client_for):
    record(actor=org.users.head_a, obj=org.people.staff_a, action="update", changes={"position": ["", "Chuyên viên"]})
    body = client_for(org.users.officer).get(reverse("person_detail", args=[org.people.staff_a.pk])).content.decode()
    assert "Nguyễn Văn Đạt" in body
    assert ">truongphong<" not in body
