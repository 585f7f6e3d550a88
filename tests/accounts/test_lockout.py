"""Lockout per (user name, address), with a cool-off that ends and grows."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from tests.accounts.conftest import fail, sign_in, signed_in_as
from thidua.accounts import lockout as lockout_module
from thidua.accounts.models import Lockout
from thidua.core.models import ActivityLog
from thidua.notifications.models import Notice

pytestmark = pytest.mark.django_db

MIN = datetime.timedelta(minutes=1)


def test_fifth_failure_locks_the_name_from_that_address(org, client, password):
    fail(client, "giamdoc", 5, ip="203.0.113.9")
    response = sign_in(client, "giamdoc", password, ip="203.0.113.9")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Tạm khóa đăng nhập" in body
    lockout = Lockout.objects.get()
    assert (lockout.username, lockout.ip_address, lockout.level) == ("giamdoc", "203.0.113.9", 1)
    assert lockout.until - lockout.started_at == datetime.timedelta(minutes=15)
    assert timezone.localtime(lockout.until).strftime("%H:%M %d/%m/%Y") in body
    assert signed_in_as(client) is None


def test_a_stranger_cannot_lock_the_owner_out_from_elsewhere(org, client, password):
    fail(client, "giamdoc", 5, ip="203.0.113.9")  # a stranger, anywhere on the Internet
    response = sign_in(client, "giamdoc", password, ip="10.1.2.3")  # the Director at the office
    assert response.status_code == 302
    assert signed_in_as(client) == str(org.users.director.pk)


def test_four_failures_do_not_lock(org, client, password):
    fail(client, "vanphong", 4)
    assert sign_in(client, "vanphong", password).status_code == 302
    assert not Lockout.objects.exists()


def test_the_lock_ends_by_itself_after_fifteen_minutes(org, client, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        fail(client, "vanphong", 5)
        clock.shift(14 * MIN)
        assert sign_in(client, "vanphong", password).status_code == 429
        clock.shift(1 * MIN + datetime.timedelta(seconds=1))
        assert sign_in(client, "vanphong", password).status_code == 302


def test_attempts_while_locked_do_not_extend_the_lock(org, client, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        fail(client, "vanphong", 5)
        clock.shift(10 * MIN)
        fail(client, "vanphong", 3)
        clock.shift(5 * MIN + datetime.timedelta(seconds=1))
        assert sign_in(client, "vanphong", password).status_code == 302
    assert Lockout.objects.count() == 1


def test_a_repeated_lockout_lasts_twice_as_long(org, client, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        fail(client, "vanphong", 5)
        clock.shift(16 * MIN)  # the first lockout has ended
        fail(client, "vanphong", 4)
        assert sign_in(client, "vanphong", password).status_code == 302  # failures 1–4 of a new round
        client.post("/dang-xuat/")
        fail(client, "vanphong", 5)
        second = Lockout.objects.first()
        assert second.level == 2 and second.until - second.started_at == 30 * MIN
        clock.shift(29 * MIN)
        assert sign_in(client, "vanphong", password).status_code == 429
        clock.shift(1 * MIN + datetime.timedelta(seconds=1))
        assert sign_in(client, "vanphong", password).status_code == 302


def test_lockouts_grow_to_a_day_at_most():
    assert [lockout_module.duration_for(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [15, 30, 60, 120]
    assert lockout_module.duration_for(7) == datetime.timedelta(hours=16)
    assert lockout_module.duration_for(8) == datetime.timedelta(hours=24)
    assert lockout_module.duration_for(30) == datetime.timedelta(hours=24)


def test_a_lockout_long_after_the_last_one_starts_again_at_fifteen_minutes(org, client):
    now = timezone.now()
    Lockout.objects.create(
        username="vanphong",
        ip_address="10.0.0.1",
        level=6,
        started_at=now - datetime.timedelta(days=3),
        until=now - datetime.timedelta(days=2),
    )
    fail(client, "vanphong", 5)
    assert Lockout.objects.first().level == 1


def test_after_a_day_long_lockout_the_next_is_a_day_too(org, client):
    now = timezone.now()
    Lockout.objects.create(
        username="vanphong",
        ip_address="10.0.0.1",
        level=7,
        started_at=now - datetime.timedelta(hours=25),
        until=now - MIN,
    )
    fail(client, "vanphong", 5)
    latest = Lockout.objects.first()
    assert latest.level == 8 and latest.until - latest.started_at == datetime.timedelta(hours=24)


def test_the_owner_and_the_administrators_are_told(org, client, administrator, outbox):
    director = org.users.director
    director.email = "giamdoc@example.vn"
    director.save()
    fail(client, "giamdoc", 5, ip="203.0.113.9")
    owner_notice = Notice.objects.get(user=director)
    assert "Tài khoản của anh/chị bị tạm khóa đăng nhập từ địa chỉ 203.0.113.9" in owner_notice.text
    assert owner_notice.link == "/tai-khoan/doi-mat-khau/"
    admin_notice = Notice.objects.get(user=administrator)
    assert "Tài khoản của Nguyễn Khánh Lâm bị tạm khóa đăng nhập từ địa chỉ 203.0.113.9" in admin_notice.text
    assert admin_notice.link == "/tai-khoan/bi-khoa/"
    assert sorted(m.to[0] for m in outbox) == ["giamdoc@example.vn", "quantri@example.vn"]
    assert all(m.subject == "[Thi Đua] Tài khoản bị tạm khóa đăng nhập" for m in outbox)
    assert not Notice.objects.filter(user=org.users.officer).exists()  # the office is not an administrator


def test_an_account_without_address_gets_the_notice_only(org, client, administrator, outbox):
    fail(client, "chuyenvien", 5)
    assert Notice.objects.filter(user=org.users.staff_a).count() == 1
    assert [m.to for m in outbox] == [["quantri@example.vn"]]


def test_a_name_that_is_no_account_is_locked_without_telling_anyone(org, client, administrator, outbox):
    fail(client, "khong-ton-tai", 5)
    assert Lockout.objects.get().user is None
    assert not Notice.objects.exists() and not outbox


def test_the_notice_is_sent_once_per_lockout(org, client, administrator):
    fail(client, "chuyenvien", 8)
    assert Notice.objects.filter(user=administrator).count() == 1


def test_a_lockout_is_in_the_activity_log(org, client):
    fail(client, "vanphong", 5)
    entry = ActivityLog.objects.get(object_id=str(Lockout.objects.get().pk))
    assert entry.action == "created" and entry.actor is None
    assert "5 lần nhập sai" in entry.note


def test_unlock_command_reopens_the_name_from_every_address(org, client, password):
    fail(client, "vanphong", 5, ip="10.0.0.1")
    fail(client, "vanphong", 5, ip="10.0.0.2")
    call_command("unlock_account", "vanphong")
    assert not Lockout.objects.active().exists()
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "vanphong", password, ip="10.0.0.2").status_code == 302


def test_behind_the_proxy_the_address_is_the_one_nginx_added(settings):
    settings.BEHIND_PROXY = True
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert lockout_module.client_ip_address(request) == "198.51.100.7"  # the first entry is the client's claim
    settings.BEHIND_PROXY = False
    assert lockout_module.client_ip_address(request) == "127.0.0.1"


def test_behind_the_proxy_a_stranger_still_locks_only_their_own_address(org, client, password, settings):
    settings.BEHIND_PROXY = True
    for _ in range(5):
        sign_in(client, "giamdoc", "sai", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert Lockout.objects.get().ip_address == "203.0.113.9"
    response = sign_in(client, "giamdoc", password, ip="127.0.0.1", HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert response.status_code == 302
