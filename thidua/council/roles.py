"""Each member's role in the council (Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký), as the
documents name them: the meeting's chair presides; a member whose position is a
deputy director is a vice-chair; the meeting's secretary is the secretary; the others
are members. Without a meeting, the agency's director presides."""

from thidua.organization.enums import Role
from thidua.organization.rules import name_of, person_of

CHAIR = "Chủ tịch Hội đồng"
VICE_CHAIR = "Phó Chủ tịch Hội đồng"
MEMBER = "Ủy viên"
SECRETARY = "Ủy viên, Thư ký Hội đồng"
DEPUTY = "phó giám đốc"
ORDER = {CHAIR: 0, VICE_CHAIR: 1, MEMBER: 2, SECRETARY: 3}


def position_of(user) -> str:
    """The person's position, or their category (Công chức, Viên chức …) without one."""
    person = person_of(user)
    if person is None:
        return ""
    return person.position or person.get_category_display()


def role_of(user, chair_id: int | None, secretary_id: int | None) -> str:
    if user.pk == chair_id:
        return CHAIR
    if user.pk == secretary_id:
        return SECRETARY
    person = person_of(user)
    if person is not None and person.position.lower().startswith(DEPUTY):
        return VICE_CHAIR
    return MEMBER


def ranked(users, chair_id: int | None, secretary_id: int | None) -> list[tuple[object, str]]:
    rows = [(u, role_of(u, chair_id, secretary_id)) for u in users]
    return sorted(rows, key=lambda row: (ORDER[row[1]], name_of(row[0])))


def council_roles(meeting) -> list[tuple[str, str]]:
    """(name, role) of the members seated at a meeting, the chair first."""
    users = [m.user for m in meeting.members.select_related("user__person")]
    return [(name_of(u), role) for u, role in ranked(users, meeting.chair_id, meeting.secretary_id)]


def is_director(user) -> bool:
    return user.memberships.filter(role=Role.DIRECTOR).exists()
