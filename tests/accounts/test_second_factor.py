"""The second factor: enrolling an authenticator app, signing in with its code or a
backup code, turning it off, and the administrators who must have one."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import sign_in, signed_in_as
from thidua.accounts import second_factor
from thidua.core.models import ActivityLog

pytestmark = pytest.mark.django_db


def code_of(device) -> str:
    """The code the authenticator app shows now."""
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{value:0{device.digits}d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=True)


@pytest.fixture
def production(settings):
    settings.DEMO_MODE = False
    return settings


@pytest.fixture
def superuser(org):
    from tests.factories import UserFactory

    user = UserFactory(username="sieuquantri", is_superuser=True, is_staff=True)
    return user


# --- enrolling from the account page -----------------------------------------------------
def test_the_account_page_offers_the_second_factor(org, client_for):
    body = client_for(org.users.staff_a).get(reverse("account")).content.decode()
    assert "Chưa bật" in body and reverse("otp_enrol") in body
    assert reverse("password_change") in body


def test_enrolment_shows_an_inline_svg_qr_code_and_the_secret(org, client_for):
    response = client_for(org.users.staff_a).get(reverse("otp_enrol"))
    body = response.content.decode()
    assert re.search(r'<svg [^>]*role="img"', body) and '<path d="M' in body
    assert "style=" not in body  # the Content Security Policy forbids style attributes
    device = TOTPDevice.objects.get(user=org.users.staff_a, confirmed=False)
    assert second_factor.secret_for_typing(device) in body
    # Reloading keeps the secret already scanned.
    client_for(org.users.staff_a).get(reverse("otp_enrol"))
    assert TOTPDevice.objects.filter(user=org.users.staff_a).count() == 1


def test_a_wrong_code_does_not_turn_it_on(org, client_for):
    client = client_for(org.users.staff_a)
    client.get(reverse("otp_enrol"))
    body = client.post(reverse("otp_enrol"), {"code": "000000"}).content.decode()
    assert "Mã không đúng. Hãy nhập mã 6 chữ số" in body
    assert not second_factor.has_device(org.users.staff_a)


def test_the_right_code_turns_it_on_and_shows_backup_codes_once(org, client_for):
    client = client_for(org.users.staff_a)
    client.get(reverse("otp_enrol"))
    device = TOTPDevice.objects.get(user=org.users.staff_a)
    response = client.post(reverse("otp_enrol"), {"code": code_of(device)})
    body = response.content.decode()
    assert "Đã bật xác thực hai bước" in body
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", body)
    assert len(codes) == 10
    assert set(StaticToken.objects.filter(device__user=org.users.staff_a).values_list("token", flat=True)) == set(codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.session["otp_device_id"] == device.persistent_id  # this session passed the second step
    entry = ActivityLog.objects.get(object_id=str(org.users.staff_a.pk), note="Bật xác thực hai bước")
    assert entry.changes == {"second_factor": [False, True]} and entry.actor == org.users.staff_a


# --- signing in with it ------------------------------------------------------------------
def test_once_enrolled_sign_in_asks_for_the_code(org, client, password):
    device = enrolled(org.users.staff_a)
    response = sign_in(client, "chuyenvien", password)
    assert response.status_code == 302 and response["Location"] == reverse("otp_verify")
    assert signed_in_as(client) is None  # not signed in before the code
    assert client.get(reverse("home")).status_code == 302
    page = client.get(reverse("otp_verify")).content.decode()
    assert "Mã xác thực" in page
    response = client.post(reverse("otp_verify"), {"code": code_of(device)})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert signed_in_as(client) == str(org.users.staff_a.pk)


def test_the_code_step_keeps_where_the_user_was_going(org, client, password):
    device = enrolled(org.users.staff_a)
    client.post(reverse("login"), {"username": "chuyenvien", "password": password, "next": "/can-bo/"})
    assert client.post(reverse("otp_verify"), {"code": code_of(device)})["Location"] == "/can-bo/"


def test_a_wrong_code_is_refused_with_a_clear_message(org, client, password):
    enrolled(org.users.staff_a)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        sign_in(client, "chuyenvien", password)
        body = client.post(reverse("otp_verify"), {"code": "123456"}).content.decode()
        assert "Mã không đúng hoặc đã hết hạn" in body
        assert signed_in_as(client) is None
        for wait in (2, 3):  # each wrong code doubles the wait before the next is checked
            clock.shift(datetime.timedelta(seconds=wait))
            body = client.post(reverse("otp_verify"), {"code": "123456"}).content.decode()
    assert "Đã nhập sai nhiều lần: hãy đợi 4 giây rồi thử lại" in body


def test_a_backup_code_works_once(org, client, password):
    enrolled(org.users.staff_a)
    codes = second_factor.new_backup_codes(org.users.staff_a)
    sign_in(client, "chuyenvien", password)
    response = client.post(reverse("otp_verify"), {"code": codes[0].upper()}, follow=True)
    assert "Anh/chị vừa dùng một mã dự phòng" in response.content.decode() and "còn 9 mã" in response.content.decode()
    client.post(reverse("logout"))
    sign_in(client, "chuyenvien", password)
    client.post(reverse("otp_verify"), {"code": codes[0]})
    assert signed_in_as(client) is None


def test_the_code_step_expires_after_five_minutes(org, client, password):
    device = enrolled(org.users.staff_a)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        sign_in(client, "chuyenvien", password)
        clock.shift(datetime.timedelta(minutes=6))
        response = client.post(reverse("otp_verify"), {"code": code_of(device)})
    assert response["Location"] == reverse("login")
    assert signed_in_as(client) is None


def test_the_code_step_without_a_password_goes_to_sign_in(client):
    assert client.get(reverse("otp_verify"))["Location"] == reverse("login")


# --- turning it off ----------------------------------------------------------------------
def test_turning_it_off_needs_the_password(org, verified_client_for, password):
    client = verified_client_for(org.users.staff_a)
    second_factor.new_backup_codes(org.users.staff_a)
    response = client.post(reverse("otp_remove"), {"password": "sai"}, follow=True)
    assert "Mật khẩu không đúng" in response.content.decode()
    assert second_factor.has_device(org.users.staff_a)
    client.post(reverse("otp_remove"), {"password": password})
    assert not second_factor.has_device(org.users.staff_a)
    assert not StaticToken.objects.filter(device__user=org.users.staff_a).exists()
    assert ActivityLog.objects.filter(object_id=str(org.users.staff_a.pk), note="Tắt xác thực hai bước").exists()
    assert client.get(reverse("home")).status_code == 200


def test_new_backup_codes_replace_the_old(org, verified_client_for, password):
    client = verified_client_for(org.users.staff_a)
    old = second_factor.new_backup_codes(org.users.staff_a)
    body = client.post(reverse("otp_backup_codes"), {"codes-password": password}).content.decode()
    new = re.findall(r"<li>([a-z2-7]{8})</li>", body)
    assert len(new) == 10 and not set(old) & set(new)


# --- administrators must have one (outside demo mode) ------------------------------------
def test_an_administrator_without_device_can_use_nothing_but_enrolment(org, client_for, administrator, production):
    client = client_for(administrator)
    response = client.get(reverse("people"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("otp_enrol"))
    assert client.get("/admin/")["Location"].startswith(reverse("otp_enrol"))
    assert client.get(reverse("lockouts")).status_code == 302
    api = client.get("/api/v1/")
    assert api.status_code == 403 and "xác thực hai bước" in api.json()["detail"]
    body = client.get(reverse("otp_enrol")).content.decode()
    assert 'data-testid="second-factor-required"' in body
    assert client.post(reverse("logout")).status_code == 302  # signing out stays open


def test_after_enrolling_the_administrator_gets_in(org, client_for, administrator, production):
    client = client_for(administrator)
    client.get(reverse("otp_enrol"))
    device = TOTPDevice.objects.get(user=administrator)
    client.post(reverse("otp_enrol"), {"code": code_of(device)})
    assert client.get(reverse("people")).status_code == 200


@pytest.mark.parametrize("kind", ["superuser", "staff"])
def test_superusers_and_admin_staff_must_enrol_too(org, client_for, production, kind):
    from tests.factories import UserFactory

    user = UserFactory(username=kind, is_staff=True, is_superuser=kind == "superuser")
    assert client_for(user).get(reverse("home"))["Location"].startswith(reverse("otp_enrol"))


def test_ordinary_users_are_not_asked(org, client_for, production):
    assert client_for(org.users.staff_a).get(reverse("home")).status_code == 200
    assert client_for(org.users.officer).get(reverse("people")).status_code == 200


def test_an_enrolled_account_whose_session_skipped_the_code_is_asked_for_it(org, client_for, administrator):
    enrolled(administrator)
    response = client_for(administrator).get(reverse("people"))
    assert response["Location"] == reverse("otp_verify") + "?next=%2Fcan-bo%2F"


def test_a_signed_in_session_can_pass_the_code_step(org, client_for):
    device = enrolled(org.users.staff_a)
    client = client_for(org.users.staff_a)
    response = client.post(reverse("otp_verify") + "?next=/can-bo/", {"code": code_of(device), "next": "/can-bo/"})
    assert response["Location"] == "/can-bo/"
    assert client.get("/can-bo/").status_code == 200


# --- the Django admin ---------------------------------------------------------------------
def test_the_admin_requires_a_verified_session(org, superuser, client_for, verified_client_for, production):
    enrolled(superuser)
    assert client_for(superuser).get("/admin/").status_code == 302
    response = verified_client_for(superuser).get("/admin/")
    assert response.status_code == 200
    assert verified_client_for(superuser).get("/admin/organization/user/").status_code == 200


def test_the_admin_sign_in_form_is_the_sites_own(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"] == reverse("login") + "?next=%2Fadmin%2F"


def test_the_admin_refuses_a_verified_non_staff_account(org, verified_client_for):
    assert verified_client_for(org.users.officer).get("/admin/login/").status_code == 403


def test_in_demo_mode_the_demo_administrator_needs_no_device(org, superuser, client_for, settings):
    settings.DEMO_MODE = True
    client = client_for(superuser)
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_outside_demo_mode_the_demo_administrator_enrols_then_changes_the_password(
    org, client, superuser, production, password
):
    """`quantri` of the demo data outside demo mode: the second factor first, then a
    password of their own; only then the pages."""
    superuser.must_change_password = True
    superuser.save()
    sign_in(client, "sieuquantri", password)
    assert client.get(reverse("home"))["Location"] == reverse("otp_enrol")
    client.get(reverse("otp_enrol"))
    client.post(reverse("otp_enrol"), {"code": code_of(TOTPDevice.objects.get(user=superuser))})
    assert client.get(reverse("home"))["Location"] == reverse("password_change")
    client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "sông Lô chảy qua Tuyên Quang",
            "new_password2": "sông Lô chảy qua Tuyên Quang",
        },
    )
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_in_demo_mode_the_demo_administrator_signs_in_with_the_password_alone(
    org, client, superuser, settings, password
):
    settings.DEMO_MODE = True
    superuser.must_change_password = True
    superuser.save()
    assert sign_in(client, "sieuquantri", password)["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_the_gate_costs_no_query_on_the_pages_of_an_account_without_device(org, client, password):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in(client, "chuyenvien", password)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    assert not [q for q in captured.captured_queries if "otp_" in q["sql"]]


def test_the_admin_can_require_a_new_password(org, superuser, verified_client_for):
    client = verified_client_for(superuser)
    page = client.get(f"/admin/organization/user/{org.users.staff_a.pk}/change/").content.decode()
    assert 'name="must_change_password"' in page
