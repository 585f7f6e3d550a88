"""The demo year's indicators (demo-story.md) with a 2025 baseline and a 2026 target,
and units' quarterly values for the first three quarters of 2026. The auction centre
(DGTS) has recorded nothing since the second quarter, so the office sees one unit with
nothing this quarter, and the figures it is part of say "Chưa đủ số liệu" (its second
quarter carried forward): the electricity would otherwise look below its target.

The plan sets no numeric targets: the five indicators and their targets are marked
illustrative ("minh họa" on the pages) and set by the office (documents print "Chỉ
tiêu do Sở đặt").

Idempotent: an indicator is keyed on its plan and code, a target on its indicator and
year, a value on its indicator, unit, year and quarter; what exists is left as it is."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext

from thidua.indicators import services
from thidua.indicators.enums import Direction, Rollup, TargetSource
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from thidua.organization.enums import Role
from thidua.organization.models import Membership, Unit
from thidua.plans.models import Plan

YEAR = 2026


@dataclass(frozen=True)
class DemoIndicator:
    code: str
    area: str
    name: str
    unit_of_measure: str
    is_percentage: bool
    baseline: str
    direction: str
    rollup: str
    target: str
    values: dict[str, tuple]  # unit code → values for quarters 1, 2, 3 (shorter: nothing after)


INDICATORS = [
    DemoIndicator(
        "LLTP-TT",
        "2",
        "Tỷ lệ hồ sơ cấp Phiếu lý lịch tư pháp nộp trực tuyến",
        "%",
        True,
        "38",
        Direction.HIGHER,
        Rollup.AVERAGE,
        "70",
        {"PBGD": ("52", "61", "68")},
    ),
    DemoIndicator(
        "BDHVS",
        "4",
        "Cán bộ, công chức, viên chức được chứng nhận hoàn thành «Bình dân học vụ số» trên VNeID",
        "người",
        False,
        "0",
        Direction.HIGHER,
        Rollup.SUM,
        "41",
        {
            "VP": ("2", "5", "7"),
            "XDKT": ("1", "3", "5"),
            "PBGD": ("2", "4", "6"),
            "BTTP": ("1", "3", "4"),
            "TGPL": ("2", "4", "5"),
            "CC1": ("1", "2", "4"),
            "DGTS": ("0", "1"),
        },
    ),
    DemoIndicator(
        "KY-SO",
        "2",
        "Tỷ lệ văn bản đi được ký số",
        "%",
        True,
        "72",
        Direction.HIGHER,
        Rollup.AVERAGE,
        "100",
        {
            "VP": ("92", "97", "100"),
            "XDKT": ("85", "93", "98"),
            "PBGD": ("88", "95", "100"),
            "BTTP": ("80", "90", "96"),
            "TGPL": ("75", "86", "94"),
            "CC1": ("70", "82", "91"),
            "DGTS": ("65", "78"),
        },
    ),
    DemoIndicator(
        "TRANG-IN",
        "5",
        "Số trang giấy in bình quân mỗi tháng",
        "trang/tháng",
        False,
        "21000",
        Direction.LOWER,
        Rollup.SUM,
        "15000",
        {
            "VP": ("5200", "4800", "4300"),
            "XDKT": ("2100", "1900", "1700"),
            "PBGD": ("3600", "3200", "2900"),
            "BTTP": ("1800", "1600", "1500"),
            "TGPL": ("3000", "2700", "2500"),
            "CC1": ("4200", "3300", "2800"),
            "DGTS": ("1400", "1300"),
        },
    ),
    DemoIndicator(
        "DIEN",
        "5",
        "Điện năng tiêu thụ bình quân mỗi tháng",
        "kWh/tháng",
        False,
        "9800",
        Direction.LOWER,
        Rollup.SUM,
        "8800",
        {
            "VP": ("6300", "6500", "6100"),
            "TGPL": ("1500", "1550", "1400"),
            "CC1": ("1350", "1300", "1250"),
            "DGTS": ("700", "720"),
        },
    ),
]


def _ensure_indicator(plan: Plan, row: DemoIndicator, order: int) -> tuple[Indicator, int]:
    indicator = Indicator.objects.filter(plan=plan, code=row.code).first()
    created = 0
    if indicator is None:
        indicator = Indicator(
            plan=plan,
            content_area=plan.content_areas.get(number=row.area),
            code=row.code,
            name=row.name,
            unit_of_measure=row.unit_of_measure,
            is_percentage=row.is_percentage,
            baseline_value=Decimal(row.baseline),
            baseline_year=YEAR - 1,
            direction=row.direction,
            rollup=row.rollup,
            order=order,
            # The plan sets no figures: these targets only show how the pages work.
            target_source=TargetSource.OFFICE,
            is_illustrative=True,
        )
        services.save_indicator(actor=None, indicator=indicator, targets={})
        created = 1
    if not IndicatorTarget.objects.filter(indicator=indicator, year=YEAR).exists():
        stored = {t.year: t.value for t in indicator.targets.all()}
        services.save_indicator(actor=None, indicator=indicator, targets=stored | {YEAR: Decimal(row.target)})
    return indicator, created


def _heads(units: dict[str, Unit]) -> dict[int, object]:
    memberships = Membership.objects.filter(unit__in=units.values(), role=Role.UNIT_HEAD).select_related("user")
    return {m.unit_id: m.user for m in memberships}


def _ensure_values(indicator: Indicator, row: DemoIndicator, units: dict[str, Unit], heads: dict) -> int:
    stored = set(IndicatorValue.objects.filter(indicator=indicator, year=YEAR).values_list("unit__code", "quarter"))
    added = 0
    for code, values in row.values.items():
        for quarter, value in enumerate(values, start=1):
            if (code, quarter) not in stored:
                unit = units[code]
                services.record_value(
                    actor=heads.get(unit.pk),
                    indicator=indicator,
                    unit=unit,
                    year=YEAR,
                    quarter=quarter,
                    value=Decimal(value),
                )
                added += 1
    return added


@transaction.atomic
def load(plan: Plan) -> str:
    codes = {code for row in INDICATORS for code in row.values}
    units = Unit.objects.in_bulk(codes, field_name="code")
    if len(units) < len(codes):
        return gettext("Chỉ tiêu minh họa: chưa có đơn vị minh họa, bỏ qua.")
    heads, indicators, values = _heads(units), 0, 0
    for order, row in enumerate(INDICATORS, start=1):
        indicator, created = _ensure_indicator(plan, row, order)
        indicators += created
        values += _ensure_values(indicator, row, units, heads)
    return gettext("Chỉ tiêu minh họa: thêm %(indicators)s chỉ tiêu, %(values)s số liệu quý.") % {
        "indicators": indicators,
        "values": values,
    }
