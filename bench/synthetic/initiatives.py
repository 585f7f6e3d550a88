"""Generated initiatives with their authors, the council's scores and the units that
adopted the recognised ones."""

import datetime

from bench.synthetic import words
from bench.synthetic.bulk import Progress, explicit_timestamps, insert, stream
from bench.synthetic.movement import day_in, moment, pick_state
from bench.synthetic.shape import YEARS, World
from thidua.core.codes import Scope, State
from thidua.initiatives.enums import Tag
from thidua.initiatives.models import Adoption, Authorship, Initiative, Score

CLOSED = [
    (State.RECOGNISED, 45),
    (State.NOT_RECOGNISED, 15),
    (State.UNDER_REVIEW, 5),
    (State.SUBMITTED, 5),
    (State.RETURNED, 5),
    (State.DRAFT, 25),
]
OPEN = [
    (State.RECOGNISED, 15),
    (State.NOT_RECOGNISED, 5),
    (State.UNDER_REVIEW, 25),
    (State.SUBMITTED, 20),
    (State.RETURNED, 10),
    (State.DRAFT, 25),
]
SCORED = {State.UNDER_REVIEW, State.RECOGNISED, State.NOT_RECOGNISED}
SCOPES = [Scope.CO_SO] * 16 + [Scope.TINH] * 3 + [Scope.TOAN_QUOC]


def build_initiatives(world: World, progress: Progress) -> None:
    rng = world.rng("initiatives")
    units = [u for u in world.reporting_units() if u.people]
    weights = [len(u.people) for u in units]
    chosen = rng.choices(units, weights=weights, k=world.scale.initiatives)
    progress.start("Sáng kiến", world.scale.initiatives * 4)
    rows = [_initiative(world, rng, n, unit) for n, unit in enumerate(chosen, 1)]
    fields = [Initiative._meta.get_field("created_at")]
    with explicit_timestamps(*fields):
        created = insert(Initiative, rows, progress)
    stream(Authorship, _authors(rng, created, chosen), progress)
    with explicit_timestamps(Score._meta.get_field("scored_at")):
        stream(Score, _scores(world, rng, created, chosen), progress)
    with explicit_timestamps(Adoption._meta.get_field("created_at")):
        stream(Adoption, _adoptions(world, rng, created, chosen), progress)
    world.add("sáng kiến", len(created))
    progress.finish()


def _initiative(world: World, rng, n: int, unit) -> Initiative:
    year = rng.choice(YEARS)
    state = pick_state(rng, year, CLOSED, OPEN)
    thing = rng.choice(words.INITIATIVE_THINGS)
    title = rng.choice(words.INITIATIVE_TITLES).format(thing=thing)
    created = day_in(rng, year, 1, 9)
    recognised = state == State.RECOGNISED
    scope = rng.choice(SCOPES) if recognised else ""
    decision = created + datetime.timedelta(days=rng.randint(40, 120))
    agency = world.agencies[unit.agency]
    tags = sorted(rng.sample([t.value for t in Tag], rng.randint(1, 2)))
    return Initiative(
        title=f"{title} ({unit.name})",
        unit_id=unit.id,
        content_area_id=rng.choice(world.areas).pk,
        tags=",".join(tags),
        problem=f"Việc {thing} còn làm thủ công, mất nhiều thời gian.",
        solution=f"Xây dựng quy trình điện tử cho {thing}, dùng chung trong đơn vị.",
        novelty="Lần đầu áp dụng tại đơn vị.",
        applied_where=unit.name,
        applied_since=created if state != State.DRAFT else None,
        hours_saved=rng.randint(20, 2000),
        cost_saved=rng.randint(1, 500) * 100_000,
        paper_saved=rng.randint(0, 20_000),
        people_served=rng.randint(0, 5000),
        state=state,
        submitted_at=moment(created + datetime.timedelta(days=5)) if state != State.DRAFT else None,
        return_reason="Bổ sung số liệu hiệu quả áp dụng." if state == State.RETURNED else "",
        rejection_reason="Chưa chứng minh được tính mới." if state == State.NOT_RECOGNISED else "",
        scope=scope,
        decision_number=f"{n}/QĐ-{agency.short}" if recognised else "",
        decision_date=decision if recognised else None,
        put_forward=recognised and scope != Scope.CO_SO,
        put_forward_on=decision if scope == Scope.TINH else None,
        created_by_id=unit.head_user_id,
        created_at=moment(created),
    )


def _authors(rng, created, units):
    for initiative, unit in zip(created, units, strict=True):
        count = min(len(unit.people), rng.choice([1, 1, 2, 2, 3]))
        people = rng.sample(unit.people, count)
        shares = [100 // count] * count
        shares[0] += 100 - sum(shares)
        for order, (person, share) in enumerate(zip(people, shares, strict=True)):
            yield Authorship(initiative_id=initiative.pk, person_id=person, share=share, order=order)


def _scores(world: World, rng, created, units):
    for initiative, unit in zip(created, units, strict=True):
        if initiative.state not in SCORED:
            continue
        members = world.agencies[unit.agency].council_user_ids
        high = initiative.state == State.RECOGNISED
        for member in members:
            if initiative.state == State.UNDER_REVIEW and rng.random() < 0.4:
                continue  # this member has not scored it yet
            yield Score(
                initiative_id=initiative.pk,
                member_id=member,
                novelty=rng.randint(5 if high else 2, 10),
                effectiveness=rng.randint(5 if high else 2, 10),
                applicability=rng.randint(3, 10),
                comment="",
                scored_at=initiative.submitted_at + datetime.timedelta(days=20),
            )


def _adoptions(world: World, rng, created, units):
    for initiative, unit in zip(created, units, strict=True):
        if initiative.state != State.RECOGNISED:
            continue
        others = [u for u in world.agencies[unit.agency].unit_ids if u != unit.id]
        for other in rng.sample(others, min(len(others), rng.choice([0, 0, 1, 2, 3]))):
            yield Adoption(
                initiative_id=initiative.pk,
                unit_id=other,
                applied_on=initiative.decision_date + datetime.timedelta(days=30),
                result="Áp dụng tại đơn vị.",
                created_by_id=None,
                created_at=moment(initiative.decision_date + datetime.timedelta(days=30)),
            )
