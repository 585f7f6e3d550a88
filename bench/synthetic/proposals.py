"""Generated reward proposals, the decisions that settled them and the council's
meetings and votes.

Every award of a closed year is the outcome of a proposal: a decided proposal links it
and its decision. The awards the commendation part prepared for the open year are
proposals in every state instead; only those that reached «Đã có quyết định» become
awards. The council considers every proposal but the mass titles (LĐTT, TTLĐTT, which
units settle by their own vote), by open vote, or by secret ballot for CSTĐ cấp tỉnh."""

import datetime

from bench.synthetic.bulk import Progress, explicit_timestamps, insert, stream
from bench.synthetic.movement import moment, pick_state
from bench.synthetic.shape import OPEN_YEAR, World
from thidua.commendation.enums import AwardCategory, Verdict
from thidua.commendation.models import AwardRecord, AwardType
from thidua.core.codes import State
from thidua.council.enums import Choice
from thidua.council.models import Ballot, Meeting, MeetingItem, MeetingMember, Vote
from thidua.proposals.models import Decision, Proposal

BY_PROVINCE = {"CSTD_TINH", "CSTD_TQ", "BK_TINH", "BK_TTG", "CO_TINH", "CO_CP", "TTLDXS"}
TITLES = {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_TINH", "CO_CP"}
MASS_TITLES = {"LDTT", "TTLDTT"}
SECRET = {"CSTD_TINH", "CSTD_TQ"}
OPEN_STATES = [
    (State.DRAFT, 12),
    (State.SUBMITTED, 12),
    (State.RETURNED, 5),
    (State.ACCEPTED, 10),
    (State.UNDER_REVIEW, 15),
    (State.APPROVED, 10),
    (State.FORWARDED, 6),
    (State.DECIDED, 25),
    (State.REJECTED, 5),
]
COUNCIL_STATES = {State.UNDER_REVIEW, State.APPROVED, State.FORWARDED, State.DECIDED, State.REJECTED}
FIELDS = (
    "id",
    "person_id",
    "unit_id",
    "award_type__code",
    "year",
    "kind",
    "achievement_key",
    "decision_number",
    "decision_date",
    "issuer",
)


class Subjects:
    """Which generated unit a person belongs to, and names, for the proposals' rows."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.unit_of = {p: u.id for u in world.units.values() for p in u.people}
        self.agency_of = {u.id: u.agency for u in world.units.values()}
        self.agency_of |= {a.unit_id: i for i, a in enumerate(world.agencies)}
        self.unit_names = {u.id: u.name for u in world.units.values()} | {a.unit_id: a.name for a in world.agencies}

    def unit(self, person_id, unit_id) -> int:
        return self.unit_of[person_id] if person_id else unit_id

    def name(self, person_id, unit_id) -> str:
        return self.world.person_names[person_id] if person_id else self.unit_names[unit_id]


def build_proposals(world: World, progress: Progress) -> None:
    rng = world.rng("proposals")
    subjects = Subjects(world)
    ids = [p for u in world.units.values() for p in u.people]
    unit_ids = list(subjects.unit_names)
    records = list(AwardRecord.objects.filter(person_id__in=ids).values_list(*FIELDS)) + list(
        AwardRecord.objects.filter(unit_id__in=unit_ids).values_list(*FIELDS)
    )
    pending = world.pending_awards
    progress.start("Đề nghị, hội đồng", len(records) + len(pending) * 2)
    states = _states(rng, pending)
    decided = insert(AwardRecord, [a for a, s in zip(pending, states, strict=True) if s == State.DECIDED], progress)
    records += [
        (
            a.pk,
            a.person_id,
            a.unit_id,
            a.award_type.code,
            a.year,
            a.kind,
            a.achievement_key,
            a.decision_number,
            a.decision_date,
            a.issuer,
        )
        for a in decided
    ]
    decisions = _decisions(world, records)
    rows = [_decided(world, subjects, rng, r, decisions) for r in records]
    rows += [_open(world, subjects, rng, a, s) for a, s in zip(pending, states, strict=True) if s != State.DECIDED]
    with explicit_timestamps(Proposal._meta.get_field("created_at")):
        proposals = insert(Proposal, rows, progress, batch=5000)
    world.add("khen thưởng", len(decided))
    world.add("quyết định khen thưởng", len(decisions))
    world.add("đề nghị khen thưởng", len(proposals))
    _council(world, rng, subjects, proposals)
    progress.finish()


def _states(rng, pending) -> list[str]:
    """A state for each of the open year's awards, every state at least once."""
    upward = [i for i, a in enumerate(pending) if a.award_type.code in BY_PROVINCE]
    if not upward:  # a small department: one of its Giấy khen becomes a Bằng khen proposal to the province
        upward = [i for i, a in enumerate(pending) if a.award_type.code == "GK"][:1]
        for i in upward:
            pending[i].award_type = AwardType.objects.filter(code="BK_TINH").order_by("effective_from").first()
            pending[i].issuer = "Chủ tịch UBND tỉnh"
    states = [_fit(pick_state(rng, OPEN_YEAR, OPEN_STATES, OPEN_STATES), a.award_type.code) for a in pending]
    others = [i for i in range(len(pending)) if i not in set(upward[:1])]
    if upward:
        states[upward[0]] = State.FORWARDED
    for index, (state, _) in zip(others, [s for s in OPEN_STATES if s[0] != State.FORWARDED], strict=False):
        states[index] = _fit(state, pending[index].award_type.code)
    return states


def _fit(state: str, code: str) -> str:
    """Approved by the director or forwarded upward, as the award's route says."""
    if state == State.APPROVED and code in BY_PROVINCE:
        return State.FORWARDED
    if state == State.FORWARDED and code not in BY_PROVINCE:
        return State.APPROVED
    return state


def _decisions(world: World, records) -> dict[tuple, int]:
    """One Decision per (issuer, number, date) found on the awards."""
    keys = sorted({(r[9], r[7], r[8], r[4]) for r in records if r[7]}, key=lambda k: (k[3], k[0], k[1]))
    with explicit_timestamps(Decision._meta.get_field("created_at")):
        created = insert(
            Decision,
            [
                Decision(
                    number_symbol=number,
                    date=date,
                    year=year,
                    issued_here=not issuer.startswith("Chủ tịch"),
                    issuer=issuer,
                    summary=f"Về việc khen thưởng thành tích năm {year}",
                    signer_title="Giám đốc",
                    minutes="Biên bản họp Hội đồng Thi đua – Khen thưởng",
                    created_at=moment(date),
                )
                for issuer, number, date, year in keys
            ],
        )
    return {key[:3]: d.pk for key, d in zip(keys, created, strict=True)}


def _base(world: World, subjects: Subjects, code: str, year: int, person_id, unit_id, **fields) -> Proposal:
    unit = subjects.unit(person_id, unit_id)
    head = world.units[unit].head_user_id if unit in world.units else None
    category = AwardCategory.TITLE if code in TITLES else AwardCategory.FORM
    sent = datetime.date(year + 1, 1, 5) if year < OPEN_YEAR else datetime.date(year, 11, 20)
    return Proposal(
        person_id=person_id,
        unit_id=unit_id,
        subject_unit_id=unit,
        award_code=code,
        category=category,
        year=year,
        verdict=Verdict.ELIGIBLE,
        verdict_at=moment(sent),
        created_by_id=head,
        created_at=moment(sent - datetime.timedelta(days=10)),
        report_text="Báo cáo thành tích của năm.",
        forwarded_to="Chủ tịch UBND tỉnh" if code in BY_PROVINCE else "",
        **fields,
    )


def _decided(world: World, subjects: Subjects, rng, record, decisions) -> Proposal:
    pk, person_id, unit_id, code, year, kind, key, number, date, issuer = record
    unit = subjects.unit(person_id, unit_id)
    return _base(
        world,
        subjects,
        code,
        year,
        person_id,
        unit_id,
        kind=kind,
        achievement_key=key,
        state=State.DECIDED,
        submitted_at=moment(datetime.date(year + 1, 1, 5)),
        decision_id=decisions.get((issuer, number, date)),
        award_record_id=pk,
        decided_name=subjects.name(person_id, unit_id),
        decided_unit=subjects.unit_names.get(unit, ""),
        forwarded_on=datetime.date(year + 1, 1, 10) if code in BY_PROVINCE else None,
    )


def _open(world: World, subjects: Subjects, rng, award: AwardRecord, state: str) -> Proposal:
    code, year = award.award_type.code, award.year
    sent = state != State.DRAFT
    return _base(
        world,
        subjects,
        code,
        year,
        award.person_id,
        award.unit_id,
        kind=award.kind,
        achievement_key=award.achievement_key,
        state=state,
        submitted_at=moment(datetime.date(year, 11, 20)) if sent else None,
        return_reason="Bổ sung báo cáo thành tích." if state == State.RETURNED else "",
        rejection_reason="Hội đồng không thông qua." if state == State.REJECTED else "",
        forwarded_on=datetime.date(year, 12, 28) if state == State.FORWARDED else None,
    )


# --- the council -------------------------------------------------------------------------------
def _council(world: World, rng, subjects: Subjects, proposals) -> None:
    considered = [p for p in proposals if p.state in COUNCIL_STATES and p.award_code not in MASS_TITLES]
    groups: dict[tuple[int, int], list[Proposal]] = {}
    for proposal in considered:
        groups.setdefault((subjects.agency_of[proposal.subject_unit_id], proposal.year), []).append(proposal)
    keys = sorted(groups)
    with explicit_timestamps(Meeting._meta.get_field("created_at")):
        meetings = insert(Meeting, [_meeting(world, agency, year) for agency, year in keys])
    insert(
        MeetingMember,
        [
            MeetingMember(meeting=m, user_id=u)
            for m, (a, _) in zip(meetings, keys, strict=True)
            for u in world.agencies[a].council_user_ids
        ],
    )
    pending = []  # (item, [(member, choice)])
    for meeting, (agency, _) in zip(meetings, keys, strict=True):
        for order, proposal in enumerate(groups[(agency, meeting.year)], 1):
            choices = _choices(rng, proposal, world.agencies[agency].council_user_ids, bool(meeting.minutes_number))
            pending.append((_item(meeting, proposal, order, choices), choices))
    items = insert(MeetingItem, [item for item, _ in pending])
    when = {m.pk: moment(m.date) for m in meetings}
    with explicit_timestamps(Ballot._meta.get_field("cast_at")):
        ballots = stream(
            Ballot,
            (
                Ballot(item=item, member_id=member, cast_at=when[item.meeting_id])
                for item, (_, choices) in zip(items, pending, strict=True)
                for member, _ in choices
            ),
        )
    votes = stream(
        Vote,
        (
            Vote(item=item, choice=choice, member_id=None if item.secret else member)
            for item, (_, choices) in zip(items, pending, strict=True)
            for member, choice in choices
        ),
    )
    world.add("phiên họp hội đồng", len(meetings))
    world.add("đề nghị trình hội đồng", len(items))
    world.add("lượt biểu quyết", ballots)
    world.add("phiếu biểu quyết", votes)


def _meeting(world: World, agency: int, year: int) -> Meeting:
    council = world.agencies[agency].council_user_ids
    closed = year < OPEN_YEAR
    day = datetime.date(year, 12, 20)
    return Meeting(
        title=f"Phiên họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm {year}",
        date=day,
        place=world.agencies[agency].name,
        year=year,
        chair_id=council[0] if council else None,
        secretary_id=world.agencies[agency].office_user_id,
        minutes_number=f"{year - 2000}/BB-HĐTĐKT" if closed else "",
        minutes_date=day if closed else None,
        conclusion="Hội đồng thống nhất đề nghị khen thưởng." if closed else "",
        secret_ballot_awards=sorted(SECRET),
        created_at=moment(day - datetime.timedelta(days=10)),
    )


def _choices(rng, proposal: Proposal, members: list[int], closed: bool) -> list[tuple[int, str]]:
    """Who voted and how: everyone at a closed meeting; at the open one, the members who
    have voted so far on a proposal still under review."""
    if not closed and proposal.state == State.UNDER_REVIEW:
        members = [m for m in members if rng.random() < 0.6]
    if proposal.state == State.REJECTED:
        return [(m, rng.choice([Choice.DISAGREE, Choice.DISAGREE, Choice.ABSTAIN])) for m in members]
    return [(m, rng.choice([Choice.AGREE] * 8 + [Choice.ABSTAIN])) for m in members]


def _item(meeting: Meeting, proposal: Proposal, order: int, choices) -> MeetingItem:
    item = MeetingItem(meeting=meeting, proposal=proposal, secret=proposal.award_code in SECRET, order=order)
    if meeting.minutes_number:  # the minutes are issued: the result is written
        counts = {c: sum(1 for _, chosen in choices if chosen == c) for c in Choice.values}
        item.agree, item.disagree, item.abstain = counts["agree"], counts["disagree"], counts["abstain"]
        item.passed = proposal.state != State.REJECTED
    return item
