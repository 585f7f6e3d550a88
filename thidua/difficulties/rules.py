"""Who may raise, read, review and decide difficulties: one predicate per move,
`can_<move>(user, difficulty)`, built on the organisation's rules. The services ask
them before each move, the pages to show a move's button and before running it, and
the API through the services. A unit's head and staff raise for their own unit, the
office takes items in, recommends and closes them, and only the director decides."""

from thidua.core.codes import State
from thidua.core.workflow import Moves
from thidua.difficulties.enums import TRANSITIONS
from thidua.organization import rules
from thidua.organization.enums import Role


def raising_unit_ids(user) -> set[int]:
    """Units the account belongs to as head or staff: the ones it may raise for."""
    return set(rules.units_with_role(user, Role.UNIT_HEAD)) | set(rules.units_with_role(user, Role.STAFF))


def can_raise(user, unit) -> bool:
    unit_id = unit if isinstance(unit, int) else unit.pk
    return unit_id in raising_unit_ids(user)


def is_office(user) -> bool:
    """The office's desk: the queue of items to take in, recommend and close."""
    return rules.is_admin(user) or rules.is_office(user)


def is_director(user) -> bool:
    # Deciding is the director's own power: not delegated to the office or an administrator.
    return rules.is_director(user)


def _office_for(user, difficulty) -> bool:
    return is_office(user) and rules.can_see_unit(user, difficulty.unit_id)


def can_edit(user, difficulty) -> bool:
    """The unit's own texts (while a draft: the service checks the state)."""
    return can_raise(user, difficulty.unit_id)


def can_submit(user, difficulty) -> bool:
    return can_raise(user, difficulty.unit_id)


def can_accept(user, difficulty) -> bool:
    return _office_for(user, difficulty)


def can_review(user, difficulty) -> bool:
    """Writes the office's summary and recommendation and passes the item to the director."""
    return _office_for(user, difficulty)


def can_decide(user, difficulty) -> bool:
    return is_director(user) and rules.can_see_unit(user, difficulty.unit_id)


def can_close(user, difficulty) -> bool:
    """Closes an item once the director's decision is carried out (not a move of the
    table: the state stays «Đã có quyết định»)."""
    return _office_for(user, difficulty)


MOVES = Moves(
    TRANSITIONS,
    {
        State.SUBMITTED: can_submit,
        State.ACCEPTED: can_accept,
        State.UNDER_REVIEW: can_review,
        State.DECIDED: can_decide,
    },
)
