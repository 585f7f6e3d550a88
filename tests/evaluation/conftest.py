"""A loaded plan with its 2026 scoring sheet (five collective criteria of 20 points;
the individual criterion of cán bộ, công chức, viên chức and that of "Đối tượng khác",
100 points each), recorded results of unit A and of a staff member, and
helpers to self-assess and to score."""

import datetime
from decimal import Decimal

import pytest

from thidua.evaluation import services
from thidua.plans.enums import SubjectKind
from thidua.plans.loading import load_plan
from thidua.results import services as results


@pytest.fixture
def plan(org):
    return load_plan()[0]


@pytest.fixture
def sheet(org, plan):
    return services.create_sheet(actor=org.users.officer, plan=plan, year=2026)


def item(sheet, kind: str, number: str):
    return sheet.items.select_related("criterion", "sheet").get(criterion__subject_kind=kind, criterion__number=number)


@pytest.fixture
def unit_items(sheet):
    return [item(sheet, SubjectKind.COLLECTIVE, str(n)) for n in range(1, 6)]


@pytest.fixture
def person_items(sheet):
    return [item(sheet, SubjectKind.INDIVIDUAL, str(n)) for n in (1, 2)]


def _recorded(actor, plan, *, unit, person=None, criterion=None, title, date=datetime.date(2026, 6, 15)):
    entry = results.record_result(
        actor=actor,
        plan=plan,
        unit=unit,
        person=person,
        content_area=plan.content_areas.get(number="2"),
        criterion=criterion,
        title=title,
        description="Mô tả",
        date=date,
    )
    results.submit_result(actor=actor, entry=entry)
    return entry


@pytest.fixture
def unit_result(org, plan):
    criterion = plan.criteria.get(subject_kind=SubjectKind.COLLECTIVE, number="4")
    return _recorded(
        org.users.head_a,
        plan,
        unit=org.units.a,
        criterion=criterion,
        title="Trả phiếu lý lịch tư pháp điện tử trên VNeID",
    )


@pytest.fixture
def other_unit_result(org, plan):
    return _recorded(org.users.head_b, plan, unit=org.units.b, title="Trợ giúp pháp lý lưu động")


@pytest.fixture
def person_result(org, plan):
    criterion = plan.criteria.get(subject_kind=SubjectKind.INDIVIDUAL, number="1")
    return _recorded(
        org.users.staff_a,
        plan,
        unit=org.units.a,
        person=org.people.staff_a,
        criterion=criterion,
        title="Số hóa hồ sơ lý lịch tư pháp lưu trữ",
    )


def assess(actor, sheet, subject, items, *scores, results=()):
    lines = [
        services.SelfLine(
            item=i, score=Decimal(str(s)) if s is not None else None, results=tuple(results) if n == 0 else ()
        )
        for n, (i, s) in enumerate(zip(items, scores, strict=False))
    ]
    return services.self_assess(actor=actor, sheet=sheet, subject=subject, lines=lines)


def score(actor, sheet, subject, items, *scores):
    lines = [
        services.CouncilLine(item=i, score=Decimal(str(s)) if s is not None else None)
        for i, s in zip(items, scores, strict=False)
    ]
    return services.council_score(actor=actor, sheet=sheet, subject=subject, lines=lines)
