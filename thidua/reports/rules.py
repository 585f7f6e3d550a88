"""Who may do what with periods and unit reports, built on organization.rules. Pages,
the API and the services ask these same questions."""

from thidua.organization import rules
from thidua.organization.enums import Role


def can_manage_periods(user) -> bool:
    """Define periods, return or accept reports, remind units, consolidate, issue."""
    return rules.is_admin(user) or rules.is_office(user)


def can_see_board(user) -> bool:
    return can_manage_periods(user) or rules.is_director(user) or rules.has_role(user, Role.UNIT_HEAD)


def is_owner(user, report) -> bool:
    person = rules.person_of(user)
    return person is not None and report.owner_id == person.pk


def can_write(user, report) -> bool:
    """The named owner and the unit's head write and submit the unit's report."""
    return is_owner(user, report) or rules.heads_unit(user, report.unit_id)


def can_assign_owner(user, report) -> bool:
    return can_manage_periods(user) or rules.heads_unit(user, report.unit_id)


def own_unit_ids(user) -> list[int]:
    """Units the account belongs to as head or staff (not the agency-wide roles)."""
    return rules.units_with_role(user, Role.UNIT_HEAD) + rules.units_with_role(user, Role.STAFF)
