"""Council meetings: preparing them (members seated by default from the accounts with
the council role, the figures of R17), the agenda, the votes and the minutes.

Votes: a member votes once per proposal and meeting (Ballot's unique constraint, and a
message before it), not on a proposal of their own unit or about themselves. A secret
vote is written as a Ballot naming the member and a Vote naming nobody; the activity
log records that the member voted, never the choice."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.commendation import catalogue
from thidua.core.codes import State
from thidua.core.history import delete_with_history, record, save_with_history, update_once
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.workflow import transition
from thidua.council import rules
from thidua.council.enums import DEFAULT_PASS, DEFAULT_QUORUM, Choice, CouncilRole
from thidua.council.models import Ballot, Meeting, MeetingItem, MeetingMember, Vote
from thidua.council.tally import parse_share, tallies
from thidua.organization.enums import Role
from thidua.organization.models import User
from thidua.organization.rules import EVERYTHING, is_director, unit_scope
from thidua.outgoing.numbering import issue_number
from thidua.plans.models import Plan
from thidua.proposals import rules as proposal_rules
from thidua.proposals.enums import TRANSITIONS
from thidua.proposals.models import Proposal


def _office_only() -> str:
    return gettext("Chỉ Văn phòng Sở chuẩn bị phiên họp Hội đồng.")


def default_members(actor: User):
    """Accounts holding the council role in the actor's agency."""
    scope = unit_scope(actor)
    seats = {"memberships__role": Role.COUNCIL}
    if scope is not EVERYTHING:
        seats["memberships__unit_id__in"] = scope
    return User.objects.filter(is_active=True, **seats).distinct().order_by("username")


def r17_defaults(day: datetime.date) -> dict:
    """The meeting figures from rule R17 in force on `day` (the office may change them
    for the meeting)."""
    rule = catalogue.rule("R17", day)
    params = rule.parameters if rule else {}
    return {
        "quorum_share": str(parse_share(params.get("quorum_share", DEFAULT_QUORUM))),
        "pass_share": str(parse_share(params.get("pass_share", DEFAULT_PASS))),
        "pass_share_by_award": {k: str(parse_share(v)) for k, v in params.get("pass_share_by_award", {}).items()},
        "secret_ballot_awards": list(params.get("secret_ballot_awards", [])),
    }


def check_shares(values: dict) -> None:
    errors = {}
    for name in ("quorum_share", "pass_share"):
        try:
            parse_share(values[name])
        except ValueError as error:
            errors[name] = str(error)
    for award, share in (values.get("pass_share_by_award") or {}).items():
        try:
            parse_share(share)
        except ValueError as error:
            errors["pass_share_by_award"] = f"{award}: {error}"
    if errors:
        raise ValidationError(errors)


def council_roles(members, council_chair=None, vice_chairs=(), secretary=None) -> dict[int, str]:
    """{account id: seat on the council} for the members: the council's chair (by
    default the director among them), its vice chairs, the meeting's secretary, and
    members (Ủy viên) for the rest."""
    members = list(members)
    council_chair = council_chair or next((u for u in members if is_director(u)), None)
    roles = {u.pk: CouncilRole.MEMBER.value for u in members}
    for user in vice_chairs:
        roles[user.pk] = CouncilRole.VICE_CHAIR.value
    if secretary is not None and secretary.pk in roles:
        roles[secretary.pk] = CouncilRole.SECRETARY.value
    if council_chair is not None and council_chair.pk in roles:
        roles[council_chair.pk] = CouncilRole.CHAIR.value
    return roles


def check_times(meeting: Meeting) -> None:
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": gettext("Giờ kết thúc phải sau giờ bắt đầu.")})


@transaction.atomic
def create_meeting(
    *,
    actor: User,
    title: str,
    date: datetime.date,
    year: int,
    place: str = "",
    members=None,
    chair=None,
    secretary=None,
    secret_ballot: bool = False,
    figures: dict | None = None,
    starts_at: datetime.time | None = None,
    ends_at: datetime.time | None = None,
    roles: dict[int, str] | None = None,
) -> Meeting:
    """Side effects: one Meeting row and one row per member, logged. `members`
    defaults to the accounts with the council role, the chair to the director among
    them, the secretary to the actor; `figures` (quorum_share, pass_share,
    pass_share_by_award, secret_ballot_awards) to rule R17; `roles` (seats on the
    council by account id) to `council_roles`."""
    require(rules.can_prepare(actor), _office_only())
    values = r17_defaults(date) | (figures or {})
    check_shares(values)
    members = list(members if members is not None else default_members(actor))
    chair = chair or next((u for u in members if is_director(u)), None)
    meeting = Meeting(
        title=title.strip(),
        date=date,
        year=year,
        place=place.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        chair=chair,
        secretary=secretary or actor,
        secret_ballot=secret_ballot,
        created_by=actor,
        **values,
    )
    check_times(meeting)
    save_with_history(meeting, actor=actor)
    roles = roles if roles is not None else council_roles(members, secretary=meeting.secretary)
    for user in members:
        save_with_history(
            MeetingMember(meeting=meeting, user=user, role=roles.get(user.pk, CouncilRole.MEMBER)), actor=actor
        )
    return meeting


