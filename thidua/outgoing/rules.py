"""Who reads and keeps the register of outgoing documents: the office keeps it (numbers
given outside the system, the next number, signed copies); the director reads it too.
Both within their agency (`organization.rules.unit_scope`)."""

from thidua.organization.rules import in_scope, is_admin, is_director, is_office, unit_scope


def can_see_register(user) -> bool:
    return is_admin(user) or is_office(user) or is_director(user)


def can_keep_register(user) -> bool:
    return is_admin(user) or is_office(user)


def register_q(user):
    """The register lines of the agencies the account sees."""
    return in_scope(unit_scope(user), "agency_id")
