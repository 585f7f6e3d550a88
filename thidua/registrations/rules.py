"""Who may read and change registrations, built on the organisation's rules: the unit
head manages the unit's registration and fills in for people without an account, each
person edits their own row, the office accepts or returns."""

from thidua.organization import rules
from thidua.organization.enums import Role


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


def can_review(user) -> bool:
    """Accepts or returns registrations and sets the registration window."""
    return rules.is_admin(user) or rules.is_office(user)


def can_manage(user, unit) -> bool:
    """Edits the unit's title and commitments."""
    return rules.is_admin(user) or rules.heads_unit(user, unit)


def can_submit(user, unit) -> bool:
    # The office may submit on a unit's behalf, e.g. a registration sent late on paper.
    return can_manage(user, unit) or can_review(user)


def may_submit_outside_window(user) -> bool:
    return can_review(user)


def can_edit_person(user, person) -> bool:
    """A person edits their own row; the head fills in for people without an account."""
    own = rules.person_of(user)
    if own is not None and own.pk == person.pk:
        return True
    return rules.is_admin(user) or (person.user_id is None and rules.heads_unit(user, person.unit_id))
