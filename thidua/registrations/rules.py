"""Who may read and change registrations: one predicate per move,
`can_<move>(user, registration)`, built on the organisation's rules. The services ask
them before each change, the pages to show a move's button and before running it, and
the API through the services. The unit head manages the unit's registration and fills
in for people without an account, each person edits their own row, the office accepts
or returns (and may submit on a unit's behalf)."""

from thidua.core.codes import State
from thidua.core.workflow import Moves
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.registrations.enums import TRANSITIONS


def people_scope(user):
    """Unit ids whose people's registrations the account reads (or EVERYTHING): the
    whole agency for office, director and council, the units a head manages; staff get
    none beyond their own row."""
    if rules.is_admin(user):
        return rules.EVERYTHING
    if rules.has_role(user, *rules.AGENCY_WIDE):
        return rules.unit_scope(user)
    from thidua.organization.models import Unit

    heads = rules.units_with_role(user, Role.UNIT_HEAD)
    return Unit.objects.subtree_ids(heads) if heads else set()


def can_read_people(user, unit) -> bool:
    scope = people_scope(user)
    return scope is rules.EVERYTHING or unit.pk in scope


def can_oversee(user) -> bool:
    """Reads every unit's registration of the agency: the list and the Excel export."""
    return rules.is_admin(user) or rules.has_role(user, *rules.AGENCY_WIDE)


def is_office(user) -> bool:
    """The office's desk: sets the registration window, accepts and returns."""
    return rules.is_admin(user) or rules.is_office(user)


def can_set_window(user) -> bool:
    return is_office(user)


def _office_for(user, unit) -> bool:
    return is_office(user) and rules.can_see_unit(user, unit)


def can_manage(user, unit) -> bool:
    """Edits the unit's title and commitments (while editable: the service checks the
    state). `unit` is a Unit or its id: the registration may not exist yet."""
    return rules.is_admin(user) or rules.heads_unit(user, unit)


def can_open(user, unit) -> bool:
    """Creates the unit's empty draft when someone first writes in it: whoever manages
    the unit's registration, or one of its people writing their own row."""
    own = rules.person_of(user)
    unit_id = unit if isinstance(unit, int) else unit.pk
    return can_manage(user, unit_id) or (own is not None and own.unit_id == unit_id)


def submits_for(user, unit) -> bool:
    # The office may submit on a unit's behalf, e.g. a registration sent late on paper.
    return can_manage(user, unit) or _office_for(user, unit)


def can_submit(user, registration) -> bool:
    return submits_for(user, registration.unit_id)


def can_accept(user, registration) -> bool:
    return _office_for(user, registration.unit_id)


def can_return(user, registration) -> bool:
    return _office_for(user, registration.unit_id)


def may_submit_outside_window(user) -> bool:
    return is_office(user)


def can_edit_person(user, person) -> bool:
    """A person edits their own row; the head fills in for people without an account."""
    own = rules.person_of(user)
    if own is not None and own.pk == person.pk:
        return True
    return rules.is_admin(user) or (person.user_id is None and rules.heads_unit(user, person.unit_id))


MOVES = Moves(
    TRANSITIONS,
    {
        State.SUBMITTED: can_submit,
        State.ACCEPTED: can_accept,
        State.RETURNED: can_return,
    },
)
