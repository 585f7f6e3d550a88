"""Who sees and who scores what on a scoring sheet, built on `organization.rules`.

The office, the director and the council see the whole department; a unit head sees
the units they head and their people; anyone else sees their own scores only. A unit
assesses itself through its head, a person assesses themselves; the office may enter
either on their behalf. Only council members score, and never their own unit."""

from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.organization.rules import (
    EVERYTHING,
    heads_unit,
    is_admin,
    is_council,
    is_director,
    is_office,
    person_of,
    units_with_role,
)
from thidua.organization.scopes import can_read_personal as can_see
from thidua.organization.scopes import personal_unit_ids as unit_ids_seen

__all__ = [
    "EVERYTHING",
    "person_of",
    "unit_ids_seen",
    "can_see",
    "can_manage",
    "can_self_assess",
    "can_score",
    "conflict_reason",
    "member_unit_ids",
    "can_see_member_scores",
]


def can_manage(user) -> bool:
    """Sets up the sheet: points per criterion and classification thresholds."""
    return is_admin(user) or is_office(user)


def can_self_assess(user, subject) -> bool:
    """A unit's head for the unit, the person for themselves, or the office."""
    if can_manage(user):
        return True
    if isinstance(subject, Person):
        own = person_of(user)
        return own is not None and own.pk == subject.pk
    return heads_unit(user, subject)


def can_score(user) -> bool:
    return is_council(user)


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
    return is_admin(user) or is_office(user) or is_director(user)
