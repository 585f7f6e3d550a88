"""Who may do what with proposals, decisions and the register, built on the
organisation's predicates. Pages and the API ask these same functions.

Unit heads propose for the units they head (and their people); the office for anyone
of its agency; only the office moves proposals through checking; only the director
approves and decides; the register is read whole by the office and the director, by a
unit head for the units they head, and by everyone for themselves."""

from thidua.organization import rules as org
from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.proposals.enums import EDITABLE

EVERYTHING = org.EVERYTHING


def sees_everything(user) -> bool:
    return org.is_admin(user)


def is_office(user) -> bool:
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
    return (proposal.subject_unit_id in headed_units(user) or proposal.created_by_id == getattr(user, "pk", None)
            or (proposal.by_office and is_office(user)))


def can_edit(user, proposal) -> bool:
    return is_proposer(user, proposal) and proposal.state in EDITABLE


def can_check(user) -> bool:
    """Accept, return, send to the council, forward upward, record an upper decision."""
    return is_office(user)


def can_decide(user) -> bool:
    """Approve and decide what the director decides (Law Art. 80 cl. 1)."""
    return is_director(user)


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


def can_manage_settings(user) -> bool:
    return is_office(user)
