"""The report template fills itself from what the unit recorded: confirmed results per
content area, recognised initiatives, indicator figures; entries nobody has confirmed
yet are marked; the unit keeps the last word."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from thidua.core.codes import Scope, State
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from thidua.initiatives.models import Initiative
from thidua.reports import consolidation, prefill, services
from thidua.reports.enums import PeriodKind
from thidua.results.models import ResultEntry

pytestmark = pytest.mark.django_db


def result(
    org,
    plan,
    title,
    *,
    state=State.CONFIRMED,
    date=datetime.date(2026, 5, 20),
    area="2",
    person=None,
    unit=None,
    quantity=None,
):
    return ResultEntry.objects.create(
        plan=plan,
        unit=unit or org.units.a,
        person=person,
        content_area=plan.content_areas.get(number=area),
        title=title,
        description="…",
        date=date,
        state=state,
        quantity=quantity,
        quantity_unit="hồ sơ",
    )


def initiative(org, plan, title, state, **extra):
    return Initiative.objects.create(
        title=title,
        unit=org.units.a,
        content_area=plan.content_areas.get(number="2"),
        problem="…",
        solution="…",
        novelty="…",
        state=state,
        **extra,
    )


@pytest.fixture
def recorded(org, plan):
    result(org, plan, "Tiếp nhận hồ sơ LLTP trực tuyến", quantity=Decimal("1240"))
    result(org, plan, "Số hóa hồ sơ lưu trữ", state=State.SUBMITTED, person=org.people.staff_a)
    result(org, plan, "Kết quả năm trước", date=datetime.date(2025, 12, 1))
    result(org, plan, "Kết quả của đơn vị B", unit=org.units.b)
    result(org, plan, "Bài viết phổ biến pháp luật", person=org.people.staff_a, area="1")
    initiative(
        org,
        plan,
        "Số hóa và tra cứu hồ sơ lý lịch tư pháp",
        State.RECOGNISED,
        scope=Scope.CO_SO,
        decision_number="45/QĐ-STP",
        decision_date=datetime.date(2026, 10, 20),
    )
    initiative(org, plan, "Trợ lý ảo hỏi đáp pháp luật", State.UNDER_REVIEW)
    initiative(org, plan, "Bị từ chối", State.NOT_RECOGNISED)
    indicator = Indicator.objects.create(
        plan=plan,
        content_area=plan.content_areas.get(number="2"),
        code="LLTP",
        name="Tỷ lệ hồ sơ LLTP nộp trực tuyến",
        unit_of_measure="%",
        is_percentage=True,
        baseline_value=Decimal("40"),
    )
    IndicatorTarget.objects.create(indicator=indicator, year=2026, value=Decimal("80"))
    for quarter, value in ((1, "55"), (2, "62.5"), (3, "78")):
        IndicatorValue.objects.create(
            indicator=indicator, unit=org.units.a, year=2026, quarter=quarter, value=Decimal(value)
        )


def test_suggestions_hold_confirmed_results_and_mark_the_rest(org, plan, report_a, recorded):
    areas = list(plan.content_areas.all())
    text = prefill.suggestions(report_a, areas)
    area_two = text["results"][str(plan.content_areas.get(number="2").pk)]
    assert area_two.splitlines() == [
        "- Tiếp nhận hồ sơ LLTP trực tuyến: 1.240 hồ sơ — 20/05/2026.",
        f"- {prefill.UNCONFIRMED} Số hóa hồ sơ lưu trữ (Đặng Thị Hương) — 20/05/2026.",
    ]
    assert "Kết quả năm trước" not in str(text) and "đơn vị B" not in str(text)
    assert text["initiatives"].splitlines() == [
        "- «Số hóa và tra cứu hồ sơ lý lịch tư pháp»: được công nhận, phạm vi cơ sở (Quyết định số 45/QĐ-STP "
        "ngày 20/10/2026).",
        f"- {prefill.IN_REVIEW} «Trợ lý ảo hỏi đáp pháp luật» (Đang xem xét).",
    ]
    assert text["indicators"] == "- Tỷ lệ hồ sơ LLTP nộp trực tuyến: 78 % (quý 3/2026)."
    assert text["examples"] == "- Đặng Thị Hương: 1 kết quả đã xác nhận (Bài viết phổ biến pháp luật)."


def test_six_monthly_report_reads_january_to_june(org, plan, recorded):
    period = services.create_period(
        plan=plan, kind=PeriodKind.SIX_MONTHLY, year=2026, due_date=datetime.date(2026, 6, 30), actor=org.users.officer
    )
    report = period.unit_reports.get(unit=org.units.a)
    text = prefill.suggestions(report, list(plan.content_areas.all()))
    assert text["indicators"] == "- Tỷ lệ hồ sơ LLTP nộp trực tuyến: 62,5 % (quý 2/2026)."
    assert "Số hóa và tra cứu" not in text["initiatives"]  # recognised in October


def test_the_form_is_prefilled_but_what_the_unit_wrote_wins(org, plan, client_for, report_a, recorded):
    client = client_for(org.users.head_a)
    url = reverse("unit_report_detail", args=[report_a.pk])
    body = client.get(url).content.decode()
    assert "Tiếp nhận hồ sơ LLTP trực tuyến: 1.240 hồ sơ" in body
    area = plan.content_areas.get(number="2")
    assert f'data-testid="prefilled-area_{area.pk}"' in body
    services.save_content(
        report=report_a, actor=org.users.head_a, content={"results": {str(area.pk): "Đơn vị tự viết lại."}}
    )
    body = client.get(url).content.decode()
    assert "Đơn vị tự viết lại." in body and "Tiếp nhận hồ sơ LLTP trực tuyến" not in body
    assert f'data-testid="prefilled-area_{area.pk}"' not in body


def test_consolidation_counts_recorded_data(org, plan, report_a, recorded):
    report = consolidation.consolidate(period=report_a.period, actor=org.users.officer)
    units = {row["unit"]: row for row in report.figures["units"]}
    assert (
        units["Phòng Phổ biến, giáo dục pháp luật"]["results"],
        units["Phòng Phổ biến, giáo dục pháp luật"]["confirmed"],
    ) == (3, 2)
    assert units["Phòng Phổ biến, giáo dục pháp luật"]["initiatives"] == 2
    area_two = next(a for a in report.figures["areas"] if a["number"] == "2")
    assert (area_two["results"], area_two["units"]) == (3, 2)
    [indicator] = report.figures["indicators"]
    assert (indicator["value"], indicator["target"], indicator["percent"]) == ("78", "80", "95")
    assert [i["title"] for i in report.figures["initiatives"]] == [
        "Số hóa và tra cứu hồ sơ lý lịch tư pháp",
        "Trợ lý ảo hỏi đáp pháp luật",
    ]
