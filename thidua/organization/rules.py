"""Roles and scopes: who holds which role where, which units an account sees
(`unit_scope`, `can_see_unit`, `in_scope`) and whose personal detail it reads. Every
app's `rules.py` builds its `can_<move>(user, obj)` predicates on these, and every
`visible_to(user)` queryset its filter; nothing else reads memberships to decide access."""

from django.db.models import Q

from thidua.organization.enums import Role
from thidua.organization.tree import UnitTree

EVERYTHING = object()  # scope of a system administrator: no unit filter at all


class WholeTree(frozenset):
    """A scope that holds every unit there is (the province's own office). It is the
    set of their ids like any other scope, and says so: a filter by it keeps every row,
    so `in_scope` leaves it out instead of sending a list of every unit to the database."""


def covers_all(scope) -> bool:
    """Whether a filter by `scope` would keep every row: EVERYTHING or the whole tree."""
    return scope is EVERYTHING or isinstance(scope, WholeTree)


def in_scope(scope, *fields: str) -> Q:
    """Rows whose `fields` (any of them) name a unit of `scope`; no condition at all when
    the scope covers every unit."""
    if covers_all(scope):
        return Q()
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__in": scope})
    return condition


# Roles whose scope is their whole agency (the department), not just their own unit.
AGENCY_WIDE = {Role.OFFICE, Role.DIRECTOR, Role.COUNCIL}
# The role that decides which home page an account lands on, in this order.
HOME_ORDER = [Role.ADMIN, Role.DIRECTOR, Role.OFFICE, Role.COUNCIL, Role.UNIT_HEAD, Role.STAFF]


def _roles(user) -> list[tuple[str, int]]:
    """(role, unit id) pairs of an account, loaded once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_thidua_roles", None)
    if cached is None:
        cached = list(user.memberships.values_list("role", "unit_id"))
        user._thidua_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return any(role in roles for role, _ in _roles(user))


def is_admin(user) -> bool:
    return getattr(user, "is_superuser", False) or has_role(user, Role.ADMIN)


def is_office(user) -> bool:
    return has_role(user, Role.OFFICE)


def is_director(user) -> bool:
    return has_role(user, Role.DIRECTOR)


def is_council(user) -> bool:
    return has_role(user, Role.COUNCIL)


def heads_unit(user, unit) -> bool:
    unit_id = unit if isinstance(unit, int) else unit.pk
    return (Role.UNIT_HEAD, unit_id) in [(r, u) for r, u in _roles(user)]


def primary_role(user) -> str | None:
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    held = {role for role, _ in _roles(user)}
    return next((role for role in HOME_ORDER if role in held), None)


def person_of(user):
    if not getattr(user, "is_authenticated", False):
        return None
    from thidua.organization.models import Person

    try:
        return user.person
    except Person.DoesNotExist:
        return None


def name_of(user) -> str:
    """The name a page or document prints for an account: its person's full name as
    stored, else the account's own name; empty for no one."""
    if user is None:
        return ""
    person = person_of(user)
    return person.full_name if person else user.get_full_name() or user.username


def unit_scope(user):
    """The unit ids whose data the account may see, or EVERYTHING."""
    if is_admin(user):
        return EVERYTHING
    cached = getattr(user, "_thidua_scope", None)
    if cached is not None:
        return cached
    roles = _roles(user)
    tree = UnitTree() if any(role in AGENCY_WIDE or role == Role.UNIT_HEAD for role, _ in roles) else None
    roots: set[int] = set()
    own_only: set[int] = set()
    for role, unit_id in roles:
        if role in AGENCY_WIDE:
            roots.add(tree.agency_of(unit_id))
        elif role == Role.UNIT_HEAD:
            roots.add(unit_id)
        else:
            own_only.add(unit_id)
    scope = (tree.subtree(roots) if roots else set()) | own_only
    if roots and len(scope) >= tree.size:
        scope = WholeTree(scope)
    if getattr(user, "is_authenticated", False):
        user._thidua_scope = scope
    return scope


