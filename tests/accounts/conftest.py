import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PersonFactory, account
from thidua.organization.enums import Role


def sign_in(client, username, password, ip="10.0.0.1", **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def fail(client, username, times, ip="10.0.0.1"):
    for _ in range(times):
        sign_in(client, username, "sai-mat-khau", ip=ip)


def signed_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.fixture
def administrator(org):
    """The system administrator (role ADMIN, not a superuser), with an e-mail address."""
    person = PersonFactory(full_name="Lý Văn Khải", unit=org.units.office)
    user = account("quantri", person, (Role.ADMIN, org.units.office))
    user.email = "quantri@example.vn"
    user.save()
    return user


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox
