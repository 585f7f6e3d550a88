"""Who may plan, fill in, follow up and read self-inspections: one predicate per move,
`can_<move>(user, obj)`, built on the organisation's rules. The services ask them before
each move and the pages to show a move's button and before running it. The office plans
and takes checklists in or returns them; a unit's head and staff fill in their own
unit's checklist and the head sends it; findings and follow-up actions are written by
the office or the unit's head; an action is marked done by its owner, the unit's head
or the office."""

from thidua.core.codes import State
from thidua.core.workflow import Moves
from thidua.inspections.enums import TRANSITIONS
from thidua.organization import rules
from thidua.organization.enums import Role


def member_unit_ids(user) -> set[int]:
    return set(rules.units_with_role(user, Role.UNIT_HEAD)) | set(rules.units_with_role(user, Role.STAFF))


def can_plan(user) -> bool:
    """Creates inspection plans; the office's desk."""
    return rules.is_admin(user) or rules.is_office(user)


def _office_for(user, checklist) -> bool:
    return can_plan(user) and rules.can_see_unit(user, checklist.unit_id)


def can_fill(user, checklist) -> bool:
    """Answers the checklist's items (while it is editable: the service checks the state)."""
    return checklist.unit_id in member_unit_ids(user)


def can_submit(user, checklist) -> bool:
    return rules.heads_unit(user, checklist.unit_id)


def can_accept(user, checklist) -> bool:
    return _office_for(user, checklist)


def can_return(user, checklist) -> bool:
    return _office_for(user, checklist)


def can_follow_up(user, checklist) -> bool:
    """Writes findings and follow-up actions for the unit's checklist."""
    return _office_for(user, checklist) or rules.heads_unit(user, checklist.unit_id)


def can_complete(user, action) -> bool:
    own = rules.person_of(user)
    return can_follow_up(user, action.checklist) or (own is not None and own.pk == action.owner_id)


MOVES = Moves(
    TRANSITIONS,
    {
        State.SUBMITTED: can_submit,
        State.ACCEPTED: can_accept,
        State.RETURNED: can_return,
    },
)
