"""The new pages speak English after the language switch."""

import pytest
from django.urls import reverse

from tests.accounts.conftest import fail

pytestmark = pytest.mark.django_db


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def test_account_pages_in_english(org, client_for):
    client = _english(client_for(org.users.officer))
    account = client.get(reverse("account")).content.decode()
    assert "Account and security" in account and "Turn on two-step verification" in account
    assert "Tài khoản" not in account
    enrol = client.get(reverse("otp_enrol")).content.decode()
    assert "Install an authenticator app" in enrol and "Secret key:" in enrol
    change = client.get(reverse("password_change")).content.decode()
    assert "Current password" in change and "New password again" in change and "Mật khẩu" not in change


def test_lockouts_page_in_english(org, client, client_for):
    fail(client, "giamdoc", 5)
    body = _english(client_for(org.users.officer)).get(reverse("lockouts")).content.decode()
    assert "Accounts locked out of sign-in" in body and "Locked until" in body and "Unlock" in body


def test_sign_in_and_reset_pages_in_english(client):
    _english(client)
    assert "Forgot your password?" in client.get(reverse("login")).content.decode()
    body = client.get(reverse("password_reset")).content.decode()
    assert "Send the reset link" in body and "The account&#x27;s e-mail address" in body
