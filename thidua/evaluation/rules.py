"""Who sees and who scores what on a scoring sheet, built on `organization.rules`.

The office, the director and the council see the whole department; a unit head sees
the units they head and their people; anyone else sees their own scores only. A unit
assesses itself through its head, a person assesses themselves; the office may enter
either on their behalf. Only council members score, and never their own unit.

One predicate per move, `can_<move>(user, obj)`: the services ask them before each
change, the pages to show a move's link and before reading its form, and the API
through the services. A sheet and its scores have no workflow state."""

from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.organization.rules import (
    EVERYTHING,
    heads_unit,
    is_admin,
    is_council,
    is_director,
    person_of,
    units_with_role,
)
from thidua.organization.rules import is_office as is_office_role
from thidua.organization.scopes import can_read_personal as can_see
from thidua.organization.scopes import personal_unit_ids as unit_ids_seen

__all__ = [
    "EVERYTHING",
    "person_of",
    "unit_ids_seen",
    "can_see",
    "can_create_sheet",
    "can_set_points",
    "can_self_assess",
    "can_score",
    "sits_on_council",
    "conflict_reason",
    "member_unit_ids",
    "can_see_member_scores",
]


def is_office(user) -> bool:
    return is_admin(user) or is_office_role(user)


def can_create_sheet(user, plan) -> bool:
    """Opens a year's sheet of the plan."""
    return is_office(user)


def can_set_points(user, sheet) -> bool:
    """Sets the points per criterion and the classification thresholds."""
    return is_office(user)


def can_self_assess(user, subject) -> bool:
    """A unit's head for the unit, the person for themselves, or the office."""
    if is_office(user):
        return True
    if isinstance(subject, Person):
        own = person_of(user)
        return own is not None and own.pk == subject.pk
    return heads_unit(user, subject)


def sits_on_council(user) -> bool:
    """Scores at all: the council member's queue of subjects."""
    return is_council(user)


def can_score(user, subject) -> bool:
    """A council member scores a subject, never their own unit or its people."""
    return sits_on_council(user) and conflict_reason(user, subject) is None


def member_unit_ids(user) -> set[int]:
    """The units a council member works in: any of them, or its people, is a conflict."""
    person = person_of(user)
    units = set(units_with_role(user, Role.STAFF)) | set(units_with_role(user, Role.UNIT_HEAD))
    if person is not None:
        units.add(person.unit_id)
    return units


def conflict_reason(user, subject) -> Unit | None:
    """The member's own unit when scoring `subject` would mean scoring it, else None."""
    unit_id = subject.unit_id if isinstance(subject, Person) else subject.pk
    if unit_id in member_unit_ids(user):
        return subject.unit if isinstance(subject, Person) else subject
    return None


def can_see_member_scores(user) -> bool:
    """Who scored what: the office and the director; a member sees their own only."""
    return is_office(user) or is_director(user)
