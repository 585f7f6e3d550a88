from django.conf import settings

from thidua.organization import rules
from thidua.organization.enums import Role


def navigation(request) -> dict:
    context = {"session_idle_minutes": settings.SESSION_COOKIE_AGE // 60}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    return context | {
        "nav_is_office": rules.can_manage_organization(user),
        "nav_can_history": rules.can_read_history(user),
        "nav_can_unlock": rules.can_manage_lockouts(user),
        "nav_person": rules.person_of(user),
        "nav_oversees": rules.is_admin(user)
        or rules.is_office(user)
        or rules.is_director(user)
        or rules.is_council(user),
        "nav_is_council": rules.is_council(user),
        "nav_is_director": rules.is_director(user),
        "nav_is_head": bool(rules.units_with_role(user, Role.UNIT_HEAD)),
    }
