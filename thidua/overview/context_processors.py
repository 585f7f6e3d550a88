from django.conf import settings
from django.urls import reverse

from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.overview import guide


def _help(request) -> str:
    """The guide's section about the page the user is on ("?" in the navigation)."""
    task = guide.section_for(request.path)
    return reverse("user_guide") + (f"#{task.key}" if task else "")


def navigation(request) -> dict:
    context = {"session_idle_minutes": settings.SESSION_COOKIE_AGE // 60}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    return context | {
        "nav_help": _help(request),
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