def _require_open(meeting: Meeting) -> None:
    if meeting.is_closed:
        raise ValidationError(
            gettext("Phiên họp đã kết thúc (biên bản số %(number)s): không thay đổi được nữa.")
            % {"number": meeting.minutes_number}
        )


@transaction.atomic
def update_meeting(*, actor: User, meeting: Meeting, **values) -> Meeting:
    """Change the title, date, times, place, chair, secretary or figures before the
    minutes. Side effects: saved, the difference logged."""
    require(rules.can_edit(actor, meeting), _office_only())
    _require_open(meeting)
    for name, value in values.items():
        setattr(meeting, name, value)
    check_times(meeting)
    check_shares(
        {
            "quorum_share": meeting.quorum_share,
            "pass_share": meeting.pass_share,
            "pass_share_by_award": meeting.pass_share_by_award,
        }
    )
    return save_with_history(meeting, actor=actor)


@transaction.atomic
def set_members(*, actor: User, meeting: Meeting, users, present_ids, roles: dict[int, str] | None = None) -> None:
    """Seat exactly `users`, with `present_ids` present and their seats on the council
    `roles` (kept as they are when None). A member who has voted stays. Side effects:
    rows added, changed or removed, each logged."""
    require(rules.can_edit(actor, meeting), _office_only())
    _require_open(meeting)
    wanted = {u.pk: u for u in users}
    voted = set(Ballot.objects.filter(item__meeting=meeting).values_list("member_id", flat=True))
    for member in meeting.members.all():
        if member.user_id not in wanted and member.user_id not in voted:
            delete_with_history(member, actor=actor)
    seated = {m.user_id: m for m in meeting.members.all()}
    for pk in set(wanted) | voted:
        member = seated.get(pk) or MeetingMember(meeting=meeting, user_id=pk)
        member.present = pk in present_ids
        if roles is not None:
            member.role = roles.get(pk, CouncilRole.MEMBER)
        save_with_history(member, actor=actor)


def add_item(*, actor: User, meeting: Meeting, proposal) -> MeetingItem:
    """Put a proposal on the agenda (called when the office sends it to the council).
    Secret ballot when the meeting votes secretly or the award is listed for it.
    Side effects: one row, logged."""
    require(rules.can_add_item(actor, meeting), _office_only())
    _require_open(meeting)
    secret = meeting.secret_ballot or proposal.award_code in (meeting.secret_ballot_awards or [])
    item = MeetingItem(meeting=meeting, proposal=proposal, secret=secret, order=meeting.items.count() + 1)
    try:
        with transaction.atomic():
            return save_with_history(item, actor=actor)
    except IntegrityError:
        raise ValidationError(gettext("Đề nghị này đã có trong phiên họp.")) from None


@transaction.atomic
def send_to_council(*, actor: User, proposal: Proposal, meeting) -> Proposal:
    """Put an accepted proposal before a council meeting. Side effects: state under
    review (logged) and one agenda item of the meeting (logged)."""
    require(proposal_rules.can_send_to_council(actor, proposal), gettext("Chỉ Văn phòng Sở đưa đề nghị ra Hội đồng."))
    moved = transition(
        proposal,
        to=State.UNDER_REVIEW,
        actor=actor,
        allowed=TRANSITIONS,
        note=gettext("Trình Hội đồng: %(meeting)s") % {"meeting": meeting},
    )
    add_item(actor=actor, meeting=meeting, proposal=moved)
    return moved


def voted_message(ballot: Ballot) -> str:
    return gettext(
        "Bạn đã biểu quyết đề nghị này lúc %(time)s. Mỗi thành viên chỉ biểu quyết một lần cho mỗi đề nghị."
    ) % {"time": timezone.localtime(ballot.cast_at).strftime("%H:%M %d/%m/%Y")}


def check_vote(actor: User, meeting: Meeting, item: MeetingItem) -> None:
    """Why this member may not vote on this item now; raises with the message."""
    require(rules.can_vote(actor, meeting), gettext("Chỉ thành viên Hội đồng dự phiên họp này được biểu quyết."))
    _require_open(meeting)
    if item.proposal.state != State.UNDER_REVIEW:
        raise ValidationError(
            gettext("Đề nghị không còn ở trạng thái «%(state)s».") % {"state": State.UNDER_REVIEW.label}
        )
    reason = rules.conflict(actor, item.proposal)
    if reason:
        raise ValidationError(reason, code="conflict")
    earlier = Ballot.objects.filter(item=item, member=actor).first()
    if earlier is not None:
        raise ValidationError(voted_message(earlier), code="voted")


