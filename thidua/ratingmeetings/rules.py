"""Who records a unit's rating meeting: the head of the unit and the office of its
agency. Who reads it: everyone who sees the unit (`RatingMeeting.objects.visible_to`)."""

from thidua.organization import rules as org


def can_record(user, unit) -> bool:
    office = (org.is_admin(user) or org.is_office(user)) and org.can_see_unit(user, unit)
    return office or org.heads_unit(user, unit)


def recordable_units(user):
    from thidua.organization.models import Unit

    return [u for u in Unit.objects.visible_to(user).order_by("order", "name") if can_record(user, u)]


def can_guide(user) -> bool:
    """The year-end guidance is the office's."""
    return org.is_admin(user) or org.is_office(user)
