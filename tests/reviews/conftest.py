"""A loaded plan (phase 1 reviewed in 2027, phase 2 in 2030) with two indicators — a
share averaged over units (higher is better) and pages printed, added up (lower is
better) — units' values over 2026 and 2027, recorded results and a recognised
initiative, so a review has something to freeze."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from thidua.core.codes import Scope
from thidua.indicators import services as indicators
from thidua.indicators.enums import Direction, Rollup
from thidua.indicators.models import Indicator
from thidua.initiatives import services as initiatives
from thidua.initiatives.enums import Tag
from thidua.plans.enums import ReviewKind
from thidua.plans.loading import load_plan
from thidua.results import services as results
from thidua.reviews import services

# When the initiative was sent: before the October recognition decisions.
SENT_IN_MAY = datetime.datetime(2026, 5, 20, 9, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(org):
    return load_plan()[0]


def phase(plan, kind=ReviewKind.MID_TERM):
    return plan.phases.get(review_kind=kind)


def _indicator(plan, code, area, **values) -> Indicator:
    indicator = Indicator(plan=plan, content_area=plan.content_areas.get(number=area), code=code, **values)
    return indicators.save_indicator(actor=None, indicator=indicator, targets={})


@pytest.fixture
def share(plan):
    return _indicator(
        plan,
        "KY-SO",
        "2",
        name="Tỷ lệ văn bản đi được ký số",
        unit_of_measure="%",
        is_percentage=True,
        baseline_value=Decimal(72),
        baseline_year=2025,
        rollup=Rollup.AVERAGE,
    )


@pytest.fixture
def pages(plan):
    return _indicator(
        plan,
        "TRANG-IN",
        "5",
        name="Số trang giấy in mỗi tháng",
        unit_of_measure="trang/tháng",
        baseline_value=Decimal(21000),
        baseline_year=2025,
        direction=Direction.LOWER,
        rollup=Rollup.SUM,
    )


def record(org, indicator, unit, year, quarter, value):
    indicators.record_value(
        actor=org.users.officer, indicator=indicator, unit=unit, year=year, quarter=quarter, value=Decimal(value)
    )


# Figures of 2027 are entered as if at the end of 2027: nothing is recorded in advance.
LATE_2027 = datetime.datetime(2027, 12, 31, 9, 0)


@pytest.fixture
def values(org, share, pages):
    with time_machine.travel(LATE_2027, tick=False):
        _values(org, share, pages)


def _values(org, share, pages):
    a, b = org.units.a, org.units.b
    for year, quarter, a_share, b_share, a_pages, b_pages in [
        (2026, 4, "90", "80", "9000", "8000"),
        (2027, 1, "94", "86", "8000", "7500"),
        (2027, 2, "98", "90", "7000", "7000"),
        (2027, 3, "100", "99", "5000", "5000"),  # after a review on 30/06/2027
    ]:
        record(org, share, a, year, quarter, a_share)
        record(org, share, b, year, quarter, b_share)
        record(org, pages, a, year, quarter, a_pages)
        record(org, pages, b, year, quarter, b_pages)


def result(org, plan, date, *, unit=None, area="2", submit=True, title="Kết quả"):
    unit = unit or org.units.a
    head = org.users.head_a if unit == org.units.a else org.users.head_b
    entry = results.record_result(
        actor=head,
        plan=plan,
        unit=unit,
        content_area=plan.content_areas.get(number=area),
        title=title,
        description="Mô tả",
        date=date,
    )
    return results.submit_result(actor=head, entry=entry) if submit else entry


@pytest.fixture
def recorded(org, plan):
    with time_machine.travel(LATE_2027, tick=False):
        _recorded(org, plan)


def _recorded(org, plan):
    result(org, plan, datetime.date(2026, 5, 20))
    result(org, plan, datetime.date(2027, 3, 2), area="4")
    result(org, plan, datetime.date(2027, 6, 1), unit=org.units.b)
    result(org, plan, datetime.date(2027, 6, 10), submit=False)  # a draft is not counted
    result(org, plan, datetime.date(2027, 8, 1))  # after the review date


@pytest.fixture
def recognised(org, plan):
    data = {
        "title": "Số hóa hồ sơ lý lịch tư pháp",
        "unit": org.units.a,
        "tags": [Tag.DIGITAL],
        "content_area": plan.content_areas.get(number="2"),
        "problem": "Hồ sơ giấy.",
        "solution": "Quét hồ sơ.",
        "novelty": "Tra cứu điện tử.",
        "applied_where": "Phòng",
        "applied_since": datetime.date(2026, 5, 4),
    }
    item = initiatives.create_initiative(
        actor=org.users.staff_a, data=data, authors=[initiatives.AuthorShare(org.people.staff_a, 100)]
    )
    # Sent in May, so that the October decision follows it.
    item = initiatives.submit(actor=org.users.staff_a, initiative=item, at=SENT_IN_MAY)
    item = initiatives.start_review(actor=org.users.officer, initiative=item)
    initiatives.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=7, applicability=9)
    return initiatives.recognise(
        actor=org.users.officer,
        initiative=item,
        scope=Scope.CO_SO,
        decision_number="215/QĐ-STP",
        decision_date=datetime.date(2026, 10, 20),
    )


@pytest.fixture
def review(org, plan):
    return services.schedule_review(actor=org.users.officer, phase=phase(plan), review_date=datetime.date(2027, 6, 30))


@pytest.fixture
def after_review():
    with time_machine.travel(datetime.datetime(2027, 7, 1, 9, 0), tick=False):
        yield


@pytest.fixture
def frozen(org, review, values, recorded, recognised, after_review):
    services.freeze_review(actor=org.users.officer, review=review)
    review.refresh_from_db()
    return review
