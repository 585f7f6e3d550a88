"""The commendation part of the demo year: ratings for 2024–2026 of every demo person
and unit, awards given before the system existed (an LĐTT and TTLĐTT history; CSTĐCS
2024 and 2025 for two people, so one of them can reach three consecutive CSTĐCS in
2026), and one pending discipline hold.

Idempotent: a rating, an award or a hold that exists is left as it is, so a second run
adds nothing and overwrites nothing the office has entered since."""

import datetime
import random

from django.db import transaction

from thidua.commendation import seeding, services
from thidua.commendation.eligibility.rules import achievement_key
from thidua.commendation.enums import PendingKind
from thidua.commendation.models import AwardRecord, PendingFlag, YearlyRating
from thidua.core.codes import QualityRating
from thidua.organization.models import Person, Unit

SEED = 2026
YEARS = (2024, 2025, 2026)
UNIT_CODES = ["VP", "XDKT", "PBGD", "BTTP", "TGPL", "CC1", "DGTS"]
NOTE = "Dữ liệu minh họa"
# Fixed parts of the story; everyone else is drawn from the seeded generator.
RATINGS = {
    "PBGD-02": ("HTXSNV", "HTXSNV", "HTXSNV"),  # CSTĐCS 2024, 2025 and excellent again in 2026
    "TGPL-03": ("HTXSNV", "HTXSNV", "HTTNV"),  # CSTĐCS 2024, 2025; 2026 hinges on an initiative
    "DGTS-04": ("HTTNV", "KHTNV", "HTTNV"),  # the one unsatisfactory year
    "CC1-05": ("HTTNV", "HTTNV", "HTNV"),
    "XDKT-05": ("HTTNV", "HTNV", "HTTNV"),
}
UNIT_RATINGS = {
    "VP": "HTXSNV",
    "PBGD": "HTXSNV",
    "TGPL": "HTXSNV",
    "XDKT": "HTTNV",
    "BTTP": "HTTNV",
    "CC1": "HTTNV",
    "DGTS": "HTTNV",
}
CSTDCS_PEOPLE = ["PBGD-02", "TGPL-03"]
# Decisions of the years before the system: (number, date, issuer) per achievement year.
DIRECTOR_DECISIONS = {2024: ("15/QĐ-STP", datetime.date(2025, 1, 20)), 2025: ("12/QĐ-STP", datetime.date(2026, 1, 16))}
HOLD = (
    "BTTP-03",
    PendingKind.DISCIPLINE,
    datetime.date(2026, 10, 15),
    "Đang xem xét kỷ luật theo biên bản họp ngày 15/10/2026 (minh họa).",
)


def _rating(rng: random.Random) -> str:
    return rng.choices(["HTXSNV", "HTTNV", "HTNV"], weights=[30, 65, 5])[0]


def _person_ratings(people: list[Person]) -> dict[str, tuple[str, ...]]:
    rng = random.Random(SEED)
    drawn = {p.code: tuple(_rating(rng) for _ in YEARS) for p in sorted(people, key=lambda p: p.code)}
    return drawn | {code: ratings for code, ratings in RATINGS.items() if code in drawn}


def _rate(subject, ratings: tuple[str, ...], existing: set) -> int:
    created = 0
    for year, rating in zip(YEARS, ratings, strict=True):
        if (subject.pk, year) not in existing:
            services.set_rating(
                actor=None,
                subject=subject,
                year=year,
                rating=rating,
                participates_in_movement=rating != QualityRating.KHTNV,
                internal_unity=True if isinstance(subject, Unit) else None,
                log_note=NOTE,
            )
            created += 1
    return created


def _award(
    subject, code: str, year: int, keys: set, issuer: str = "Giám đốc Sở Tư pháp", decision: tuple | None = None
) -> int:
    if (subject.pk, achievement_key(code, year)) in keys:
        return 0
    number, date = decision or DIRECTOR_DECISIONS[year]
    services.record_award(
        actor=None,
        subject=subject,
        code=code,
        year=year,
        decision_number=number,
        decision_date=date,
        issuer=issuer,
        before_system=True,
        note=NOTE,
    )
    return 1


def _past_awards(people: list[Person], units: list[Unit], ratings: dict) -> int:
    person_keys = set(AwardRecord.objects.filter(person__in=people).values_list("person_id", "achievement_key"))
    unit_keys = set(AwardRecord.objects.filter(unit__in=units).values_list("unit_id", "achievement_key"))
    created = 0
    for person in people:
        for index, year in enumerate(YEARS[:2]):
            if ratings[person.code][index] in ("HTXSNV", "HTTNV"):
                created += _award(person, "LDTT", year, person_keys)
            if person.code in CSTDCS_PEOPLE:
                created += _award(person, "CSTDCS", year, person_keys)
    for unit in units:
        for year in YEARS[:2]:
            created += _award(unit, "TTLDTT", year, unit_keys)
    pbgd = next((u for u in units if u.code == "PBGD"), None)
    if pbgd is not None:
        created += _award(
            pbgd,
            "TTLDXS",
            2025,
            unit_keys,
            "Chủ tịch UBND tỉnh Tuyên Quang",
            ("245/QĐ-UBND", datetime.date(2026, 2, 10)),
        )
    return created


def _hold(people: dict[str, Person]) -> int:
    code, kind, start, note = HOLD
    person = people.get(code)
    if person is None or PendingFlag.objects.filter(person=person, kind=kind, from_date=start).exists():
        return 0
    services.save_hold(actor=None, subject=person, kind=kind, from_date=start, note=note)
    return 1


@transaction.atomic
def load(plan) -> str:
    """Add this app's part of the demo story (the plan is not needed: the years are the
    story's). Returns a one-line summary."""
    # The catalogue is seeded by a migration; a database emptied since (a test run that
    # flushes tables, a restore of data only) gets it back here.
    seeding.load_catalogue()
    units = list(Unit.objects.filter(code__in=UNIT_CODES).order_by("code"))
    people = list(Person.objects.filter(unit__code__in=[*UNIT_CODES, "BGD"]).order_by("code"))
    ratings = _person_ratings(people)
    rated_people = set(YearlyRating.objects.filter(person__in=people).values_list("person_id", "year"))
    rated_units = set(YearlyRating.objects.filter(unit__in=units).values_list("unit_id", "year"))
    added = sum(_rate(p, ratings[p.code], rated_people) for p in people)
    added += sum(_rate(u, (UNIT_RATINGS.get(u.code, "HTTNV"),) * len(YEARS), rated_units) for u in units)
    awards = _past_awards(people, units, ratings)
    holds = _hold({p.code: p for p in people})
    return (
        f"Khen thưởng: thêm {added} xếp loại, {awards} khen thưởng trước khi có hệ thống, "
        f"{holds} trường hợp tạm dừng xét khen thưởng."
    )
