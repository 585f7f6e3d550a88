"""The real plan, an annual period for units A and B due 30/11/2026, and a helper that
fills a report's required sections."""

import datetime

import pytest

from thidua.plans.loading import load_plan
from thidua.reports import services
from thidua.reports.enums import PeriodKind, Section

DUE = datetime.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(org):
    return load_plan()[0]


@pytest.fixture
def period(org, plan):
    return services.create_period(plan=plan, kind=PeriodKind.ANNUAL, year=2026, due_date=DUE, actor=org.users.officer)


@pytest.fixture
def report_a(org, period):
    return period.unit_reports.get(unit=org.units.a)


@pytest.fixture
def report_b(org, period):
    return period.unit_reports.get(unit=org.units.b)


def filled(report, results="- Số hóa hồ sơ lý lịch tư pháp.", difficulties="Không có.") -> dict:
    """Content with the default required sections (results, difficulties) written."""
    area = report.period.plan.content_areas.order_by("order").first()
    return {Section.RESULTS.value: {str(area.pk): results}, Section.DIFFICULTIES.value: difficulties}


def at(day: datetime.date, hour: int = 9, minute: int = 0, second: int = 0) -> datetime.datetime:
    from thidua.reports.deadlines import ZONE

    return datetime.datetime.combine(day, datetime.time(hour, minute, second), tzinfo=ZONE)


@pytest.fixture
def with_emails(org):
    """Addresses for the people reminders go to: head A's on the account, staff A's and
    head B's on the person record (either is used)."""
    for user in (org.users.head_a, org.users.officer):
        user.email = f"{user.username}@stp.tuyenquang.gov.vn"
        user.save(update_fields=["email"])
    for person in (org.people.staff_a, org.people.head_b):
        person.email = f"{person.user.username}@stp.tuyenquang.gov.vn"
        person.save(update_fields=["email"])
