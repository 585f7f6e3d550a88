"""Setting a review's date and freezing its figures: what is frozen (the latest quarter
ended by the review date, results and initiatives up to it), once only, and never
changed afterwards, whatever happens to the source data."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from tests.reviews.conftest import phase, record, result
from thidua.core.models import ActivityLog
from thidua.indicators.models import IndicatorValue
from thidua.plans.enums import ReviewKind
from thidua.reviews import services
from thidua.reviews.comparison import compare
from thidua.reviews.enums import SnapshotKind
from thidua.reviews.models import ReviewSnapshot
from thidua.reviews.snapshot import last_ended_quarter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2027, 6, 30), (2027, 2)),
        (datetime.date(2027, 6, 29), (2027, 1)),
        (datetime.date(2027, 12, 31), (2027, 4)),
        (datetime.date(2027, 2, 1), (2026, 4)),
    ],
)
def test_the_last_quarter_ended_by_a_day(day, expected):
    assert last_ended_quarter(day) == expected


def test_the_date_lies_in_the_review_year_and_only_the_office_sets_it(org, plan):
    with pytest.raises(ValidationError, match="Ngày 30/06/2026 không thuộc năm 2027 của kỳ sơ kết"):
        services.schedule_review(actor=org.users.officer, phase=phase(plan), review_date=datetime.date(2026, 6, 30))
    with pytest.raises(PermissionDenied):
        services.schedule_review(actor=org.users.head_a, phase=phase(plan), review_date=datetime.date(2027, 6, 30))
    review = services.schedule_review(
        actor=org.users.officer, phase=phase(plan), review_date=datetime.date(2027, 11, 30)
    )
    moved = services.schedule_review(actor=org.users.officer, phase=phase(plan), review_date=datetime.date(2027, 6, 30))
    assert moved.pk == review.pk and moved.review_date == datetime.date(2027, 6, 30)


def test_nothing_is_frozen_before_the_review_date(org, review, values):
    with pytest.raises(ValidationError, match="Chưa đến ngày chốt số liệu \\(30/06/2027\\)"):
        services.freeze_review(actor=org.users.officer, review=review)
    review.refresh_from_db()
    assert review.frozen_at is None and not ReviewSnapshot.objects.exists()


def _figures(review, kind, **filters) -> dict:
    rows = ReviewSnapshot.objects.filter(review=review, kind=kind, **filters)
    return {(row.unit_name or "Sở", row.label): (row.value, row.period_year, row.period_quarter) for row in rows}


def test_the_freeze_keeps_each_units_figures_at_the_review_date(org, frozen):
    indicators = _figures(frozen, SnapshotKind.INDICATOR)
    share = "KY-SO — Tỷ lệ văn bản đi được ký số"
    pages = "TRANG-IN — Số trang giấy in mỗi tháng"
    assert indicators[("Phòng Phổ biến, giáo dục pháp luật", share)] == (Decimal(98), 2027, 2)
    assert indicators[("Trung tâm Trợ giúp pháp lý", share)] == (Decimal(90), 2027, 2)
    assert indicators[("Sở", share)] == (Decimal(94), 2027, 2)  # averaged
    assert indicators[("Sở", pages)] == (Decimal(14000), 2027, 2)  # added up
    results = {key[0] + " / " + key[1][:1]: value[0] for key, value in _figures(frozen, SnapshotKind.RESULTS).items()}
    assert results == {
        "Phòng Phổ biến, giáo dục pháp luật / 2": 1,
        "Phòng Phổ biến, giáo dục pháp luật / 4": 1,
        "Trung tâm Trợ giúp pháp lý / 2": 1,
        "Sở / 2": 2,
        "Sở / 4": 1,
    }
    initiatives = _figures(frozen, SnapshotKind.INITIATIVES)
    assert [v[0] for v in initiatives.values()] == [1, 1]
    log = ActivityLog.objects.for_object(frozen).latest("id")
    assert log.changes["figures"] == [0, ReviewSnapshot.objects.count()]
    assert frozen.frozen_by == org.users.officer


def test_a_review_is_frozen_once(org, frozen):
    count = ReviewSnapshot.objects.count()
    with pytest.raises(services.AlreadyFrozen, match="Số liệu sơ kết 2027 đã được chốt lúc 16:00 01/07/2027"):
        services.freeze_review(actor=org.users.officer, review=frozen)
    with pytest.raises(services.AlreadyFrozen):
        services.schedule_review(actor=org.users.officer, phase=frozen.phase, review_date=datetime.date(2027, 9, 1))
    assert ReviewSnapshot.objects.count() == count


def test_the_snapshot_never_changes_when_the_source_data_does(org, plan, frozen, share):
    before = list(ReviewSnapshot.objects.order_by("id").values_list("unit_name", "label", "value"))
    record(org, share, org.units.a, 2027, 2, "12")  # the Q2 figure corrected afterwards
    result(org, plan, datetime.date(2027, 5, 5), title="Ghi muộn")  # a result back-dated into the period
    IndicatorValue.objects.filter(unit=org.units.b).delete()
    org.units.a.name = "Phòng đã đổi tên"
    org.units.a.save()
    share.name = "Tên chỉ tiêu mới"
    share.save()
    assert list(ReviewSnapshot.objects.order_by("id").values_list("unit_name", "label", "value")) == before
    line = next(line for line in compare(plan).indicators if line.indicator.pk == share.pk)
    assert line.mid_term.value == Decimal(94)


def test_the_comparison_reads_baseline_and_frozen_figures_with_their_direction(plan, frozen, share, pages):
    lines = {line.indicator.code: line for line in compare(plan).indicators}
    assert (lines["KY-SO"].baseline, lines["KY-SO"].mid_term.value, lines["KY-SO"].mid_term.change) == (
        Decimal(72),
        Decimal(94),
        Decimal(22),
    )
    assert lines["KY-SO"].mid_term.better is True
    assert lines["TRANG-IN"].mid_term.better is True  # 21,000 → 14,000 pages, lower is better
    assert lines["TRANG-IN"].final.value is None and lines["TRANG-IN"].final.better is None


def test_a_worse_figure_is_marked_as_such(org, plan, review, pages, after_review):
    record(org, pages, org.units.a, 2027, 2, "25000")
    services.freeze_review(actor=org.users.officer, review=review)
    line = compare(plan).indicators[0]
    assert (line.mid_term.value, line.mid_term.better) == (Decimal(25000), False)


def test_the_final_review_is_compared_with_the_mid_term_one(org, plan, frozen, share):
    final = services.schedule_review(
        actor=org.users.officer, phase=phase(plan, ReviewKind.FINAL), review_date=datetime.date(2030, 11, 30)
    )
    with time_machine.travel(datetime.datetime(2030, 12, 1, 9, 0), tick=False):
        record(org, share, org.units.a, 2030, 3, "100")
        record(org, share, org.units.b, 2030, 3, "100")
        services.freeze_review(actor=org.users.officer, review=final)
    line = next(line for line in compare(plan).indicators if line.indicator.pk == share.pk)
    assert (line.baseline, line.mid_term.value, line.final.value) == (Decimal(72), Decimal(94), Decimal(100))
