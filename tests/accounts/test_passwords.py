"""Passwords people own: changing one's password, resetting a forgotten one by e-mail,
the validators' Vietnamese messages, and the demo accounts' shared password."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from tests.accounts.conftest import sign_in, signed_in_as
from thidua.core.models import ActivityLog

pytestmark = pytest.mark.django_db
NEW = "sông Lô chảy qua Tuyên Quang"
CHANGE = reverse("password_change")


def _messages(password, user=None) -> list[str]:
    with pytest.raises(ValidationError) as error:
        validate_password(password, user)
    return error.value.messages


# --- validators ---------------------------------------------------------------------------
def test_a_short_password_is_refused_in_vietnamese():
    assert "Mật khẩu quá ngắn: cần ít nhất 12 ký tự." in _messages("Tuyên-Quang")


def test_a_common_password_is_refused_in_vietnamese():
    assert "Mật khẩu này quá phổ biến, dễ bị đoán ra. Hãy chọn mật khẩu khác." in _messages("password1234")


def test_a_numeric_password_is_refused_in_vietnamese():
    assert "Mật khẩu không được chỉ gồm chữ số. Hãy thêm chữ cái." in _messages("803519462071")


def test_a_password_like_the_user_name_is_refused_in_vietnamese(org):
    assert "Mật khẩu quá giống tên đăng nhập của tài khoản. Hãy chọn mật khẩu khác." in _messages(
        "truongphong2!", org.users.head_a
    )


def test_a_password_like_the_persons_name_is_refused(org):
    assert "Mật khẩu quá giống họ tên của anh/chị. Hãy chọn mật khẩu khác." in _messages(
        "nguyenkhanhlam1", org.users.director
    )


def test_the_messages_are_english_for_an_english_page():
    with translation.override("en"):
        assert "This password is too short: it needs at least 12 characters." in _messages("Tuyên-Quang")


def test_a_long_uncommon_password_is_accepted(org):
    validate_password(NEW, org.users.director)


# --- changing one's password -----------------------------------------------------------------
def test_the_change_page_is_in_the_account_menu(org, client_for):
    body = client_for(org.users.staff_a).get(reverse("home")).content.decode()
    assert f'href="{CHANGE}"' in body and "Đổi mật khẩu" in body and f'href="{reverse("account")}"' in body


def test_a_wrong_current_password_is_refused(org, client_for):
    body = (
        client_for(org.users.staff_a)
        .post(CHANGE, {"old_password": "sai", "new_password1": NEW, "new_password2": NEW})
        .content.decode()
    )
    assert "Mật khẩu hiện tại không đúng. Hãy nhập lại." in body


def test_the_new_password_must_differ(org, client_for, password):
    body = (
        client_for(org.users.staff_a)
        .post(CHANGE, {"old_password": password, "new_password1": password, "new_password2": password})
        .content.decode()
    )
    assert "Mật khẩu mới phải khác mật khẩu hiện tại." in body


def test_a_weak_new_password_is_refused_with_what_to_fix(org, client_for, password):
    body = (
        client_for(org.users.staff_a)
        .post(CHANGE, {"old_password": password, "new_password1": "ngắn", "new_password2": "ngắn"})
        .content.decode()
    )
    assert "Mật khẩu quá ngắn: cần ít nhất 12 ký tự." in body
    mismatch = (
        client_for(org.users.staff_a)
        .post(CHANGE, {"old_password": password, "new_password1": NEW, "new_password2": NEW + "x"})
        .content.decode()
    )
    assert "Hai ô mật khẩu mới không giống nhau. Hãy nhập lại." in mismatch


def test_changing_the_password_keeps_the_session_and_is_logged(org, client_for, client, password):
    user_client = client_for(org.users.staff_a)
    response = user_client.post(
        CHANGE, {"old_password": password, "new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assert "Đã đổi mật khẩu." in response.content.decode()
    assert user_client.get(reverse("home")).status_code == 200  # still signed in
    assert sign_in(client, "chuyenvien", NEW).status_code == 302
    entry = ActivityLog.objects.get(object_id=str(org.users.staff_a.pk), note="Đổi mật khẩu")
    assert entry.actor == org.users.staff_a and "password" not in entry.changes


# --- resetting a forgotten password ------------------------------------------------------------
@pytest.fixture
def with_email(org):
    user = org.users.staff_a
    user.email = "huong@example.vn"
    user.save()
    return user


def _reset_link(message) -> str:
    return re.search(r"https://thidua\.example\.vn(/quen-mat-khau/[^\s]+/)", message.body).group(1)


def test_the_sign_in_page_links_to_the_reset(client):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def test_a_reset_sends_a_vietnamese_e_mail_with_a_link(org, client, with_email, outbox, settings):
    settings.SITE_URL = "https://thidua.example.vn"
    response = client.post(reverse("password_reset"), {"email": "HUONG@example.vn"})
    assert response["Location"] == reverse("password_reset_done")
    [message] = outbox
    assert message.to == ["huong@example.vn"] and message.subject == "[Thi Đua] Đặt lại mật khẩu"
    assert "Hệ thống Thi Đua vừa nhận yêu cầu đặt lại mật khẩu cho tài khoản «chuyenvien»" in message.body
    assert "Đường dẫn dùng được một lần, trong 24 giờ." in message.body
    link = _reset_link(message)
    form_page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("password_reset_complete")
    assert sign_in(client, "chuyenvien", NEW).status_code == 302
    assert ActivityLog.objects.filter(object_id=str(with_email.pk), note="Đặt lại mật khẩu qua thư điện tử").exists()


def test_the_answer_does_not_reveal_whether_the_address_exists(org, client, with_email, outbox):
    known = client.post(reverse("password_reset"), {"email": "huong@example.vn"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.vn"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(outbox) == 1
    page = client.get(reverse("password_reset_done")).content.decode()
    assert "Nếu địa chỉ vừa nhập thuộc một tài khoản" in page


def test_a_malformed_address_is_explained(client):
    body = client.post(reverse("password_reset"), {"email": "khong-phai-dia-chi"}).content.decode()
    assert "Địa chỉ thư điện tử chưa đúng dạng" in body and 'value="khong-phai-dia-chi"' in body


def test_a_reset_link_expires_after_a_day_and_works_once(org, client, with_email, outbox, settings):
    settings.SITE_URL = "https://thidua.example.vn"
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.post(reverse("password_reset"), {"email": "huong@example.vn"})
        link = _reset_link(outbox[0])
        clock.shift(datetime.timedelta(days=1, minutes=1))
        body = client.get(link, follow=True).content.decode()
    assert 'data-testid="reset-link-invalid"' in body
    outbox.clear()
    client.post(reverse("password_reset"), {"email": "huong@example.vn"})
    link = _reset_link(outbox[0])
    page = client.get(link, follow=True)
    client.post(page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert 'data-testid="reset-link-invalid"' in client.get(link, follow=True).content.decode()


# --- the demo accounts' shared password ------------------------------------------------------
@pytest.fixture
def demo_account(org):
    user = org.users.staff_a
    user.must_change_password = True
    user.save()
    return user


def test_outside_demo_mode_a_demo_account_must_change_its_password_first(
    org, client_for, demo_account, password, settings
):
    settings.DEMO_MODE = False
    client = client_for(demo_account)
    response = client.get(reverse("people"))
    assert response.status_code == 302 and response["Location"] == CHANGE + "?next=%2Fcan-bo%2F"
    assert client.get(reverse("home"))["Location"] == CHANGE
    page = client.get(CHANGE).content.decode()
    assert 'data-testid="must-change-password"' in page
    assert client.get("/api/v1/").status_code == 403
    assert client.get("/static/css/thidua.css").status_code == 200
    assert client.post(reverse("set_language"), {"language": "vi", "next": "/"}).status_code == 302
    response = client.post(
        CHANGE + "?next=/can-bo/",
        {"old_password": password, "new_password1": NEW, "new_password2": NEW, "next": "/can-bo/"},
    )
    assert response["Location"] == "/can-bo/"
    demo_account.refresh_from_db()
    assert not demo_account.must_change_password
    assert client.get(reverse("people")).status_code == 200
    entry = ActivityLog.objects.get(object_id=str(demo_account.pk), note="Đổi mật khẩu")
    assert entry.changes == {"must_change_password": [True, False]}


def test_signing_out_stays_open(org, client_for, demo_account, settings):
    settings.DEMO_MODE = False
    client = client_for(demo_account)
    client.post(reverse("logout"))
    assert signed_in_as(client) is None


def test_in_demo_mode_the_shared_password_is_kept(org, client_for, demo_account, settings):
    settings.DEMO_MODE = True
    assert client_for(demo_account).get(reverse("people")).status_code == 200


def test_a_reset_by_e_mail_also_clears_the_flag(org, client, demo_account, outbox, settings):
    settings.SITE_URL = "https://thidua.example.vn"
    demo_account.email = "huong@example.vn"
    demo_account.save()
    client.post(reverse("password_reset"), {"email": "huong@example.vn"})
    page = client.get(_reset_link(outbox[0]), follow=True)
    client.post(page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    demo_account.refresh_from_db()
    assert not demo_account.must_change_password
