"""The bell in the navigation bar: how many notices the signed-in account has not read.
One COUNT query per page, none for anonymous visitors."""

from thidua.notifications.models import Notice


def notice_bell(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notices": Notice.objects.for_user(user).unread().count()}
