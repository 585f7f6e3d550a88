"""Slowing down guesses at one user name from many addresses: never a lock."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.utils import timezone

from tests.accounts.conftest import sign_in, signed_in_as
from thidua.accounts import slowdown
from thidua.accounts.models import Lockout

pytestmark = pytest.mark.django_db

SECOND = datetime.timedelta(seconds=1)


def _spread_failures(client, username, n, first=1):
    """`n` wrong passwords for `username`, each from a new address (no lockout)."""
    for i in range(first, first + n):
        sign_in(client, username, "sai-mat-khau", ip=f"198.51.100.{i}")


def test_ten_failures_from_many_addresses_slow_the_name_down(org, client, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _spread_failures(client, "giamdoc", 10)
        response = sign_in(client, "giamdoc", password, ip="10.1.2.3")
    body = response.content.decode()
    assert "Tên đăng nhập này vừa bị nhập sai mật khẩu nhiều lần" in body
    assert "hãy đợi 5 giây rồi đăng nhập lại" in body
    assert 'value="giamdoc"' in body  # what was typed is kept
    assert signed_in_as(client) is None
    assert not Lockout.objects.exists()  # no address reached five failures
    assert not AccessAttempt.objects.filter(ip_address="10.1.2.3").exists()  # the password was not even tried


def test_the_owner_who_waits_gets_in_and_the_count_starts_again(org, client, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        _spread_failures(client, "giamdoc", 10)
        clock.shift(5 * SECOND)
        response = sign_in(client, "giamdoc", password, ip="10.1.2.3")
    assert response.status_code == 302
    assert signed_in_as(client) == str(org.users.director.pk)
    assert slowdown.failures("giamdoc") == 0


def test_each_further_failure_makes_the_wait_longer(org, client):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        _spread_failures(client, "giamdoc", 10)
        clock.shift(5 * SECOND)
        _spread_failures(client, "giamdoc", 1, first=50)  # accepted, and wrong
        body = sign_in(client, "giamdoc", "x", ip="198.51.100.60").content.decode()
    assert "hãy đợi 10 giây" in body


def test_the_wait_grows_to_a_minute_at_most():
    assert [slowdown.delay_for(n) for n in (10, 11, 12, 13, 14, 15, 40)] == [5, 10, 20, 40, 60, 60, 60]


def test_of_simultaneous_attempts_only_one_goes_on(db):
    for _ in range(slowdown.THRESHOLD):
        slowdown.record_failure("giamdoc")
    from django.core.cache import cache

    cache.delete(slowdown._key("gate", "giamdoc"))  # the wait after the 10th failure is over
    assert slowdown.admit("giamdoc") == 0
    assert slowdown.admit("giamdoc") == 5


def test_other_names_are_not_slowed(org, client, password):
    _spread_failures(client, "giamdoc", 12)
    assert sign_in(client, "vanphong", password, ip="198.51.100.1").status_code == 302


def test_the_count_forgets_after_a_quiet_quarter_hour(org, client, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        _spread_failures(client, "giamdoc", 9)
        clock.shift(datetime.timedelta(minutes=15, seconds=1))
        _spread_failures(client, "giamdoc", 1, first=20)
        assert slowdown.failures("giamdoc") == 1
