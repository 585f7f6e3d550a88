"""Who may record, edit, submit, confirm and return results: one predicate per move,
`can_<move>(user, entry)`, built on the predicates of `organization.rules`. The
services ask them before each move (`actor=None`, the demo loader and imports without
an account, is the system), the pages to show a move's button and before running it,
and the API before reading the request's body."""

from thidua.core.codes import State
from thidua.core.workflow import Moves
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.results.enums import TRANSITIONS


def heads(user, unit_id: int) -> bool:
    return rules.is_admin(user) or rules.heads_unit(user, unit_id)


def is_own(user, entry) -> bool:
    """The entry is the account's own person's entry."""
    own = rules.person_of(user)
    return own is not None and entry.person_id == own.pk


def can_record_for_unit(user, unit) -> bool:
    """A unit's own results are recorded by its head."""
    return heads(user, unit if isinstance(unit, int) else unit.pk)


def can_record_personal(user) -> bool:
    return rules.person_of(user) is not None


def can_edit(user, entry) -> bool:
    """Whose entry it is: the person's own, or, for a unit entry, the unit head's.
    Whether its state still allows editing is the service's question."""
    if entry.person_id is not None:
        return is_own(user, entry)
    return heads(user, entry.unit_id)


def can_record(user, entry) -> bool:
    """Records a new entry (not saved yet): whoever will then edit it."""
    return can_edit(user, entry)


def can_submit(user, entry) -> bool:
    return can_edit(user, entry)


def can_confirm(user, entry) -> bool:
    """The unit head confirms the entries of the unit's people, never their own: a
    head's own entries are confirmed as they submit them (`confirms_on_submit`)."""
    return entry.person_id is not None and not is_own(user, entry) and heads(user, entry.unit_id)


def can_return(user, entry) -> bool:
    """Whoever confirms an entry may return it instead, with the reason."""
    return can_confirm(user, entry)


def confirms_on_submit(user, entry) -> bool:
    """An entry submitted by a head of its unit needs nobody else's confirmation. With
    no account (demo data, imports) only unit entries are confirmed on submission."""
    if user is None:
        return entry.person_id is None
    return heads(user, entry.unit_id)


def units_to_confirm(user) -> list[int] | None:
    """Unit ids whose people's entries the account confirms; None means every unit."""
    return None if rules.is_admin(user) else rules.units_with_role(user, Role.UNIT_HEAD)


def units_recorded_for(user) -> list[int]:
    return rules.units_with_role(user, Role.UNIT_HEAD)


MOVES = Moves(
    TRANSITIONS,
    {
        State.SUBMITTED: can_submit,
        State.CONFIRMED: can_confirm,
        State.RETURNED: can_return,
    },
)
