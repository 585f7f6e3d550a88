"""Who may see and change commendation records, built on `organization.rules`.

Records are more personal than the staff list: a staff member sees their own record
only, not their colleagues'; a unit head sees the people and the unit they head; the
office, the director and the council see their agency. Only the office changes the
catalogue, the rules, awards, discipline and holds; ratings are entered by the office, or
by a unit head for the people of their unit."""

from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.organization.rules import (
    EVERYTHING,
    heads_unit,
    is_admin,
    is_office,
    person_of,
    units_with_role,
)
from thidua.organization.scopes import can_read_personal as can_see_record
from thidua.organization.scopes import personal_unit_ids as record_units

__all__ = [
    "can_manage",
    "can_rate",
    "can_see_pending",
    "can_use_engine",
    # Re-exported, so that the views ask this module only.
    "can_see_record",
    "record_units",
    "person_of",
    "EVERYTHING",
]


def can_manage(user) -> bool:
    """Catalogue, rules, awards, discipline and holds."""
    return is_admin(user) or is_office(user)


def can_use_engine(user) -> bool:
    return can_manage(user)


def can_rate(user, subject) -> bool:
    """The office rates anyone; a unit head rates the people of the units they head."""
    if can_manage(user):
        return True
    if not isinstance(subject, Person):
        return False
    return subject.unit_id in rateable_units(user)


def rateable_units(user):
    if can_manage(user):
        return EVERYTHING
    headed = units_with_role(user, Role.UNIT_HEAD)
    return Unit.objects.subtree_ids(headed) if headed else set()


def can_see_pending(user) -> bool:
    """Holds (discipline being considered, inspections, complaints) are not yet decided,
    so only the office sees them."""
    return can_manage(user)


def heads(user, unit) -> bool:
    return heads_unit(user, unit)
