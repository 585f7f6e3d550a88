"""Generated yearly ratings, awards received, discipline and holds, consistent with
each other: a title goes to someone rated well enough that year, CSTĐ cơ sở to
someone who also received LĐTT, CSTĐ cấp tỉnh after three consecutive CSTĐ cơ sở."""

import datetime

from bench.synthetic.bulk import Progress, stream
from bench.synthetic.shape import OPEN_YEAR, YEARS, World
from thidua.commendation.eligibility.rules import achievement_key
from thidua.commendation.enums import DisciplineForm, PendingKind
from thidua.commendation.models import (
    AwardRecord,
    AwardType,
    DisciplineRecord,
    PendingFlag,
    YearlyRating,
)
from thidua.core.codes import QualityRating

RATINGS = (
    [QualityRating.HTXSNV] * 15 + [QualityRating.HTTNV] * 65 + [QualityRating.HTNV] * 17 + [QualityRating.KHTNV] * 3
)
GOOD = {QualityRating.HTXSNV, QualityRating.HTTNV}


class Awards:
    """Award rows. One decision rewards everyone given the same title or form by the
    same agency for the same year, as real decisions do: its number is shared."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.types = {}
        for code in ("LDTT", "CSTDCS", "CSTD_TINH", "GK", "BK_TINH", "TTLDTT", "TTLDXS", "CO_TINH"):
            self.types[code] = AwardType.objects.filter(code=code).order_by("effective_from").first()
        self.decisions: dict[tuple, str] = {}
        self.issued: dict[tuple, int] = {}  # decisions so far per (agency, year)

    def decision(self, code: str, year: int, agency: int) -> str:
        key = (agency, year, code)
        if key not in self.decisions:
            self.issued[(agency, year)] = self.issued.get((agency, year), 0) + 1
            self.decisions[key] = f"{self.issued[(agency, year)]}/QĐ-{self.world.agencies[agency].short}"
        return self.decisions[key]

    def row(self, code: str, year: int, agency: int, **subject) -> AwardRecord:
        by_province = code in ("CSTD_TINH", "BK_TINH", "CO_TINH", "TTLDXS")
        issuer = "Chủ tịch UBND tỉnh" if by_province else f"Thủ trưởng {self.world.agencies[agency].name}"
        return AwardRecord(
            award_type=self.types[code],
            year=year,
            decision_number=self.decision(code, year, agency),
            decision_date=datetime.date(year + 1, 2 if by_province else 1, 15),
            issuer=issuer,
            achievement_key=achievement_key(code, year),
            **subject,
        )


def build_commendation(world: World, progress: Progress) -> None:
    rng = world.rng("commendation")
    people = [(p, u) for u in world.units.values() for p in u.people]
    # (unit id, agency index) of every generated unit, agencies included: they too are rated.
    units = [(u.id, u.agency) for u in world.units.values()] + [
        (a.unit_id, i) for i, a in enumerate(world.agencies) if a.unit_id != world.province_id
    ]
    progress.start("Xếp loại, khen thưởng", (len(people) + len(units)) * len(YEARS) * 2)
    ratings = {}  # (person id or -unit id, year) → rating
    rows = (_rating(rng, ratings, year, person=p) for year in YEARS for p, _ in people)
    world.add("xếp loại", stream(YearlyRating, rows, progress, batch=5000))
    rows = (_rating(rng, ratings, year, unit=unit_id) for year in YEARS for unit_id, _ in units)
    world.add("xếp loại", stream(YearlyRating, rows, progress))
    awards = Awards(world)
    world.add(
        "khen thưởng",
        stream(AwardRecord, _decided(world, _person_awards(rng, awards, ratings, people)), progress, batch=5000),
    )
    world.add("khen thưởng", stream(AwardRecord, _decided(world, _unit_awards(rng, awards, ratings, units)), progress))
    world.add("kỷ luật", stream(DisciplineRecord, _discipline(rng, people)))
    world.add("tạm dừng xét", stream(PendingFlag, _holds(rng, people)))
    progress.finish()


def _decided(world: World, rows):
    """The awards already decided. With proposals generated, the open year's awards are
    kept back: they become proposals, and awards only once decided."""
    for row in rows:
        if world.with_proposals and row.year == OPEN_YEAR:
            world.pending_awards.append(row)
        else:
            yield row


def _rating(rng, ratings, year, *, person=None, unit=None) -> YearlyRating:
    rating = rng.choice(RATINGS)
    ratings[(person or -unit, year)] = rating
    return YearlyRating(
        person_id=person,
        unit_id=unit,
        year=year,
        rating=rating,
        participates_in_movement=rng.random() < 0.95 if rating in GOOD else None,
        internal_unity=(rng.random() < 0.97) if unit else None,
    )


def _person_awards(rng, awards: Awards, ratings, people):
    streak: dict[int, int] = {}
    for year in YEARS:
        for person, unit in people:
            rating = ratings[(person, year)]
            if rating not in GOOD or rng.random() > 0.9:
                streak[person] = 0
                continue
            yield awards.row("LDTT", year, unit.agency, person_id=person)
            if rating == QualityRating.HTXSNV and rng.random() < 0.6:
                streak[person] = streak.get(person, 0) + 1
                yield awards.row("CSTDCS", year, unit.agency, person_id=person)
                if streak[person] >= 3 and rng.random() < 0.5:
                    yield awards.row("CSTD_TINH", year, unit.agency, person_id=person)
            else:
                streak[person] = 0
            form = rng.random()
            if form < 0.05:
                yield awards.row("GK", year, unit.agency, person_id=person)
            elif form < 0.055:
                yield awards.row("BK_TINH", year, unit.agency, person_id=person)


def _unit_awards(rng, awards: Awards, ratings, units):
    for year in YEARS:
        for unit, agency in units:
            rating = ratings[(-unit, year)]
            if rating not in GOOD or rng.random() > 0.8:
                continue
            yield awards.row("TTLDTT", year, agency, unit_id=unit)
            if rating == QualityRating.HTXSNV and rng.random() < 0.6:
                yield awards.row("TTLDXS", year, agency, unit_id=unit)
                if rng.random() < 0.1:
                    yield awards.row("CO_TINH", year, agency, unit_id=unit)
            if rng.random() < 0.1:
                yield awards.row("GK", year, agency, unit_id=unit)


def _discipline(rng, people):
    forms = list(DisciplineForm.values)[:3]
    for year in YEARS:
        for person, _ in people:
            if rng.random() < 0.003:
                yield DisciplineRecord(
                    person_id=person,
                    form=rng.choice(forms),
                    date=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    text="Vi phạm quy định về giờ làm việc.",
                    decision_number=f"{person}/QĐ-KL",
                )


def _holds(rng, people):
    kinds = list(PendingKind.values)
    for person, _ in people:
        if rng.random() < 0.002:
            start = datetime.date(rng.choice(YEARS), rng.randint(1, 12), 1)
            ended = rng.random() < 0.5
            yield PendingFlag(
                person_id=person,
                kind=rng.choice(kinds),
                from_date=start,
                to_date=start + datetime.timedelta(days=90) if ended else None,
                note="Đang xác minh đơn phản ánh.",
            )
