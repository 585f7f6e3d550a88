"""Named personas over a small department, so every access test reads like a sentence:
the office officer, the head of unit A, a staff member of unit A, the head of unit B, a
council member, the director, and an anonymous visitor."""

from types import SimpleNamespace

import pytest
from django.test import Client

from tests.factories import PASSWORD, PersonFactory, UnitFactory, account
from thidua.core.translations import compile_all
from thidua.organization.enums import Gender, Role, UnitKind


def pytest_sessionstart(session):
    compile_all()  # the English catalogue must exist for the language tests


@pytest.fixture(autouse=True)
def empty_cache():
    """The local-memory cache outlives a test; the sign-in slow-down keeps its counts
    there, so each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def org(db):
    province = UnitFactory(code="TQ", name="Tỉnh Tuyên Quang", kind=UnitKind.PROVINCE)
    agency = UnitFactory(code="STP", name="Sở Tư pháp tỉnh Tuyên Quang", kind=UnitKind.AGENCY, parent=province)
    leaders = UnitFactory(code="BGD", name="Ban Giám đốc", kind=UnitKind.LEADERSHIP, parent=agency, order=1)
    office = UnitFactory(code="VP", name="Văn phòng Sở", kind=UnitKind.OFFICE, parent=agency, order=2)
    unit_a = UnitFactory(code="PBGD", name="Phòng Phổ biến, giáo dục pháp luật", parent=agency, order=3)
    unit_b = UnitFactory(
        code="TGPL", name="Trung tâm Trợ giúp pháp lý", kind=UnitKind.PUBLIC_SERVICE, parent=agency, order=4
    )
    people = SimpleNamespace(
        officer=PersonFactory(full_name="Hoàng Thị Thu", unit=office, gender=Gender.FEMALE, position="Chuyên viên"),
        head_a=PersonFactory(full_name="Nguyễn Văn Đạt", unit=unit_a, position="Trưởng phòng"),
        staff_a=PersonFactory(full_name="Đặng Thị Hương", unit=unit_a, gender=Gender.FEMALE),
        head_b=PersonFactory(full_name="Ma Văn Sơn", unit=unit_b, position="Giám đốc"),
        staff_b=PersonFactory(full_name="Triệu Thị Mai", unit=unit_b, gender=Gender.FEMALE),
        councillor=PersonFactory(full_name="Bùi Quang Long", unit=office),
        director=PersonFactory(full_name="Nguyễn Khánh Lâm", unit=leaders, position="Giám đốc"),
    )
    users = SimpleNamespace(
        officer=account("vanphong", people.officer, (Role.OFFICE, office), (Role.STAFF, office)),
        head_a=account("truongphong", people.head_a, (Role.UNIT_HEAD, unit_a), (Role.STAFF, unit_a)),
        staff_a=account("chuyenvien", people.staff_a, (Role.STAFF, unit_a)),
        head_b=account("truongphong2", people.head_b, (Role.UNIT_HEAD, unit_b), (Role.STAFF, unit_b)),
        councillor=account("hoidong", people.councillor, (Role.COUNCIL, office), (Role.STAFF, office)),
        director=account("giamdoc", people.director, (Role.DIRECTOR, leaders), (Role.COUNCIL, leaders)),
    )
    units = SimpleNamespace(province=province, agency=agency, leaders=leaders, office=office, a=unit_a, b=unit_b)
    return SimpleNamespace(units=units, people=people, users=users)


@pytest.fixture
def after_the_story():
    """Today is 1 March 2027, after the decisions on 2026's achievements (January and
    February 2027) that the council and proposal tests play: a document is never dated
    in the future (`outgoing.numbering`). A test may travel elsewhere inside it."""
    import datetime

    import time_machine

    with time_machine.travel(datetime.datetime(2027, 3, 1, 8, 0, tzinfo=datetime.UTC), tick=True):
        yield


@pytest.fixture
def client_for():
    """A signed-in test client for a persona's account."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make


@pytest.fixture
def verified_client_for(client_for):
    """A signed-in client whose session passed the second factor, as the Django admin
    and (outside demo mode) every administrator's page require: the account gets a
    confirmed authenticator device and the session is marked verified by it."""

    def make(user) -> Client:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="Ứng dụng xác thực"
        )
        client = client_for(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return make


@pytest.fixture
def password():
    return PASSWORD
