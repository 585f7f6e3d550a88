from thidua.organization import rules


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_is_office": rules.is_office(user) or rules.is_admin(user),
        "nav_can_history": rules.can_read_history(user),
        "nav_person": rules.person_of(user),
    }
