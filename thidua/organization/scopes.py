"""How far an account reads records that are personal to a unit's people, such as
commendation records and scores: narrower than `organization.rules.unit_scope`, since
a staff member sees only their own, not their colleagues'."""

from thidua.organization.models import Person
from thidua.organization.rules import AGENCY_WIDE, EVERYTHING, close_units, person_of


def personal_unit_ids(user):
    """Units whose own records and whose people's records the account reads (its own
    record aside), or EVERYTHING: the agency for the office, the director and the
    council, the units headed (with those below) for a unit head, none for the rest.
    Personal detail (birth date, ethnicity) is narrower: `rules.can_see_personal_detail`."""
    return close_units(user, AGENCY_WIDE)


def can_read_personal(user, subject) -> bool:
    """Whether the account reads the records of `subject`, a Person or a Unit."""
    units = personal_unit_ids(user)
    if isinstance(subject, Person):
        own = person_of(user)
        if own is not None and own.pk == subject.pk:
            return True
        return units is EVERYTHING or subject.unit_id in units
    return units is EVERYTHING or subject.pk in units
