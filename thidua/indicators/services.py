"""Defining indicators with their yearly targets, and recording units' values. Pages,
the Excel import, the API and the demo loader call these; who may act is asked of
`indicators.rules` by the caller, what the data allows is checked here."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.excel_import import Counts
from thidua.core.history import delete_with_history, save_with_history
from thidua.indicators.enums import QUARTERS
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from thidua.indicators.numbers import QUANTUM, format_number, parse_decimal
from thidua.organization.models import Unit, User
from thidua.plans.models import Plan

HUNDRED = Decimal(100)


def year_error(plan: Plan, year) -> str | None:
    if isinstance(year, int) and plan.start_year <= year <= plan.end_year:
        return None
    return gettext("Năm %(year)s nằm ngoài kế hoạch. Hãy chọn năm từ %(first)s đến %(last)s.") % {
        "year": year,
        "first": plan.start_year,
        "last": plan.end_year,
    }


def quarter_error(quarter) -> str | None:
    if quarter in QUARTERS:
        return None
    return gettext("Quý phải từ 1 đến 4 (đã nhập %(quarter)s).") % {"quarter": quarter}


def check_period(*, plan: Plan, year, quarter) -> None:
    """Raise ValidationError by field ("year", "quarter") for a period outside the plan."""
    errors = {
        name: [text] for name, text in (("year", year_error(plan, year)), ("quarter", quarter_error(quarter))) if text
    }
    if errors:
        raise ValidationError(errors)


def check_value(*, indicator: Indicator, value: Decimal) -> None:
    """Raise ValidationError when the indicator cannot take `value`."""
    shown = format_number(value)
    if value < 0 and not indicator.allows_negative:
        raise ValidationError(
            gettext("Chỉ tiêu «%(name)s» không nhận giá trị âm (đã nhập %(value)s). Hãy nhập số từ 0 trở lên.")
            % {"name": indicator.name, "value": shown},
            code="negative",
        )
    if indicator.is_percentage and value > HUNDRED:
        raise ValidationError(
            gettext("Chỉ tiêu «%(name)s» tính theo phần trăm: giá trị không vượt quá 100 (đã nhập %(value)s).")
            % {"name": indicator.name, "value": shown},
            code="over_100",
        )


def clean_value(*, indicator: Indicator, raw) -> Decimal:
    """What was typed (text, number) as a value the indicator accepts."""
    value = parse_decimal(raw)
    check_value(indicator=indicator, value=value)
    return value


@transaction.atomic
def record_value(
    *,
    actor: User | None,
    indicator: Indicator,
    unit: Unit,
    year: int,
    quarter: int,
    value: Decimal,
    note: str | None = None,
    log_note: str = "",
) -> tuple[IndicatorValue, str]:
    """Store a unit's value for a quarter, updating the one already there. `note` is
    the value's own remark (None keeps the stored one); `log_note` goes to the log.

    Side effects: one IndicatorValue created or changed, logged with its difference
    (nothing when the value and note are the same). Returns the row and "created",
    "updated" or "unchanged". Raises ValidationError for a bad period or value."""
    check_period(plan=indicator.plan, year=year, quarter=quarter)
    check_value(indicator=indicator, value=value)
    key = {"indicator": indicator, "unit": unit, "year": year, "quarter": quarter}
    row = IndicatorValue.objects.filter(**key).first()
    note = (row.note if row else "") if note is None else note
    if row is not None and row.value == value and row.note == note:
        return row, "unchanged"
    outcome = "updated" if row is not None else "created"
    row = row or IndicatorValue(**key)
    # Stored as the column stores it, so the log shows "85.50" on both sides of a change.
    row.value, row.note, row.recorded_at = value.quantize(QUANTUM), note, timezone.now()
    row.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            save_with_history(row, actor=actor, note=log_note)
    except IntegrityError:
        # Someone stored the same quarter a moment earlier: theirs is updated instead.
        return record_value(actor=actor, **key, value=value, note=note, log_note=log_note)
    return row, outcome


@transaction.atomic
def record_values(
    *,
    actor: User | None,
    unit: Unit,
    year: int,
    rows: list[tuple[Indicator, int, Decimal]],
    note: str | None = None,
    log_note: str = "",
) -> Counts:
    """Store several values of one unit in one transaction: all or none."""
    counts = Counts()
    for indicator, quarter, value in rows:
        counts.add(
            record_value(
                actor=actor,
                indicator=indicator,
                unit=unit,
                year=year,
                quarter=quarter,
                value=value,
                note=note,
                log_note=log_note,
            )[1]
        )
    return counts


# What the office sets on an indicator, on the page and through the API alike.
DEFINITION_FIELDS = [
    "content_area",
    "code",
    "name",
    "unit_of_measure",
    "is_percentage",
    "baseline_value",
    "baseline_year",
    "direction",
    "rollup",
    "allows_negative",
    "target_source",
    "target_reference",
    "is_illustrative",
]


@transaction.atomic
def save_indicator(*, actor: User | None, indicator: Indicator, targets: dict[int, Decimal | None]) -> Indicator:
    """Save an indicator and its targets (a year mapped to None removes that target).

    Side effects: the indicator and each changed target saved or deleted, each logged."""
    for value in [indicator.baseline_value, *targets.values()]:
        if value is not None:
            check_value(indicator=indicator, value=value)
    save_with_history(indicator, actor=actor)
    stored = {t.year: t for t in indicator.targets.all()}
    for year, value in targets.items():
        target = stored.get(year)
        if value is None:
            if target is not None:
                delete_with_history(target, actor=actor)
        elif target is None or target.value != value:
            target = target or IndicatorTarget(indicator=indicator, year=year)
            target.value = value
            save_with_history(target, actor=actor)
    return indicator