def can_see_unit(user, unit) -> bool:
    """Whether `unit` (a Unit or its id) is in the account's scope."""
    scope = unit_scope(user)
    return scope is EVERYTHING or (unit if isinstance(unit, int) else unit.pk) in scope


def can_see_person(user, person) -> bool:
    """Name, position, unit, e-mail and confirmed achievements: the person's colleagues
    see these (see `can_see_personal_detail` for the rest)."""
    own = person_of(user)
    return (own is not None and own.pk == person.pk) or can_see_unit(user, person.unit)


# --- Personal data (Nghị định 13/2023/NĐ-CP) --------------------------------------------
# Roles that read the personal detail and the unconfirmed work of everyone in their
# agency. The council judges achievements once they are confirmed, so it is not one.
PERSONAL_DETAIL_ROLES = {Role.OFFICE, Role.DIRECTOR}


def close_units(user, agency_roles):
    """Units whose people an account reads closely, or EVERYTHING: the agency for a role
    of `agency_roles`, the units headed (with those below) for a unit head, none for the
    rest. `agency_roles` is PERSONAL_DETAIL_ROLES for personal detail; the records of
    commendation and scores (`organization.scopes`) also open them to the council."""
    if is_admin(user):
        return EVERYTHING
    if has_role(user, *agency_roles):
        return unit_scope(user)
    headed = units_with_role(user, Role.UNIT_HEAD)
    return UnitTree().subtree(headed) if headed else set()


def personal_detail_units(user):
    """Units whose people's personal detail the account reads (its own aside)."""
    cached = getattr(user, "_thidua_detail_units", None)
    if cached is None:
        cached = close_units(user, PERSONAL_DETAIL_ROLES)
        if getattr(user, "is_authenticated", False):
            user._thidua_detail_units = cached
    return cached


def is_self(user, person) -> bool:
    own = person_of(user)
    return own is not None and own.pk == person.pk


def can_see_personal_detail(user, person) -> bool:
    """Gender, birth date, ethnicity and work not yet confirmed: the person, the head of
    their unit (or of a unit above), the office and the director of their agency, and the
    system administrator. Colleagues see `can_see_person`'s part only."""
    if is_self(user, person):
        return True
    units = personal_detail_units(user)
    return covers_all(units) or person.unit_id in units


def personal_detail_q(user, unit_field: str = "unit_id", person_field: str = "person_id") -> Q:
    """Rows (of people's work) whose unconfirmed state the account may read: those of
    `personal_detail_units` and the account's own; the queryset form of
    `can_see_personal_detail`."""
    units = personal_detail_units(user)
    if covers_all(units):
        return Q()  # not `Q() | own`: an empty Q joined by OR would narrow it to `own`
    own = person_of(user)
    condition = Q(**{f"{unit_field}__in": units})
    if own is not None:
        condition |= Q(**{person_field: own.pk})
    return condition


def can_manage_personal_data(user) -> bool:
    """Exports everything held about a person, anonymises one who has left, and sees who
    read a person's detail: the office (and the system administrator), within the
    people it sees (`can_see_person`)."""
    return is_admin(user) or is_office(user)


def can_manage_organization(user) -> bool:
    return is_admin(user) or is_office(user)


def can_edit_plan(user) -> bool:
    return is_admin(user) or is_office(user)


def can_manage_lockouts(user) -> bool:
    """The office and the system administrators see and lift sign-in lockouts."""
    return is_admin(user) or is_office(user)


def needs_second_factor(user) -> bool:
    """System administrators and anyone who may open the Django admin must sign in with
    a second factor (outside demo mode)."""
    return bool(getattr(user, "is_staff", False)) or is_admin(user)


def can_read_history(user) -> bool:
    return is_admin(user) or is_office(user) or is_director(user)


def units_with_role(user, role: str) -> list[int]:
    return [unit_id for held, unit_id in _roles(user) if held == role]
