"""Generated registrations, results and indicator values for every year of the plan."""

import datetime
from decimal import Decimal

from django.utils import timezone

from bench.synthetic import words
from bench.synthetic.bulk import Progress, insert, stream
from bench.synthetic.shape import OPEN_YEAR, YEARS, World
from thidua.core.codes import EmulationTitle, State
from thidua.indicators.enums import Direction, Rollup
from thidua.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from thidua.registrations.models import (
    PersonRegistration,
    RegistrationWindow,
    UnitCommitment,
    UnitRegistration,
)
from thidua.results.models import ResultEntry


def moment(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def day_in(rng, year: int, first_month: int = 1, last_month: int = 12) -> datetime.date:
    return datetime.date(year, rng.randint(first_month, last_month), rng.randint(1, 28))


def pick_state(rng, year: int, closed: list[tuple[str, float]], open_: list[tuple[str, float]]) -> str:
    table = open_ if year == OPEN_YEAR else closed
    return rng.choices([s for s, _ in table], weights=[w for _, w in table])[0]


# --- registrations --------------------------------------------------------------------------
REG_CLOSED = [(State.ACCEPTED, 92), (State.SUBMITTED, 3), (State.RETURNED, 2), (State.DRAFT, 3)]
REG_OPEN = [(State.ACCEPTED, 35), (State.SUBMITTED, 30), (State.RETURNED, 5), (State.DRAFT, 30)]
UNIT_TITLES = [EmulationTitle.TTLDTT] * 14 + [EmulationTitle.TTLDXS] * 5 + [EmulationTitle.CO_TINH]
PERSON_TITLES = [EmulationTitle.LDTT] * 40 + [EmulationTitle.CSTDCS] * 9 + [EmulationTitle.CSTD_TINH]


def _windows(world: World) -> None:
    for year in YEARS:
        RegistrationWindow.objects.get_or_create(
            plan=world.plan,
            year=year,
            defaults={"opens_on": datetime.date(year, 5, 1), "closes_on": datetime.date(year, 5, 31)},
        )


def build_registrations(world: World, progress: Progress) -> None:
    rng = world.rng("registrations")
    _windows(world)
    units = world.reporting_units()
    progress.start(
        "Đăng ký thi đua",
        len(units) * len(YEARS) * (1 + len(world.areas)) + sum(len(u.people) for u in units) * len(YEARS),
    )
    for year in YEARS:
        regs = [_unit_registration(world, rng, unit, year) for unit in units]
        created = insert(UnitRegistration, regs, progress)
        stream(
            UnitCommitment,
            (
                UnitCommitment(
                    registration_id=reg.pk,
                    content_area_id=area.pk,
                    text=rng.choice(words.RESULT_TITLES.get(area.number, ["Cam kết"])),
                )
                for reg in created
                for area in world.areas
            ),
            progress,
        )
        stream(
            PersonRegistration,
            (
                PersonRegistration(
                    registration_id=reg.pk,
                    person_id=person,
                    title=rng.choice(PERSON_TITLES),
                    commitments="Hoàn thành xuất sắc nhiệm vụ; có ít nhất một sáng kiến, giải pháp.",
                )
                for reg, unit in zip(created, units, strict=True)
                for person in unit.people
            ),
            progress,
        )
        world.add("đăng ký thi đua", len(created))
    progress.finish()


def _unit_registration(world: World, rng, unit, year: int) -> UnitRegistration:
    state = pick_state(rng, year, REG_CLOSED, REG_OPEN)
    sent = state != State.DRAFT
    submitted = moment(datetime.date(year, 5, rng.randint(2, 31))) if sent else None
    return UnitRegistration(
        plan=world.plan,
        year=year,
        unit_id=unit.id,
        title=rng.choice(UNIT_TITLES),
        state=state,
        submitted_at=submitted,
        submitted_by_id=unit.head_user_id if sent else None,
        is_late=sent and rng.random() < 0.04,
        return_reason="Thiếu cam kết ở nội dung 5." if state == State.RETURNED else "",
        reviewed_at=submitted + datetime.timedelta(days=3) if state in (State.ACCEPTED, State.RETURNED) else None,
        reviewed_by_id=world.agencies[unit.agency].office_user_id
        if state in (State.ACCEPTED, State.RETURNED)
        else None,
    )


# --- results ----------------------------------------------------------------------------------
RESULT_CLOSED = [(State.CONFIRMED, 88), (State.SUBMITTED, 5), (State.RETURNED, 2), (State.DRAFT, 5)]
RESULT_OPEN = [(State.CONFIRMED, 55), (State.SUBMITTED, 20), (State.RETURNED, 5), (State.DRAFT, 20)]


def result_count(world: World) -> int:
    """Close to what `build_results` creates (the exact count is random)."""
    people = sum(len(u.people) for u in world.reporting_units())
    per_year = (
        people * world.scale.results_per_person_year + len(world.reporting_units()) * world.scale.results_per_unit_year
    )
    return int(per_year * len(YEARS))


def build_results(world: World, progress: Progress) -> None:
    rng = world.rng("results")
    progress.start("Kết quả", result_count(world))
    total = stream(ResultEntry, _results(world, rng), progress, batch=5000)
    world.add("kết quả", total)
    progress.finish()


def _how_many(rng, mean: float) -> int:
    # 0 … 2×mean, evenly: a few people record nothing in a year, a few record a lot.
    return rng.randint(0, round(2 * mean))


def _results(world: World, rng):
    per_person, per_unit = world.scale.results_per_person_year, world.scale.results_per_unit_year
    for year in YEARS:
        for unit in world.reporting_units():
            for _ in range(_how_many(rng, per_unit)):
                yield _entry(world, rng, unit, None, year)
            for person in unit.people:
                for _ in range(_how_many(rng, per_person)):
                    yield _entry(world, rng, unit, person, year)


def _entry(world: World, rng, unit, person: int | None, year: int) -> ResultEntry:
    area = rng.choice(world.areas)
    title = rng.choice(words.RESULT_TITLES.get(area.number, ["Kết quả"]))
    day = day_in(rng, year)
    has_quantity = rng.random() < 0.6
    return ResultEntry(
        plan=world.plan,
        unit_id=unit.id,
        person_id=person,
        content_area_id=area.pk,
        title=title,
        description=f"{title} tại {unit.name} trong năm {year}.",
        date=day,
        quantity=Decimal(rng.randint(1, 500)) if has_quantity else None,
        quantity_unit=rng.choice(words.QUANTITY_UNITS) if has_quantity else "",
        state=pick_state(rng, year, RESULT_CLOSED, RESULT_OPEN),
        created_by_id=unit.head_user_id,
        created_at=moment(day, 10),
    )


# --- indicators ------------------------------------------------------------------------------
# (code, area number, name, unit of measure, percentage, baseline, direction, rollup, yearly step)
INDICATORS = [
    (
        "GEN-TT",
        "2",
        "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến",
        "%",
        True,
        35,
        Direction.HIGHER,
        Rollup.AVERAGE,
        10,
    ),
    ("GEN-KYSO", "2", "Tỷ lệ văn bản đi được ký số", "%", True, 70, Direction.HIGHER, Rollup.AVERAGE, 6),
    ("GEN-BDHVS", "4", "Người hoàn thành «Bình dân học vụ số»", "người", False, 0, Direction.HIGHER, Rollup.SUM, 4),
    (
        "GEN-GIAY",
        "5",
        "Số trang giấy in bình quân mỗi tháng",
        "trang/tháng",
        False,
        2000,
        Direction.LOWER,
        Rollup.SUM,
        -150,
    ),
    (
        "GEN-DIEN",
        "5",
        "Điện năng tiêu thụ bình quân mỗi tháng",
        "kWh/tháng",
        False,
        900,
        Direction.LOWER,
        Rollup.SUM,
        -40,
    ),
]


def _indicators(world: World) -> list[tuple[Indicator, tuple]]:
    areas = {a.number: a for a in world.areas}
    found = []
    for order, row in enumerate(INDICATORS, start=50):
        code, area, name, measure, percent, base, direction, rollup, step = row
        indicator, created = Indicator.objects.get_or_create(
            plan=world.plan,
            code=code,
            defaults={
                "content_area": areas.get(area, world.areas[0]),
                "name": name,
                "unit_of_measure": measure,
                "is_percentage": percent,
                "baseline_value": Decimal(base),
                "baseline_year": YEARS[0] - 1,
                "direction": direction,
                "rollup": rollup,
                "order": order,
            },
        )
        if created:
            insert(
                IndicatorTarget,
                [
                    IndicatorTarget(indicator=indicator, year=y, value=_target(world, row, i))
                    for i, y in enumerate(YEARS, 1)
                ],
            )
        found.append((indicator, row))
    return found


def build_indicator_values(world: World, progress: Progress) -> None:
    rng = world.rng("indicators")
    indicators = _indicators(world)
    units = world.reporting_units()
    progress.start("Số liệu chỉ tiêu", len(units) * len(indicators) * len(YEARS) * 4)
    total = stream(
        IndicatorValue,
        (
            _value(rng, indicator, row, unit, year, quarter)
            for unit in units
            for indicator, row in indicators
            for year in YEARS
            for quarter in (1, 2, 3, 4)
            if not (year == OPEN_YEAR and quarter == 4)
        ),
        progress,
        batch=5000,
    )
    world.add("số liệu chỉ tiêu", total)
    progress.finish()


def _target(world: World, row: tuple, years_in: int) -> Decimal:
    code, _, _, _, percent, base, direction, _, step = row
    if percent:
        return Decimal(min(100, base + step * years_in))
    if code == "GEN-BDHVS":
        return Decimal(sum(len(u.people) for u in world.reporting_units()) * years_in // len(YEARS))
    units = len(world.reporting_units())
    return Decimal(round(base / 10 * units * (1 - 0.05 * years_in)))


def _value(rng, indicator, row, unit, year: int, quarter: int) -> IndicatorValue:
    code, _, _, _, percent, base, _, _, step = row
    steps = (year - YEARS[0]) * 4 + quarter  # quarters since the plan began, 1–20
    size = max(1, len(unit.people))
    if percent:
        value = min(100, max(0, base + step * steps / 4 + rng.uniform(-8, 8)))
    elif code == "GEN-BDHVS":
        value = min(size, size * steps // 20)
    else:
        value = base / 10 * (1 - 0.012 * steps) * rng.uniform(0.8, 1.2)
    return IndicatorValue(
        indicator=indicator,
        unit_id=unit.id,
        year=year,
        quarter=quarter,
        value=Decimal(f"{value:.2f}"),
        recorded_by_id=unit.head_user_id,
        recorded_at=moment(datetime.date(year, quarter * 3, 28)),
    )
