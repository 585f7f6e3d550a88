"""Who may see and run council meetings, who may vote, and conflicts of interest."""

from thidua.organization import rules as org
from thidua.organization.enums import Role


def sees_meetings(user) -> bool:
    return org.is_admin(user) or org.is_office(user) or org.is_director(user) or org.is_council(user)


def can_manage(user) -> bool:
    """The office prepares meetings, seats members, records attendance, issues minutes."""
    return org.is_admin(user) or org.is_office(user)


def member_units(user) -> set[int]:
    """Units a member works in: a proposal about any of them is a conflict."""
    person = org.person_of(user)
    units = set(org.units_with_role(user, Role.STAFF)) | set(org.units_with_role(user, Role.UNIT_HEAD))
    if person is not None:
        units.add(person.unit_id)
    return units


def conflict(user, proposal) -> str | None:
    """Why this member may not vote on this proposal, or None."""
    from django.utils.translation import gettext

    person = org.person_of(user)
    if person is not None and proposal.person_id == person.pk:
        return gettext("Bạn không biểu quyết đề nghị khen thưởng cho chính mình: xung đột lợi ích.")
    if proposal.subject_unit_id in member_units(user):
        return gettext("Bạn không biểu quyết đề nghị của đơn vị mình («%(unit)s»): xung đột lợi ích.") % {
            "unit": proposal.subject_unit.name
        }
    return None


def is_director(user) -> bool:
    return org.is_director(user)
