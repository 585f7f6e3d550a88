"""Who may do what with periods and unit reports: one predicate per move on a unit
report, `can_<move>(user, report)`, built on organization.rules. The services ask them
before each move, the pages to show a move's button, and the API through the services."""

from thidua.core.codes import State
from thidua.core.workflow import Moves
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.reports.enums import TRANSITIONS


def can_manage_periods(user) -> bool:
    """The office's desk: define periods, remind units, consolidate, issue."""
    return rules.is_admin(user) or rules.is_office(user)


def can_see_board(user) -> bool:
    return can_manage_periods(user) or rules.is_director(user) or rules.has_role(user, Role.UNIT_HEAD)


def _office_for(user, report) -> bool:
    return can_manage_periods(user) and rules.can_see_unit(user, report.unit_id)


def is_owner(user, report) -> bool:
    person = rules.person_of(user)
    return person is not None and report.owner_id == person.pk


def can_write(user, report) -> bool:
    """The named owner and the unit's head write the unit's report (while the unit
    has it: the service checks the state)."""
    return is_owner(user, report) or rules.heads_unit(user, report.unit_id)


def can_submit(user, report) -> bool:
    return can_write(user, report)


def can_return(user, report) -> bool:
    return _office_for(user, report)


def can_accept(user, report) -> bool:
    return _office_for(user, report)


def can_remind(user, report) -> bool:
    """Reminds the unit now (while the unit has the report: the service checks)."""
    return _office_for(user, report)


def can_assign_owner(user, report) -> bool:
    return _office_for(user, report) or rules.heads_unit(user, report.unit_id)


def own_unit_ids(user) -> list[int]:
    """Units the account belongs to as head or staff (not the agency-wide roles)."""
    return rules.units_with_role(user, Role.UNIT_HEAD) + rules.units_with_role(user, Role.STAFF)


MOVES = Moves(
    TRANSITIONS,
    {
        State.SUBMITTED: can_submit,
        State.RETURNED: can_return,
        State.ACCEPTED: can_accept,
    },
)