@transaction.atomic
def cast_vote(*, actor: User, meeting: Meeting, proposal, choice: str) -> Ballot:
    """One member's vote on one proposal. Side effects: a Ballot (who voted) and a
    Vote (the choice; it names the member only for an open vote); the log records the
    ballot, and the choice only for an open vote."""
    item = meeting.items.select_related("proposal__subject_unit").filter(proposal=proposal).first()
    if item is None:
        raise ValidationError(gettext("Đề nghị này không có trong phiên họp."))
    if choice not in Choice.values:
        raise ValidationError({"choice": gettext("Hãy chọn Đồng ý, Không đồng ý hoặc Không có ý kiến.")})
    check_vote(actor, meeting, item)
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(item=item, member=actor)
            Vote.objects.create(item=item, choice=choice, member=None if item.secret else actor)
    except IntegrityError:  # a second click at the same moment
        raise ValidationError(voted_message(Ballot.objects.get(item=item, member=actor)), code="voted") from None
    changes = {} if item.secret else {"choice": [None, choice]}
    record(
        actor=actor,
        obj=ballot,
        action=ActivityLog.Action.CREATED,
        changes=changes,
        note=gettext("Đã biểu quyết (bỏ phiếu kín)") if item.secret else gettext("Đã biểu quyết"),
    )
    return ballot


@transaction.atomic
def close_meeting(
    *,
    actor: User,
    meeting: Meeting,
    on: datetime.date | None = None,
    conclusion: str = "",
    starts_at: datetime.time | None = None,
    ends_at: datetime.time | None = None,
) -> Meeting:
    """Issue the minutes: the votes become final. The minutes carry the meeting's start
    and end times (given here or recorded before). Side effects: a BB number from the
    register; each agenda item's counts and outcome written; the meeting's minutes
    number, date and times set by a conditional UPDATE (a second click changes
    nothing); all logged."""
    require(rules.can_close(actor, meeting), _office_only())
    _require_open(meeting)
    on = on or timezone.localdate()
    starts_at, ends_at = starts_at or meeting.starts_at, ends_at or meeting.ends_at
    if starts_at is None or ends_at is None:
        raise ValidationError(gettext("Hãy ghi giờ bắt đầu và giờ kết thúc cuộc họp: biên bản ghi cả hai."))
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": gettext("Giờ kết thúc phải sau giờ bắt đầu.")})
    if on < meeting.date:
        raise ValidationError({"on": gettext("Ngày biên bản không được trước ngày họp.")})
    for tally in tallies(meeting):
        update_once(
            tally.item,
            actor=actor,
            values={"agree": tally.agree, "disagree": tally.disagree, "abstain": tally.abstain, "passed": tally.passed},
        )
    plan = Plan.objects.current()
    number = issue_number(doc_type="BB", on=on, agency=plan.issuer, actor=actor, subject=meeting.title)
    if not update_once(
        meeting,
        actor=actor,
        where={"minutes_number": ""},
        values={
            "minutes_number": number,
            "minutes_date": on,
            "conclusion": conclusion.strip(),
            "starts_at": starts_at,
            "ends_at": ends_at,
        },
    ):
        raise ValidationError(gettext("Biên bản của phiên họp đã được ban hành trước đó."))
    return meeting


@transaction.atomic
def withdraw_vote(*, actor: User, meeting: Meeting, proposal, reason: str) -> None:
    """A member takes back an open vote while the session is open, to vote again: the
    ballot and the choice are removed and the log keeps them with the reason. A secret
    vote is not taken back: nothing links the choice to the member. Side effects: two
    rows deleted, logged."""
    item = meeting.items.filter(proposal=proposal).first()
    if item is None:
        raise ValidationError(gettext("Đề nghị này không có trong phiên họp."))
    _require_open(meeting)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext("Hãy ghi lý do rút lại biểu quyết.")})
    if item.secret:
        raise ValidationError(gettext("Phiếu kín không rút lại được: không ai biết phiếu nào của bạn."))
    ballot = Ballot.objects.filter(item=item, member=actor).first()
    if ballot is None:
        raise ValidationError(gettext("Bạn chưa biểu quyết đề nghị này."))
    for vote in Vote.objects.filter(item=item, member=actor):
        delete_with_history(vote, actor=actor, note=reason)
    delete_with_history(ballot, actor=actor, note=reason)


@transaction.atomic
def cast_votes(*, actor: User, meeting: Meeting, choices: dict) -> list[Ballot]:
    """One member's votes on a whole agenda at once: `choices` maps each proposal to the
    member's choice. Every vote is cast as `cast_vote` casts one, or none is: a refusal
    names each proposal that could not be voted on and why. Side effects: those of
    `cast_vote`, for each proposal."""
    if not choices:
        raise ValidationError(gettext("Không có đề nghị nào để biểu quyết."))
    ballots, refused = [], []
    for proposal, choice in choices.items():
        try:
            with transaction.atomic():
                ballots.append(cast_vote(actor=actor, meeting=meeting, proposal=proposal, choice=choice))
        except ValidationError as error:
            refused.append(f"«{proposal}»: {' '.join(error.messages)}")
    if refused:
        raise ValidationError([gettext("Chưa ghi biểu quyết nào, vì:")] + refused)
    return ballots
