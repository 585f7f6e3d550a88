"""One figure everywhere: the indicator page, the API, the consolidated report (page,
Word, Excel) and the mid-term review's frozen figures agree on the same data,
including a unit that stopped reporting. Its last value is carried forward and marked
with its quarter, and "Đạt mục tiêu" becomes "Chưa đủ số liệu (2/3 đơn vị)" in all of
them alike."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from tests.documents.content import text_of
from thidua.indicators import services as indicators
from thidua.indicators.enums import Direction, Rollup
from thidua.indicators.models import Indicator
from thidua.plans.enums import ReviewKind
from thidua.plans.loading import load_plan
from thidua.reports import consolidation
from thidua.reports import services as reports
from thidua.reports.consolidated_report_docx import ConsolidatedReportDocx
from thidua.reports.consolidated_report_xlsx import ConsolidatedReportXlsx
from thidua.reports.enums import PeriodKind
from thidua.reviews import services as reviews

pytestmark = pytest.mark.django_db

NAME = "Điện năng tiêu thụ bình quân mỗi tháng"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def plan(org):
    return load_plan()[0]


@pytest.fixture
def electricity(plan):
    indicator = Indicator(
        plan=plan,
        content_area=plan.content_areas.get(number="5"),
        code="DIEN",
        name=NAME,
        unit_of_measure="kWh/tháng",
        baseline_value=Decimal(9800),
        baseline_year=2025,
        direction=Direction.LOWER,
        rollup=Rollup.SUM,
        is_illustrative=True,
    )
    return indicators.save_indicator(actor=None, indicator=indicator, targets={2027: Decimal(8800)})


def _record(org, indicator, unit, quarter, value):
    indicators.record_value(
        actor=org.users.officer, indicator=indicator, unit=unit, year=2027, quarter=quarter, value=Decimal(value)
    )


def _data(org, electricity, centre_reports_q2: bool):
    """The first half of 2027: three units in the first quarter (8.700, below the
    target); in the second the legal-aid centre reports 700, or nothing (its 900 of the
    first quarter then counts: 8.900, above the target of 8.800)."""
    units = org.units
    with time_machine.travel(datetime.datetime(2027, 7, 1, 9, 0), tick=False):
        for unit, q1, q2 in [(units.office, "6300", "6400"), (units.a, "1500", "1600"), (units.b, "900", "700")]:
            _record(org, electricity, unit, 1, q1)
            if unit != units.b or centre_reports_q2:
                _record(org, electricity, unit, 2, q2)


CASES = {
    "every unit reported": (True, "8700.00", "8.700", "Đạt mục tiêu"),
    "the centre stopped reporting": (False, "8900.00", "8.900", "Chưa đủ số liệu (2/3 đơn vị)"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_page_the_api_the_report_and_the_review_say_the_same(org, plan, electricity, client_for, case):
    reported, raw, printed, status = CASES[case]
    _data(org, electricity, reported)
    with time_machine.travel(datetime.datetime(2027, 7, 1, 9, 0), tick=False):
        page = _live_page(org, client_for)
        api = _api(org, client_for)
        report_page, docx, xlsx = _consolidated(org, plan, client_for)
        review_page, review_report, centre_page = _review(org, plan, client_for)

    # The verdict as a cell of its own on each page (">…<"), not the page's explanation.
    assert f">{status}<" in page and "quý 2/2027" in page
    assert (api["value"], api["year"], api["quarter"], api["status"]) == (raw, 2027, 2, status)
    assert f">{status}<" in report_page and "quý 2/2027" in report_page
    assert f"{printed} (quý 2/2027)" in docx and status in docx.splitlines()
    assert (xlsx[6], xlsx[7], xlsx[11]) == (float(raw), "quý 2/2027", status)
    assert f">{status}<" in review_page and "quý 2/2027" in review_page
    assert f"{printed} (quý 2/2027)" in review_report
    if reported:
        assert api["carried"] == [] and "chưa báo cáo" not in docx and 'data-testid="carried"' not in page
        assert "quý 2/2027" in centre_page and "chưa báo cáo" not in centre_page
    else:
        # The centre is not dropped: its first quarter is counted and marked as such.
        centre = "Trung tâm Trợ giúp pháp lý"
        assert [(c["unit_name"], c["value"], c["quarter"]) for c in api["carried"]] == [(centre, "900.00", 1)]
        assert f"{centre}: chưa báo cáo, lấy số liệu quý 1/2027" in page
        assert f"{centre}: chưa báo cáo, lấy số liệu quý 1/2027" in report_page
        assert f"{centre} chưa báo cáo số liệu quý 2/2027" in docx and "quý 1/2027 của đơn vị (900" in docx
        assert xlsx[12] == f"{centre}: 900 (quý 1/2027)"
        assert "quý 1/2027" in centre_page and "chưa báo cáo quý 2/2027" in centre_page
        assert ">Đạt mục tiêu<" not in page + report_page + review_page
        assert "Đạt mục tiêu" not in docx.splitlines()
        assert api["reached"] is False


def test_the_source_of_an_illustrative_target_on_screen_and_in_the_document(org, plan, electricity, client_for):
    _data(org, electricity, True)
    with time_machine.travel(datetime.datetime(2027, 7, 1, 9, 0), tick=False):
        page = _live_page(org, client_for)
        report_page, docx, xlsx = _consolidated(org, plan, client_for)
    assert "Chỉ tiêu do Sở đặt" in page and "minh họa" in page
    assert "minh họa" in report_page
    assert "8.800 (Chỉ tiêu do Sở đặt)" in docx and "minh họa" not in docx.lower()
    assert xlsx[5] == "Chỉ tiêu do Sở đặt"


def test_a_provincial_programme_is_cited_beside_the_target(org, plan, electricity, client_for):
    electricity.target_source = "province"
    electricity.target_reference = "Kế hoạch số 45/KH-UBND ngày 01/3/2026 của UBND tỉnh"
    electricity.is_illustrative = False
    electricity.save()
    _data(org, electricity, True)
    with time_machine.travel(datetime.datetime(2027, 7, 1, 9, 0), tick=False):
        page = _live_page(org, client_for)
        _, docx, _ = _consolidated(org, plan, client_for)
    assert "Theo Kế hoạch số 45/KH-UBND ngày 01/3/2026 của UBND tỉnh" in page and "minh họa" not in page
    assert "8.800 (Theo Kế hoạch số 45/KH-UBND ngày 01/3/2026 của UBND tỉnh)" in docx


# --- the four outputs -----------------------------------------------------------------
def _live_page(org, client_for) -> str:
    return client_for(org.users.officer).get(reverse("indicators_overview"), {"year": 2027}).content.decode()


def _api(org, client_for) -> dict:
    [row] = client_for(org.users.staff_a).get("/api/v1/indicators/rollup/", {"year": 2027}).json()
    return row


def _consolidated(org, plan, client_for) -> tuple[str, str, list]:
    """The six-monthly report of 2027 (up to the second quarter): its page, the text of
    its Word file, and the electricity row of its Excel sheet."""
    period = reports.create_period(
        plan=plan,
        kind=PeriodKind.SIX_MONTHLY,
        year=2027,
        due_date=datetime.date(2027, 7, 15),
        actor=org.users.officer,
    )
    report = consolidation.consolidate(period=period, actor=org.users.officer)
    page = client_for(org.users.officer).get(reverse("consolidated_detail", args=[period.pk])).content.decode()
    sheet = load_workbook(io.BytesIO(ConsolidatedReportXlsx(report).render()))["Chỉ tiêu"]
    [row] = [[cell.value for cell in line] for line in sheet.iter_rows(min_row=3)]
    return page, text_of(ConsolidatedReportDocx(report).render()), row


def _review(org, plan, client_for) -> tuple[str, str, str]:
    """The review page, the text of the review report and the centre's frozen figures."""
    phase = plan.phases.get(review_kind=ReviewKind.MID_TERM)
    review = reviews.schedule_review(actor=org.users.officer, phase=phase, review_date=datetime.date(2027, 6, 30))
    reviews.freeze_review(actor=org.users.officer, review=review)
    client = client_for(org.users.officer)
    report = client.get(reverse("review_report_docx", args=[review.pk]))
    centre = client.get(reverse("review_unit", args=[review.pk, org.units.b.pk])).content.decode()
    page = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    return page, text_of(report.content), centre
