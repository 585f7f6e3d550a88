"""Sign-in safety and transport headers."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_security_headers_on_every_page(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Request-ID"]


@pytest.mark.parametrize("weak", ["ngắn-quá", "password1234", "123456789012"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_long_uncommon_password_is_accepted():
    validate_password("sông Lô chảy qua Tuyên Quang")


def test_failed_sign_in_message_is_vietnamese(org, client):
    body = _login(client, "vanphong", "sai-mat-khau").content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in body
    assert 'value="vanphong"' in body  # what was typed is kept


# Lockout, slow-down, the second factor and passwords: tests/accounts/.


def test_session_ends_after_30_idle_minutes_and_each_request_moves_it(org, client_for):
    import datetime

    import time_machine
    from django.utils import timezone

    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = client_for(org.users.staff_a)
        assert client.get(reverse("home")).status_code == 200
        for _ in range(3):  # a request every 25 minutes keeps the session alive
            traveller.shift(datetime.timedelta(minutes=25))
            assert client.get(reverse("home")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=31))
        response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_pages_within_a_minute_do_not_write_the_session(org, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(org.users.staff_a)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("home"))
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]


def test_sign_out_ends_the_session(org, client_for):
    client = client_for(org.users.staff_a)
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_markup_in_names_is_shown_escaped(org, client_for):
    org.people.staff_a.full_name = '<script>alert("x")</script>Hương'
    org.people.staff_a.save()
    body = client_for(org.users.head_a).get(reverse("people")).content.decode()
    assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;" in body


def _run_thidua(args, env):
    # The browser tests allow sync ORM calls beside their event loop; a deployment must not.
    base = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "THIDUA_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return subprocess.run(
        [sys.executable, "-m", "thidua", *args], env=base | env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_fail_loudly_without_secret_key():
    result = _run_thidua(["check"], {"DEBUG": "0", "SECRET_KEY": "", "ALLOWED_HOSTS": "thidua.example.vn"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_with_production_settings_is_clean():
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "k" * 20 + "production-secret-value-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "thidua.example.vn",
        "HTTPS": "1",
    }
    result = _run_thidua(["check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_are_vietnamese_even_for_an_english_browser(client):
    body = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in body
    assert "Đăng nhập" in body
