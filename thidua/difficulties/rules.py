"""Who may raise, read, review and decide difficulties. Built on the organisation's
rules: a unit's head and staff raise for their own unit, the office takes items in,
recommends and closes them, and only the director decides."""

from thidua.organization import rules
from thidua.organization.enums import Role


def raising_unit_ids(user) -> set[int]:
    """Units the account belongs to as head or staff: the ones it may raise for."""
    return set(rules.units_with_role(user, Role.UNIT_HEAD)) | set(rules.units_with_role(user, Role.STAFF))


def can_raise(user, unit) -> bool:
    unit_id = unit if isinstance(unit, int) else unit.pk
    return unit_id in raising_unit_ids(user)


def can_edit(user, difficulty) -> bool:
    return can_raise(user, difficulty.unit_id)


def can_review(user) -> bool:
    """Takes items in, writes the office's summary and recommendation, closes them."""
    return rules.is_admin(user) or rules.is_office(user)


def can_decide(user) -> bool:
    # Deciding is the director's own power: not delegated to the office or an administrator.
    return rules.is_director(user)
