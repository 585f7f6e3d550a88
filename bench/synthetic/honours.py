"""What the office has published on the public honours page: the awards of the closed
years above the mass titles (LĐTT and TTLĐTT are too many to list), the recognised
initiatives, and a few outstanding examples each year."""

import datetime

from bench.synthetic.bulk import Progress, insert, stream
from bench.synthetic.movement import moment
from bench.synthetic.shape import OPEN_YEAR, YEARS, World
from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.honours.models import OutstandingExample, Publication
from thidua.initiatives.models import Initiative

MASS_TITLES = ["LDTT", "TTLDTT"]


def build_honours(world: World, progress: Progress) -> None:
    rng = world.rng("honours")
    people = [p for u in world.units.values() for p in u.people]
    units = [a.unit_id for a in world.agencies] + list(world.units)
    awards = list(
        AwardRecord.objects.filter(year__lt=OPEN_YEAR, person_id__in=people)
        .exclude(award_type__code__in=MASS_TITLES)
        .values_list("id", "decision_date")
    ) + list(
        AwardRecord.objects.filter(year__lt=OPEN_YEAR, unit_id__in=units)
        .exclude(award_type__code__in=MASS_TITLES)
        .values_list("id", "decision_date")
    )
    initiatives = list(
        Initiative.objects.filter(state=State.RECOGNISED, unit_id__in=units).values_list("id", "decision_date")
    )
    progress.start("Trang tôn vinh", len(awards) + len(initiatives))
    office = world.office_user_id
    count = stream(
        Publication,
        (Publication(award_id=pk, changed_by_id=office, changed_at=moment(day)) for pk, day in awards),
        progress,
        batch=5000,
    )
    count += stream(
        Publication,
        (
            Publication(initiative_id=pk, changed_by_id=office, changed_at=moment(day + datetime.timedelta(days=30)))
            for pk, day in initiatives
        ),
        progress,
    )
    examples = insert(OutstandingExample, _examples(world, rng))
    world.add("công bố tôn vinh", count)
    world.add("điển hình tiên tiến", len(examples))
    progress.finish()


def _examples(world: World, rng):
    for year in YEARS[:-1]:
        for agency in world.agencies:
            units = [world.units[u] for u in agency.unit_ids if world.units[u].people]
            if not units:
                continue
            unit = rng.choice(units)
            person = rng.choice(unit.people)
            name = world.person_names[person]
            published = moment(datetime.date(year + 1, 3, 1))
            yield OutstandingExample(
                person_id=person,
                year=year,
                title=f"{name} — điển hình tiên tiến năm {year}",
                text=f"{name} ({unit.name}) đi đầu trong chuyển đổi số và có sáng kiến được nhân rộng.",
                is_published=True,
                published_at=published,
                created_by_id=agency.office_user_id,
                created_at=published - datetime.timedelta(days=7),
            )
