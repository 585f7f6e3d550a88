"""Who may do what with proposals, decisions and the register: one predicate per move,
`can_<move>(user, proposal)`, built on the organisation's predicates. The services ask
them before each move, the dossier page to show a move's button, and the API through
the services.

Unit heads propose for the units they head (and their people); the office for anyone
of its agency; only the office moves proposals through checking; only the director
approves and decides; the register is read whole by the office and the director, by a
unit head for the units they head, and by everyone for themselves."""

from thidua.core.codes import State
from thidua.core.workflow import Moves
from thidua.organization import rules as org
from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.proposals.enums import CLOSED, EDITABLE, TRANSITIONS

EVERYTHING = org.EVERYTHING


def sees_everything(user) -> bool:
    return org.is_admin(user)


def is_office(user) -> bool:
    """The office's desk (and the system administrator)."""
    return org.is_admin(user) or org.is_office(user)


def is_director(user) -> bool:
    return org.is_director(user)


def is_council(user) -> bool:
    return org.is_council(user)


def headed_units(user) -> set[int]:
    headed = org.units_with_role(user, Role.UNIT_HEAD)
    return Unit.objects.subtree_ids(headed) if headed else set()


def agency_units(user) -> set[int]:
    scope = org.unit_scope(user)
    if isinstance(scope, org.WholeTree):
        return scope
    return set() if scope is EVERYTHING else set(scope)


def subject_unit_id(subject) -> int:
    return subject.unit_id if isinstance(subject, Person) else subject.pk


def can_propose_for(user, subject) -> bool:
    unit_id = subject_unit_id(subject)
    if is_office(user):
        return org.unit_scope(user) is EVERYTHING or unit_id in agency_units(user)
    return unit_id in headed_units(user)


def proposable_units(user):
    """Units whose people (or which themselves) the account may propose."""
    if is_office(user):
        return Unit.objects.visible_to(user)
    return Unit.objects.filter(pk__in=headed_units(user))


def can_propose(user) -> bool:
    return is_office(user) or bool(headed_units(user))


def is_proposer(user, proposal) -> bool:
    """The side that made the proposal: its unit's head, its creator, or the office for
    the office's own proposals."""
    return (
        proposal.subject_unit_id in headed_units(user)
        or proposal.created_by_id == getattr(user, "pk", None)
        or (proposal.by_office and is_office(user))
    )


def _office_for(user, proposal) -> bool:
    return is_office(user) and org.can_see_unit(user, proposal.subject_unit_id)


def _director_for(user, proposal) -> bool:
    """The director approves and decides what is his (Law Art. 80 cl. 1)."""
    return is_director(user) and org.can_see_unit(user, proposal.subject_unit_id)


def keeps_dossier(user, proposal) -> bool:
    """The proposer and the office: those who may ever change the dossier; `can_edit`
    says whether they may now."""
    return is_proposer(user, proposal) or _office_for(user, proposal)


def can_edit(user, proposal) -> bool:
    """Changes the achievement report and the dossier's files: the proposer while the
    proposal is a draft or returned, the office until it is decided or refused."""
    if _office_for(user, proposal) and proposal.state not in CLOSED:
        return True
    return is_proposer(user, proposal) and proposal.state in EDITABLE


def can_submit(user, proposal) -> bool:
    return is_proposer(user, proposal)


def can_accept(user, proposal) -> bool:
    return _office_for(user, proposal)


def can_return(user, proposal) -> bool:
    return _office_for(user, proposal)


def can_send_to_council(user, proposal) -> bool:
    return _office_for(user, proposal)


def can_approve(user, proposal) -> bool:
    return _director_for(user, proposal)


def can_forward(user, proposal) -> bool:
    """Forwards upward what the province or the ministry decides (R19)."""
    return _office_for(user, proposal)


def can_reject(user, proposal) -> bool:
    """Refuses a proposal before the director."""
    return _director_for(user, proposal)


def can_record_refusal(user, proposal) -> bool:
    """Records the upper level's refusal of a forwarded proposal."""
    return _office_for(user, proposal)


def can_issue_decision(user, proposal) -> bool:
    """The director's decision for an approved proposal."""
    return _director_for(user, proposal)


def can_undo_acceptance(user, proposal) -> bool:
    """Hủy tiếp nhận: the office takes back its acceptance before the council."""
    return _office_for(user, proposal)


def can_undo_approval(user, proposal) -> bool:
    """Hủy phê duyệt: the director takes back an approval before the decision."""
    return _director_for(user, proposal)


def can_revoke(user, proposal) -> bool:
    """Only the director revokes an award decided here, by a new decision (Law Art. 93);
    an award of the province or the ministry is revoked by its own issuer."""
    return _director_for(user, proposal) and proposal.decision is not None and proposal.decision.issued_here


def can_record_decision(user, proposal) -> bool:
    """Records the decision of the province or the ministry on a forwarded proposal."""
    return _office_for(user, proposal)


def can_override(user, proposal) -> bool:
    """The office's reason for going on with a subject found not eligible (until the
    proposal is closed: the service checks the state)."""
    return _office_for(user, proposal)


def can_reassess(user, proposal) -> bool:
    """Evaluates the eligibility again from the current data."""
    return is_proposer(user, proposal) or _office_for(user, proposal) or _director_for(user, proposal)


def can_see_decisions(user) -> bool:
    return is_office(user) or is_director(user) or bool(headed_units(user))


def register_units(user):
    """Units whose awards the account reads in the register (besides its own), or
    EVERYTHING."""
    if sees_everything(user):
        return EVERYTHING
    if is_office(user) or is_director(user):
        return agency_units(user)
    return headed_units(user)


def statistics_units(user):
    """Units whose awards the account counts in the statistics, or EVERYTHING: the
    register's units without the account's own awards (a statistic of one person is no
    statistic)."""
    return register_units(user)


def can_read_statistics(user) -> bool:
    """The office and the director for their agency; a unit head for the units they head."""
    units = statistics_units(user)
    return units is EVERYTHING or bool(units)


def can_manage_settings(user) -> bool:
    return is_office(user)


MOVES = Moves(
    TRANSITIONS,
    {
        State.SUBMITTED: can_submit,
        State.ACCEPTED: can_accept,
        State.RETURNED: can_return,
        State.UNDER_REVIEW: can_send_to_council,
        State.APPROVED: can_approve,
        State.FORWARDED: can_forward,
        State.REJECTED: can_reject,
        (State.FORWARDED, State.REJECTED): can_record_refusal,
        (State.APPROVED, State.DECIDED): can_issue_decision,
        (State.FORWARDED, State.DECIDED): can_record_decision,
        State.REVOKED: can_revoke,
        (State.ACCEPTED, State.SUBMITTED): can_undo_acceptance,
        (State.APPROVED, State.UNDER_REVIEW): can_undo_approval,
    },
)


def can_download_submission(user, proposal, level: str) -> bool:
    """The unit's Tờ trình: whoever keeps the dossier, and the office and the director;
    the department's Tờ trình upward: the office and the director only."""
    department = _office_for(user, proposal) or _director_for(user, proposal)
    return department or (level == "unit" and keeps_dossier(user, proposal))
