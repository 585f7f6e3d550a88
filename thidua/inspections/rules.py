"""Who may plan, fill in, follow up and read self-inspections. Built on the
organisation's rules: the office plans and takes checklists in; a unit's head and staff
fill in their own unit's checklist and the head sends it; findings and follow-up
actions are written by the office or the unit's head; an action is marked done by its
owner, the unit's head or the office."""

from thidua.organization import rules
from thidua.organization.enums import Role


def member_unit_ids(user) -> set[int]:
    return set(rules.units_with_role(user, Role.UNIT_HEAD)) | set(rules.units_with_role(user, Role.STAFF))


def can_plan(user) -> bool:
    """Creates inspection plans, takes checklists in or returns them."""
    return rules.is_admin(user) or rules.is_office(user)


def can_fill(user, checklist) -> bool:
    return checklist.unit_id in member_unit_ids(user)


def can_send(user, checklist) -> bool:
    return rules.heads_unit(user, checklist.unit_id)


def can_follow_up(user, checklist) -> bool:
    """Writes findings and follow-up actions for the unit's checklist."""
    return can_plan(user) or rules.heads_unit(user, checklist.unit_id)


def can_complete(user, action) -> bool:
    own = rules.person_of(user)
    return can_follow_up(user, action.checklist) or (own is not None and own.pk == action.owner_id)
